/**
 * The gain/loss editor's "explore the terms" part: an outturn curve (what each party gets
 * or bears from one actual spend to another) and an exposure simulation (random outturns),
 * as the user typed them, with their checks, their parameters and their restoring from a
 * saved run. Both are of one contract, so a run over every contract leaves them out.
 */
import { Dec } from '../../../engine/decimal';
import type { GainLossParams } from '../../operations';
import { parseMoney, parsePercent, parseWhole } from '../../ukFormat';
import { amountText, nameIn, percentText, wholeText } from '../../forms/savedValues';

export type Distribution = 'normal' | 'lognormal';

/** The outturn curve as typed: its ends in percent of expected ("-20", "20"), and its points. */
export interface CurveForm {
  readonly on: boolean;
  readonly from: string;
  readonly to: string;
  readonly points: string;
}

/** The exposure simulation as typed. */
export interface SimulationForm {
  readonly on: boolean;
  readonly draws: string;
  /** The coefficient of variation in percent ("5"). */
  readonly cv: string;
  readonly distribution: Distribution;
  readonly seed: string;
  /** A loss in pounds whose chance of being exceeded is shown; blank for none. */
  readonly lossThreshold: string;
}

export interface ExploreForm {
  readonly curve: CurveForm;
  readonly simulation: SimulationForm;
}

/** The layer's limits (see the gain share's parameters). */
export const CURVE_POINTS = { min: 2, max: 1001 } as const;
export const SIMULATION_DRAWS = { min: 100, max: 1_000_000 } as const;
const MAX_SEED = 2_147_483_647;

/** Both off, with the example figures ready for when the user turns one on. */
export function defaultExplore(): ExploreForm {
  return {
    curve: { on: false, from: '-20', to: '20', points: '41' },
    simulation: {
      on: false,
      draws: '10,000',
      cv: '5',
      distribution: 'normal',
      seed: '1',
      lossThreshold: '',
    },
  };
}

const whole = (text: string): string => text.replace(/,/g, '').trim();

/** The errors of the curve and simulation, keyed `curve.from`, `simulation.draws` and so on. */
export function checkExplore(form: ExploreForm, errors: Record<string, string>): void {
  const { curve, simulation } = form;
  if (curve.on) {
    const from = parsePercent(curve.from, -100, 1000);
    const to = parsePercent(curve.to, -100, 1000);
    if (!from.ok) errors['curve.from'] = from.message;
    if (!to.ok) errors['curve.to'] = to.message;
    if (from.ok && to.ok && !new Dec(from.value).lessThan(to.value)) {
      errors['curve.to'] = 'The curve must end above where it starts.';
    }
    const points = parseWhole(whole(curve.points), CURVE_POINTS.min, CURVE_POINTS.max);
    if (!points.ok) errors['curve.points'] = points.message;
  }
  if (simulation.on) {
    const draws = parseWhole(whole(simulation.draws), SIMULATION_DRAWS.min, SIMULATION_DRAWS.max);
    if (!draws.ok) errors['simulation.draws'] = draws.message;
    const cv = parsePercent(simulation.cv, 0, 100);
    if (!cv.ok) errors['simulation.cv'] = cv.message;
    const seed = parseWhole(whole(simulation.seed), 0, MAX_SEED);
    if (!seed.ok) errors['simulation.seed'] = seed.message;
    const threshold = simulation.lossThreshold.trim();
    if (threshold !== '') {
      const parsed = parseMoney(threshold);
      if (!parsed.ok) errors['simulation.lossThreshold'] = parsed.message;
      else if (new Dec(parsed.value).isNegative()) {
        errors['simulation.lossThreshold'] = 'Enter the loss as a positive amount.';
      }
    }
  }
}

function must(parsed: { ok: true; value: string } | { ok: false; message: string }): string {
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

/** The curve and simulation parameters of a form that passed {@link checkExplore}. */
export function exploreParams(form: ExploreForm): Pick<GainLossParams, 'curve' | 'simulation'> {
  const { curve, simulation } = form;
  const threshold = simulation.lossThreshold.trim();
  return {
    ...(curve.on
      ? {
          curve: {
            from: must(parsePercent(curve.from, -100, 1000)),
            to: must(parsePercent(curve.to, -100, 1000)),
            points: Number(whole(curve.points)),
          },
        }
      : {}),
    ...(simulation.on
      ? {
          simulation: {
            draws: Number(whole(simulation.draws)),
            cv: must(parsePercent(simulation.cv, 0, 100)),
            distribution: simulation.distribution,
            seed: Number(whole(simulation.seed)),
            ...(threshold === '' ? {} : { lossThreshold: must(parseMoney(threshold)) }),
          },
        }
      : {}),
  };
}

/**
 * The curve and simulation from a run's saved parameters (`curveFrom`, `simulationDraws`
 * and so on); what was not saved, or cannot be read, keeps `base`.
 */
export function restoredExplore(
  params: Readonly<Record<string, unknown>>,
  base: ExploreForm,
): ExploreForm {
  const from = percentText(params.curveFrom);
  const to = percentText(params.curveTo);
  const draws = wholeText(params.simulationDraws);
  const cv = percentText(params.simulationCv);
  return {
    curve:
      from === undefined || to === undefined
        ? base.curve
        : {
            on: true,
            from,
            to,
            points: wholeText(params.curvePoints) ?? base.curve.points,
          },
    simulation:
      draws === undefined
        ? base.simulation
        : {
            on: true,
            draws,
            cv: cv ?? base.simulation.cv,
            distribution:
              (nameIn(['normal', 'lognormal'], params.simulationDistribution) as
                Distribution | undefined) ?? 'normal',
            seed: wholeText(params.simulationSeed) ?? base.simulation.seed,
            lossThreshold: amountText(params.simulationLossThreshold) ?? '',
          },
  };
}

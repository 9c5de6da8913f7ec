/**
 * The outturn curve of a capitation budget's population tolerance: the adjustment each
 * segment's budget gets across a range of actual populations, where the tolerance band's
 * edges bend it, and the largest rise and fall over the range. Every point is an exact
 * {@link capitationBudget} result at those populations.
 */
import { Dec, ZERO, percentText, sum } from '../decimal';
import { ErrorKind, fail } from '../errors';
import { capitationBudget, type CapitationInput, type CapitationResult } from './capitation';
import {
  populationTolerance,
  type PopulationTolerance,
  type ToleranceBasis,
} from './capitationTolerance';
import {
  Breakpoints,
  bendsBetween,
  curveFractions,
  extremesOver,
  type CurveRangeInput,
} from '../outturnCurve';

const SCOPE = 'CAPITATION';

export interface CapitationCurveInput extends CapitationInput {
  readonly curve: CurveRangeInput;
}

/** One outturn: the populations (totals over every segment and year) and the adjustments. */
export interface CapitationCurvePoint {
  /** Actual population over every segment-year: the projections × (1 + fraction). */
  readonly actualPopulation: Dec;
  /** Actual − projected population, over every segment-year. */
  readonly varianceInPopulation: Dec;
  /** The budget's tolerance adjustment over every segment and year. */
  readonly adjustment: Dec;
  /** Each segment's adjustment over the years. */
  readonly segments: readonly { readonly segment: string; readonly adjustment: Dec }[];
}

/** A population at which some segment's adjustment stops following one straight line. */
export interface CapitationCurveKink {
  readonly actualPopulation: Dec;
  readonly varianceInPopulation: Dec;
  /** The population's change on its projection there (the same for every segment-year). */
  readonly varianceFraction: Dec;
  readonly reason: string;
  /** The segments whose adjustment changes slope (or jumps) there. */
  readonly segments: readonly string[];
}

/** The largest rise and fall of a segment's budget (or of the whole budget) over the range. */
export interface CapitationCurveExtremes {
  readonly segment: string;
  readonly maximumIncrease: Dec;
  /** A fall, as a negative amount (0 when the budget never falls over the range). */
  readonly maximumDecrease: Dec;
}

export interface CapitationCurve {
  readonly curve: readonly CapitationCurvePoint[];
  readonly kinks: readonly CapitationCurveKink[];
  readonly curveSegments: readonly CapitationCurveExtremes[];
  /** The same for the whole budget's adjustment. */
  readonly curveTotal: Omit<CapitationCurveExtremes, 'segment'>;
}

/** People are counted to hundredths at each point, as spend is counted to pence. */
const POPULATION_PLACES = 2;

/**
 * The outturn curve of a population tolerance. At `points` fractions in equal steps from
 * `from` to `to`, both ends included, every segment's actual population in every plan year
 * is its projection × (1 + fraction), rounded to hundredths of a person, and the budget is
 * adjusted exactly as {@link capitationBudget} adjusts it under the tolerance's band and
 * basis; the tolerance's own `actuals` are not used.
 *
 * Kinks: each segment-year's adjustment is nil within the band and a straight line beyond
 * it, so the only bends are at the band's edges, projection × (1 ± band): the adjustment
 * starts there (basis `excess`) or jumps to the whole variance (basis `full`). With a band
 * of 0 the adjustment is one straight line and there is no kink. Every segment-year moves
 * by the same fraction, so the edges are at the same fraction for all of them.
 *
 * Extremes: the adjustment never falls as the population rises (under either basis), so
 * the largest rise is at the top of the range and the largest fall at the bottom.
 *
 * @param input - the capitation budget with its `tolerance` (band, basis), and `curve`.
 * @returns `curve[]`, `kinks[]`, `curveSegments[]` and `curveTotal`.
 * @throws EngineError as {@link capitationBudget}; `CAPITATION.MISSING` without a
 *   `tolerance`; `CAPITATION.OUT_OF_RANGE` / `CAPITATION.INCONSISTENT` for a bad range.
 * @example
 * capitationCurve({ segments: [{ name: '65+', population: 10000, annualRate: 100 }],
 *   tolerance: { band: 0.02 }, curve: { from: -0.05, to: 0.05, points: 11 } })
 *   .curve[10].adjustment // → 30000.00 (500 people over, 200 within the band, £100 each)
 */
export function capitationCurve(input: CapitationCurveInput): CapitationCurve {
  const fractions = curveFractions(SCOPE, input?.curve);
  const tolerance = input.tolerance;
  if (tolerance === undefined || tolerance === null) {
    fail(
      SCOPE,
      ErrorKind.MISSING,
      'tolerance',
      tolerance,
      'An outturn curve of a capitation budget needs a population tolerance (tolerance.band).',
    );
  }
  const base = capitationBudget({ ...input, tolerance: { ...tolerance, actuals: [] } });
  const projections = base.years.flatMap((y) =>
    y.segments.map((s) => ({ ...s, yearIndex: y.yearIndex })),
  );
  const names = base.years[0]?.segments.map((s) => s.segment) ?? [];
  const results = fractions.map((f) =>
    capitationBudget({
      ...input,
      tolerance: {
        ...tolerance,
        actuals: projections.map((p) => ({
          segment: p.segment,
          yearIndex: p.yearIndex,
          population: p.projectedPopulation
            .times(f.plus(1))
            .toDecimalPlaces(POPULATION_PLACES, Dec.ROUND_HALF_UP),
        })),
      },
    }),
  );
  const curve = results.map((r) => point(r, names));
  const extremes = extremesOver(
    [...names, ''],
    curve.map((p) =>
      [...p.segments.map((s) => s.adjustment), p.adjustment].map((amount) => ({
        amount,
        gainCapped: false,
        lossCapped: false,
      })),
    ),
  ).map((e) => ({
    segment: e.party,
    maximumIncrease: e.maximumGain,
    maximumDecrease: e.maximumLoss,
  }));
  const total = extremes.pop();
  return {
    curve,
    kinks: findKinks(
      base,
      populationTolerance({ ...tolerance, actuals: [] }, names, base.years.length),
      fractions,
    ),
    curveSegments: extremes,
    curveTotal: {
      maximumIncrease: total?.maximumIncrease ?? ZERO,
      maximumDecrease: total?.maximumDecrease ?? ZERO,
    },
  };
}

function point(result: CapitationResult, names: readonly string[]): CapitationCurvePoint {
  const rows = result.years.flatMap((y) => y.segments);
  return {
    actualPopulation: sum(rows.map((s) => s.actualPopulation ?? ZERO)),
    varianceInPopulation: sum(rows.map((s) => s.varianceInPopulation ?? ZERO)),
    adjustment: result.totalAdjustment ?? ZERO,
    segments: names.map((segment, i) => ({
      segment,
      adjustment: sum(result.years.map((y) => y.segments[i]?.adjustment ?? ZERO)),
    })),
  };
}

/** The band's edges (and the projection itself) where some segment's line bends or jumps. */
function findKinks(
  base: CapitationResult,
  { band, basis }: PopulationTolerance,
  fractions: readonly Dec[],
): CapitationCurveKink[] {
  const names = base.years[0]?.segments.map((s) => s.segment) ?? [];
  const projected = sum(base.years.flatMap((y) => y.segments.map((s) => s.projectedPopulation)));
  const breakpoints = new Breakpoints();
  breakpoints.add(ZERO, 'actual population equals its projection');
  const what =
    basis === 'full'
      ? 'every person of the variance is paid for (the adjustment jumps)'
      : 'the people outside the band are paid for';
  breakpoints.add(band, `${percentText(band)} above projection: beyond it ${what}`);
  breakpoints.add(band.negated(), `${percentText(band)} below projection: beyond it ${what}`);
  const exact = (f: Dec) =>
    names.map((_, i) =>
      sum(
        base.years.map((y) => {
          const s = y.segments[i];
          if (s === undefined) return ZERO;
          return exactAdjustment(band, basis, s.projectedPopulation, f).times(
            s.rate.times(s.weight),
          );
        }),
      ),
    );
  const lowest = fractions[0] ?? ZERO;
  const highest = fractions[fractions.length - 1] ?? ZERO;
  return bendsBetween(breakpoints, exact, names, lowest, highest).map((bend) => ({
    actualPopulation: projected
      .times(bend.variable.plus(1))
      .toDecimalPlaces(POPULATION_PLACES, Dec.ROUND_HALF_UP),
    varianceInPopulation: projected
      .times(bend.variable)
      .toDecimalPlaces(POPULATION_PLACES, Dec.ROUND_HALF_UP),
    varianceFraction: bend.variable,
    reason: bend.reason,
    segments: bend.lines,
  }));
}

/** The people paid for when the population is `f` off its projection, exactly. */
function exactAdjustment(band: Dec, basis: ToleranceBasis, projected: Dec, f: Dec): Dec {
  if (!f.abs().greaterThan(band) || projected.isZero()) return ZERO;
  const variance = projected.times(f);
  if (basis === 'full') return variance;
  return variance
    .abs()
    .minus(band.times(projected))
    .times(f.isNegative() ? -1 : 1);
}

/** A capitation scenario that may also ask for the outturn curve of its tolerance. */
export interface CapitationExplorationInput extends CapitationInput {
  readonly curve?: CurveRangeInput;
}

export type CapitationExploration = CapitationResult & Partial<CapitationCurve>;

/**
 * A capitation budget as the scenario gives it, with the outturn curve of its population
 * tolerance when `curve` is given ({@link capitationCurve}): what `bcf calc capitation`
 * returns.
 *
 * @param input - the capitation scenario, optionally with `curve`.
 * @returns the budget's result, plus `curve`, `kinks`, `curveSegments` and `curveTotal`.
 * @throws EngineError as {@link capitationBudget} and {@link capitationCurve} do.
 * @example capitationExploration({ ...msk, tolerance: { band: 0.02 }, curve: { from: -0.1, to: 0.1, points: 5 } }).curve.length // → 5
 */
export function capitationExploration(input: CapitationExplorationInput): CapitationExploration {
  const { curve: range, ...budget } = input;
  const result = capitationBudget(budget);
  if (range === undefined || range === null) return result;
  // Spreading reads the lazily written steps once: one run's prose beside the curve's runs.
  return { ...result, ...capitationCurve({ ...budget, curve: range }) };
}

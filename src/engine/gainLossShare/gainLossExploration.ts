import { gainLossCurve, type CurveRangeInput, type GainLossCurve } from './gainLossCurve';
import { gainLossShare, type GainLossShareInput } from './gainLossShare';
import type { GainLossShareResult } from './gainLossShareTypes';
import {
  gainLossSimulation,
  type GainLossSimulation,
  type SimulationInput,
} from './gainLossSimulation';

/** A gain/loss share scenario that may also ask for its outturn curve and a simulation. */
export interface GainLossExplorationInput extends GainLossShareInput {
  readonly curve?: CurveRangeInput;
  readonly simulation?: SimulationInput;
}

export type GainLossExploration = GainLossShareResult &
  Partial<GainLossCurve> & { readonly simulation?: Omit<GainLossSimulation, 'steps'> };

/**
 * A gain/loss share at the scenario's outturn, with the outturn curve when `curve` is
 * given ({@link gainLossCurve}) and an exposure simulation when `simulation` is given
 * ({@link gainLossSimulation}): what `bcf calc gainshare` returns.
 *
 * @param input - the gain/loss share scenario, optionally with `curve` and `simulation`.
 * @returns the share's result, plus `curve`, `kinks`, `curveParties` and `simulation`; the
 *   simulation's steps follow the share's in `steps`.
 * @throws EngineError as the three functions do.
 * @example
 * gainLossExploration({ ...bedfordshire, curve: { from: -0.2, to: 0.2, points: 41 } }).curve.length // → 41
 */
export function gainLossExploration(input: GainLossExplorationInput): GainLossExploration {
  const share = gainLossShare(input);
  const { curve: range, simulation: draws } = input;
  if ((range === undefined || range === null) && (draws === undefined || draws === null)) {
    return share;
  }
  const curve =
    range === undefined || range === null ? {} : gainLossCurve({ ...input, curve: range });
  if (draws === undefined || draws === null) return { ...share, ...curve };
  // The simulation's steps follow the share's, in the one explanation.
  const { steps: simulationSteps, ...simulation } = gainLossSimulation({
    ...input,
    simulation: draws,
  });
  return { ...share, ...curve, simulation, steps: [...share.steps, ...simulationSteps] };
}

/**
 * The pane's parameters as the workbook layer's scenario parameters (plain JSON by the
 * layer's parameter ids). Fractions and amounts stay decimal strings, which the layer
 * reads like cells.
 */
import type { ScenarioParams } from '../../workbook/params';
import type { MechanismRequest } from '../operations';
import { paneTerms } from '../mechanisms/gainLossShare/paneTerms';

/** Drops the parameters left out (undefined), keeping JSON clean. */
function defined(params: Record<string, ScenarioParams[string] | undefined>): ScenarioParams {
  return Object.fromEntries(
    Object.entries(params).filter(([, v]) => v !== undefined),
  ) as ScenarioParams;
}

export function scenarioParams(request: MechanismRequest): ScenarioParams {
  switch (request.mechanism) {
    case 'gainshare': {
      const p = request.params;
      return defined({
        contract: p.contract,
        gate: p.gate?.fraction,
        gateHolder: p.gate?.holder,
        gateAppliesTo: p.gate?.appliesTo,
        unearnedTo: p.unearnedTo,
        overflowTo: p.overflowTo,
        units: p.units,
        curveFrom: p.curve?.from,
        curveTo: p.curve?.to,
        curvePoints: p.curve?.points,
        simulationDraws: p.simulation?.draws,
        simulationCv: p.simulation?.cv,
        simulationDistribution: p.simulation?.distribution,
        simulationSeed: p.simulation?.seed,
        simulationLossThreshold: p.simulation?.lossThreshold,
        terms: p.terms === 'pane' && p.editor !== undefined ? paneTerms(p.editor) : undefined,
      });
    }
    default:
      // A form built from the descriptor gives the layer's parameters by its ids already.
      return JSON.parse(JSON.stringify(request.params)) as ScenarioParams;
  }
}

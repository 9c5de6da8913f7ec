/**
 * The pane's parameters as the workbook layer's scenario parameters (plain JSON by the
 * layer's parameter ids). Fractions and amounts stay decimal strings, which the layer
 * reads like cells.
 */
import type { ParamRecord, ScenarioParams } from '../../workbook/params';
import type { MechanismRequest } from '../operations';
import { paneTerms } from '../mechanisms/gainLossShare/paneTerms';

const record = (value: Readonly<Record<string, string>>): ParamRecord => ({ ...value });

/** Drops the parameters left out (undefined), keeping JSON clean. */
function defined(params: Record<string, ScenarioParams[string] | undefined>): ScenarioParams {
  return Object.fromEntries(
    Object.entries(params).filter(([, v]) => v !== undefined),
  ) as ScenarioParams;
}

export function scenarioParams(request: MechanismRequest): ScenarioParams {
  switch (request.mechanism) {
    case 'pooledFund': {
      const p = request.params;
      return defined({
        rule: p.rule,
        unbudgetedSpend: p.unbudgetedSpend,
        fixedShares: p.fixedShares === undefined ? undefined : record(p.fixedShares),
        nhsPartner: p.nhsPartner,
        laPartner: p.laPartner,
        overspendCaps: p.overspendCaps === undefined ? undefined : record(p.overspendCaps),
        excessTo: p.excessTo,
      });
    }
    case 'gainLossShare': {
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
      // Until the layer defines a mechanism's parameters, the pane's pass through as they are.
      return JSON.parse(JSON.stringify(request.params)) as ScenarioParams;
  }
}

/**
 * The inverse of `gainLossParams` + `scenarioParams` for the gain/loss share: the gain
 * share's parameters as its last run saved them, back into the editor's state.
 *
 * - The contract: the saved Contract ID when this workbook still has it; none saved
 *   means the only contract, or with several in the workbook all contracts (a run over
 *   every contract: see {@link restoredAllContracts}). A contract the workbook no longer
 *   has restores nothing: the editor starts from its defaults.
 * - Terms: a saved `terms` parameter that passes the engine's checks and the editor can
 *   show gives `terms: 'pane'` with those bands, caps and quality scores (see
 *   restoreTerms.ts); none saved means the run used the workbook's tables
 *   (`terms: 'workbook'`); terms saved that do not pass or cannot be shown leave the
 *   contract's default terms. So do the `riskShareBands`/`riskShareTerms` table
 *   parameters an older add-in saved for its editor: they are not read back into the
 *   editor (the saved run still repeats as it was through `bcf run`, which reads them).
 * - The gate: on when a readable gate percentage was saved; its holder when that is a
 *   party, else blank for the user to choose (never a guessed party).
 * - Who receives unearned or capped amounts: the saved party, else the default.
 */
import type { ContractSummary } from '../../operations';
import { parsePercent } from '../../ukFormat';
import {
  ALL_CONTRACTS,
  contractOf,
  defaultGainLoss,
  type GainLossForm,
  type GateScope,
} from './gainLossForm';
import { restoredExplore } from './exploreForm';
import { restoredTerms } from './restoreTerms';
import { isMissing, nameIn, percentText, recordOf, unitsText } from '../../forms/savedValues';

const GATE_SCOPES: readonly GateScope[] = ['both', 'gains', 'losses'];

function gateOf(
  params: Readonly<Record<string, unknown>>,
  parties: readonly string[],
  base: GainLossForm['gate'],
): GainLossForm['gate'] {
  const percent = percentText(params.gate);
  if (percent === undefined || !parsePercent(percent).ok) return base;
  const appliesTo = nameIn(GATE_SCOPES, params.gateAppliesTo) as GateScope | undefined;
  return {
    on: true,
    percent,
    holder: nameIn(parties, params.gateHolder) ?? '',
    appliesTo: appliesTo ?? 'both',
  };
}

/**
 * Saved parameters a run over every contract may carry but the editor has no box for
 * with all contracts chosen (it leaves them to each contract's defaults and terms).
 */
const NOT_FOR_ALL = [
  'gateHolder',
  'unearnedTo',
  'overflowTo',
  'units',
  'terms',
  'riskShareBands',
  'riskShareTerms',
] as const;

/**
 * All contracts from the parameters of a run over every contract: the gate percentage
 * and what it applies to. Undefined when the run saved a gate holder, a recipient of
 * unearned or capped amounts, units or terms tables, which the editor cannot show with
 * all contracts (restoring without them would run something else).
 */
function restoredAllContracts(params: Readonly<Record<string, unknown>>): GainLossForm | undefined {
  if (NOT_FOR_ALL.some((key) => !isMissing(params[key]))) return undefined;
  const base = defaultGainLoss([], ALL_CONTRACTS);
  const gate = gateOf(params, [], base.gate);
  return { ...base, gate: { ...gate, holder: '' } };
}

/** The form's contract for the saved Contract ID, or undefined when the editor cannot show it. */
function contractIdOf(saved: unknown, contracts: readonly ContractSummary[]): string | undefined {
  if (isMissing(saved)) {
    return contracts.length === 1 ? '' : contracts.length > 1 ? ALL_CONTRACTS : undefined;
  }
  return nameIn(
    contracts.map((c) => c.id),
    saved,
  );
}

/**
 * The editor's state from the gain share's saved parameters, or undefined when nothing
 * was saved or the saved contract (or run over every contract) cannot be shown (the
 * editor keeps its defaults). Saved
 * parameters with nothing in them are a run over the workbook's tables with every
 * default, and restore as such.
 *
 * @param saved - the saved parameters (untrusted JSON).
 * @param contracts - the workbook's contracts.
 */
export function restoredGainLoss(
  saved: unknown,
  contracts: readonly ContractSummary[],
): GainLossForm | undefined {
  // An empty record is a run with every default over the workbook's tables.
  const params = recordOf(saved);
  if (params === undefined) return undefined;
  const id = contractIdOf(params.contract, contracts);
  if (id === ALL_CONTRACTS) return restoredAllContracts(params);
  const contract = id === undefined ? undefined : contractOf(contracts, id);
  if (id === undefined || contract === undefined) return undefined;
  const base = defaultGainLoss(contracts, id);
  const parties = contract.parties;
  const paneTerms = restoredTerms(params, contract, base);
  const savedNone = isMissing(params.terms) && isMissing(params.riskShareBands);
  const terms = paneTerms !== undefined ? 'pane' : savedNone ? 'workbook' : base.terms;
  return {
    ...base,
    ...(paneTerms ?? {}),
    terms,
    units: unitsText(params.units) ?? base.units,
    gate: gateOf(params, parties, base.gate),
    unearnedTo: nameIn(parties, params.unearnedTo) ?? base.unearnedTo,
    overflowTo: nameIn(parties, params.overflowTo) ?? base.overflowTo,
    explore: restoredExplore(params, base.explore),
  };
}

/**
 * The gain/loss share editor's state: which contract, where the terms come from (the
 * workbook's risk-share tables or this editor), bands of shares for gains and losses,
 * the gate, quality scores and caps, all as the user typed them (percentages and
 * pounds), with the checks and the conversion to {@link GainLossParams}.
 */
import { Dec, ZERO } from '../../../engine/decimal';
import type { BandTerms, ContractSummary, GainLossParams } from '../../operations';
import { parseMoney, parsePercent } from '../../ukFormat';
import { checkExplore, defaultExplore, exploreParams, type ExploreForm } from './exploreForm';
import { equalPercents, type FormErrors } from '../../forms/fields';

/** One band as typed: `upTo` a percentage of expected or pounds; shares in percent by party. */
export interface BandRow {
  readonly upTo: string;
  readonly shares: Readonly<Record<string, string>>;
}

export type GateScope = 'both' | 'gains' | 'losses';

/**
 * The contract choice for a run over every contract of the Contracts table, each under
 * its own terms. Never sent to the layer: a gain share with no `contract` parameter and
 * several contracts shares them all.
 */
export const ALL_CONTRACTS = '*';

export interface GainLossForm {
  /** Contract ID; "" for the only contract; {@link ALL_CONTRACTS} for every contract. */
  readonly contract: string;
  /** Bands, caps and quality from the workbook's RiskShareBands/RiskShareTerms tables, or from here. */
  readonly terms: 'workbook' | 'pane';
  /** Units when expected and actual are per unit (blank: not per unit). */
  readonly units: string;
  readonly bandLimits: 'fraction' | 'amount';
  readonly gainBands: readonly BandRow[];
  /** Losses shared like gains. */
  readonly symmetric: boolean;
  readonly lossBands: readonly BandRow[];
  readonly gate: {
    readonly on: boolean;
    readonly percent: string;
    readonly holder: string;
    readonly appliesTo: GateScope;
  };
  readonly quality: {
    readonly on: boolean;
    readonly multipliers: Readonly<Record<string, string>>;
  };
  readonly caps: {
    readonly on: boolean;
    readonly gain: Readonly<Record<string, string>>;
    readonly loss: Readonly<Record<string, string>>;
  };
  /** Who receives what quality scores do not earn; "" for the default (the commissioner). */
  readonly unearnedTo: string;
  /** Who takes what a capped party cannot; "" for the default (the commissioner). */
  readonly overflowTo: string;
  /** An outturn curve and an exposure simulation (one contract only). */
  readonly explore: ExploreForm;
}

/** Whether the form is about every contract (offered only when there are several). */
export function isAllContracts(form: Pick<GainLossForm, 'contract'>): boolean {
  return form.contract === ALL_CONTRACTS;
}

/** The contract a form is about: the chosen one, or the only one (none for all contracts). */
export function contractOf(
  contracts: readonly ContractSummary[],
  id: string,
): ContractSummary | undefined {
  return id === ''
    ? contracts.length === 1
      ? contracts[0]
      : undefined
    : contracts.find((c) => c.id === id);
}

/** Shares by party: `percents` for the parties named, 0 for the rest. */
export function sharesFor(
  parties: readonly string[],
  percents: Readonly<Record<string, string>>,
): Record<string, string> {
  return Object.fromEntries(parties.map((p) => [p, percents[p] ?? '0']));
}

/**
 * Fresh editor state for a contract: one band shared equally, symmetric, nothing else.
 * For all contracts: the workbook's tables, and no gate holder (each contract's default).
 * With several contracts and none chosen, the first contract (as before all contracts
 * could be chosen).
 */
export function defaultGainLoss(
  contracts: readonly ContractSummary[],
  contractId?: string,
): GainLossForm {
  const id = contractId ?? (contracts.length > 1 ? (contracts[0]?.id ?? '') : '');
  if (id === ALL_CONTRACTS) {
    const base = defaultGainLoss([]);
    return {
      ...base,
      contract: ALL_CONTRACTS,
      terms: 'workbook',
      gate: { ...base.gate, holder: '' },
    };
  }
  const contract = contractOf(contracts, id);
  const parties = contract?.parties ?? [];
  const equalShares = equalPercents(parties);
  const equal = {
    upTo: '',
    shares: Object.fromEntries(parties.map((p, i) => [p, equalShares[i] ?? '0'])),
  };
  const each = (value: string): Record<string, string> =>
    Object.fromEntries(parties.map((p) => [p, value]));
  return {
    contract: id,
    terms: contract?.hasBands === true ? 'workbook' : 'pane',
    units: '',
    bandLimits: 'fraction',
    gainBands: [equal],
    symmetric: true,
    lossBands: [equal],
    gate: {
      on: false,
      percent: '1',
      holder: contract?.commissioner ?? parties[1] ?? parties[0] ?? '',
      appliesTo: 'both',
    },
    quality: { on: false, multipliers: each('100') },
    caps: { on: false, gain: each(''), loss: each('') },
    unearnedTo: '',
    overflowTo: '',
    explore: defaultExplore(),
  };
}

/** Error keys: `gain.1.upTo`, `gain.1.share.CCG`, `gain.1.shares` (band total) and so on. */
export function bandKey(side: 'gain' | 'loss', index: number, part: string): string {
  return `${side}.${index}.${part}`;
}

type Checked = { ok: true; value: Dec } | { ok: false; message: string };

function checkLimit(form: GainLossForm, text: string): Checked {
  const parsed = form.bandLimits === 'fraction' ? parsePercent(text) : parseMoney(text);
  if (!parsed.ok) return parsed;
  const value = new Dec(parsed.value);
  if (!value.greaterThan(0)) return { ok: false, message: 'A band must end above 0.' };
  return { ok: true, value };
}

function checkBands(
  form: GainLossForm,
  side: 'gain' | 'loss',
  bands: readonly BandRow[],
  parties: readonly string[],
  errors: Record<string, string>,
): void {
  let previous = ZERO;
  bands.forEach((band, i) => {
    if (i < bands.length - 1) {
      const limit = checkLimit(form, band.upTo);
      if (!limit.ok) errors[bandKey(side, i, 'upTo')] = limit.message;
      else if (!limit.value.greaterThan(previous)) {
        errors[bandKey(side, i, 'upTo')] = 'Each band must end above the one before.';
      } else previous = limit.value;
    }
    let total = ZERO;
    let valid = true;
    for (const party of parties) {
      const parsed = parsePercent(band.shares[party] ?? '');
      if (parsed.ok) total = total.plus(parsed.value);
      else {
        errors[bandKey(side, i, `share.${party}`)] = parsed.message;
        valid = false;
      }
    }
    if (valid && !total.equals(1)) {
      errors[bandKey(side, i, 'shares')] =
        `Band ${i + 1} shares add up to ${total.times(100).toString()}%, not 100%.`;
    }
  });
}

function checkParty(
  parties: readonly string[],
  value: string,
  key: string,
  errors: Record<string, string>,
): void {
  if (value !== '' && !parties.includes(value)) errors[key] = 'Choose a party.';
}

function checkEditor(
  form: GainLossForm,
  parties: readonly string[],
  errors: Record<string, string>,
): void {
  checkBands(form, 'gain', form.gainBands, parties, errors);
  if (!form.symmetric) checkBands(form, 'loss', form.lossBands, parties, errors);
  if (form.quality.on) {
    for (const party of parties) {
      const parsed = parsePercent(form.quality.multipliers[party] ?? '');
      if (!parsed.ok) errors[`quality.${party}`] = parsed.message;
    }
  }
  if (form.caps.on) {
    for (const side of ['gain', 'loss'] as const) {
      for (const party of parties) {
        const text = (form.caps[side][party] ?? '').trim();
        const parsed = parseMoney(text);
        if (text !== '' && !parsed.ok) errors[`caps.${side}.${party}`] = parsed.message;
      }
    }
  }
}

/** The message when no contract has bands to share a run over all contracts by. */
export const NO_BANDS_FOR_ALL =
  'No contract has bands in the RiskShareBands table: add them there, or choose one contract and set its terms in this pane.';

/**
 * The warning, with all contracts chosen, that some contracts (not all) have no bands:
 * the layer then refuses the run. Undefined when every contract has bands (or none has,
 * which {@link checkGainLoss} reports as an error).
 */
export function withoutBandsWarning(contracts: readonly ContractSummary[]): string | undefined {
  const ids = contracts.filter((c) => !c.hasBands).map((c) => c.id);
  if (ids.length === 0 || ids.length === contracts.length) return undefined;
  const named = ids.length === 1 ? `${ids[0] ?? ''} has` : `${ids.join(', ')} have`;
  return `${named} no bands in the RiskShareBands table, so a run over all contracts will stop: add them there, or choose one contract.`;
}

function checkGate(
  form: GainLossForm,
  parties: readonly string[] | undefined,
  errors: Record<string, string>,
): void {
  if (!form.gate.on) return;
  const gate = parsePercent(form.gate.percent);
  if (!gate.ok) errors['gate.percent'] = gate.message;
  if (parties === undefined) return;
  if (form.gate.holder === '') errors['gate.holder'] = 'Choose a party.';
  else checkParty(parties, form.gate.holder, 'gate.holder', errors);
}

/**
 * The checks of a run over every contract: there are several, at least one has bands
 * (a contract without any is the layer's to name), and the gate reads.
 */
function checkAll(form: GainLossForm, contracts: readonly ContractSummary[]): FormErrors {
  if (contracts.length < 2) return { contract: 'Choose a contract.' };
  if (!contracts.some((c) => c.hasBands)) return { contract: NO_BANDS_FOR_ALL };
  const errors: Record<string, string> = {};
  checkGate(form, undefined, errors);
  return errors;
}

/** Every error in the editor; empty when it can run. */
export function checkGainLoss(
  form: GainLossForm,
  contracts: readonly ContractSummary[],
): FormErrors {
  if (isAllContracts(form)) return checkAll(form, contracts);
  const contract = contractOf(contracts, form.contract);
  if (contract === undefined) return { contract: 'Choose a contract.' };
  const parties = contract.parties;
  if (parties.length === 0) return { contract: 'This contract names no parties.' };
  const errors: Record<string, string> = {};
  if (form.terms === 'pane') checkEditor(form, parties, errors);
  checkGate(form, parties, errors);
  checkParty(parties, form.unearnedTo, 'unearnedTo', errors);
  checkParty(parties, form.overflowTo, 'overflowTo', errors);
  if (form.units.trim() !== '' && !/^\d+(\.\d+)?$/.test(form.units.replace(/,/g, '').trim())) {
    errors.units = `"${form.units.trim()}" is not a number of units, e.g. 125,000.`;
  }
  checkExplore(form.explore, errors);
  return errors;
}

function must(parsed: { ok: true; value: string } | { ok: false; message: string }): string {
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

function bandTerms(
  form: GainLossForm,
  bands: readonly BandRow[],
  parties: readonly string[],
): BandTerms[] {
  return bands.map((band, i) => {
    const shares = Object.fromEntries(
      parties.map((p) => [p, must(parsePercent(band.shares[p] ?? ''))]),
    );
    if (i === bands.length - 1) return { shares };
    const upTo = must(
      form.bandLimits === 'fraction' ? parsePercent(band.upTo) : parseMoney(band.upTo),
    );
    return { upTo, shares };
  });
}

function capsOf(
  amounts: Readonly<Record<string, string>>,
  parties: readonly string[],
): Record<string, string> {
  const caps: Record<string, string> = {};
  for (const party of parties) {
    const text = (amounts[party] ?? '').trim();
    if (text !== '') caps[party] = must(parseMoney(text));
  }
  return caps;
}

function editorTerms(
  form: GainLossForm,
  parties: readonly string[],
): NonNullable<GainLossParams['editor']> {
  return {
    bandLimits: form.bandLimits,
    gainBands: bandTerms(form, form.gainBands, parties),
    ...(form.symmetric ? {} : { lossBands: bandTerms(form, form.lossBands, parties) }),
    ...(form.quality.on
      ? {
          quality: Object.fromEntries(
            parties.map((p) => [p, must(parsePercent(form.quality.multipliers[p] ?? ''))]),
          ),
        }
      : {}),
    ...(form.caps.on
      ? { caps: { gain: capsOf(form.caps.gain, parties), loss: capsOf(form.caps.loss, parties) } }
      : {}),
  };
}

/**
 * Parameters of a run over every contract: no `contract`, the workbook's terms, the gate
 * percentage and what it applies to; each contract's own parties, gate holder and
 * recipients of unearned or capped amounts (the layer's defaults by contract).
 */
function allContractsParams(form: GainLossForm): GainLossParams {
  return {
    terms: 'workbook',
    parties: [],
    ...(form.gate.on
      ? {
          gate: { fraction: must(parsePercent(form.gate.percent)), appliesTo: form.gate.appliesTo },
        }
      : {}),
  };
}

/** Parameters from a form that passed {@link checkGainLoss}. */
export function gainLossParams(
  form: GainLossForm,
  contracts: readonly ContractSummary[],
): GainLossParams {
  if (isAllContracts(form)) return allContractsParams(form);
  const parties = contractOf(contracts, form.contract)?.parties ?? [];
  return {
    ...(form.contract === '' ? {} : { contract: form.contract }),
    terms: form.terms,
    parties,
    ...(form.terms === 'pane' ? { editor: editorTerms(form, parties) } : {}),
    ...(form.gate.on
      ? {
          gate: {
            fraction: must(parsePercent(form.gate.percent)),
            holder: form.gate.holder,
            appliesTo: form.gate.appliesTo,
          },
        }
      : {}),
    ...(form.unearnedTo === '' ? {} : { unearnedTo: form.unearnedTo }),
    ...(form.overflowTo === '' ? {} : { overflowTo: form.overflowTo }),
    ...(form.units.trim() === '' ? {} : { units: form.units.replace(/,/g, '').trim() }),
    ...exploreParams(form.explore),
  };
}

/**
 * The inverse of `paneTerms` (paneTerms.ts): the gain share's saved `terms` parameter
 * back into the editor's bands, caps and quality scores for one contract. The saved
 * terms are first checked as a run checks them (the layer's shape check and the
 * engine's own checks of terms, with the contract's parties); terms that do not pass,
 * or that the editor cannot show as they are, give no pane terms to restore and the
 * editor starts from the contract's defaults.
 *
 * The editor shows: gain bands, and loss bands or none (losses like gains); every band
 * but the last ending at a limit, all limits fractions of expected spend or all amounts;
 * shares by party (by name, or a list in party order); quality multipliers; caps in
 * pounds. A cap as a fraction of expected spend has no box, so terms with one are not
 * restored (restoring without it would run something else).
 */
import {
  engineChecked,
  readTermsParam,
  type ParamTerms,
} from '../../../workbook/mechanisms/gainLossShare/gainLossShareTerms';
import type { ScenarioParams } from '../../../workbook/params';
import type { ContractSummary } from '../../operations';
import { parseMoney, parsePercent } from '../../ukFormat';
import type { BandRow, GainLossForm } from './gainLossForm';
import { amountText, nameIn, percentText, recordOf } from '../../forms/savedValues';

/** The editor fields the saved terms set. */
export type PaneTermsState = Pick<
  GainLossForm,
  'bandLimits' | 'gainBands' | 'symmetric' | 'lossBands' | 'quality' | 'caps'
>;

type Limit = 'fraction' | 'amount';

/** A saved fraction as the percentage a box shows, when the box reads it back. */
function percentOf(value: unknown): string | undefined {
  const text = percentText(value);
  return text !== undefined && parsePercent(text).ok ? text : undefined;
}

/** A saved amount as the pounds a box shows, when the box reads it back. */
function poundsOf(value: unknown): string | undefined {
  const text = amountText(value);
  return text !== undefined && parseMoney(text).ok ? text : undefined;
}

/** Percentages by party from a record by name (or a list in party order); undefined when one cannot be shown. */
function byParty(
  value: unknown,
  parties: readonly string[],
  fallback: string,
): Record<string, string> | undefined {
  const given: Record<string, unknown> = Array.isArray(value)
    ? Object.fromEntries(parties.map((p, i) => [p, (value as unknown[])[i]]))
    : { ...recordOf(value) };
  const out: Record<string, string> = Object.fromEntries(parties.map((p) => [p, fallback]));
  for (const [key, raw] of Object.entries(given)) {
    const party = nameIn(parties, key);
    const text = percentOf(raw);
    if (party === undefined || text === undefined) return undefined;
    out[party] = text;
  }
  return out;
}

/** One direction's bands as the editor's rows, with the kinds of limit they use. */
function bandsOf(
  value: ParamTerms['gainBands'] | undefined,
  parties: readonly string[],
  limits: Set<Limit>,
): BandRow[] | undefined {
  const rows: BandRow[] = [];
  for (const band of value ?? []) {
    const shares = byParty(band.shares, parties, '0');
    if (shares === undefined) return undefined;
    const fraction = band.upToFraction ?? null;
    const amount = band.upToAmount ?? null;
    const upTo = fraction !== null ? percentOf(fraction) : amount !== null ? poundsOf(amount) : '';
    if (upTo === undefined) return undefined;
    if (fraction !== null) limits.add('fraction');
    if (amount !== null) limits.add('amount');
    rows.push({ upTo, shares });
  }
  return rows;
}

/** Caps in pounds by party over the editor's blanks; undefined for one it cannot show. */
function capsOf(
  value: Readonly<Record<string, { readonly amount?: unknown }>> | undefined,
  parties: readonly string[],
  base: Readonly<Record<string, string>>,
): Record<string, string> | undefined {
  const out = { ...base };
  for (const [key, cap] of Object.entries(value ?? {})) {
    const party = nameIn(parties, key);
    const pounds = poundsOf(recordOf(cap)?.amount);
    if (party === undefined || pounds === undefined) return undefined;
    out[party] = pounds;
  }
  return out;
}

/**
 * The editor's terms from the saved `terms` parameter, or undefined when none was saved,
 * it does not pass a run's checks, or the editor cannot show it.
 *
 * @param params - the gain share's saved parameters (untrusted JSON).
 * @param contract - the contract the form is about (its parties check the terms).
 * @param base - the editor's defaults for that contract (kept where nothing is saved).
 */
export function restoredTerms(
  params: Readonly<Record<string, unknown>>,
  contract: ContractSummary,
  base: PaneTermsState,
): PaneTermsState | undefined {
  const parties = contract.parties;
  const read = readTermsParam(params as ScenarioParams);
  if (parties.length === 0 || !('terms' in read)) return undefined;
  const saved = read.terms;
  // Who receives what quality does not earn and what caps pass on, as the run had them.
  const recipient = (id: string): string =>
    nameIn(parties, params[id]) ?? contract.commissioner ?? '';
  const checked = engineChecked({
    parties,
    gainBands: saved.gainBands,
    ...(saved.lossBands === undefined ? {} : { lossBands: saved.lossBands }),
    ...(saved.quality === undefined
      ? {}
      : { quality: { multipliers: saved.quality, unearnedTo: recipient('unearnedTo') } }),
    ...(saved.caps === undefined
      ? {}
      : { caps: { ...saved.caps, overflowTo: recipient('overflowTo') } }),
  });
  if (checked.length > 0) return undefined;
  const limits = new Set<Limit>();
  const gainBands = bandsOf(saved.gainBands, parties, limits);
  const lossBands = saved.lossBands === undefined ? [] : bandsOf(saved.lossBands, parties, limits);
  const multipliers =
    saved.quality === undefined ? base.quality.multipliers : byParty(saved.quality, parties, '100');
  const gain = capsOf(saved.caps?.gain, parties, base.caps.gain);
  const loss = capsOf(saved.caps?.loss, parties, base.caps.loss);
  if (
    gainBands === undefined ||
    lossBands === undefined ||
    limits.size > 1 ||
    multipliers === undefined ||
    gain === undefined ||
    loss === undefined
  ) {
    return undefined;
  }
  const capped =
    Object.keys(saved.caps?.gain ?? {}).length + Object.keys(saved.caps?.loss ?? {}).length > 0;
  return {
    bandLimits: limits.has('amount') ? 'amount' : 'fraction',
    gainBands,
    symmetric: saved.lossBands === undefined,
    lossBands: saved.lossBands === undefined ? base.lossBands : lossBands,
    quality: { on: saved.quality !== undefined, multipliers },
    caps: { on: capped, gain, loss },
  };
}

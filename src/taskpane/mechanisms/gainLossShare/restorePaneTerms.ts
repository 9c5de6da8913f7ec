/**
 * The inverse of `paneTermParams` (src/taskpane/layer/paneTerms.ts): the saved table
 * parameters `riskShareBands` and `riskShareTerms` (rows by column header) back into the
 * gain/loss editor's bands, caps and quality scores for one contract. Headers are
 * matched as the workbook layer matches them (case- and space-insensitive, aliases too).
 *
 * The bands come back only when the editor can show them as they are: one direction
 * "Both", or "Gain" with or without "Loss"; bands numbered 1, 2, ... with one row per
 * party of the contract and no one else; every band but the last ending at a limit, all
 * limits percentages or all amounts in pounds and pence; shares from 0% to 100%.
 * Otherwise there are no pane terms to restore. A cap as a percentage of expected spend
 * (which the editor has no box for) is left out; so is a cap or quality score that is
 * unreadable or names someone who is not a party.
 */
import { TABLE_KINDS, type ColumnSpec, type TableKind } from '../../../workbook/tableKinds';
import { nameKey, parseInteger, parseOption, type EnumOption } from '../../../workbook/cells';
import { GAIN_OR_LOSS } from '../../../workbook/tables/options';
import type { ContractSummary } from '../../operations';
import { parseMoney, parsePercent } from '../../ukFormat';
import type { BandRow, GainLossForm } from './gainLossForm';
import {
  amountText,
  cellOf,
  isMissing,
  nameIn,
  percentText,
  recordsOf,
} from '../../forms/savedValues';

type Row = Readonly<Record<string, unknown>>;

/** The editor fields the saved terms set. */
export type PaneTermsState = Pick<
  GainLossForm,
  'bandLimits' | 'gainBands' | 'symmetric' | 'lossBands' | 'quality' | 'caps'
>;

/** A row's value under a column, by its header or an alias. */
function valueAt(row: Row, kind: TableKind, id: string): unknown {
  const column: ColumnSpec | undefined = kind.columns.find((c) => c.id === id);
  if (column === undefined) return undefined;
  const keys = [column.header, ...column.aliases].map(nameKey);
  const found = Object.keys(row).find((k) => keys.includes(nameKey(k)));
  return found === undefined ? undefined : row[found];
}

/** The rows for `contract`: its own (by Contract ID), else those with no Contract ID. */
function rowsFor(value: unknown, kind: TableKind, contract: ContractSummary): Row[] | undefined {
  const rows = recordsOf(value);
  if (rows === undefined) return undefined;
  const idOf = (row: Row): unknown => valueAt(row, kind, 'contractId');
  const own = rows.filter(
    (r) => !isMissing(idOf(r)) && nameIn([contract.id], idOf(r)) !== undefined,
  );
  return own.length > 0 ? own : rows.filter((r) => isMissing(idOf(r)));
}

function option(value: unknown, options: readonly EnumOption[]): string | undefined {
  const cell = cellOf(value);
  if (cell === undefined) return undefined;
  const parsed = parseOption(cell, options);
  return parsed.ok ? parsed.value : undefined;
}

interface Limit {
  readonly kind: 'fraction' | 'amount';
  readonly text: string;
}

/** A band row's limit as the editor shows it; null for none; undefined when unreadable. */
function limitOf(row: Row): Limit | null | undefined {
  const kind = TABLE_KINDS.riskShareBands;
  const fraction = valueAt(row, kind, 'upToFraction');
  const amount = valueAt(row, kind, 'upToAmount');
  if (!isMissing(fraction) && !isMissing(amount)) return undefined;
  if (!isMissing(fraction)) {
    const text = percentText(fraction);
    return text !== undefined && parsePercent(text).ok ? { kind: 'fraction', text } : undefined;
  }
  if (!isMissing(amount)) {
    const text = amountText(amount);
    return text !== undefined && parseMoney(text).ok ? { kind: 'amount', text } : undefined;
  }
  return null;
}

interface ReadBands {
  readonly bands: BandRow[];
  readonly limits: Set<'fraction' | 'amount'>;
}

/** One direction's rows as bands, or undefined when the editor cannot show them. */
function bandsOf(rows: readonly Row[], parties: readonly string[]): ReadBands | undefined {
  const kind = TABLE_KINDS.riskShareBands;
  const byBand = new Map<number, Row[]>();
  for (const row of rows) {
    const cell = cellOf(valueAt(row, kind, 'band'));
    const band = cell === undefined ? undefined : parseInteger(cell, { min: 1 });
    if (band === undefined || !band.ok) return undefined;
    byBand.set(band.value, [...(byBand.get(band.value) ?? []), row]);
  }
  const bands: BandRow[] = [];
  const limits = new Set<'fraction' | 'amount'>();
  for (let number = 1; number <= byBand.size; number++) {
    const bandRows = byBand.get(number);
    if (bandRows === undefined || bandRows.length !== parties.length) return undefined;
    const shares: Record<string, string> = {};
    const found = new Set<string>();
    for (const row of bandRows) {
      const party = nameIn(parties, valueAt(row, kind, 'party'));
      const share = percentText(valueAt(row, kind, 'share'));
      if (party === undefined || share === undefined || !parsePercent(share).ok) return undefined;
      if (shares[party] !== undefined) return undefined;
      shares[party] = share;
      const limit = limitOf(row);
      if (limit === undefined) return undefined;
      if (limit !== null) {
        limits.add(limit.kind);
        found.add(limit.text);
      }
    }
    const last = number === byBand.size;
    // The last band is open-ended: a limit given for it has no box and is left out.
    if (!last && found.size !== 1) return undefined;
    bands.push({ upTo: last ? '' : ([...found][0] ?? ''), shares });
  }
  return bands.length === 0 ? undefined : { bands, limits };
}

/** Gain and loss bands by direction, or undefined when the editor cannot show them. */
function directions(
  rows: readonly Row[],
  parties: readonly string[],
):
  | (Pick<PaneTermsState, 'bandLimits' | 'gainBands' | 'symmetric'> & { lossBands?: BandRow[] })
  | undefined {
  const by = { Gain: [] as Row[], Loss: [] as Row[], Both: [] as Row[] };
  for (const row of rows) {
    const direction = option(valueAt(row, TABLE_KINDS.riskShareBands, 'direction'), GAIN_OR_LOSS);
    if (direction !== 'Gain' && direction !== 'Loss' && direction !== 'Both') return undefined;
    by[direction].push(row);
  }
  const both = by.Both.length > 0;
  if (both && by.Gain.length + by.Loss.length > 0) return undefined;
  const gain = bandsOf(both ? by.Both : by.Gain, parties);
  const loss = by.Loss.length > 0 ? bandsOf(by.Loss, parties) : undefined;
  if (gain === undefined || (by.Loss.length > 0 && loss === undefined)) return undefined;
  const limits = new Set([...gain.limits, ...(loss?.limits ?? [])]);
  if (limits.size > 1) return undefined;
  return {
    bandLimits: limits.has('amount') ? 'amount' : 'fraction',
    gainBands: gain.bands,
    symmetric: loss === undefined,
    ...(loss === undefined ? {} : { lossBands: loss.bands }),
  };
}

/** Caps and quality scores from the RiskShareTerms rows, over the editor's defaults. */
function termsOf(
  rows: readonly Row[],
  parties: readonly string[],
  base: PaneTermsState,
): Pick<PaneTermsState, 'quality' | 'caps'> {
  const kind = TABLE_KINDS.riskShareTerms;
  const multipliers = { ...base.quality.multipliers };
  const gain = { ...base.caps.gain };
  const loss = { ...base.caps.loss };
  let quality = false;
  let caps = false;
  for (const row of rows) {
    const party = nameIn(parties, valueAt(row, kind, 'party'));
    if (party === undefined) continue;
    const score = percentText(valueAt(row, kind, 'quality'));
    if (score !== undefined && parsePercent(score).ok) {
      multipliers[party] = score;
      quality = true;
    }
    for (const [id, into] of [
      ['gainCapAmount', gain],
      ['lossCapAmount', loss],
    ] as const) {
      const cap = amountText(valueAt(row, kind, id));
      if (cap !== undefined && parseMoney(cap).ok) {
        into[party] = cap;
        caps = true;
      }
    }
  }
  return { quality: { on: quality, multipliers }, caps: { on: caps, gain, loss } };
}

/**
 * The editor's terms from saved `riskShareBands` / `riskShareTerms` parameters, or
 * undefined when there are no bands the editor can show for this contract.
 *
 * @param params - the gain share's saved parameters.
 * @param contract - the contract the form is about (its parties name the rows).
 * @param base - the editor's defaults for that contract (kept where nothing is saved).
 */
export function restoredPaneTerms(
  params: Readonly<Record<string, unknown>>,
  contract: ContractSummary,
  base: PaneTermsState,
): PaneTermsState | undefined {
  const parties = contract.parties;
  if (parties.length === 0) return undefined;
  const bandRows = rowsFor(params.riskShareBands, TABLE_KINDS.riskShareBands, contract);
  if (bandRows === undefined || bandRows.length === 0) return undefined;
  const bands = directions(bandRows, parties);
  if (bands === undefined) return undefined;
  const termRows = rowsFor(params.riskShareTerms, TABLE_KINDS.riskShareTerms, contract) ?? [];
  return {
    bandLimits: bands.bandLimits,
    gainBands: bands.gainBands,
    symmetric: bands.symmetric,
    lossBands: bands.lossBands ?? base.lossBands,
    ...termsOf(termRows, parties, base),
  };
}

import type { Amount } from '../engine/decimal';
import { gainLossCurve } from '../engine/gainLossShare/gainLossCurve';
import { gainLossShare, type GainLossBandInput } from '../engine/gainLossShare/gainLossShare';
import { tieredShare } from '../engine/gainLossShare/tieredShare';
import {
  ArgumentError,
  amount,
  amountIn,
  cells,
  isBlank,
  isOmitted,
  optionalAmount,
  rows,
  nameIn,
  type ExcelArgument,
  type RangeCell,
} from './coerce';
import { excelCall, type FieldLabels } from './excelErrors';

/** A band table as the engine takes it, with each band's cells for messages. */
interface BandTable {
  readonly bands: readonly GainLossBandInput[];
  readonly rows: readonly (readonly RangeCell[])[];
}

/** Bands from a range: each row an upper bound (blank in the last: open-ended), then shares. */
function bandTable(argument: string, value: ExcelArgument, parties: number): BandTable {
  const all = rows(argument, value);
  const columns = all[0]?.length ?? 0;
  if (columns !== parties + 1) {
    throw new ArgumentError(
      `${argument} has ${columns} columns; it needs ${parties + 1}: the band's upper bound (a fraction of expected, blank for the last band) and a share for each of the ${parties} parties.`,
      argument,
      value,
    );
  }
  const table = all.filter((row) => row.some((cell) => !isBlank(cell.value)));
  const bands = table.map(([bound, ...shares]) => ({
    upToFraction: bound === undefined || isBlank(bound.value) ? undefined : amountIn(bound),
    // A blank share is a share of 0: the band's shares must still add up to 1.
    shares: shares.map((cell): Amount => (isBlank(cell.value) ? 0 : amountIn(cell))),
  }));
  return { bands, rows: table };
}

/** Party names from a range, each cell a name. */
function partyCells(value: ExcelArgument): { cells: RangeCell[]; names: string[] } {
  const named = cells('partyNames', value);
  return { cells: named, names: named.map(nameIn) };
}

/** The parties and their gain (and loss) band tables, as GAINSHARE and GAINSHARECURVE take them. */
function shareTables(bands: unknown[][], partyNames: unknown[][], lossBands?: unknown[][]) {
  const { cells: names, names: parties } = partyCells(partyNames);
  const gain = bandTable('bands', bands, names.length);
  const loss = isOmitted(lossBands) ? undefined : bandTable('lossBands', lossBands, names.length);
  return { names, parties, gain, loss };
}

/** Names engine fields (`gainBands[1].shares[0]`, `parties[2]`) by their cells. */
function gainLossShareLabels(
  names: readonly RangeCell[],
  tables: Readonly<Record<string, BandTable | undefined>>,
): FieldLabels {
  return (field) => {
    const party = /^parties\[(\d+)\]$/.exec(field);
    if (party !== null) return names[Number(party[1])]?.label;
    const band = /^(gainBands|lossBands)\[(\d+)\](?:\.(upToFraction|shares)(?:\[(\d+)\])?)?$/.exec(
      field,
    );
    const row = band === null ? undefined : tables[band[1] ?? '']?.rows[Number(band[2])];
    if (band === null || row === undefined) return undefined;
    const column =
      band[3] === 'upToFraction' ? 0 : band[4] === undefined ? -1 : Number(band[4]) + 1;
    const argument = band[1] === 'gainBands' ? 'bands' : 'lossBands';
    const first = row[0];
    return column < 0 || row[column] === undefined
      ? `${argument} (row ${(first?.row ?? 0) + 1} of its range)`
      : row[column]?.label;
  };
}

/** Lays the parties' figures out the way their names were: across a row or down a column. */
function likeNames(names: readonly RangeCell[], figures: readonly number[]): number[][] {
  const across = names.length > 1 && names.every((cell) => cell.row === names[0]?.row);
  return across ? [[...figures]] : figures.map((figure) => [figure]);
}

/**
 * Shares the variance between expected and actual spend (expected − actual: a gain if positive, a loss if negative) among the parties, band by band, to the penny. Spills one amount per party: positive a gain received, negative a loss borne.
 * @customfunction GAINSHARE
 * @param expected Expected spend: the contract value, target or benchmark.
 * @param actual Actual spend.
 * @param bands Band table: one row per band, its upper bound as a fraction of expected (blank in the last row: open-ended), then each party's share of the band (blank means 0).
 * @param partyNames The parties' names, in the order of the share columns.
 * @param [lossBands] Band table for losses, laid out like bands. Default: the bands apply to losses too.
 * @returns Each party's amount in pounds, laid out like partyNames (across or down).
 * @example =BCF.GAINSHARE(25175000, 23000000, A2:C3, B1:C1) with bands 5% | 1 | 0 and (blank) | 50% | 50% spills 1,716,875.00 | 458,125.00: Bedfordshire MSK (King's Fund 2014).
 */
export function GAINSHARE(
  expected: unknown,
  actual: unknown,
  bands: unknown[][],
  partyNames: unknown[][],
  lossBands?: unknown[][],
): number[][] {
  const terms = excelCall(() => {
    return {
      ...shareTables(bands, partyNames, lossBands),
      expected: amount('expected', expected),
      actual: amount('actual', actual),
    };
  });
  const result = excelCall(
    () =>
      gainLossShare({
        expected: terms.expected,
        actual: terms.actual,
        parties: terms.parties,
        gainBands: terms.gain.bands,
        lossBands: terms.loss?.bands,
      }),
    gainLossShareLabels(terms.names, { gainBands: terms.gain, lossBands: terms.loss }),
  );
  return likeNames(
    terms.names,
    result.parties.map((party) => party.amount.toNumber()),
  );
}

/** Names the curve's own fields by their arguments, then the terms' fields by their cells. */
function curveLabels(labels: FieldLabels): FieldLabels {
  return (field) =>
    ({ 'curve.from': 'from', 'curve.to': 'to', 'curve.points': 'points' })[field] ?? labels(field);
}

/**
 * The outturn curve of a gain/loss share: at points outturns in equal steps from expected × (1 + from) to expected × (1 + to), both ends included and each rounded to the penny, what each party gets (positive) or bears (negative), exactly as BCF.GAINSHARE would give at that outturn. Spills one row per outturn: actual spend, variance (expected − actual), then each party's amount.
 * @customfunction GAINSHARECURVE
 * @param expected Expected spend: the contract value, target or benchmark.
 * @param bands Band table: one row per band, its upper bound as a fraction of expected (blank in the last row: open-ended), then each party's share of the band (blank means 0).
 * @param partyNames The parties' names, in the order of the share columns.
 * @param from The lowest outturn as a change on expected spend, e.g. -20% for actual spend of 80% of expected.
 * @param to The highest outturn as a change on expected spend, e.g. 20%; above from.
 * @param points How many outturns, both ends included: 2 to 1,001 (41 gives steps of 1% from -20% to 20%).
 * @param [lossBands] Band table for losses, laid out like bands. Default: the bands apply to losses too.
 * @returns A table, one row per outturn: actual spend, variance, then each party's amount in pounds in the order of partyNames.
 * @example =BCF.GAINSHARECURVE(25175000, A2:C3, B1:C1, -20%, 20%, 41) with bands 5% | 1 | 0 and (blank) | 50% | 50% spills 41 rows from 20,140,000.00 | 5,035,000.00 | 3,146,875.00 | 1,888,125.00: Bedfordshire MSK (King's Fund 2014).
 */
export function GAINSHARECURVE(
  expected: unknown,
  bands: unknown[][],
  partyNames: unknown[][],
  from: unknown,
  to: unknown,
  points: unknown,
  lossBands?: unknown[][],
): number[][] {
  const terms = excelCall(() => {
    return {
      ...shareTables(bands, partyNames, lossBands),
      expected: amount('expected', expected),
      range: { from: amount('from', from), to: amount('to', to), points: amount('points', points) },
    };
  });
  const { curve } = excelCall(
    () =>
      gainLossCurve({
        expected: terms.expected,
        actual: terms.expected,
        parties: terms.parties,
        gainBands: terms.gain.bands,
        lossBands: terms.loss?.bands,
        curve: terms.range,
      }),
    curveLabels(gainLossShareLabels(terms.names, { gainBands: terms.gain, lossBands: terms.loss })),
  );
  return curve.map((point) => [
    point.actual.toNumber(),
    point.variance.toNumber(),
    ...point.parties.map((party) => party.amount.toNumber()),
  ]);
}

const TIERED_FIELDS: Readonly<Record<string, string>> = {
  retainedBandFraction: 'retainedBand',
};

/**
 * The usual two-party tiered gain/loss share: the provider keeps the first slice of the variance (a fraction of expected) whole, and beyond it takes its split share; the commissioner takes the rest. Spills the provider's and the commissioner's amounts, to the penny.
 * @customfunction TIEREDSHARE
 * @param expected Expected spend: the contract value or target.
 * @param actual Actual spend.
 * @param retainedBand The first slice of the variance the provider keeps whole, as a fraction of expected, e.g. 5% (0 for none).
 * @param splitBeyond The provider's share of the variance beyond that slice, e.g. 50%.
 * @param [providerLossShare] The provider's share of every loss, e.g. 100% for full risk. Default: losses are shared like gains.
 * @returns Two amounts across a row: the provider's, then the commissioner's (positive a gain, negative a loss).
 * @example =BCF.TIEREDSHARE(25175000, 23000000, 5%, 50%) spills 1,716,875.00 | 458,125.00: Bedfordshire MSK (King's Fund 2014).
 */
export function TIEREDSHARE(
  expected: unknown,
  actual: unknown,
  retainedBand: unknown,
  splitBeyond: unknown,
  providerLossShare?: unknown,
): number[][] {
  const input = excelCall(() => ({
    expected: amount('expected', expected),
    actual: amount('actual', actual),
    retainedBandFraction: amount('retainedBand', retainedBand),
    splitBeyond: amount('splitBeyond', splitBeyond),
    providerLossShare: optionalAmount('providerLossShare', providerLossShare),
  }));
  const result = excelCall(
    () => tieredShare(input),
    (field) => TIERED_FIELDS[field],
  );
  return [result.parties.map((party) => party.amount.toNumber())];
}

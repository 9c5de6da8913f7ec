import { Dec, ONE, sum } from '../../engine/decimal';
import { FindingCode, type Finding } from '../findings';
import { decOf, type InputRow, type InputTable } from '../inputTable';
import { percent2 } from '../results/cells';
import { rowFinding } from './rowsToInput';

/** The engine's tolerance for fractions summing to 1 (typed percentages, =1/3 formulas). */
export const SUM_TOLERANCE = new Dec('0.000001');

/** Whether fractions sum to 1 within {@link SUM_TOLERANCE}. */
export function sumsToOne(values: readonly Dec[]): boolean {
  return !sum(values).minus(ONE).abs().greaterThan(SUM_TOLERANCE);
}

/**
 * A finding at the last row's cell when a column's fractions (weights) do not sum to
 * 100%; none when every row's value is missing (those are findings already).
 */
export function weightsFinding(
  table: InputTable,
  rows: readonly InputRow[],
  columnId: string,
  what: string,
): Finding[] {
  const values = rows.map((r) => decOf(r, columnId));
  const last = rows[rows.length - 1];
  if (last === undefined || values.some((v) => v === undefined)) return [];
  const known = values.filter((v): v is Dec => v !== undefined);
  if (sumsToOne(known)) return [];
  const problem = `${what} sum to ${percent2(sum(known))}, not 100%.`;
  return rowFinding(FindingCode.SHARES_NOT_100, table, last, columnId, problem);
}

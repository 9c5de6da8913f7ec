import { Dec } from '../engine/decimal';
import type { TableInfo } from '../ports/workbook';
import { cellAddress } from '../ports/a1';
import type { CellPlace } from './findings';
import type { ColumnMatch } from './headers';
import type { TableKind } from './tableSchema';

/** A cell's typed value: a `Dec` (amounts, numbers, fractions), a whole number, or text (text and options). */
export type TypedValue = Dec | number | string;

/** One filled-in body row of an input table, with its typed values by column id (blanks absent). */
export interface InputRow {
  /** Table body row, 1-based. */
  readonly row: number;
  readonly values: Readonly<Record<string, TypedValue>>;
  /** Column ids whose cell could not be read (each has its finding already). */
  readonly invalid: ReadonlySet<string>;
}

/** An input table read and typed: its rows and where each of its cells is. */
export interface InputTable {
  readonly kind: TableKind;
  readonly info: TableInfo;
  /** The kind's columns found in the table, by column id. */
  readonly columns: ReadonlyMap<string, ColumnMatch>;
  /** The filled-in rows (wholly blank rows are skipped; row numbers still count them). */
  readonly rows: readonly InputRow[];
}

/** Where a row's cell of a column is (undefined when the table lacks that column). */
export function placeOf(table: InputTable, row: number, columnId: string): CellPlace | undefined {
  const match = table.columns.get(columnId);
  if (match === undefined) return undefined;
  const { info } = table;
  return {
    sheet: info.sheet,
    table: info.range === undefined ? info.name : table.kind.defaultName,
    row,
    column: match.header,
    address: cellAddress(info.headerRow + row, info.firstColumn + match.index),
    ...(info.range === undefined ? {} : { range: info.range }),
  };
}

/** A row's decimal value of a column (amount, number or fraction), or undefined when blank. */
export function decOf(row: InputRow, columnId: string): Dec | undefined {
  const value = row.values[columnId];
  return Dec.isDecimal(value) ? value : undefined;
}

/** A row's text (or option) value of a column, or undefined when blank. */
export function textOf(row: InputRow, columnId: string): string | undefined {
  const value = row.values[columnId];
  return typeof value === 'string' ? value : undefined;
}

/** A row's whole-number value of a column, or undefined when blank. */
export function intOf(row: InputRow, columnId: string): number | undefined {
  const value = row.values[columnId];
  return typeof value === 'number' ? value : undefined;
}

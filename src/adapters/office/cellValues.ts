/**
 * Cell values as Office.js gives them, checked into the ports' `CellValue`.
 */
import type { CellValue } from '../../ports/workbook';

/** A value read from `Range.values` ("" for a blank cell, as Office.js gives it). */
export function cellValue(value: unknown): CellValue {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  return value === null || value === undefined ? '' : JSON.stringify(value);
}

/** A 2-D array read from a range, as port values. */
export function cellRows(values: unknown): CellValue[][] {
  return Array.isArray(values)
    ? values.map((row) => (Array.isArray(row) ? row.map(cellValue) : []))
    : [];
}

/** Header texts: a header cell is text in a table, but numbers are shown as typed. */
export function headerTexts(values: unknown): string[] {
  const [row = []] = cellRows(values);
  return row.map((value) => (typeof value === 'string' ? value : String(value)));
}

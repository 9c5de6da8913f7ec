/**
 * Cell values as the port gives them (and as Office.js does): text, numbers, booleans,
 * "" for a blank cell; a date as its serial number; an error as its text ("#N/A"); a
 * formula cell as the value saved with it. ExcelTS hands richer shapes (dates, rich
 * text, hyperlinks, formula objects); this module flattens them.
 */
import type { CellValue } from '../../ports/workbook';
import type { Cell } from './excelts';

/** Why a cell could not be read: a formula with no saved value. */
export interface UnsavedFormula {
  readonly unsaved: true;
  readonly formula: string;
}

/** Days between Excel's day 0 (1899-12-30 in the 1900 date system) and 1970-01-01. */
const EPOCH_1900 = 25569;
/** The same for the 1904 date system (day 0 = 1904-01-01). */
const EPOCH_1904 = 24107;
const MS_PER_DAY = 86_400_000;

/** A date as Excel's serial number in the workbook's date system. */
export function dateSerial(date: Date, date1904: boolean): number {
  const days = date.getTime() / MS_PER_DAY + (date1904 ? EPOCH_1904 : EPOCH_1900);
  const whole = Math.round(days);
  // ExcelTS rounds times to the millisecond; a date with no time part comes back whole.
  return Math.abs(days - whole) < 1e-9 ? whole : days;
}

type Scalar = string | number | boolean | Date | { readonly error: string } | undefined;

function scalar(value: Scalar, date1904: boolean): CellValue {
  if (value === undefined) return '';
  if (value instanceof Date) return dateSerial(value, date1904);
  if (typeof value === 'object') return value.error;
  return value;
}

/** A cell's value as the port gives it, or {@link UnsavedFormula} for a formula never calculated. */
export function portValue(cell: Cell, date1904: boolean): CellValue | UnsavedFormula {
  const value: unknown = cell.value;
  if (value === null || value === undefined || (cell.isMerged && cell.master !== cell)) return '';
  if (typeof value !== 'object' || value instanceof Date) {
    return scalar(value as Scalar, date1904);
  }
  const shape = value as Record<string, unknown>;
  if ('formula' in shape || 'sharedFormula' in shape) {
    if (!('result' in shape) || shape.result === undefined) {
      return { unsaved: true, formula: formulaText(cell) ?? '' };
    }
    return scalar(shape.result as Scalar, date1904);
  }
  if ('error' in shape) return String(shape.error);
  if ('richText' in shape && Array.isArray(shape.richText)) {
    return (shape.richText as { text: string }[]).map((run) => run.text).join('');
  }
  if ('text' in shape) return String(shape.text);
  if ('checkbox' in shape) return Boolean(shape.checkbox);
  return cell.text;
}

/** Whether {@link portValue} found a formula with no saved value. */
export function isUnsaved(value: CellValue | UnsavedFormula): value is UnsavedFormula {
  return typeof value === 'object' && value !== null;
}

/** The formula of a cell as Office.js shows it ("=SUM(A1:A3)"), or undefined if none. */
export function formulaText(cell: Cell): string | undefined {
  const formula = cell.formula;
  return formula ? `=${formula}` : undefined;
}

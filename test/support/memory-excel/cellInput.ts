/**
 * What Excel does with a value written through `Range.values` or `Range.formulas`: it
 * treats a string as if a person had typed it. So "=A1" becomes a formula, "+A1" and
 * "-A1" become "=+A1" and "=-A1", "@x" becomes "=x", "12" becomes the number 12, "TRUE"
 * the boolean, and a leading apostrophe marks the rest as text. The one exception is a
 * cell formatted as Text (number format "@"): there a string is stored exactly as given.
 *
 * This is the behaviour the Office adapter must defend against when it writes text that
 * happens to start with "=", "+", "-" or "@". The fake mirrors it for the cases that
 * matter here (formulas, numbers, booleans, the apostrophe); it does not parse dates,
 * percentages or currency as Excel also would.
 */
import { ErrorCode, officeError } from './errors';
import type { CellModel } from './model';

/**
 * The most characters a cell holds ("Excel specifications and limits": 32,767). Excel
 * takes no longer text; a write of one fails as an InvalidArgument, which is how the
 * fake answers it. (Unlike Excel, which refuses the whole write, the fake has written
 * the cells before the long one by then: the add-in checks its layouts first anyway.)
 */
export const CELL_TEXT_LIMIT = 32_767;

/** The number format that makes a cell Text. */
export const TEXT_FORMAT = '@';

/** Applies one written value to a cell, as Excel's `values` setter would. */
export function writeValue(cell: CellModel, input: unknown): void {
  if (input === null || input === undefined) return; // null leaves the cell unchanged
  delete cell.formula;
  if (typeof input === 'number' || typeof input === 'boolean') {
    cell.value = input;
    return;
  }
  const text = typeof input === 'string' ? input : JSON.stringify(input);
  if (text.length > CELL_TEXT_LIMIT) {
    officeError(
      ErrorCode.invalidArgument,
      'Range.values',
      `Text of ${text.length} characters is more than a cell holds (${CELL_TEXT_LIMIT}).`,
    );
  }
  if (cell.numberFormat === TEXT_FORMAT) {
    cell.value = text;
    return;
  }
  typeIn(cell, text);
}

/** Applies one written formula to a cell, as Excel's `formulas` setter would. */
export function writeFormula(cell: CellModel, input: unknown): void {
  writeValue(cell, input);
}

function typeIn(cell: CellModel, text: string): void {
  if (text === '') {
    cell.value = '';
    return;
  }
  if (text.startsWith("'")) {
    cell.value = text.slice(1);
    return;
  }
  const number = numberFrom(text);
  if (number !== undefined) {
    cell.value = number;
    return;
  }
  if (/^(true|false)$/i.test(text)) {
    cell.value = text.toLowerCase() === 'true';
    return;
  }
  const formula = formulaFrom(text);
  if (formula !== undefined) {
    cell.formula = formula;
    cell.value = '';
    return;
  }
  cell.value = text;
}

function numberFrom(text: string): number | undefined {
  if (!/^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

function formulaFrom(text: string): string | undefined {
  if (text.length < 2) return undefined;
  if (text.startsWith('=')) return text;
  if (text.startsWith('+') || text.startsWith('-')) return `=${text}`;
  if (text.startsWith('@')) return `=${text.slice(1)}`;
  return undefined;
}

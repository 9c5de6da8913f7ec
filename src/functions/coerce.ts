import { Dec, type Amount } from '../engine/decimal';
import { quote } from '../engine/errors';

/**
 * Turns what Excel passes a custom function into what the engine takes, naming the
 * argument (and the cell within a range) when a value will not do.
 *
 * What Excel passes an `any` parameter: a number, a string, a boolean, or `null` for an
 * omitted optional argument; a range parameter gets rows of such cells, empty cells as
 * `""` or `null`. The rules, the same in every function:
 * - numbers are taken as they are (a percentage cell holds its fraction: 1.3% is 0.013);
 * - text that reads as a number is a number: "1,234.50", "£250", "1.3%" (→ 0.013);
 * - blank cells in a range are skipped; a required argument left blank is an error;
 * - anything else (TRUE, "tbc") is an error, never a silent 0.
 */

/** A value Excel passed for one argument: a cell, or a range as rows of cells. */
export type ExcelArgument = unknown;

/** An argument that cannot be used: becomes `#VALUE!` with this message. */
export class ArgumentError extends Error {
  override readonly name = 'ArgumentError';
  constructor(
    message: string,
    /** The argument as the function's signature names it. */
    readonly argument: string,
    readonly value: unknown,
  ) {
    super(message);
  }
}

/** A case the function has no answer for: becomes `#N/A` with this message. */
export class NotApplicable extends Error {
  override readonly name = 'NotApplicable';
}

/** Where a range's cells lie, for naming one: a single cell, a column, a row or a table. */
type Shape = 'single' | 'column' | 'row' | 'table';

/** One cell of a range argument, where it was, and (made only when asked) a label for messages. */
export class RangeCell {
  constructor(
    readonly value: unknown,
    /** 0-based. */
    readonly row: number,
    readonly column: number,
    private readonly argument: string,
    private readonly shape: Shape,
  ) {}

  /** E.g. `population (row 3 of its range)`, or just `population` for a single cell. */
  get label(): string {
    switch (this.shape) {
      case 'single':
        return this.argument;
      case 'column':
        return `${this.argument} (row ${this.row + 1} of its range)`;
      case 'row':
        return `${this.argument} (column ${this.column + 1} of its range)`;
      case 'table':
        return `${this.argument} (row ${this.row + 1}, column ${this.column + 1} of its range)`;
    }
  }
}

/** Whether Excel passed nothing: an omitted argument or an empty cell. */
export function isBlank(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
  );
}

/** Whether an optional range was left out: omitted, or every cell of it empty. */
export function isOmitted(value: unknown): boolean {
  if (!Array.isArray(value)) return isBlank(value);
  return (value as unknown[]).every((row) =>
    Array.isArray(row) ? (row as unknown[]).every(isBlank) : isBlank(row),
  );
}

const NUMBER_TEXT = /^([+-]?)£?((?:\d{1,3}(?:,\d{3})+|\d*)(?:\.\d+)?(?:e[+-]?\d+)?)(%?)$/i;

/**
 * The number a cell holds, or `undefined` when it holds none (text, a boolean, NaN).
 * A number cell stays a JavaScript number (the engine makes it a decimal from its
 * shortest decimal form: 0.013 stays 0.013); number text becomes a decimal.
 */
export function numberIn(value: unknown): Amount | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const match = NUMBER_TEXT.exec(value.trim());
  const [, sign = '', digits = '', percent = ''] = match ?? [];
  if (match === null || !/\d/.test(digits)) return undefined;
  const number = new Dec(`${sign}${digits.replace(/,/g, '')}`);
  return percent === '' ? number : number.dividedBy(100);
}

function describe(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return quote(value);
}

/** A required number. */
export function amount(argument: string, value: ExcelArgument): Amount {
  const cell = single(argument, value);
  if (isBlank(cell)) {
    throw new ArgumentError(`${argument} is blank; a number is needed.`, argument, cell);
  }
  const number = numberIn(cell);
  if (number === undefined) {
    throw new ArgumentError(`${argument} is ${describe(cell)}, not a number.`, argument, cell);
  }
  return number;
}

/** An optional number: `undefined` when omitted or blank. */
export function optionalAmount(argument: string, value: ExcelArgument): Amount | undefined {
  const cell = single(argument, value);
  return isBlank(cell) ? undefined : amount(argument, cell);
}

/** A required piece of text (a name or an option), trimmed. */
export function text(argument: string, value: ExcelArgument): string {
  const cell = single(argument, value);
  if (typeof cell === 'number' || typeof cell === 'string') {
    const trimmed = String(cell).trim();
    if (trimmed !== '') return trimmed;
  }
  const given = isBlank(cell) ? 'blank' : describe(cell);
  throw new ArgumentError(`${argument} is ${given}; a name is needed.`, argument, cell);
}

/** The name in one cell of a range, or an error naming the cell. */
export function nameIn(cell: RangeCell): string {
  const value = cell.value;
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return text(cell.label, value);
}

/** Optional text: `undefined` when omitted or blank. */
export function optionalText(argument: string, value: ExcelArgument): string | undefined {
  const cell = single(argument, value);
  return isBlank(cell) ? undefined : text(argument, cell);
}

/** The shape of a range given as rows, for naming its cells. */
function shapeOf(table: readonly (readonly unknown[])[]): Shape {
  const oneRow = table.length === 1;
  const oneColumn = table.every((row) => row.length <= 1);
  return oneRow && oneColumn ? 'single' : oneColumn ? 'column' : oneRow ? 'row' : 'table';
}

/** A range as rows of values (a single value counts as a 1 × 1 range). */
function table(value: ExcelArgument): unknown[][] {
  if (!Array.isArray(value)) return [[value]];
  const given = value as unknown[];
  // Excel passes rows of cells: use them as they are unless a row is a bare value.
  if (given.every((row) => Array.isArray(row))) return given as unknown[][];
  return given.map((row) => (Array.isArray(row) ? (row as unknown[]) : [row]));
}

/** A range's cells as rows (a single value counts as a 1 × 1 range). */
export function rows(argument: string, value: ExcelArgument): RangeCell[][] {
  const given = table(value);
  const shape = shapeOf(given);
  return given.map((row, r) => row.map((cell, c) => new RangeCell(cell, r, c, argument, shape)));
}

/** A range's cells row by row (a single value counts as a 1 × 1 range). */
export function cells(argument: string, value: ExcelArgument): RangeCell[] {
  if (!Array.isArray(value)) return [new RangeCell(value, 0, 0, argument, 'single')];
  const given = table(value);
  const shape = shapeOf(given);
  const result: RangeCell[] = [];
  for (let r = 0; r < given.length; r++) {
    const row = given[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      result.push(new RangeCell(row[c], r, c, argument, shape));
    }
  }
  return result;
}

/** The numbers in a range, blanks skipped; text that is not a number is an error. */
export function amounts(argument: string, value: ExcelArgument): Amount[] {
  return cells(argument, value)
    .filter((cell) => !isBlank(cell.value))
    .map((cell) => amountIn(cell));
}

/** The number in one cell of a range, or an error naming the cell. */
export function amountIn(cell: RangeCell): Amount {
  if (isBlank(cell.value)) {
    throw new ArgumentError(`${cell.label} is blank; a number is needed.`, cell.label, cell.value);
  }
  const number = numberIn(cell.value);
  if (number === undefined) {
    throw new ArgumentError(
      `${cell.label} is ${describe(cell.value)}, not a number.`,
      cell.label,
      cell.value,
    );
  }
  return number;
}

/** The one value of an argument that must be a single cell. */
function single(argument: string, value: ExcelArgument): unknown {
  if (!Array.isArray(value)) return value;
  const all = cells(argument, value);
  if (all.length !== 1) {
    throw new ArgumentError(
      `${argument} is a range of ${all.length} cells; give one cell or value.`,
      argument,
      value,
    );
  }
  return all[0]?.value;
}

/**
 * A range lined up with another of `count` cells: the same number of cells, or (when
 * `oneForAll`) a single cell or value used for every row.
 */
export function aligned(
  argument: string,
  value: ExcelArgument,
  count: number,
  alignedWith: string,
  oneForAll = true,
): RangeCell[] {
  const all = cells(argument, value);
  if (all.length === count) return all;
  const [only] = all;
  if (oneForAll && all.length === 1 && only !== undefined) {
    return Array.from({ length: count }, () => only);
  }
  const cellCount = (n: number) => `${n} cell${n === 1 ? '' : 's'}`;
  const give = oneForAll
    ? `give one ${argument} for all, or one for each ${alignedWith} cell`
    : `give one for each ${alignedWith} cell`;
  throw new ArgumentError(
    `${argument} has ${cellCount(all.length)} but ${alignedWith} has ${count}; ${give}.`,
    argument,
    value,
  );
}

import { Dec } from '../engine/decimal';
import { nameKey, trimSpaces } from '../engine/names';
import type { CellValue } from '../ports/workbook';
import { FindingCode, quoteCell } from './findings';

/**
 * Cells become typed values here, at the boundary: amounts and fractions as `Dec`,
 * whole numbers, text and drop-down options; anything else is a problem naming the
 * value. Blank cells are handled by the caller (required or optional).
 *
 * The rule for numbers from cells: Excel keeps 15 significant digits, so a number cell
 * is read to 15 significant digits (`toPrecision(15)`) and then taken exactly. That
 * drops binary floating-point artefacts a formula can leave (=0.1+0.2 arrives as
 * 0.30000000000000004 and is read as 0.3; 26844499.999999996 is read as 26844500)
 * while keeping every figure a person can type or see in Excel. It is not
 * `new Dec(n)`, which would keep the artefacts (decimal.js takes a number's shortest
 * round-trip text). Text is taken exactly as written.
 */

/** A cell read successfully, or the problem with it (the sentence after the place). */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: FindingCode; readonly problem: string };

const good = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(code: FindingCode, problem: string): Parsed<T> => ({ ok: false, code, problem });

/** Whether a cell is blank: null, empty, or only spaces. */
export function isBlank(value: CellValue | undefined): boolean {
  if (typeof value !== 'string') return value === null || value === undefined;
  // Most text starts with a printable character: not blank, without trimming a copy.
  const first = value.charCodeAt(0);
  if (first > 0x20 && first < 0x7f) return false;
  return clean(value) === '';
}

/** The cell-number rule above: a JavaScript number as Excel's 15 significant digits. */
export function decimalFromCellNumber(n: number): Dec {
  return new Dec(n.toPrecision(15));
}

/** Text with non-breaking spaces made plain and the ends trimmed (the engine's rule, so names match alike). */
const clean = trimSpaces;

/** Digits with correct thousands separators, or plain digits, with optional decimals. */
const DIGITS = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+`;
const MINUS = '[-\u2212]';
/** "£1,234.50", "-£5", "£-5", "−£5", "1234", "(1,234.50)", "(£5)". */
const AMOUNT_TEXT = new RegExp(
  String.raw`^(?:(${MINUS})\s*)?£?\s*(?:(${MINUS})\s*)?(${DIGITS})$|^\(\s*£?\s*(${DIGITS})\s*\)$`,
);

/** Reads money: a number, or text such as "£1,234.50", "(1,234.50)" or "-£5". */
export function parseAmount(
  value: CellValue,
  options: { nonNegative?: boolean } = {},
): Parsed<Dec> {
  const read = readAmount(value);
  if (read === undefined)
    return bad(FindingCode.NOT_AN_AMOUNT, `${quoteCell(value)} is not an amount.`);
  return options.nonNegative === true ? notNegative(read, value) : good(read);
}

function readAmount(value: CellValue): Dec | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value) ? decimalFromCellNumber(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const match = AMOUNT_TEXT.exec(clean(value));
  if (match === null) return undefined;
  const [, sign1, sign2, digits, bracketed] = match;
  if (sign1 !== undefined && sign2 !== undefined) return undefined;
  const text = (bracketed ?? digits ?? '').replace(/,/g, '');
  const negative = bracketed !== undefined || sign1 !== undefined || sign2 !== undefined;
  return new Dec(negative ? `-${text}` : text);
}

function notNegative(read: Dec, value: CellValue): Parsed<Dec> {
  return read.isNegative() && !read.isZero()
    ? bad(FindingCode.NEGATIVE, `${quoteCell(value)} is negative; it must be 0 or more.`)
    : good(read);
}

/** Reads a plain quantity (population, activity, a metric value): a number or numeric text such as "1,250". */
export function parseNumber(
  value: CellValue,
  options: { nonNegative?: boolean } = {},
): Parsed<Dec> {
  const read = readPlainNumber(value);
  if (read === undefined)
    return bad(FindingCode.NOT_A_NUMBER, `${quoteCell(value)} is not a number.`);
  return options.nonNegative === true ? notNegative(read, value) : good(read);
}

const NUMBER_TEXT = new RegExp(String.raw`^(${MINUS})?\s*(${DIGITS})$`);

function readPlainNumber(value: CellValue): Dec | undefined {
  if (typeof value === 'number')
    return Number.isFinite(value) ? decimalFromCellNumber(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const match = NUMBER_TEXT.exec(clean(value));
  if (match === null) return undefined;
  const text = (match[2] ?? '').replace(/,/g, '');
  return new Dec(match[1] === undefined ? text : `-${text}`);
}

/**
 * Reads a percentage as a fraction from 0 to 1: a number as Excel stores it (0.05 is
 * 5%), or text "5%", "5 %", "0.05". A number above 1 is over 100% (Excel stores 100%
 * as 1), so a 5 typed into a plain-number cell is refused rather than guessed at.
 * With `signed` (an annual change such as an uplift) it may be from −100% to 100%.
 */
export function parseFraction(value: CellValue, options: { signed?: boolean } = {}): Parsed<Dec> {
  const read = readFraction(value);
  if (read === undefined) {
    return bad(FindingCode.NOT_A_PERCENTAGE, `${quoteCell(value)} is not a percentage.`);
  }
  if (options.signed === true && read.lessThan(-1)) {
    return bad(FindingCode.OVER_100_PERCENT, `${quoteCell(value)} is below -100%.`);
  }
  if (options.signed !== true && read.isNegative() && !read.isZero()) {
    return bad(
      FindingCode.NEGATIVE,
      `${quoteCell(value)} is negative; it must be from 0% to 100%.`,
    );
  }
  if (read.greaterThan(1)) {
    const hint = typeof value === 'number' ? ' (Excel stores 100% as 1)' : '';
    return bad(FindingCode.OVER_100_PERCENT, `${quoteCell(value)} is over 100%${hint}.`);
  }
  return good(read);
}

const PERCENT_TEXT = new RegExp(String.raw`^(${MINUS})?\s*(${DIGITS})\s*%$`);

function readFraction(value: CellValue): Dec | undefined {
  if (typeof value === 'string') {
    const match = PERCENT_TEXT.exec(clean(value));
    if (match !== null) {
      const percent = new Dec((match[2] ?? '').replace(/,/g, '')).dividedBy(100);
      return match[1] === undefined ? percent : percent.negated();
    }
  }
  return readPlainNumber(value);
}

/** Reads a whole number (a year, a band number): a number or numeric text without a fraction. */
export function parseInteger(
  value: CellValue,
  options: { min?: number; max?: number } = {},
): Parsed<number> {
  const read = readPlainNumber(value);
  if (read === undefined || !read.isInteger()) {
    return bad(FindingCode.NOT_A_WHOLE_NUMBER, `${quoteCell(value)} is not a whole number.`);
  }
  if (options.min !== undefined && read.lessThan(options.min)) {
    const code = options.min === 0 ? FindingCode.NEGATIVE : FindingCode.NOT_A_WHOLE_NUMBER;
    return bad(code, `${quoteCell(value)} is less than ${options.min}.`);
  }
  if (options.max !== undefined && read.greaterThan(options.max)) {
    return bad(FindingCode.TOO_LARGE, `${quoteCell(value)} is more than ${options.max}.`);
  }
  return good(read.toNumber());
}

/** How much of an over-long text a finding quotes. */
const QUOTED = 40;

/**
 * Reads text, trimmed: numbers (a scheme called 2019) as Excel shows them, TRUE/FALSE as
 * words. Text longer than `maxLength` characters (a name past the limit, see
 * tableSchema.NAME_LIMIT) is a problem giving its length and its start.
 */
export function parseText(
  value: CellValue,
  options: { readonly maxLength?: number } = {},
): Parsed<string> {
  if (typeof value === 'number') return good(decimalFromCellNumber(value).toString());
  if (typeof value !== 'string') return good(value === true ? 'TRUE' : 'FALSE');
  const text = clean(value);
  const max = options.maxLength;
  if (max === undefined || text.length <= max) return good(text);
  return bad(
    FindingCode.TOO_LONG,
    `"${text.slice(0, QUOTED)}…" is ${text.length.toLocaleString('en-GB')} characters long; this column takes at most ${max.toLocaleString('en-GB')}.`,
  );
}

/** One drop-down option: the value the add-in uses and other spellings accepted for it. */
export interface EnumOption {
  readonly value: string;
  /** For people (the task pane's drop-down): "In proportion to contributions". */
  readonly label?: string;
  readonly aliases?: readonly string[];
}

/** Case- and space-insensitive key of a name or option (defined in the engine, which totals by it). */
export { nameKey };

/** Reads one of a list of options (case- and space-insensitive, aliases accepted); returns the option's value. */
export function parseOption(value: CellValue, options: readonly EnumOption[]): Parsed<string> {
  if (typeof value === 'string') {
    const key = nameKey(value);
    const found = options.find(
      (o) => nameKey(o.value) === key || (o.aliases ?? []).some((a) => nameKey(a) === key),
    );
    if (found !== undefined) return good(found.value);
  }
  const list = options.map((o) => o.value).join(', ');
  return bad(FindingCode.NOT_AN_OPTION, `${quoteCell(value)} is not one of: ${list}.`);
}

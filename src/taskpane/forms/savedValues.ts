/**
 * Reading a value a workbook saved (a run's scenario parameters, plain JSON) back into
 * the text a form box shows. Saved values are untrusted: they may come from the pane
 * (decimal strings), from `bcf run --params` (numbers, "5%", "£1,000") or from an
 * older add-in. Each reader takes the value as the workbook layer takes a cell
 * and gives undefined for anything it cannot read, so the caller keeps the field's
 * default; it never throws.
 */
import type { Dec } from '../../engine/decimal';
import type { CellValue } from '../../ports/workbook';
import {
  isBlank,
  nameKey,
  parseAmount,
  parseFraction,
  parseInteger,
  type Parsed,
} from '../../workbook/cells';

/** A saved value as a cell, or undefined for a list, a record or anything else. */
export function cellOf(value: unknown): CellValue | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? value
    : undefined;
}

/** Whether a saved value is absent or blank. */
export function isMissing(value: unknown): boolean {
  return (
    value === undefined || value === null || (cellOf(value) !== undefined && isBlank(cellOf(value)))
  );
}

function readDec(value: unknown, read: (cell: CellValue) => Parsed<Dec>): Dec | undefined {
  const cell = cellOf(value);
  if (cell === undefined || isBlank(cell)) return undefined;
  const parsed = read(cell);
  return parsed.ok ? parsed.value : undefined;
}

/** A saved fraction (0.05, "0.05", "5%") as the percentage a box shows ("5"). */
export function percentText(value: unknown): string | undefined {
  return readDec(value, (cell) => parseFraction(cell, { signed: true }))
    ?.times(100)
    .toFixed();
}

/** A saved amount (1250000, "1250000.5", "£1,250,000") as a box shows it ("1250000.5"). */
export function amountText(value: unknown): string | undefined {
  return readDec(value, (cell) => parseAmount(cell))?.toFixed();
}

/** A saved whole number (5, "5") as text. */
export function wholeText(value: unknown): string | undefined {
  const cell = cellOf(value);
  if (cell === undefined || isBlank(cell)) return undefined;
  const parsed = parseInteger(cell);
  return parsed.ok ? String(parsed.value) : undefined;
}

/** A saved plain number of units (125000, "125,000") as text without separators. */
export function unitsText(value: unknown): string | undefined {
  const cell = cellOf(value);
  if (typeof cell === 'number')
    return Number.isFinite(cell) && cell >= 0 ? amountText(cell) : undefined;
  if (typeof cell !== 'string') return undefined;
  const text = cell.replace(/,/g, '').trim();
  return /^\d+(\.\d+)?$/.test(text) ? text : undefined;
}

/** Saved text (a label), trimmed; numbers as written. */
export function plainText(value: unknown): string | undefined {
  const cell = cellOf(value);
  if (typeof cell === 'string') return cell.trim() === '' ? undefined : cell.trim();
  return typeof cell === 'number' && Number.isFinite(cell) ? String(cell) : undefined;
}

/** The one of `names` a saved name means (case- and space-insensitive), or undefined. */
export function nameIn(names: readonly string[], value: unknown): string | undefined {
  const text = plainText(value);
  if (text === undefined) return undefined;
  return names.find((n) => n === text) ?? names.find((n) => nameKey(n) === nameKey(text));
}

/** A saved record (not a list), e.g. shares by party. */
export function recordOf(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** A saved list of records, or undefined when it is not one. */
export function recordsOf(
  value: unknown,
): readonly Readonly<Record<string, unknown>>[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const records = (value as unknown[]).map(recordOf);
  return records.every((r) => r !== undefined) ? records : undefined;
}

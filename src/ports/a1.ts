/**
 * A1 addresses as the ports give them ("B3", "A10:D20", no sheet) and as Excel shows
 * them to people: columns as letters, rows and columns 1-based. The one place the
 * adapters and the workbook layer turn addresses into numbers and back.
 *
 * Pure: no Office.js, no ExcelTS, no Node.
 */

/** A rectangle of cells, 1-based and inclusive, as Excel shows rows and columns. */
export interface CellBox {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Excel's grid: the last row a cell can be in. */
export const LAST_ROW = 1_048_576;
/** Excel's grid: the last column a cell can be in (XFD). */
export const LAST_COLUMN = 16_384;

/** Column letters for a 1-based column number: 1 → "A", 27 → "AA" (the empty string for 0). */
export function columnLetters(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The column number of an address's leading letters: "D14" → 4, "AA1" → 27 (0 when none). */
export function columnNumber(address: string): number {
  const letters = /^[A-Z]*/i.exec(address)?.[0] ?? '';
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** A cell address: `cellAddress(14, 4)` → "D14". */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** A range address from its corners: `rangeAddress(12, 1, 17, 3)` → "A12:C17". */
export function rangeAddress(
  firstRow: number,
  firstColumn: number,
  lastRow: number,
  lastColumn: number,
): string {
  return `${cellAddress(firstRow, firstColumn)}:${cellAddress(lastRow, lastColumn)}`;
}

/** A box as Excel writes it: "B3" for one cell, "A1:D20" otherwise. */
export function boxAddress(box: CellBox): string {
  const first = cellAddress(box.top, box.left);
  if (box.top === box.bottom && box.left === box.right) return first;
  return `${first}:${cellAddress(box.bottom, box.right)}`;
}

/**
 * A sheet name as a formula or message writes it: as it is when plain (letters, digits,
 * underscores and full stops, not starting with a digit, not like a cell address), else
 * quoted with any apostrophe doubled: "'BCF Results - Gain share'", "'Q1'".
 */
export function sheetRef(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}[0-9]+$/.test(sheet)
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;
}

/** An absolute reference with its sheet, as charts and validations need: `'My sheet'!$A$2:$A$5`. */
export function absoluteRef(sheet: string, box: CellBox): string {
  const corner = (row: number, column: number): string => `$${columnLetters(column)}$${row}`;
  const first = corner(box.top, box.left);
  const last = corner(box.bottom, box.right);
  return `${sheetRef(sheet)}!${first === last ? first : `${first}:${last}`}`;
}

function parseCell(text: string): { row: number; column: number } | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(text.trim());
  if (!match?.[1] || !match[2]) return undefined;
  const row = Number(match[2]);
  const column = columnNumber(match[1]);
  return row >= 1 && row <= LAST_ROW && column <= LAST_COLUMN ? { row, column } : undefined;
}

/**
 * Parses "B3" or "A10:D20" (with or without `$`, corners in any order) into a box, or
 * returns undefined for anything else: a sheet-qualified address, whole rows or columns,
 * a cell off the grid.
 */
export function parseBox(address: string): CellBox | undefined {
  const parts = address.split(':');
  if (parts.length > 2) return undefined;
  const first = parseCell(parts[0] ?? '');
  const last = parseCell(parts[1] ?? parts[0] ?? '');
  if (!first || !last) return undefined;
  return {
    top: Math.min(first.row, last.row),
    left: Math.min(first.column, last.column),
    bottom: Math.max(first.row, last.row),
    right: Math.max(first.column, last.column),
  };
}

/**
 * Parses a reference with its sheet, as `absoluteRef` writes it (`'My sheet'!$A$2:$A$5`,
 * `Lists!B1`; the sheet quoted when it needs to be, apostrophes doubled inside quotes),
 * or returns undefined for anything else.
 */
export function parseRef(reference: string): { sheet: string; box: CellBox } | undefined {
  const match = /^(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!([^!]+)$/.exec(reference);
  const sheet = match?.[1]?.replace(/''/g, "'") ?? match?.[2];
  const box = match?.[3] === undefined ? undefined : parseBox(match[3]);
  return sheet === undefined || box === undefined ? undefined : { sheet, box };
}

/** Every cell of a box, row by row. */
export function* cellsOf(box: CellBox): Generator<{ row: number; column: number }> {
  for (let row = box.top; row <= box.bottom; row++) {
    for (let column = box.left; column <= box.right; column++) yield { row, column };
  }
}

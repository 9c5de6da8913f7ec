/**
 * A1 addresses for the .xlsx adapter: the port's addresses ("B3", "A10:D20", no sheet)
 * parsed into 1-based corners, and corners written back as Excel writes them.
 */

/** A rectangle of cells, 1-based and inclusive, as Excel shows rows and columns. */
export interface CellBox {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Excel's grid: the last row and column a cell can be in. */
const LAST_ROW = 1_048_576;
const LAST_COLUMN = 16_384;

/** Column letters for a 1-based column: 1 → "A", 27 → "AA". */
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

/** A cell address: `cellAddress(14, 4)` → "D14". */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** A box as Excel writes it: "B3" for one cell, "A1:D20" otherwise. */
export function boxAddress(box: CellBox): string {
  const first = cellAddress(box.top, box.left);
  if (box.top === box.bottom && box.left === box.right) return first;
  return `${first}:${cellAddress(box.bottom, box.right)}`;
}

/** An absolute reference with its sheet, as charts and validations need: `'My sheet'!$A$2:$A$5`. */
export function absoluteRef(sheet: string, box: CellBox): string {
  const corner = (row: number, column: number): string => `$${columnLetters(column)}$${row}`;
  const first = corner(box.top, box.left);
  const last = corner(box.bottom, box.right);
  return `${sheetRef(sheet)}!${first === last ? first : `${first}:${last}`}`;
}

/** A sheet name as a formula writes it: quoted unless plain, apostrophes doubled. */
export function sheetRef(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}[0-9]+$/.test(sheet)
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * Parses "B3" or "A10:D20" (with or without `$`), or returns undefined for anything
 * else (a sheet-qualified address, whole rows or columns, a cell off the grid).
 */
export function parseBox(address: string): CellBox | undefined {
  const parts = address.replace(/\$/g, '').split(':');
  if (parts.length < 1 || parts.length > 2) return undefined;
  const corners = parts.map(parseCell);
  const a = corners[0];
  const b = corners[corners.length - 1];
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

function parseCell(text: string): { row: number; column: number } | undefined {
  const match = /^([A-Za-z]{1,3})([1-9][0-9]{0,6})$/.exec(text.trim());
  if (!match?.[1] || !match[2]) return undefined;
  let column = 0;
  for (const ch of match[1].toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(match[2]);
  return row <= LAST_ROW && column <= LAST_COLUMN ? { row, column } : undefined;
}

/** Every cell of a box, row by row. */
export function* cellsOf(box: CellBox): Generator<{ row: number; column: number }> {
  for (let row = box.top; row <= box.bottom; row++) {
    for (let column = box.left; column <= box.right; column++) yield { row, column };
  }
}

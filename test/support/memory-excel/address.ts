/**
 * A1 addresses for the in-memory Excel: parsing "B3", "A1:D20", "C:C", "2:2" (optionally
 * sheet-qualified) into 0-based rectangles and formatting them back as Excel does.
 *
 * Deliberately NOT the ports' A1 module (src/ports/a1.ts): this fake stands for Excel,
 * whose address handling is broader (whole rows and columns, sheet prefixes, 0-based
 * range objects) and is what the adapters' own A1 code is tested against. Sharing the
 * code under test would make a fault in it (say, the column after Z) agree with itself
 * in every contract test and go unseen.
 */

/** Excel's grid size. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 0-based and inclusive, as Excel's range objects cover. */
export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Column letters for a 0-based column index (0 → "A", 27 → "AB"). */
export function columnLetters(column: number): string {
  let n = column + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** The A1 text of one 0-based cell. */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** The A1 text of a rectangle: "B3" for one cell, "A1:D20", "C:C" or "2:3" otherwise. */
export function rectAddress(rect: Rect): string {
  if (rect.top === 0 && rect.bottom === MAX_ROWS - 1) {
    return `${columnLetters(rect.left)}:${columnLetters(rect.right)}`;
  }
  if (rect.left === 0 && rect.right === MAX_COLUMNS - 1)
    return `${rect.top + 1}:${rect.bottom + 1}`;
  const first = cellAddress(rect.top, rect.left);
  if (rect.top === rect.bottom && rect.left === rect.right) return first;
  return `${first}:${cellAddress(rect.bottom, rect.right)}`;
}

/** A sheet name quoted as Excel quotes it in addresses ('My Sheet'!A1). */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The absolute A1 text of a rectangle ("$A$1:$C$3"), as Excel writes references. */
export function absoluteAddress(rect: Rect): string {
  return rectAddress(rect)
    .split(':')
    .map((corner) =>
      corner.replace(
        /^([A-Z]*)([0-9]*)$/,
        (_m, c: string, r: string) => (c ? `$${c}` : '') + (r ? `$${r}` : ''),
      ),
    )
    .join(':');
}

/** Parses an A1 address, or returns undefined if it is not one. The sheet part is returned separately. */
export function parseAddress(text: string): { sheet?: string; rect: Rect } | undefined {
  const bang = text.lastIndexOf('!');
  let sheet: string | undefined;
  let local = text;
  if (bang >= 0) {
    sheet = text
      .slice(0, bang)
      .replace(/^'(.*)'$/, '$1')
      .replace(/''/g, "'");
    local = text.slice(bang + 1);
  }
  const parts = local.replace(/\$/g, '').split(':');
  if (parts.length > 2 || parts.length === 0) return undefined;
  const corners = parts.map(parseCorner);
  const [a, b] = [corners[0], corners[corners.length - 1]];
  if (!a || !b) return undefined;
  if (parts.length === 1 && (a.kind !== 'cell' || b.kind !== 'cell')) return undefined;
  if (a.kind !== b.kind) return undefined;
  const top = Math.min(a.row ?? 0, b.row ?? 0);
  const bottom = Math.max(a.row ?? MAX_ROWS - 1, b.row ?? MAX_ROWS - 1);
  const left = Math.min(a.column ?? 0, b.column ?? 0);
  const right = Math.max(a.column ?? MAX_COLUMNS - 1, b.column ?? MAX_COLUMNS - 1);
  const rect = { top, left, bottom, right };
  return sheet === undefined ? { rect } : { sheet, rect };
}

interface Corner {
  readonly kind: 'cell' | 'column' | 'row';
  readonly row?: number;
  readonly column?: number;
}

function parseCorner(text: string): Corner | undefined {
  const cell = /^([A-Za-z]{1,3})([0-9]{1,7})$/.exec(text);
  if (cell?.[1] && cell[2]) {
    const column = columnIndex(cell[1]);
    const row = Number(cell[2]) - 1;
    return inGrid(row, column) ? { kind: 'cell', row, column } : undefined;
  }
  if (/^[A-Za-z]{1,3}$/.test(text)) {
    const column = columnIndex(text);
    return inGrid(0, column) ? { kind: 'column', column } : undefined;
  }
  if (/^[0-9]{1,7}$/.test(text)) {
    const row = Number(text) - 1;
    return inGrid(row, 0) ? { kind: 'row', row } : undefined;
  }
  return undefined;
}

function inGrid(row: number, column: number): boolean {
  return row >= 0 && row < MAX_ROWS && column >= 0 && column < MAX_COLUMNS;
}

/** Rows × columns of a rectangle. */
export function rectSize(rect: Rect): { rows: number; columns: number } {
  return { rows: rect.bottom - rect.top + 1, columns: rect.right - rect.left + 1 };
}

/** Whether two rectangles share a cell. */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** Whether a rectangle lies inside the sheet's grid. */
export function rectInGrid(rect: Rect): boolean {
  return (
    inGrid(rect.top, rect.left) &&
    inGrid(rect.bottom, rect.right) &&
    rect.top <= rect.bottom &&
    rect.left <= rect.right
  );
}

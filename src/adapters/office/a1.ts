/**
 * A1 addresses as the ports give them ("B3", "A10:D20", no sheet), as 1-based boxes.
 */

/** A rectangle of cells, 1-based and inclusive. */
export interface Box {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** Column letters of a 1-based column (1 → "A", 28 → "AB"). */
export function columnLetters(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

function parseCell(text: string): { row: number; column: number } | undefined {
  const match = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(text);
  if (!match?.[1] || !match[2]) return undefined;
  const row = Number(match[2]);
  const column = columnNumber(match[1]);
  return row >= 1 && row <= MAX_ROWS && column >= 1 && column <= MAX_COLUMNS
    ? { row, column }
    : undefined;
}

/** Parses "B3" or "A10:D20" into a box, or undefined if it is not such an address. */
export function parseBox(address: string): Box | undefined {
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

/** The A1 text of a box ("B3" for one cell). */
export function boxAddress(box: Box): string {
  const first = `${columnLetters(box.left)}${box.top}`;
  if (box.top === box.bottom && box.left === box.right) return first;
  return `${first}:${columnLetters(box.right)}${box.bottom}`;
}

/** The local part of an Office.js address: "'My Sheet'!A1:B2" → "A1:B2". */
export function localAddress(address: string): string {
  const bang = address.lastIndexOf('!');
  return bang < 0 ? address : address.slice(bang + 1);
}

/**
 * Text within what an Excel cell holds. A cell holds at most 32,767 characters; Excel
 * "repairs" a file with a longer one (cutting it, with a warning) and Office.js refuses
 * to write one. So the add-in splits long text it lays out over rows where it can (see
 * {@link splitText}), and cuts any cell text still too long at the limit, saying so in
 * the cell itself (see {@link cutToCell}). Pure: both adapters write what this returns.
 */
import { CELL_CHARACTER_LIMIT } from './storage';
import type { CellValue, SheetWrite } from './workbook';

/** What a cut cell ends with, so a reader knows the text goes on. */
export const CUT_NOTE = "… (cut at Excel's 32,767-character limit)";

/** Where to end a piece of at most `max` characters: never inside a surrogate pair. */
function safeEnd(text: string, end: number): number {
  const code = text.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff ? end - 1 : end;
}

/**
 * Text as it fits a cell: itself when short enough, else cut so that with
 * {@link CUT_NOTE} after it, it is exactly at the limit.
 *
 * @example
 * cutToCell('x'.repeat(40_000)).length; // 32_767, ending "… (cut at Excel's 32,767-character limit)"
 */
export function cutToCell(text: string): string {
  if (text.length <= CELL_CHARACTER_LIMIT) return text;
  return `${text.slice(0, safeEnd(text, CELL_CHARACTER_LIMIT - CUT_NOTE.length))}${CUT_NOTE}`;
}

/**
 * Text in pieces of at most `max` characters, each ending after a list separator
 * (", " or "; ") where there is one in its second half, else after a space, else at
 * `max`; the pieces joined give the text back.
 *
 * @param text - The text to split.
 * @param max - The most characters in a piece (at least 2).
 * @example
 * splitText('a, b, c', 5); // ['a, ', 'b, c']
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const half = Math.floor(max / 2);
    const list = Math.max(window.lastIndexOf(', '), window.lastIndexOf('; '));
    const space = window.lastIndexOf(' ');
    const end = list >= half ? list + 2 : space >= half ? space + 1 : safeEnd(rest, max);
    pieces.push(rest.slice(0, end));
    rest = rest.slice(end);
  }
  pieces.push(rest);
  return pieces;
}

function capped(value: CellValue): CellValue {
  return typeof value === 'string' ? cutToCell(value) : value;
}

/**
 * A layout with every text cell within the limit (see {@link cutToCell}); the same
 * layout when none is over it.
 */
export function withCellsCapped(layout: SheetWrite): SheetWrite {
  const over = layout.values.some((row) =>
    row.some((value) => typeof value === 'string' && value.length > CELL_CHARACTER_LIMIT),
  );
  if (!over) return layout;
  return { ...layout, values: layout.values.map((row) => row.map(capped)) };
}

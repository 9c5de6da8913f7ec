/**
 * Reads the values of some boxes of cells from a worksheet part's XML with a hand-made
 * scanner over `<row>` and `<c>` (no DOM, no ExcelTS): rows outside the boxes are
 * skipped whole, and the scan stops after the last row wanted. Values come out as the
 * port gives them (see cellValues.ts): numbers, shared, inline and formula strings,
 * booleans, error texts, ISO dates (`t="d"`) as serials, "" for a blank or a merged
 * cell other than the merge's first.
 */
import type { CellValue } from '../../ports/workbook';
import { parseBox, type CellBox } from './a1';
import { dateSerial } from './cellValues';
import { decodeOoxml, decodeXml, itemText } from './xmlText';

/** A formula cell with no value saved in the file was found in one of the boxes. */
export const UNSAVED = Symbol('unsaved formula');

/** The boxes' values, row by row (each box's grid), or {@link UNSAVED}. */
export type Scan = CellValue[][][] | typeof UNSAVED;

function tagAttribute(tag: string, name: string): string | undefined {
  const at = tag.indexOf(` ${name}="`);
  if (at < 0) return undefined;
  const start = at + name.length + 3;
  return tag.slice(start, tag.indexOf('"', start));
}

/** The text between `<name>` (or `<name ...>`) and `</name>` in a cell's content, or undefined. */
function child(content: string, name: string): string | undefined {
  const open = content.indexOf(`<${name}`);
  if (open < 0) return undefined;
  const close = content.indexOf('>', open);
  if (content.charCodeAt(close - 1) === 47) return '';
  const end = content.indexOf(`</${name}>`, close);
  return end < 0 ? undefined : content.slice(close + 1, end);
}

interface Context {
  readonly strings: () => readonly string[];
  readonly date1904: boolean;
}

/** A cell's value from its type attribute and content; UNSAVED for a formula with no value. */
function cellValue(type: string | undefined, content: string, context: Context): unknown {
  const formula = content.includes('<f');
  if (type === 'inlineStr' && !formula) {
    const inline = child(content, 'is');
    return inline === undefined ? '' : itemText(inline);
  }
  const raw = child(content, 'v');
  // A text result may be empty (=IF(…,"",…) is saved as t="str" with <v></v> or <v/>):
  // that is the text "", not a formula never calculated.
  if (formula && (raw === undefined || (raw === '' && type !== 'str'))) return UNSAVED;
  if (raw === undefined || raw === '') return '';
  switch (type) {
    case 's':
      return context.strings()[parseInt(raw, 10)] ?? '';
    case 'str':
      return decodeXml(raw);
    case 'inlineStr':
      return decodeOoxml(decodeXml(raw));
    case 'b':
      return parseInt(raw, 10) !== 0;
    case 'e':
      return decodeXml(raw);
    case 'd':
      return dateSerial(new Date(decodeXml(raw)), context.date1904);
    default:
      return parseFloat(raw);
  }
}

function emptyGrid(box: CellBox): CellValue[][] {
  const width = box.right - box.left + 1;
  const grid: CellValue[][] = [];
  for (let row = box.top; row <= box.bottom; row++) grid.push(new Array<CellValue>(width).fill(''));
  return grid;
}

/** Blanks the cells of merges other than each merge's first (ExcelTS gives them no value). */
function blankMerged(
  xml: string,
  from: number,
  boxes: readonly CellBox[],
  grids: CellValue[][][],
): void {
  const start = xml.indexOf('<mergeCells', from); // after sheetData, as the schema orders it
  if (start < 0) return;
  const end = xml.indexOf('</mergeCells>', start);
  for (const match of xml.slice(start, end).matchAll(/\sref="([^"]*)"/g)) {
    const merge = parseBox(match[1] ?? '');
    if (!merge) continue;
    boxes.forEach((box, b) => {
      for (
        let row = Math.max(merge.top, box.top);
        row <= Math.min(merge.bottom, box.bottom);
        row++
      ) {
        for (
          let col = Math.max(merge.left, box.left);
          col <= Math.min(merge.right, box.right);
          col++
        ) {
          if (row === merge.top && col === merge.left) continue;
          const line = grids[b]?.[row - box.top];
          if (line) line[col - box.left] = '';
        }
      }
    });
  }
}

/**
 * The values of each box of a worksheet.
 *
 * @param xml - The worksheet part's XML.
 * @param boxes - The boxes wanted (1-based, inclusive).
 * @param strings - The shared strings (called only if a shared string is met).
 * @param date1904 - The workbook's date system, for `t="d"` cells.
 * @returns Each box's values row by row, or UNSAVED if a formula in a box has no saved value.
 */
export function scanCells(
  xml: string,
  boxes: readonly CellBox[],
  strings: () => readonly string[],
  date1904: boolean,
): Scan {
  const grids = boxes.map(emptyGrid);
  if (boxes.length === 0) return grids;
  const context: Context = { strings, date1904 };
  const first = Math.min(...boxes.map((b) => b.top));
  const last = Math.max(...boxes.map((b) => b.bottom));
  const end = xml.lastIndexOf('</sheetData>');
  let at = xml.indexOf('<sheetData');
  let rowNumber = 0;
  while (at >= 0 && end > 0) {
    const rowStart = xml.indexOf('<row', at);
    if (rowStart < 0 || rowStart > end) break;
    const rowClose = xml.indexOf('>', rowStart);
    const rowTag = xml.slice(rowStart, rowClose + 1);
    const r = tagAttribute(rowTag, 'r');
    rowNumber = r === undefined ? rowNumber + 1 : parseInt(r, 10);
    if (rowNumber > last) break;
    if (rowTag.endsWith('/>')) {
      at = rowClose + 1;
      continue;
    }
    const rowEnd = xml.indexOf('</row>', rowClose);
    if (rowNumber >= first) {
      const unsaved = scanRow(xml, rowClose + 1, rowEnd, rowNumber, boxes, grids, context);
      if (unsaved) return UNSAVED;
    }
    at = rowEnd + 6;
  }
  blankMerged(xml, Math.max(end, 0), boxes, grids);
  return grids;
}

/** What a cell's start tag says: its column (0 when it names none) and type. */
interface CellTag {
  column: number;
  type: string | undefined;
}

/** Reads `r` and `t` from the start tag in xml[from, to) without slicing it. */
function readTag(xml: string, from: number, to: number, tag: CellTag): void {
  tag.column = 0;
  tag.type = undefined;
  for (let i = from; i < to; i++) {
    if (xml.charCodeAt(i) !== 32 || xml.charCodeAt(i + 2) !== 61 || xml.charCodeAt(i + 3) !== 34) {
      continue;
    }
    const name = xml.charCodeAt(i + 1);
    if (name === 114) {
      // r="B3": the column letters
      let column = 0;
      for (let j = i + 4; j < to; j++) {
        const code = xml.charCodeAt(j);
        if (code < 65 || code > 90) break;
        column = column * 26 + code - 64;
      }
      tag.column = column;
    } else if (name === 116) {
      // t="s" is by far the commonest: no slice for it.
      tag.type =
        xml.charCodeAt(i + 4) === 115 && xml.charCodeAt(i + 5) === 34
          ? 's'
          : xml.slice(i + 4, xml.indexOf('"', i + 4));
    }
  }
}

/**
 * The value of the cell whose content is xml(open, end): the common shapes (`<v>` alone,
 * no formula) are read in place; anything else goes through {@link cellValue}.
 */
function contentValue(
  xml: string,
  open: number,
  end: number,
  type: string | undefined,
  context: Context,
): unknown {
  if (xml.startsWith('<v>', open + 1) && type !== 'inlineStr') {
    const close = xml.indexOf('</v>', open + 4);
    if (close + 4 === end) {
      if (close === open + 4) return '';
      if (type === undefined || type === 'n') return parseFloat(xml.slice(open + 4, close));
      if (type === 's') {
        let index = 0;
        for (let i = open + 4; i < close; i++) index = index * 10 + xml.charCodeAt(i) - 48;
        return context.strings()[index] ?? '';
      }
    }
  }
  return cellValue(type, xml.slice(open + 1, end), context);
}

/** Scans the cells of one row into the grids; true if an unsaved formula was met. */
function scanRow(
  xml: string,
  from: number,
  to: number,
  row: number,
  boxes: readonly CellBox[],
  grids: CellValue[][][],
  context: Context,
): boolean {
  const tag: CellTag = { column: 0, type: undefined };
  let at = from;
  let column = 0;
  for (;;) {
    const start = xml.indexOf('<c', at);
    if (start < 0 || start >= to) return false;
    const next = xml.charCodeAt(start + 2);
    const close = xml.indexOf('>', start);
    if (next !== 32 && next !== 62 && next !== 47) {
      at = close + 1;
      continue;
    }
    readTag(xml, start + 2, close, tag);
    column = tag.column === 0 ? column + 1 : tag.column;
    if (xml.charCodeAt(close - 1) === 47) {
      at = close + 1;
      continue;
    }
    const cellEnd = xml.indexOf('</c>', close);
    at = cellEnd + 4;
    for (let b = 0; b < boxes.length; b++) {
      const box = boxes[b] as CellBox;
      if (row < box.top || row > box.bottom || column < box.left || column > box.right) continue;
      const value = contentValue(xml, close, cellEnd, tag.type, context);
      if (value === UNSAVED) return true;
      const line = grids[b]?.[row - box.top];
      if (line) line[column - box.left] = value as CellValue;
    }
  }
}

/** A cell's value from its type attribute and inner XML, for whole-sheet readers (usedCells.ts). */
export const cellValueOf: (
  type: string | undefined,
  content: string,
  context: { readonly strings: () => readonly string[]; readonly date1904: boolean },
) => unknown = cellValue;

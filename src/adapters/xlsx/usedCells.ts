/**
 * The used range of a worksheet as the port's `SheetCells`, for finding plain ranges
 * and labelled cells: from the package's sheet XML (every `<c>` of `<sheetData>`, with
 * formula texts and merged areas) or from ExcelTS's model. A formula cell with no
 * value saved reads "" and is listed as unsaved, so that only a plain range that uses
 * it is refused (a stray uncalculated formula elsewhere on the sheet does not matter).
 */
import type { CellValue, SheetCells } from '../../ports/workbook';
import { boxAddress } from '../../ports/a1';
import { cellAddress, parseBox, type CellBox } from './a1';
import { isUnsaved, portValue, formulaText } from './cellValues';
import type { Worksheet } from './excelts';
import { cellValueOf, scanCells, UNSAVED } from './sheetScan';
import { decodeXml } from './xmlText';

interface Cell {
  readonly row: number;
  readonly column: number;
  readonly value: CellValue;
  readonly formula?: string;
  readonly unsaved?: boolean;
}

/** Cells as a rectangular used range (rows and columns from the first filled to the last). */
function assemble(sheet: string, cells: readonly Cell[], merges: readonly string[]): SheetCells {
  const filled = cells.filter((c) => c.value !== '' || c.formula !== undefined);
  if (filled.length === 0)
    return { sheet, top: 1, left: 1, values: [], formulas: new Map(), merges };
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  for (const c of filled) {
    top = Math.min(top, c.row);
    left = Math.min(left, c.column);
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.column);
  }
  const values: CellValue[][] = [];
  for (let row = top; row <= bottom; row++)
    values.push(new Array<CellValue>(right - left + 1).fill(''));
  const formulas = new Map<string, string>();
  const unsaved: string[] = [];
  for (const c of filled) {
    const line = values[c.row - top];
    if (line) line[c.column - left] = c.value;
    if (c.formula !== undefined) formulas.set(cellAddress(c.row, c.column), c.formula);
    if (c.unsaved === true) unsaved.push(cellAddress(c.row, c.column));
  }
  return { sheet, top, left, values, formulas, merges, ...(unsaved.length > 0 ? { unsaved } : {}) };
}

function columnOf(reference: string): number {
  let column = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
  }
  return column;
}

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;

/**
 * A worksheet part's used range.
 *
 * @param sheet - The sheet's name.
 * @param xml - The worksheet part's XML.
 * @param strings - The shared strings (called only if a shared string is met).
 * @param date1904 - The workbook's date system.
 */
export function usedCellsFromXml(
  sheet: string,
  xml: string,
  strings: () => readonly string[],
  date1904: boolean,
): SheetCells {
  return (
    fastUsedCells(sheet, xml, strings, date1904) ?? slowUsedCells(sheet, xml, strings, date1904)
  );
}

/** The merged areas listed after `<sheetData>`. */
function mergesOf(xml: string, from: number): string[] {
  const merges: string[] = [];
  const mergeStart = xml.indexOf('<mergeCells', Math.max(from, 0));
  if (mergeStart >= 0) {
    const mergeEnd = xml.indexOf('</mergeCells>', mergeStart);
    for (const match of xml.slice(mergeStart, mergeEnd).matchAll(/\sref="([^"]*)"/g)) {
      if (parseBox(match[1] ?? '')) merges.push(match[1] ?? '');
    }
  }
  return merges;
}

/**
 * The common case, by the table reader's own scanner (sheetScan.ts) over the sheet's
 * `<dimension>`: undefined when the sheet states none, or a formula in it has no saved
 * value (the slow reader then lists it as unsaved).
 */
function fastUsedCells(
  sheet: string,
  xml: string,
  strings: () => readonly string[],
  date1904: boolean,
): SheetCells | undefined {
  const ref = /<dimension\b[^>]*\sref="([^"]*)"/.exec(xml.slice(0, 2000))?.[1];
  const box = ref === undefined ? undefined : parseBox(ref.includes(':') ? ref : `${ref}:${ref}`);
  if (box === undefined) return undefined;
  if (box.bottom - box.top > 200_000 || box.right - box.left > 2_000) return undefined;
  const grids = scanCells(xml, [box], strings, date1904);
  if (grids === UNSAVED) return undefined;
  const values = grids[0] ?? [];
  const formulas = new Map<string, string>();
  if (xml.includes('<f')) {
    for (const match of xml.matchAll(/<f\b[^>]*>([^<]+)<\/f>/g)) {
      const open = xml.lastIndexOf('<c ', match.index);
      const address = /\sr="([A-Z]+\d+)"/.exec(xml.slice(open, xml.indexOf('>', open)))?.[1];
      if (address !== undefined) formulas.set(address, `=${decodeXml(match[1] ?? '')}`);
    }
  }
  const end = xml.lastIndexOf('</sheetData>');
  return { sheet, top: box.top, left: box.left, values, formulas, merges: mergesOf(xml, end) };
}

function slowUsedCells(
  sheet: string,
  xml: string,
  strings: () => readonly string[],
  date1904: boolean,
): SheetCells {
  const start = xml.indexOf('<sheetData');
  const end = xml.lastIndexOf('</sheetData>');
  const cells: Cell[] = [];
  if (start >= 0 && end > start) {
    const data = xml.slice(start, end);
    let rowNumber = 0;
    for (const row of data.matchAll(ROW)) {
      const r = /\sr="(\d+)"/.exec(row[1] ?? '')?.[1];
      rowNumber = r === undefined ? rowNumber + 1 : Number(r);
      let column = 0;
      for (const cell of (row[2] ?? '').matchAll(CELL)) {
        const attributes = cell[1] ?? '';
        const reference = /\sr="([A-Z]+)\d+"/.exec(attributes)?.[1];
        column = reference === undefined ? column + 1 : columnOf(reference);
        const content = cell[2];
        if (content === undefined) continue;
        const type = /\st="([^"]*)"/.exec(attributes)?.[1];
        const value = cellValueOf(type, content, { strings, date1904 });
        const formula = /<f\b[^>]*>([^<]*)<\/f>/.exec(content)?.[1];
        cells.push({
          row: rowNumber,
          column,
          value: value === UNSAVED ? '' : (value as CellValue),
          ...(formula === undefined ? {} : { formula: `=${decodeXml(formula)}` }),
          ...(value === UNSAVED ? { unsaved: true, formula: `=${decodeXml(formula ?? '')}` } : {}),
        });
      }
    }
  }
  const merges = mergesOf(xml, end);
  return assemble(sheet, cells, merges);
}

/** A worksheet's used range from ExcelTS's model. */
export function usedCellsFromModel(worksheet: Worksheet, date1904: boolean): SheetCells {
  const cells: Cell[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const value = portValue(cell, date1904);
      const formula = formulaText(cell);
      cells.push({
        row: rowNumber,
        column,
        value: isUnsaved(value) ? '' : value,
        ...(formula === undefined ? {} : { formula }),
        ...(isUnsaved(value) ? { unsaved: true } : {}),
      });
    });
  });
  // ExcelTS keeps merges in a private map of boxes (1-based); it has no public list.
  const boxes = (worksheet as unknown as { _merges?: Record<string, CellBox> })._merges ?? {};
  const merges = Object.values(boxes).map((box) =>
    boxAddress({ top: box.top, left: box.left, bottom: box.bottom, right: box.right }),
  );
  return assemble(worksheet.name, cells, merges);
}

import type { CellValue, SheetCells, TableData, TableInfo } from '../ports/workbook';
import { boxAddress, cellAddress, columnNumber, parseBox, sheetRef } from '../ports/a1';
import { isBlank } from './cells';
import { columnKeys } from './headers';
import { headerKey, headerReadings } from './headerText';
import type { TableKind } from './tableSchema';

/**
 * Finding input tables that are not Excel tables: plain ranges under a header row, as
 * finance teams keep them. Each sheet's used range is scanned for a row that a table
 * kind claims by its headers, by the same rules as an Excel table's header row (see
 * locate.ts): the row may sit anywhere (under a title block), with blank spacer
 * columns between headers, wrapped or merged header cells (a header merged over two
 * rows ends on the second; a header merged across columns names each of them, so
 * "Expenditure (£)" over "2024-25" and "2025-26" reads as two year columns). The body
 * runs down to the first wholly blank row, or to a totals row: one whose only text is
 * "Total", "Totals", "Grand total" (or "Total …"), or with a SUM (or SUBTOTAL) of the
 * cells above in its own column. Cells of Excel tables are left out: they are tables.
 */

/** A plain range found on a sheet: its cells as a table, and any formula with no saved value. */
export interface PlainRange {
  readonly data: TableData;
  /** Body cells holding a formula with no value saved in the file. */
  readonly unsaved: readonly string[];
}

/** What the finder needs of the kinds: whether some kind claims a header row. */
export type ClaimTest = (headers: readonly string[]) => boolean;

interface Grid {
  readonly cells: SheetCells;
  readonly bottom: number;
  readonly right: number;
  readonly taken: (row: number, column: number) => boolean;
}

function valueAt(grid: Grid, row: number, column: number): CellValue {
  const { cells } = grid;
  return cells.values[row - cells.top]?.[column - cells.left] ?? '';
}

function textOf(value: CellValue): string {
  if (typeof value === 'string') return value.trim();
  return value === null ? '' : String(value);
}

/** Every key any kind's column accepts: a row needs two cells reading as one to be a header row. */
export function knownHeaderKeys(kinds: readonly TableKind[]): ReadonlySet<string> {
  return new Set(kinds.flatMap((k) => k.columns.flatMap((c) => [...columnKeys(c)])));
}

function isKnownHeader(text: string, known: ReadonlySet<string>): boolean {
  if (text === '' || text.length > 200) return false;
  if (known.has(headerKey(text))) return true;
  return headerReadings(text).some((r) => known.has(r.key));
}

const TOTAL = /^(?:grand\s+)?totals?(?:\s*:)?$|^totals?\s+\S/iu;
const SUM_ABOVE =
  /^=\s*(?:SUM|SUBTOTAL\s*\(\s*(?:9|109)\s*,)\s*\(?\s*\$?([A-Z]{1,3})\$?(\d+)\s*:\s*\$?([A-Z]{1,3})\$?(\d+)\s*\)+\s*$/iu;

/** Whether a row ends a range's body: a totals label, or a SUM of the column above. */
function isTotalsRow(grid: Grid, row: number, left: number, right: number): boolean {
  const texts: string[] = [];
  for (let column = left; column <= right; column++) {
    const value = valueAt(grid, row, column);
    if (typeof value === 'string' && value.trim() !== '') texts.push(value.trim());
    const formula = grid.cells.formulas.get(cellAddress(row, column));
    const sum = formula === undefined ? null : SUM_ABOVE.exec(formula);
    if (sum !== null) {
      const [, from = '', top = '0', to = '', bottom = '0'] = sum;
      const here = columnNumber(`${from}1`);
      if (here === column && columnNumber(`${to}1`) === column && Number(bottom) < row) {
        return Number(top) < row;
      }
    }
  }
  const [first] = texts;
  return (
    first !== undefined &&
    TOTAL.test(first) &&
    (texts.length === 1 || /^(?:grand\s+)?totals?:?$/iu.test(first))
  );
}

function rowBlank(grid: Grid, row: number, left: number, right: number): boolean {
  for (let column = left; column <= right; column++) {
    if (!isBlank(valueAt(grid, row, column))) return false;
  }
  return true;
}

interface HeaderBlock {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  readonly headers: string[];
}

/**
 * The header cells of row `row` as one header row: from the first known header's
 * column to the last non-blank one, merged cells spread over their columns and rows.
 */
function headerBlock(grid: Grid, row: number, merges: readonly Merge[]): HeaderBlock | undefined {
  const columns: number[] = [];
  for (let column = grid.cells.left; column <= grid.right; column++) {
    if (!grid.taken(row, column) && textOf(valueAt(grid, row, column)) !== '') columns.push(column);
  }
  const left = columns[0];
  const lastText = columns[columns.length - 1];
  if (left === undefined || lastText === undefined) return undefined;
  const inRow = merges.filter((m) => m.top === row && m.right >= left && m.left <= lastText);
  const right = Math.max(lastText, ...inRow.map((m) => m.right));
  const bottom = Math.max(row, ...inRow.map((m) => m.bottom));
  const headers: string[] = [];
  for (let column = left; column <= right; column++) {
    const parts: string[] = [];
    for (let r = row; r <= bottom; r++) {
      const own = textOf(valueAt(grid, r, column));
      if (own !== '') {
        parts.push(own);
        continue;
      }
      // A header merged across columns names each of them only over sub-headers below it.
      const across = merges.find(
        (m) => m.top === r && m.left < column && m.right >= column && m.bottom < bottom,
      );
      const below = across !== undefined && hasTextBelow(grid, across.bottom, bottom, column);
      if (across !== undefined && below) parts.push(textOf(valueAt(grid, across.top, across.left)));
    }
    headers.push(parts.join(' '));
  }
  return { top: row, bottom, left, right, headers };
}

function hasTextBelow(grid: Grid, after: number, bottom: number, column: number): boolean {
  for (let r = after + 1; r <= bottom; r++) {
    if (textOf(valueAt(grid, r, column)) !== '') return true;
  }
  return false;
}

interface Merge {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

function mergesOf(cells: SheetCells): Merge[] {
  return (cells.merges ?? []).flatMap((ref) => {
    const box = parseBox(ref);
    return box === undefined ? [] : [box];
  });
}

function bodyOf(grid: Grid, block: HeaderBlock): { rows: CellValue[][]; bottom: number } {
  const rows: CellValue[][] = [];
  let row = block.bottom + 1;
  for (; row <= grid.bottom; row++) {
    if (grid.taken(row, block.left) || rowBlank(grid, row, block.left, block.right)) break;
    if (isTotalsRow(grid, row, block.left, block.right)) break;
    const cells: CellValue[] = [];
    for (let column = block.left; column <= block.right; column++) {
      cells.push(valueAt(grid, row, column));
    }
    rows.push(cells);
  }
  return { rows, bottom: block.bottom + rows.length };
}

/** The boxes of a sheet's Excel tables: header row to the row after the body (a totals row). */
function tableBoxes(sheet: string, tables: readonly TableInfo[]): Merge[] {
  return tables
    .filter((t) => t.sheet.toLowerCase() === sheet.toLowerCase() && t.range === undefined)
    .map((t) => ({
      top: t.headerRow,
      left: t.firstColumn,
      bottom: t.headerRow + t.rowCount + 1,
      right: t.firstColumn + Math.max(t.headers.length, 1) - 1,
    }));
}

function gridOf(cells: SheetCells, tables: readonly TableInfo[]): Grid {
  const boxes = tableBoxes(cells.sheet, tables);
  const width = Math.max(0, ...cells.values.map((r) => r.length));
  return {
    cells,
    bottom: cells.top + cells.values.length - 1,
    right: cells.left + width - 1,
    taken: (row, column) =>
      boxes.some((b) => row >= b.top && row <= b.bottom && column >= b.left && column <= b.right),
  };
}

function rangeFrom(grid: Grid, block: HeaderBlock): PlainRange {
  const { cells } = grid;
  const body = bodyOf(grid, block);
  const range = boxAddress({
    top: block.top,
    left: block.left,
    bottom: Math.max(body.bottom, block.bottom),
    right: block.right,
  });
  const unsaved = (cells.unsaved ?? []).filter((address) => {
    const box = parseBox(address);
    return (
      box !== undefined &&
      box.top > block.bottom &&
      box.top <= body.bottom &&
      box.left >= block.left &&
      box.left <= block.right
    );
  });
  return {
    data: {
      name: `${sheetRef(cells.sheet)}!${range}`,
      sheet: cells.sheet,
      headers: block.headers,
      rows: body.rows,
      rowCount: body.rows.length,
      headerRow: block.bottom,
      firstColumn: block.left,
      range,
    },
    unsaved,
  };
}

/**
 * The plain range whose header row is `row` (as a column mapping names it), read by
 * the same rules as a range found by its headers.
 */
export function rangeAtRow(
  cells: SheetCells,
  row: number,
  tables: readonly TableInfo[],
): PlainRange | undefined {
  const grid = gridOf(cells, tables);
  const block = headerBlock(grid, row, mergesOf(cells));
  return block === undefined ? undefined : rangeFrom(grid, block);
}

/**
 * The plain ranges of one sheet that some kind claims.
 *
 * @param cells - the sheet's used range.
 * @param tables - the workbook's Excel tables (their cells are not scanned).
 * @param claims - whether some kind claims a header row.
 * @param known - every header key of every kind (a quick test before `claims`).
 */
export function findPlainRanges(
  cells: SheetCells,
  tables: readonly TableInfo[],
  claims: ClaimTest,
  known: ReadonlySet<string>,
): PlainRange[] {
  const grid = gridOf(cells, tables);
  const merges = mergesOf(cells);
  const found: PlainRange[] = [];
  for (let row = cells.top; row <= grid.bottom; row++) {
    const line = cells.values[row - cells.top] ?? [];
    let hits = 0;
    for (const value of line) {
      if (typeof value === 'string' && isKnownHeader(value.trim(), known) && ++hits >= 2) break;
    }
    if (hits < 2 && !(hits === 1 && merges.some((m) => m.top === row))) continue;
    const block = headerBlock(grid, row, merges);
    if (block === undefined || !claims(block.headers)) continue;
    const range = rangeFrom(grid, block);
    found.push(range);
    row = block.bottom + range.data.rowCount;
  }
  return found;
}

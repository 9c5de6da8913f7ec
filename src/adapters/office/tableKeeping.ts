/**
 * Keeping a result table across runs (issue 12, item 9). Results are rewritten on every
 * run; deleting a table and adding it again turns a user's `=SUM(BCF_Pool_Partners[Amount])`
 * elsewhere into #REF!. So a table the new layout has again, with the same name, in the
 * same place and with the same headers, is kept: its header row is left alone when the
 * sheet is cleared, its rows are rewritten as values, and it is resized to the new
 * number of rows (`Table.resize`, ExcelApi 1.13). Where that is not possible (another
 * shape, or a host without 1.13 and a different row count), the table is deleted and
 * added again as before.
 */
import type { SheetWrite } from '../../ports/workbook';
import { parseBox, type CellBox } from '../../ports/a1';
import type { SheetState } from './ownership';

/** A table kept through a rewrite, and the range it must end up with (1-based box). */
export interface KeptTable {
  readonly name: string;
  readonly box: CellBox;
  /** Whether its number of rows changes (then it is resized). */
  readonly resize: boolean;
}

/** Excel's grid: 1,048,576 rows by 16,384 columns. */
const ROWS = 1_048_576;
const COLUMNS = 16_384;

function headerTexts(layout: SheetWrite, box: CellBox): string[] {
  const row = layout.values[box.top - 1] ?? [];
  return row
    .slice(box.left - 1, box.right)
    .map((value) => (typeof value === 'string' ? value : String(value ?? '')));
}

/** The layout's tables that the existing sheet's tables can become without being deleted. */
export function keptTables(
  layout: SheetWrite,
  existing: SheetState | undefined,
  canResize: boolean,
): KeptTable[] {
  if (!existing) return [];
  return layout.tables.flatMap(({ name, range }): KeptTable[] => {
    const box = parseBox(range);
    const old = existing.tables.find((table) => table.name === name);
    if (!box || !old || box.bottom <= box.top) return [];
    const same =
      old.rowIndex === box.top - 1 &&
      old.columnIndex === box.left - 1 &&
      old.columnCount === box.right - box.left + 1 &&
      old.headers.join('\u0000') === headerTexts(layout, box).join('\u0000');
    const resize = old.rowCount !== box.bottom - box.top + 1;
    return same && (!resize || canResize) ? [{ name, box, resize }] : [];
  });
}

/**
 * The blocks (0-based row, column, rows, columns) that cover the whole sheet except the
 * kept tables' header rows, so that clearing them leaves those headers (and the
 * structured references that name them) as they are.
 */
export function blocksAround(kept: readonly KeptTable[]): [number, number, number, number][] {
  const headers = kept
    .map(({ box }) => ({ row: box.top - 1, left: box.left - 1, right: box.right - 1 }))
    .sort((a, b) => a.row - b.row || a.left - b.left);
  const blocks: [number, number, number, number][] = [];
  let row = 0;
  for (const headerRow of [...new Set(headers.map((h) => h.row))]) {
    if (headerRow > row) blocks.push([row, 0, headerRow - row, COLUMNS]);
    let column = 0;
    for (const header of headers.filter((h) => h.row === headerRow)) {
      if (header.left > column) blocks.push([headerRow, column, 1, header.left - column]);
      column = Math.max(column, header.right + 1);
    }
    if (column < COLUMNS) blocks.push([headerRow, column, 1, COLUMNS - column]);
    row = headerRow + 1;
  }
  if (row < ROWS) blocks.push([row, 0, ROWS - row, COLUMNS]);
  return blocks;
}

/**
 * Reading and writing rectangular blocks of cells, with Excel's checks: the input's shape
 * must match the range (or be one value for every cell) and one operation may cover at
 * most five million cells.
 */
import { MAX_COLUMNS, rectSize, type Rect } from './address';
import type { Limits } from './core';
import { ErrorCode, officeError } from './errors';
import { emitChange } from './events';
import { peekCell, touchCell, type CellModel, type SheetModel } from './model';

/** A range in the model: a sheet and a rectangle on it. */
export interface RangeModel {
  readonly sheet: SheetModel;
  readonly rect: Rect;
}

/** Raises RangeExceedsLimit if a range has more cells than one operation may cover. */
export function checkCellLimit(range: RangeModel, limits: Limits, location: string): void {
  const { rows, columns } = rectSize(range.rect);
  if (rows * columns > limits.cellsPerRange) {
    officeError(ErrorCode.rangeExceedsLimit, location, `${rows * columns} cells`);
  }
}

/**
 * Raises AccessDenied, as Excel does, for a change to a protected sheet: any formatting
 * change, or (`lockedOnly`) a change of contents touching a locked cell. (@types/office-js
 * documents AccessDenied for operations refused by worksheet protection.)
 */
export function refuseIfProtected(
  range: RangeModel,
  location: string,
  lockedOnly = false,
  touched: (row: number, column: number) => boolean = () => true,
): void {
  if (!range.sheet.protected) return;
  if (!lockedOnly) officeError(ErrorCode.accessDenied, location, 'The sheet is protected.');
  const { top, left, bottom, right } = range.rect;
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) {
      if (touched(r, c) && peekCell(range.sheet, r, c)?.locked !== false) {
        officeError(
          ErrorCode.accessDenied,
          location,
          'The cell is locked and the sheet is protected.',
        );
      }
    }
  }
}

/**
 * What writing a cell does to a dynamic array: writing its anchor removes the spill (the
 * spilled cells go blank), writing a cell it spills into blocks it (#SPILL! at the anchor).
 */
export function breakSpill(sheet: SheetModel, row: number, column: number): void {
  const cell = peekCell(sheet, row, column);
  if (!cell) return;
  if (cell.spill) {
    clearSpill(sheet, row, column, cell.spill);
    delete cell.spill;
    return;
  }
  const parent = cell.spillParent;
  if (!parent) return;
  delete cell.spillParent;
  const anchor = peekCell(sheet, parent.row, parent.column);
  if (!anchor?.spill) return;
  clearSpill(sheet, parent.row, parent.column, anchor.spill);
  delete anchor.spill;
  anchor.value = '#SPILL!';
  anchor.error = true;
}

function clearSpill(sheet: SheetModel, row: number, column: number, block: Rect): void {
  for (let r = block.top; r <= block.bottom; r++) {
    for (let c = block.left; c <= block.right; c++) {
      const child = peekCell(sheet, r, c);
      if (child?.spillParent?.row === row && child.spillParent.column === column) {
        delete child.spillParent;
        child.value = '';
        delete child.error;
      }
    }
  }
}

/** A 2-D array of something read from each cell (undefined for a blank, unformatted cell). */
export function readGrid<T>(
  range: RangeModel,
  limits: Limits,
  location: string,
  pick: (cell: CellModel | undefined) => T,
): T[][] {
  checkCellLimit(range, limits, location);
  const { top, left, bottom, right } = range.rect;
  const rows: T[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row: T[] = [];
    for (let c = left; c <= right; c++) row.push(pick(peekCell(range.sheet, r, c)));
    rows.push(row);
  }
  return rows;
}

/** Writes a 2-D array (or one value for all cells) into a range, cell by cell. */
export function writeGrid(
  range: RangeModel,
  limits: Limits,
  location: string,
  input: unknown,
  apply: (cell: CellModel, value: unknown) => void,
  /** Whether this writes contents (values, formulas) rather than formats. */
  contents = true,
): void {
  checkCellLimit(range, limits, location);
  const { rows, columns } = rectSize(range.rect);
  const grid = Array.isArray(input) ? (input as unknown[]) : undefined;
  if (
    grid &&
    (grid.length !== rows || grid.some((row) => !Array.isArray(row) || row.length !== columns))
  ) {
    officeError(
      ErrorCode.invalidArgument,
      location,
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${columns}).`,
    );
  }
  const { top, left } = range.rect;
  const valueAt = (r: number, c: number): unknown => (grid ? (grid[r] as unknown[])[c] : input);
  refuseIfProtected(
    range,
    location,
    contents,
    (r, c) => valueAt(r - top, c - left) !== null && valueAt(r - top, c - left) !== undefined,
  );
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const value = valueAt(r, c);
      if (value === null || value === undefined) continue;
      if (contents) breakSpill(range.sheet, top + r, left + c);
      apply(touchCell(range.sheet, top + r, left + c), value);
    }
  }
  // Only a batch writes through here: the add-in's Office JS calls.
  if (contents) emitChange(range.sheet, range.rect, 'addin');
}

/** Applies a change to every cell of a range (formats; refused on a protected sheet). */
export function eachCell(
  range: RangeModel,
  apply: (cell: CellModel) => void,
  location = 'RangeFormat',
): void {
  refuseIfProtected(range, location);
  const { top, left, bottom, right } = range.rect;
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) apply(touchCell(range.sheet, r, c));
  }
}

/** Applies a change to every cell of a range that exists in the model (blank, unformatted cells are skipped). */
export function eachExistingCell(range: RangeModel, apply: (cell: CellModel) => void): void {
  const { top, left, bottom, right } = range.rect;
  for (const [key, cell] of range.sheet.cells) {
    const row = Math.floor(key / MAX_COLUMNS);
    const column = key % MAX_COLUMNS;
    if (row >= top && row <= bottom && column >= left && column <= right) apply(cell);
  }
}

/** The one value all cells share, or null if they differ (as Excel reports mixed formats). */
export function uniform<T>(range: RangeModel, pick: (cell: CellModel | undefined) => T): T | null {
  const { top, left, bottom, right } = range.rect;
  let first: { value: T } | undefined;
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) {
      const value = pick(peekCell(range.sheet, r, c));
      if (!first) first = { value };
      else if (first.value !== value) return null;
    }
  }
  return first ? first.value : null;
}

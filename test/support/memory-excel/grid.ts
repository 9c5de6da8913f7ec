/**
 * Reading and writing rectangular blocks of cells, with Excel's checks: the input's shape
 * must match the range (or be one value for every cell) and one operation may cover at
 * most five million cells.
 */
import { MAX_COLUMNS, rectSize, type Rect } from './address';
import type { Limits } from './core';
import { ErrorCode, officeError } from './errors';
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
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const value = grid ? (grid[r] as unknown[])[c] : input;
      if (value === null || value === undefined) continue;
      apply(touchCell(range.sheet, top + r, left + c), value);
    }
  }
}

/** Applies a change to every cell of a range (formats). */
export function eachCell(range: RangeModel, apply: (cell: CellModel) => void): void {
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

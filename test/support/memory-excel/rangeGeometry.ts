/**
 * Where ranges are: their sheet-qualified addresses, checks that they lie on the grid,
 * and intersections.
 */
import { MAX_COLUMNS, MAX_ROWS, quoteSheetName, rectAddress, type Rect } from './address';
import { ErrorCode, officeError } from './errors';
import type { RangeModel } from './grid';

/** Where a range lives, for addresses: "Sheet1!A1:B2". */
export function fullAddress(range: RangeModel): string {
  return `${quoteSheetName(range.sheet.name)}!${rectAddress(range.rect)}`;
}

/** A rectangle checked to lie on the grid (InvalidArgument otherwise, as in Excel). */
export function onGrid(rect: Rect, location: string): Rect {
  const fits =
    rect.top >= 0 &&
    rect.left >= 0 &&
    rect.bottom < MAX_ROWS &&
    rect.right < MAX_COLUMNS &&
    rect.top <= rect.bottom &&
    rect.left <= rect.right;
  return fits ? rect : officeError(ErrorCode.invalidArgument, location);
}

/** The overlap of two rectangles, if any. */
export function intersect(a: Rect | undefined, b: Rect): Rect | undefined {
  if (!a) return undefined;
  const top = Math.max(a.top, b.top);
  const left = Math.max(a.left, b.left);
  const bottom = Math.min(a.bottom, b.bottom);
  const right = Math.min(a.right, b.right);
  return top <= bottom && left <= right ? { top, left, bottom, right } : undefined;
}

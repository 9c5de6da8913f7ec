/**
 * Sheet names and visibility as Excel checks them.
 */
import { ErrorCode, officeError } from './errors';
import { findSheet, type SheetModel, type WorkbookModel } from './model';

/** Checks a sheet name as Excel does (InvalidArgument or ItemAlreadyExists). */
export function checkSheetName(
  workbook: WorkbookModel,
  name: string,
  location: string,
  except?: SheetModel,
): void {
  if (name.trim() === '' || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
    officeError(ErrorCode.invalidArgument, location, `Bad sheet name: ${name}`);
  }
  const clash = findSheet(workbook, name);
  if (clash && clash !== except) officeError(ErrorCode.itemAlreadyExists, location, name);
}

/** How many sheets are visible. */
export function visibleCount(workbook: WorkbookModel): number {
  return workbook.sheets.filter((s) => s.visibility === 'Visible').length;
}

/**
 * The port's writeSheets over an ExcelTS workbook: every layout is checked and every
 * sheet's owner is known before anything changes, so a refused write changes nothing.
 * An existing sheet is replaced whole, at the same tab position; a new sheet goes last.
 */
import type { SheetWrite } from '../../ports/workbook';
import { XlsxErrorCode, xlsxFail } from './errors';
import type { Workbook, Worksheet } from './excelts';
import { checkLayout, checkTableNames } from './layoutCheck';
import { writeSheet } from './sheetWriter';

/** Who owns what: the set of sheet names (lower case) that are the add-in's. */
export type OwnedSheets = Set<string>;

function checkAll(
  book: Workbook,
  owned: OwnedSheets,
  sheets: readonly SheetWrite[],
  replaceUserSheets: boolean,
): void {
  sheets.forEach(checkLayout);
  const names = sheets.map((s) => s.sheet.toLowerCase());
  const twice = sheets.find((s, i) => names.indexOf(s.sheet.toLowerCase()) !== i);
  if (twice) {
    xlsxFail(XlsxErrorCode.BAD_LAYOUT, `Sheet "${twice.sheet}" is laid out twice in one write.`);
  }
  const users = sheets.flatMap((s) => {
    const existing = book.getWorksheet(s.sheet);
    return existing && !owned.has(existing.name.toLowerCase()) ? [existing.name] : [];
  });
  if (users.length > 0 && !replaceUserSheets) {
    xlsxFail(
      XlsxErrorCode.SHEET_NOT_OURS,
      `The sheet ${users.map((name) => `"${name}"`).join(', ')} was not made by the add-in, so it was left alone and nothing was written. Rename it, or choose to replace it.`,
    );
  }
  const kept = book.worksheets
    .filter((w) => !names.includes(w.name.toLowerCase()))
    .flatMap((w) => w.getTables().map((t) => ({ name: t.name, sheet: w.name })));
  const workbookNames = book.definedNames.model
    .filter((n) => n.localSheetId === undefined)
    .map((n) => n.name);
  checkTableNames(sheets, kept, workbookNames);
}

/** Removes a worksheet with its charts (so no chart part is left behind); returns its tab position. */
function removeSheet(book: Workbook, worksheet: Worksheet): number {
  for (const chart of worksheet.getCharts()) worksheet.removeChart(chart);
  const orderNo = worksheet.orderNo;
  book.removeWorksheet(worksheet.id);
  return orderNo;
}

/**
 * Writes each sheet whole and marks it as the add-in's.
 *
 * @param book - The ExcelTS workbook.
 * @param owned - The add-in's sheets (updated with the written ones).
 * @param sheets - The laid-out sheets.
 * @param replaceUserSheets - Whether a user's sheet of the same name may be replaced.
 * @throws XlsxError `WORKBOOK.SHEET_NOT_OURS` naming the user's sheets in the way, or
 *   `WORKBOOK.BAD_LAYOUT` naming the sheet and problem; either way nothing is written.
 */
export function writeSheets(
  book: Workbook,
  owned: OwnedSheets,
  sheets: readonly SheetWrite[],
  replaceUserSheets: boolean,
): void {
  checkAll(book, owned, sheets, replaceUserSheets);
  for (const layout of sheets) {
    const existing = book.getWorksheet(layout.sheet);
    const orderNo = existing ? removeSheet(book, existing) : undefined;
    const worksheet = book.addWorksheet(layout.sheet);
    if (orderNo !== undefined) worksheet.orderNo = orderNo;
    writeSheet(worksheet, layout);
    owned.add(layout.sheet.toLowerCase());
  }
}

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
  const names = sheets.map((s) => s.sheet.toLowerCase());
  const twice = sheets.find((s, i) => names.indexOf(s.sheet.toLowerCase()) !== i);
  if (twice)
    xlsxFail(XlsxErrorCode.BAD_LAYOUT, `Cannot write sheet "${twice.sheet}" twice in one go.`);
  const users = sheets.filter(
    (s) => book.getWorksheet(s.sheet) && !owned.has(s.sheet.toLowerCase()),
  );
  if (users.length > 0 && !replaceUserSheets) {
    const list = users.map((s) => `"${s.sheet}"`).join(', ');
    xlsxFail(
      XlsxErrorCode.USER_SHEET,
      `The workbook already has ${users.length === 1 ? 'a sheet' : 'sheets'} named ${list} that the add-in did not make; nothing was written. Rename ${users.length === 1 ? 'it' : 'them'}, or choose to replace ${users.length === 1 ? 'it' : 'them'}.`,
    );
  }
  sheets.forEach(checkLayout);
  const kept = book.worksheets
    .filter((w) => !names.includes(w.name.toLowerCase()))
    .flatMap((w) => w.getTables().map((t) => t.name));
  checkTableNames(sheets, kept);
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
 * @throws XlsxError `XLSX.USER_SHEET` naming the user's sheets in the way, or
 *   `XLSX.BAD_LAYOUT` naming the sheet and problem; either way nothing is written.
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

/**
 * The .xlsx adapter: the workbook ports over .xlsx files, for the `bcf` command line.
 *
 * @example
 * const workbook = await openXlsx('plan.xlsx');
 * await workbook.writeSheets(layouts);
 * await workbook.saveAs('plan-results.xlsx', { force: false });
 */
export { openXlsx } from './openXlsx';
export { XlsxWorkbook } from './xlsxWorkbook';
export { XlsxError, XlsxErrorCode } from './errors';
export { refuseWrongExtension, type SaveOptions } from './outputFile';
export type { WorkbookKind } from './workbookKind';
export { OWNER_NAME } from './ownership';
export { SETTINGS_SHEET } from './settings';

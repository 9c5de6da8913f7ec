/**
 * The Office adapter: the workbook ports over the Excel JavaScript API.
 *
 * ```ts
 * const workbook = new OfficeWorkbook(Excel.run);
 * const tables = await workbook.readTables(['Contracts']);
 * ```
 */
export { OfficeWorkbook } from './officeWorkbook';
export type { ExcelRun, ExcelRunWithOptions, IsSetSupported } from './excelRun';
export { officeRequirements, waitingOutCellEdit } from './excelRun';
export { OfficeAdapterError, OfficeErrorCode } from './errors';
export { OWNER_NAME, OWNER_FORMULA } from './ownership';
export { PAYLOAD_BUDGET_BYTES, READ_BYTES_PER_CELL } from './payload';

/**
 * The codes every workbook adapter refuses a port call with (`WORKBOOK.*`), defined once
 * so the Office and .xlsx adapters fail alike and an edge can match on one list. Each
 * adapter throws them in its own error class (OfficeAdapterError, XlsxError) with a
 * message naming the sheet, table or cell; codes only one adapter has stay in its own
 * errors.ts.
 */
export const PortErrorCode = {
  /** A sheet to write exists and was made by the user, and replacing it was not asked for. */
  SHEET_NOT_OURS: 'WORKBOOK.SHEET_NOT_OURS',
  /** A table asked for by name is not in the workbook. */
  TABLE_NOT_FOUND: 'WORKBOOK.TABLE_NOT_FOUND',
  /** A sheet named in a request (select, formulas) is not in the workbook. */
  SHEET_NOT_FOUND: 'WORKBOOK.SHEET_NOT_FOUND',
  /** An address given to select or to a formula cell is not an A1 address. */
  BAD_ADDRESS: 'WORKBOOK.BAD_ADDRESS',
  /** A laid-out sheet cannot be written as given (shape, address, name, list). */
  BAD_LAYOUT: 'WORKBOOK.BAD_LAYOUT',
  /** A setting cannot be stored: longer than an Excel cell holds. */
  BAD_SETTING: 'WORKBOOK.BAD_SETTING',
} as const;

/** One of {@link PortErrorCode}. */
export type PortErrorCode = (typeof PortErrorCode)[keyof typeof PortErrorCode];

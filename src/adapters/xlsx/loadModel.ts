/**
 * Loading the whole workbook into ExcelTS's model, for the operations that edit it
 * (formulas, sharing) or files the package reader does not handle: a typed error
 * naming the file for one ExcelTS cannot read, and the parts ExcelTS drops noted so
 * that saving puts them back (see carriedParts).
 */
import { carriedParts } from './carriedParts';
import { XlsxErrorCode, xlsxFail } from './errors';
import { Workbook } from './excelts';

/** A loaded model and how to put back, in its output, the parts ExcelTS dropped. */
export interface LoadedModel {
  readonly book: Workbook;
  readonly restore: (bytes: Uint8Array) => Promise<Uint8Array>;
}

/**
 * Loads .xlsx bytes into ExcelTS.
 *
 * @param bytes - The file's bytes (already known to be a zip).
 * @param name - The file as named in messages.
 * @throws XlsxError `XLSX.NOT_A_WORKBOOK` naming the file when ExcelTS cannot read it or
 *   it has no worksheets.
 */
export async function loadModel(bytes: Uint8Array, name: string): Promise<LoadedModel> {
  const book = new Workbook();
  try {
    await book.xlsx.load(bytes);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    xlsxFail(
      XlsxErrorCode.NOT_A_WORKBOOK,
      `${name} is not an Excel workbook (.xlsx) that can be read: ${detail}`,
      name,
    );
  }
  if (book.worksheets.length === 0) {
    xlsxFail(
      XlsxErrorCode.NOT_A_WORKBOOK,
      `${name} is a zip file but not an Excel workbook (.xlsx): it has no worksheets.`,
      name,
    );
  }
  let parts: Awaited<ReturnType<typeof carriedParts>>;
  try {
    parts = await carriedParts(bytes);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return xlsxFail(
      XlsxErrorCode.DAMAGED,
      `${name} is damaged or incompletely downloaded (${detail}).`,
      name,
    );
  }
  return { book, restore: parts.restore };
}

/**
 * Opening an .xlsx workbook from a file or from bytes, telling bad input apart before
 * ExcelTS sees it: a password-protected workbook, an old .xls, a file that is not a
 * workbook at all. Each gets a typed error naming the file.
 */
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { carriedParts } from './carriedParts';
import { ioReason, XlsxErrorCode, xlsxFail } from './errors';
import { Workbook } from './excelts';
import { fileKind } from './fileKind';
import { XlsxWorkbook } from './xlsxWorkbook';

async function readInput(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await fs.readFile(path));
  } catch (error) {
    return xlsxFail(XlsxErrorCode.CANNOT_READ, `Cannot read ${path} (${ioReason(error)}).`, path);
  }
}

function refuse(kind: ReturnType<typeof fileKind>, name: string): never {
  if (kind === 'encrypted') {
    xlsxFail(
      XlsxErrorCode.PASSWORD_PROTECTED,
      `${name} is protected with a password to open; remove the password in Excel (File > Info > Protect Workbook), save, and try again.`,
      name,
    );
  }
  if (kind === 'xls') {
    xlsxFail(
      XlsxErrorCode.NOT_A_WORKBOOK,
      `${name} is an old-style .xls workbook; save it as .xlsx in Excel and try again.`,
      name,
    );
  }
  xlsxFail(XlsxErrorCode.NOT_A_WORKBOOK, `${name} is not an Excel workbook (.xlsx).`, name);
}

async function load(bytes: Uint8Array, name: string): Promise<Workbook> {
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
  return book;
}

/**
 * Opens an .xlsx workbook.
 *
 * @param input - A file path, or the file's bytes.
 * @param name - How to name the workbook in messages when given bytes (default "the workbook").
 * @returns The workbook behind the ports; its source file (if a path) is never written to.
 * @throws XlsxError `XLSX.CANNOT_READ` (missing, unreadable), `XLSX.PASSWORD_PROTECTED`
 *   (encrypted with a password to open), `XLSX.NOT_A_WORKBOOK` (text, another kind of zip,
 *   an old .xls, a damaged package), each naming the file.
 * @example
 * const workbook = await openXlsx('plans/bcf-2025-26.xlsx');
 * const tables = await workbook.listTables();
 */
export async function openXlsx(
  input: string | Uint8Array,
  name = 'the workbook',
): Promise<XlsxWorkbook> {
  const label = typeof input === 'string' ? input : name;
  const bytes = typeof input === 'string' ? await readInput(input) : input;
  const kind = fileKind(bytes);
  if (kind !== 'zip') refuse(kind, label);
  const book = await load(bytes, label);
  const source = typeof input === 'string' ? resolve(input) : undefined;
  const parts = await carriedParts(bytes);
  return new XlsxWorkbook(book, source, parts.restore);
}

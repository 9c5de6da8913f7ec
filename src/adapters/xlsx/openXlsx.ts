/**
 * Opening an .xlsx workbook from a file or from bytes, telling bad input apart before
 * anything reads the package: a password-protected workbook, an old .xls, a file that is not a
 * workbook at all. Each gets a typed error naming the file.
 */
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { ioReason, XlsxErrorCode, xlsxFail } from './errors';
import { FastBook } from './fastBook';
import { fileKind } from './fileKind';
import { loadModel } from './loadModel';
import { PackageBook } from './packageBook';
import { UnsupportedZip } from './zipPackage';
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

/** The package's structure, or undefined when the package reader does not handle it. */
function readPackage(bytes: Uint8Array, label: string): PackageBook | undefined {
  try {
    return PackageBook.read(bytes, label);
  } catch (error) {
    if (error instanceof UnsupportedZip) return undefined;
    throw error;
  }
}

/**
 * Opens an .xlsx workbook. The package's structure is read at once; cells are read only
 * from the sheets whose tables are asked for, and ExcelTS loads the whole workbook only
 * for an operation that needs its model (see XlsxWorkbook).
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
  const source = typeof input === 'string' ? resolve(input) : undefined;
  const pkg = readPackage(bytes, label);
  if (pkg) {
    return XlsxWorkbook.lazy(new FastBook(pkg), source, () => loadModel(bytes, label), bytes);
  }
  // A package the reader does not handle: ExcelTS loads it whole now, or names the fault.
  const model = await loadModel(bytes, label);
  return new XlsxWorkbook(model.book, source, model.restore);
}

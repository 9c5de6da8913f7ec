/**
 * Opening an .xlsx workbook from a file or from bytes, telling bad input apart before
 * anything reads the package: a password-protected workbook, an old .xls, an .xlsb, an
 * .ods, an empty file, a damaged zip, a file that is not a workbook at all. Each gets a
 * typed error naming the file and the format.
 */
import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { ioReason, XlsxErrorCode, xlsxFail } from './errors';
import { FastBook } from './fastBook';
import { fileKind, zipKind, type FileKind, type ZipKind } from './fileKind';
import { loadModel } from './loadModel';
import { PackageBook } from './packageBook';
import { packageFacts } from './packageFacts';
import {
  damaged,
  entryData,
  MAX_PART_BYTES,
  readZip,
  UnsupportedZip,
  type ZipEntry,
} from './zipPackage';
import { XlsxWorkbook } from './xlsxWorkbook';

async function readInput(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await fs.readFile(path));
  } catch (error) {
    return xlsxFail(XlsxErrorCode.CANNOT_READ, `Cannot read ${path} (${ioReason(error)}).`, path);
  }
}

function refuse(kind: FileKind | ZipKind, name: string): never {
  const notAWorkbook = (message: string): never =>
    xlsxFail(XlsxErrorCode.NOT_A_WORKBOOK, message, name);
  switch (kind) {
    case 'encrypted':
      return xlsxFail(
        XlsxErrorCode.PASSWORD_PROTECTED,
        `${name} is protected with a password to open; remove the password in Excel (File > Info > Protect Workbook), save, and try again.`,
        name,
      );
    case 'xls':
      return notAWorkbook(
        `${name} is an old-style .xls workbook; save it as .xlsx in Excel and try again.`,
      );
    case 'empty':
      return notAWorkbook(
        `${name} is an empty file (0 bytes), not a workbook; it may not have finished downloading or saving.`,
      );
    case 'xlsb':
      return notAWorkbook(
        `${name} is an .xlsb binary workbook; save it as an Excel Workbook (.xlsx) in Excel and try again.`,
      );
    case 'ods':
      return notAWorkbook(
        `${name} is an OpenDocument spreadsheet (.ods); save it as an Excel workbook (.xlsx) and try again.`,
      );
    case 'opendocument':
      return notAWorkbook(
        `${name} is an OpenDocument file but not a spreadsheet, so not a workbook.`,
      );
    case 'plain':
      return notAWorkbook(
        `${name} is a zip file but not an Excel workbook (.xlsx): it has no [Content_Types].xml or _rels/.rels.`,
      );
    default:
      return notAWorkbook(`${name} is not an Excel workbook (.xlsx).`);
  }
}

/**
 * The package's structure, or undefined when the package reader does not handle it (a
 * zip of another format is refused, naming it, and so is a part too large to read).
 */
async function readPackage(bytes: Uint8Array, name: string): Promise<PackageBook | undefined> {
  try {
    return await PackageBook.read(bytes, name);
  } catch (error) {
    if (!(error instanceof UnsupportedZip)) throw error;
  }
  const entries = await readZip(bytes, name);
  const kind = zipKind(entries);
  if (kind !== 'package') refuse(kind, name);
  // A package without its root relationships has lost an entry: not one to rewrite.
  if (!entries.has('_rels/.rels')) damaged(name, 'it has no _rels/.rels');
  refuseLargeParts(entries.values());
  return undefined;
}

/** ExcelTS inflates every part at once: none may be over the limit (refused, naming it). */
function refuseLargeParts(entries: Iterable<ZipEntry>): void {
  for (const entry of entries) if (entry.size > MAX_PART_BYTES) entryData(entry);
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
 *   (encrypted with a password to open), `XLSX.NOT_A_WORKBOOK` (text, an empty file, a
 *   zip of another kind, an old .xls, an .xlsb, an .ods), `XLSX.DAMAGED` (a zip that cannot
 *   be read whole), `XLSX.TOO_LARGE` (a part over the limit), each naming the file.
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
  const pkg = await readPackage(bytes, label);
  if (pkg) {
    const load = (): ReturnType<typeof loadModel> => {
      refuseLargeParts(pkg.entries.values());
      return loadModel(bytes, label);
    };
    return XlsxWorkbook.lazy(new FastBook(pkg), source, load, bytes);
  }
  // A package the reader does not handle: ExcelTS loads it whole now, or names the fault.
  const model = await loadModel(bytes, label);
  const facts = await packageFacts(bytes);
  return new XlsxWorkbook(model.book, source, model.restore, facts);
}

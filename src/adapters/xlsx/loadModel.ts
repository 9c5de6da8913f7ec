/**
 * Loading the whole workbook into ExcelTS's model, for the operations that edit it
 * (formulas, sharing) or files the package reader does not handle: a typed error
 * naming the file for one ExcelTS cannot read, and the parts ExcelTS drops noted so
 * that saving puts them back (see carriedParts).
 */
import { carriedParts, type CarriedParts } from './carriedParts';
import { XlsxErrorCode, xlsxFail } from './errors';
import { Workbook } from './excelts';
import { afterLoad } from './exceltsFixes';
import { MixedNamespaces, withoutPrefix } from './namespaces';
import { readParts, writeParts, type Parts } from './zipParts';

/** A loaded model and how to put back, in its output, the parts ExcelTS dropped. */
export interface LoadedModel {
  readonly book: Workbook;
  readonly restore: CarriedParts['restore'];
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * The package with its prefixed parts in the default namespace (see namespaces), which
 * ExcelTS reads (it refuses `<x:Relationships>`, `<x:worksheet>`); the bytes as they are
 * when no part has a prefix.
 */
async function unprefixed(parts: Parts, bytes: Uint8Array): Promise<Uint8Array> {
  const plain: Parts = new Map(parts);
  let changed = false;
  for (const [path, data] of parts) {
    if (!/\.(xml|rels)$/i.test(path)) continue;
    try {
      const result = withoutPrefix(decoder.decode(data));
      if (result.prefix === undefined) continue;
      plain.set(path, encoder.encode(result.xml));
      changed = true;
    } catch (error) {
      if (!(error instanceof MixedNamespaces)) throw error;
    }
  }
  return changed ? writeParts(plain) : bytes;
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
  let parts: Parts;
  try {
    parts = await readParts(bytes);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return xlsxFail(
      XlsxErrorCode.DAMAGED,
      `${name} is damaged or incompletely downloaded (${detail}).`,
      name,
    );
  }
  try {
    await book.xlsx.load(await unprefixed(parts, bytes));
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
  afterLoad(book, parts);
  return { book, restore: carriedParts(parts).restore };
}

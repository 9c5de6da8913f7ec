/**
 * What a file's bytes are, told from their first bytes and, for an OLE compound file,
 * its stream names: an .xlsx is a zip package; a workbook encrypted with a password
 * to open is an OLE compound file (CFB) holding `EncryptionInfo` and
 * `EncryptedPackage` streams; an old .xls is a CFB holding a `Workbook` stream. Among
 * zips, {@link zipKind} tells other formats from a workbook package by their entries.
 */
import { readCfb } from '@cj-tech-master/excelts/word/crypto';
import { entryData, type ZipEntry } from './zipPackage';

/** The kinds of file the adapter tells apart before loading. */
export type FileKind = 'zip' | 'encrypted' | 'xls' | 'empty' | 'other';

const ZIP_MAGIC = [0x50, 0x4b];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** The kind of file these bytes are (see {@link FileKind}). */
export function fileKind(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, ZIP_MAGIC)) return 'zip';
  if (!startsWith(bytes, CFB_MAGIC)) return 'other';
  const streams = cfbStreamNames(bytes);
  if (streams.has('encryptedpackage') || streams.has('encryptioninfo')) return 'encrypted';
  if (streams.has('workbook') || streams.has('book')) return 'xls';
  return 'other';
}

function cfbStreamNames(bytes: Uint8Array): Set<string> {
  try {
    return new Set(readCfb(bytes).map((entry) => entry.name.toLowerCase()));
  } catch {
    return new Set(); // a damaged compound file: not something we can open either way
  }
}

/**
 * The kinds of zip told apart by their entries: an .xlsb (its workbook part is binary),
 * an OpenDocument file (a `mimetype` entry first: a spreadsheet, or another document),
 * a zip with none of a package's plumbing, or a package to read as a workbook.
 */
export type ZipKind = 'xlsb' | 'ods' | 'opendocument' | 'plain' | 'package';

const OPENDOCUMENT = 'application/vnd.oasis.opendocument.';

/** The kind of zip these entries make (see {@link ZipKind}). */
export function zipKind(entries: ReadonlyMap<string, ZipEntry>): ZipKind {
  if ([...entries.keys()].some((name) => /^xl\/workbook\.bin$/i.test(name))) return 'xlsb';
  const mimetype = entries.get('mimetype');
  if (mimetype !== undefined && mimetype.size < 200) {
    const type = new TextDecoder().decode(entryData(mimetype)).trim();
    if (type === `${OPENDOCUMENT}spreadsheet` || type === `${OPENDOCUMENT}spreadsheet-template`) {
      return 'ods';
    }
    if (type.startsWith(OPENDOCUMENT)) return 'opendocument';
  }
  if (!entries.has('[Content_Types].xml') && !entries.has('_rels/.rels')) return 'plain';
  return 'package';
}

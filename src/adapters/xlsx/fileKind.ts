/**
 * What a file's bytes are, told from their first bytes and, for an OLE compound file,
 * its stream names: an .xlsx is a zip package; a workbook encrypted with a password
 * to open is an OLE compound file (CFB) holding `EncryptionInfo` and
 * `EncryptedPackage` streams; an old .xls is a CFB holding a `Workbook` stream.
 */
import { readCfb } from '@cj-tech-master/excelts/word/crypto';

/** The kinds of file the adapter tells apart before loading. */
export type FileKind = 'zip' | 'encrypted' | 'xls' | 'other';

const ZIP_MAGIC = [0x50, 0x4b];
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** The kind of file these bytes are (see {@link FileKind}). */
export function fileKind(bytes: Uint8Array): FileKind {
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

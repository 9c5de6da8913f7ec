/**
 * Typed errors of the .xlsx adapter. `code` is stable (the CLI and tests match on it):
 * `XLSX.*` for the file itself, and for the port's own refusals the same `WORKBOOK.*`
 * codes as the Office adapter, so both adapters fail alike;
 * `message` names the file and, where there is one, the sheet, table or cell, so a
 * finance reviewer knows what to fix. Only the edges translate these for people.
 */
import { PortErrorCode } from '../../ports/errors';

/** Stable codes of the .xlsx adapter's errors: the file's own, and the ports' (src/ports/errors.ts). */
export const XlsxErrorCode = {
  ...PortErrorCode,
  /** The file could not be read (missing, a folder, no permission). */
  CANNOT_READ: 'XLSX.CANNOT_READ',
  /** The bytes are not an .xlsx workbook (text, an empty file, another zip, .xls, .xlsb, .ods). */
  NOT_A_WORKBOOK: 'XLSX.NOT_A_WORKBOOK',
  /**
   * The file is a zip package that cannot be read whole: cut short, an offset past its
   * end, a part that does not inflate or fails its CRC (a damaged or partial download).
   */
  DAMAGED: 'XLSX.DAMAGED',
  /** A part of the package is larger than file mode reads (see MAX_PART_BYTES). */
  TOO_LARGE: 'XLSX.TOO_LARGE',
  /** The workbook is encrypted with a password to open (an OLE/CFB container). */
  PASSWORD_PROTECTED: 'XLSX.PASSWORD_PROTECTED',
  /** The output file exists and overwriting was not asked for. */
  OUTPUT_EXISTS: 'XLSX.OUTPUT_EXISTS',
  /** The output path is the input file: a user's file is never modified in place. */
  SAME_AS_INPUT: 'XLSX.SAME_AS_INPUT',
  /** The output file could not be written. */
  CANNOT_WRITE: 'XLSX.CANNOT_WRITE',
  /** The output file's extension is not the one its content needs (Excel would refuse it). */
  WRONG_EXTENSION: 'XLSX.WRONG_EXTENSION',
  /** A formula cell in a table body has no saved value to read. */
  NO_SAVED_VALUE: 'XLSX.NO_SAVED_VALUE',
  /** The workbook's structure is protected: no sheet may be added (as in Excel). */
  STRUCTURE_PROTECTED: 'WORKBOOK.STRUCTURE_PROTECTED',
  /** Saving would drop parts of the user's file (named); nothing is written unless allowed. */
  PARTS_LOST: 'XLSX.PARTS_LOST',
} as const;
/** One of {@link XlsxErrorCode}. */
export type XlsxErrorCode = (typeof XlsxErrorCode)[keyof typeof XlsxErrorCode];

/** An adapter failure or bad input file, with a stable code and a message naming the place. */
export class XlsxError extends Error {
  override readonly name = 'XlsxError';

  constructor(
    /** Stable code, e.g. `XLSX.PASSWORD_PROTECTED`. */
    readonly code: XlsxErrorCode,
    message: string,
    /** The file concerned, as the user named it, where there is one. */
    readonly file?: string,
  ) {
    super(message);
  }
}

/** Throws an {@link XlsxError}. */
export function xlsxFail(code: XlsxErrorCode, message: string, file?: string): never {
  throw new XlsxError(code, message, file);
}

/**
 * The table of that name (case-insensitive) among a workbook's tables.
 *
 * @throws XlsxError `WORKBOOK.TABLE_NOT_FOUND` naming the tables there are.
 */
export function tableNamed<T extends { readonly info: { readonly name: string } }>(
  tables: readonly T[],
  name: string,
): T {
  const found = tables.find((t) => t.info.name.toLowerCase() === name.toLowerCase());
  if (found) return found;
  const known = tables.map((t) => t.info.name).join(', ') || 'none';
  return xlsxFail(
    XlsxErrorCode.TABLE_NOT_FOUND,
    `There is no table named "${name}" in this workbook (tables: ${known}).`,
  );
}

const IO_REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a folder in the path is a file',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
};

/** A file-system error in words ("no such file or folder"), with its code. */
export function ioReason(error: unknown): string {
  // Duck-typed: errors from Node's fs may come from another realm (as under jest).
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
  if (code === undefined) return String(error);
  const words = IO_REASONS[code];
  return words === undefined ? code : `${words}, ${code}`;
}

/** The code of a file-system error, e.g. "EEXIST". */
export function ioCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String(error.code)
    : undefined;
}

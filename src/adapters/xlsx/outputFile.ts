/**
 * Writing an output workbook to disk under the rules users rely on: the file a workbook
 * was read from is never written to, and an existing file is replaced only when asked
 * (`force`), in one step (a temporary file renamed over it) so a failed write never
 * leaves half a workbook behind.
 */
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { ioCode, ioReason, XlsxErrorCode, xlsxFail } from './errors';
import { extensionOf, KIND_WORDS, type WorkbookKind } from './workbookKind';

/** How to save. */
export interface SaveOptions {
  /** Replace the output file if it exists (never the input file). */
  readonly force?: boolean;
}

/**
 * Refuses an output name whose extension is not the one its content needs: Excel will
 * not open a macro-enabled workbook named .xlsx, nor a workbook named .csv or without
 * an extension.
 *
 * @param path - The output file.
 * @param kind - The kind of workbook that will be written there.
 * @throws XlsxError `XLSX.WRONG_EXTENSION` naming the file and the extension it needs.
 */
export function refuseWrongExtension(path: string, kind: WorkbookKind): void {
  const wanted = extensionOf(kind);
  const given = extname(path);
  if (given.toLowerCase() === wanted) return;
  const has = given === '' ? 'has no extension' : `ends ${given}`;
  xlsxFail(
    XlsxErrorCode.WRONG_EXTENSION,
    `${path} ${has}, but the output is ${KIND_WORDS[kind]}, which Excel opens only as ${wanted}; name it ${wanted}. Nothing was written.`,
    path,
  );
}

async function identity(path: string): Promise<string | undefined> {
  try {
    const stat = await fs.stat(path);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return undefined; // not there (yet): compared by path alone
  }
}

/** Whether two paths name the same file: same resolved path, or same device and inode. */
export async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  const [first, second] = await Promise.all([identity(a), identity(b)]);
  return first !== undefined && first === second;
}

async function replaceFile(bytes: Uint8Array, path: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temporary, bytes, { flag: 'wx' });
    await fs.rename(temporary, path);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Writes bytes to a new file.
 *
 * @param bytes - The file's content.
 * @param path - Where to write it.
 * @param options - `force` to replace an existing file; `input`, the file the workbook
 *   was read from, which is refused as an output even with `force`.
 * @throws XlsxError `XLSX.SAME_AS_INPUT` when `path` is the input file;
 *   `XLSX.OUTPUT_EXISTS` when it exists and `force` is not set; `XLSX.CANNOT_WRITE` for
 *   any other failure (no folder, no permission, a folder in the way). Each names the file.
 */
export async function writeOutputFile(
  bytes: Uint8Array,
  path: string,
  options: SaveOptions & { readonly input?: string | undefined },
): Promise<void> {
  if (options.input !== undefined && (await sameFile(path, options.input))) {
    xlsxFail(
      XlsxErrorCode.SAME_AS_INPUT,
      `${path} is the workbook being read; results go to a new file, never into the user's own.`,
      path,
    );
  }
  try {
    if (options.force) await replaceFile(bytes, path);
    else await fs.writeFile(path, bytes, { flag: 'wx' });
  } catch (error) {
    if (ioCode(error) === 'EEXIST') {
      xlsxFail(
        XlsxErrorCode.OUTPUT_EXISTS,
        `${path} already exists; use --force to replace it.`,
        path,
      );
    }
    xlsxFail(XlsxErrorCode.CANNOT_WRITE, `Cannot write ${path} (${ioReason(error)}).`, path);
  }
}

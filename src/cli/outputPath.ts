/**
 * Output files of the commands: where they go by default, and the early refusals (before
 * minutes of work) of an existing file and of a name that does not fit the content, with
 * the same codes and words as the .xlsx adapter's own checks, which still guard the
 * write itself.
 */
import { promises as fs } from 'fs';
import { basename, dirname, extname, join } from 'path';
import {
  refuseWrongExtension,
  XlsxError,
  XlsxErrorCode,
  type WorkbookKind,
} from '../adapters/xlsx';

/**
 * `plans/bcf.xlsx` → `plans/bcf-results.xlsx`: beside the input, never the input itself,
 * with the extension of the kind of workbook written (`m.xlsm` → `m-results.xlsm`; a
 * template `t.xltx` → `t-results.xlsx`).
 */
export function defaultResultsPath(input: string, kind: WorkbookKind): string {
  const name = basename(input, extname(input));
  return join(dirname(input), `${name}-results.${kind}`);
}

/**
 * Refuses an output whose name does not fit the workbook to be written, or that exists
 * without `force`.
 *
 * @throws XlsxError `XLSX.WRONG_EXTENSION` or `XLSX.OUTPUT_EXISTS`, naming the file.
 */
export async function refuseOutput(
  path: string,
  kind: WorkbookKind,
  force: boolean,
): Promise<void> {
  refuseWrongExtension(path, kind);
  await refuseExistingOutput(path, force);
}

/**
 * Refuses an output file that exists unless `force` is given.
 *
 * @throws XlsxError `XLSX.OUTPUT_EXISTS` naming the file.
 */
export async function refuseExistingOutput(path: string, force: boolean): Promise<void> {
  if (force) return;
  const exists = await fs.stat(path).then(
    () => true,
    () => false,
  );
  if (exists) {
    throw new XlsxError(
      XlsxErrorCode.OUTPUT_EXISTS,
      `${path} already exists; use --force to replace it.`,
      path,
    );
  }
}

/**
 * Output files of the commands: where they go by default, and the early refusal of an
 * existing file (before minutes of work), with the same code and words as the .xlsx
 * adapter's own check, which still guards the write itself.
 */
import { promises as fs } from 'fs';
import { basename, dirname, extname, join } from 'path';
import { XlsxError, XlsxErrorCode } from '../adapters/xlsx';

/** `plans/bcf.xlsx` → `plans/bcf-results.xlsx`: beside the input, never the input itself. */
export function defaultResultsPath(input: string): string {
  const name = basename(input, extname(input));
  return join(dirname(input), `${name}-results.xlsx`);
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

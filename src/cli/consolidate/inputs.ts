/**
 * The files `bcf consolidate` reads: each argument is a workbook, or a folder whose
 * workbooks (.xlsx, .xlsm, and old .xls so that they are reported) are taken in name
 * order. Excel's lock files (`~$plan.xlsx`) and the summary being written are left out.
 */
import { promises as fs } from 'fs';
import { extname, join, resolve } from 'path';
import { UsageError } from '../args';

const WORKBOOK_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls']);

function isWorkbookName(name: string): boolean {
  return WORKBOOK_EXTENSIONS.has(extname(name).toLowerCase()) && !name.startsWith('~$');
}

async function kindOf(path: string): Promise<'file' | 'folder' | 'missing'> {
  try {
    return (await fs.stat(path)).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}

/**
 * The workbooks to consolidate, in order, without repeats.
 *
 * @param args - files and folders as the user gave them.
 * @param output - the summary's path, never read as an input.
 * @returns paths as given (folder entries joined to the folder as given).
 * @throws UsageError when an argument does not exist, or nothing is left to read.
 */
export async function consolidationInputs(
  args: readonly string[],
  output: string,
): Promise<string[]> {
  const files: string[] = [];
  const seen = new Set<string>([resolve(output)]);
  const add = (path: string): void => {
    if (seen.has(resolve(path))) return;
    seen.add(resolve(path));
    files.push(path);
  };
  for (const arg of args) {
    const kind = await kindOf(arg);
    if (kind === 'missing') throw new UsageError(`${arg} does not exist.`);
    if (kind === 'file') {
      add(arg);
      continue;
    }
    const names = (await fs.readdir(arg)).filter(isWorkbookName).sort(byName);
    for (const name of names) add(join(arg, name));
  }
  if (files.length === 0) {
    throw new UsageError(`no workbooks to consolidate in ${args.join(', ')}.`);
  }
  return files;
}

/** Name order as people expect it: "hwb-2" before "hwb-10". */
function byName(a: string, b: string): number {
  return a.localeCompare(b, 'en-GB', { numeric: true, sensitivity: 'base' });
}

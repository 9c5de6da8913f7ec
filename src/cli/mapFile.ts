/**
 * The `--map map.json` file of `bcf run`, `check` and `consolidate`: a column mapping
 * (see src/workbook/mapping.ts) saying where each table kind is in workbooks laid out by
 * their owners. One file serves a folder of returns laid out alike.
 */
import { promises as fs } from 'fs';
import { parseMapping, type ColumnMapping } from '../workbook/mapping';
import { ParamsFileError } from './paramsFile';

/**
 * Reads a mapping file.
 *
 * @throws ParamsFileError (exit code 2, nothing written) naming the file and the problem.
 */
export async function readMapFile(path: string): Promise<ColumnMapping> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await fs.readFile(path, 'utf8'));
  } catch (error) {
    throw new ParamsFileError(`cannot read the mapping ${path}: ${(error as Error).message}`);
  }
  const read = parseMapping(parsed);
  if (!read.ok) throw new ParamsFileError(`${path}: ${read.problem}`);
  return read.mapping;
}

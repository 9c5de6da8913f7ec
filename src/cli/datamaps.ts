/**
 * The datamaps `bcf check` and `bcf consolidate` recognise returns by: those shipped in
 * assets/datamaps/ (the official-style BCF planning return), and any given with
 * `--datamap file.json`. Which one (or the add-in's own template) a workbook is, is
 * decided here, once per file, from its sheet names and labels.
 */
import { existsSync, promises as fs } from 'fs';
import { dirname, join } from 'path';
import type { Workbook } from '../ports/workbook';
import { parseDatamap, type Datamap } from '../workbook/datamap';
import { datamapReading, recogniseWorkbook, type Recognised } from '../workbook/recognise';
import type { ColumnMapping } from '../workbook/mapping';
import { ParamsFileError, type ParamsByMechanism } from './paramsFile';

function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return from;
  }
}

/** The folder of the shipped datamaps. */
export const DATAMAP_DIR = join(projectRoot(__dirname), 'assets', 'datamaps');

/** What the summary calls the add-in's own planning template. */
export const TEMPLATE_SOURCE = 'BCF planning template (this add-in)';

/**
 * Reads and checks one datamap file.
 *
 * @throws ParamsFileError (exit code 2, nothing written) naming the file and the problem.
 */
export async function readDatamapFile(path: string): Promise<Datamap> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await fs.readFile(path, 'utf8'));
  } catch (error) {
    throw new ParamsFileError(`cannot read the datamap ${path}: ${(error as Error).message}`);
  }
  const read = parseDatamap(parsed);
  if (!read.ok) throw new ParamsFileError(`${path}: ${read.problem}`);
  return read.datamap;
}

/**
 * The datamaps to recognise returns by: the given file's first (it wins over a shipped
 * one of the same id), then the shipped ones in name order.
 */
export async function loadDatamaps(extra?: string): Promise<Datamap[]> {
  const given = extra === undefined ? [] : [await readDatamapFile(extra)];
  let names: string[] = [];
  try {
    names = (await fs.readdir(DATAMAP_DIR)).filter((n) => n.endsWith('.json')).sort();
  } catch {
    names = []; // a bundle installed without assets recognises only the given datamap
  }
  const shipped = await Promise.all(names.map((n) => readDatamapFile(join(DATAMAP_DIR, n))));
  return [...given, ...shipped.filter((d) => !given.some((g) => g.id === d.id))];
}

/**
 * Recognises a workbook (the add-in's template, a datamap's return, an unknown version
 * of one, or other), saying how to read an unknown version from the command line.
 */
export function recognise(workbook: Workbook, datamaps: readonly Datamap[]): Promise<Recognised> {
  return recogniseWorkbook(
    workbook,
    datamaps,
    'fix the workbook, or give a datamap for this version with --datamap',
  );
}

/** How the summary names what a workbook was read as. */
export function sourceText(recognised: Recognised, mapped: boolean): string {
  switch (recognised.as) {
    case 'template':
      return TEMPLATE_SOURCE;
    case 'datamap':
    case 'unknown-version':
      return `datamap ${recognised.datamap.id}${recognised.as === 'unknown-version' ? ' (unknown version)' : ''}`;
    case 'other':
      return mapped ? 'plain ranges (--map)' : 'plain ranges';
  }
}

/**
 * How `bcf check` reads a workbook a datamap recognises: by the datamap's mapping, with
 * the parameters its labelled cells hold under those of the --params file.
 *
 * @returns undefined for the add-in's template and other workbooks (read as before);
 *   `refused` for a version of a datamap's template it does not know.
 */
export async function readByDatamap(
  workbook: Workbook,
  datamaps: readonly Datamap[],
  given: ParamsByMechanism | undefined,
): Promise<
  | {
      readonly datamap: string;
      readonly refused?: string;
      readonly mapping?: ColumnMapping;
      readonly params?: ParamsByMechanism;
    }
  | undefined
> {
  const recognised = await recognise(workbook, datamaps);
  if (recognised.as === 'unknown-version') {
    return { datamap: recognised.datamap.id, refused: recognised.problem };
  }
  const reading = datamapReading(recognised);
  if (reading === undefined) return undefined;
  const params: ParamsByMechanism = (mechanism) => {
    const cells = reading.params(mechanism);
    const fromFile = given?.(mechanism);
    return Object.keys(cells).length === 0 && fromFile === undefined
      ? undefined
      : { ...cells, ...(fromFile ?? {}) };
  };
  return { datamap: reading.datamap.id, mapping: reading.mapping, params };
}

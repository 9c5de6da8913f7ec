/**
 * The datamaps `bcf check` and `bcf consolidate` recognise returns by: those shipped in
 * assets/datamaps/ (the official-style BCF planning return), and any given with
 * `--datamap file.json`. Which one (or the add-in's own template) a workbook is, is
 * decided here, once per file, from its sheet names and labels.
 */
import { existsSync, promises as fs } from 'fs';
import { dirname, join } from 'path';
import type { SheetCells, Workbook } from '../ports/workbook';
import { datamapParams, parseDatamap, recogniseDatamap, type Datamap } from '../workbook/datamap';
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

/** What a workbook was recognised as. */
export type Recognised =
  | { readonly as: 'template' }
  /** `sheets`: the workbook's sheets as read for recognising it (reused, not read again). */
  | { readonly as: 'datamap'; readonly datamap: Datamap; readonly sheets: readonly SheetCells[] }
  /** Looks like a datamap's template but is not a version it knows: not read. */
  | { readonly as: 'unknown-version'; readonly datamap: Datamap; readonly problem: string }
  /** Neither: read as plain ranges (or by a --map file). */
  | { readonly as: 'other' };

/** Whether the workbook is the add-in's planning template (its Income and Schemes tables). */
export async function isPlanningTemplate(workbook: Workbook): Promise<boolean> {
  const names = new Set((await workbook.listTables()).map((t) => t.name.toLowerCase()));
  return names.has('income') && names.has('schemes');
}

/**
 * Recognises a workbook: the add-in's template by its tables (its sheets are then never
 * scanned), else each datamap by its sheets and labels.
 */
export async function recognise(
  workbook: Workbook,
  datamaps: readonly Datamap[],
): Promise<Recognised> {
  if (await isPlanningTemplate(workbook)) return { as: 'template' };
  if (datamaps.length === 0 || workbook.readSheets === undefined) return { as: 'other' };
  const sheets = await workbook.readSheets();
  for (const datamap of datamaps) {
    const found = recogniseDatamap(datamap, sheets);
    if (found.status === 'recognised') return { as: 'datamap', datamap, sheets };
    if (found.status === 'unknown-version') {
      return {
        as: 'unknown-version',
        datamap,
        problem: `it looks like a ${datamap.title} but is not a version the datamap "${datamap.id}" knows (missing: ${found.missing.join('; ')}); nothing was read from it (fix the workbook, or give a datamap for this version with --datamap).`,
      };
    }
  }
  return { as: 'other' };
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
  if (recognised.as !== 'datamap') return undefined;
  const { datamap, sheets } = recognised;
  const params: ParamsByMechanism = (mechanism) => {
    const cells = datamapParams(datamap, mechanism, sheets).params;
    const fromFile = given?.(mechanism);
    return Object.keys(cells).length === 0 && fromFile === undefined
      ? undefined
      : { ...cells, ...(fromFile ?? {}) };
  };
  return { datamap: datamap.id, mapping: datamap.mapping, params };
}

/**
 * What a workbook is, decided once from its tables, sheet names and labels: the add-in's
 * own planning template, an official-style return a datamap describes, a version of
 * such a return that no datamap knows, or anything else (read as plain ranges). The
 * command line and the task pane both read a return through this, so the same file
 * gives the same figures in either.
 */
import type { SheetCells, Workbook } from '../ports/workbook';
import { datamapParams, recogniseDatamap, type Datamap } from './datamap';
import { FindingCode, type Finding } from './findings';
import type { ColumnMapping } from './mapping';
import type { MechanismId } from './mechanisms/index';
import type { ScenarioParams } from './params';

/** What a workbook was recognised as. */
export type Recognised =
  | { readonly as: 'template' }
  /** `sheets`: the workbook's sheets as read for recognising it (reused, not read again). */
  | { readonly as: 'datamap'; readonly datamap: Datamap; readonly sheets: readonly SheetCells[] }
  /** Looks like a datamap's template but is not a version it knows: not read. */
  | { readonly as: 'unknown-version'; readonly datamap: Datamap; readonly problem: string }
  /** Neither: read as plain ranges (or by a column mapping). */
  | { readonly as: 'other' };

/** The parts of a workbook recognising it reads. */
export type RecognisableWorkbook = Pick<Workbook, 'listTables' | 'readSheets'>;

/** Whether the workbook is the add-in's planning template (its Income and Schemes tables). */
export async function isPlanningTemplate(workbook: RecognisableWorkbook): Promise<boolean> {
  const names = new Set((await workbook.listTables()).map((t) => t.name.toLowerCase()));
  return names.has('income') && names.has('schemes');
}

/**
 * Recognises a workbook: the add-in's template by its tables (its sheets are then never
 * read), else each datamap in turn by its sheets and labels.
 *
 * @param datamaps - the datamaps to try, the first that recognises the workbook winning.
 * @param fix - how the user can read an unknown version, said at the end of its problem.
 */
export async function recogniseWorkbook(
  workbook: RecognisableWorkbook,
  datamaps: readonly Datamap[],
  fix = 'fix the workbook, or give a datamap for this version',
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
        problem: `it looks like a ${datamap.title} but is not a version the datamap "${datamap.id}" knows (missing: ${found.missing.join('; ')}); nothing was read from it (${fix}).`,
      };
    }
  }
  return { as: 'other' };
}

/** How a recognised return is read: by its datamap's mapping, and its labelled parameters. */
export interface DatamapReading {
  readonly datamap: Datamap;
  readonly mapping: ColumnMapping;
  /** The scenario parameters the return's labelled cells hold for a mechanism ({} for none). */
  readonly params: (mechanism: MechanismId) => ScenarioParams;
}

/** The reading of a workbook a datamap recognised; undefined for any other workbook. */
export function datamapReading(recognised: Recognised): DatamapReading | undefined {
  if (recognised.as !== 'datamap') return undefined;
  const { datamap, sheets } = recognised;
  return {
    datamap,
    mapping: datamap.mapping,
    params: (mechanism) => datamapParams(datamap, mechanism, sheets).params,
  };
}

/** An unknown version of a return as a finding, so that it is shown where findings are. */
export function unknownVersionFinding(
  recognised: Extract<Recognised, { as: 'unknown-version' }>,
): Finding {
  return {
    code: FindingCode.UNKNOWN_VERSION,
    message: `This workbook ${recognised.problem.replace(/^it /u, '')}`,
  };
}

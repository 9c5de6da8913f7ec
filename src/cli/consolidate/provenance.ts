/**
 * Provenance for `bcf consolidate`: each file's SHA-256, and what it was read as (the
 * add-in's template, a datamap's official-style return, plain ranges).
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'fs';
import type { Workbook } from '../../ports/workbook';
import { datamapParams, type Datamap } from '../../workbook/datamap';
import type { Finding } from '../../workbook/findings';
import type { ColumnMapping } from '../../workbook/mapping';
import type { ScenarioParams } from '../../workbook/params';
import { recognise, sourceText } from '../datamaps';

/** The file's SHA-256 in hex, or undefined when it cannot be read (opening it then says why). */
export async function fileHash(file: string): Promise<string | undefined> {
  try {
    return createHash('sha256')
      .update(await fs.readFile(file))
      .digest('hex');
  } catch {
    return undefined;
  }
}

/** How one file is read for the plan checks. */
export interface ReadAs {
  /** What it was recognised as, for the summary. */
  readonly source: string;
  /** Why it is not read at all (a version of a datamap's template it does not know). */
  readonly refused?: string;
  readonly mapping?: ColumnMapping;
  /** The plan checks' parameters: the run's, else a datamap's labelled cells. */
  readonly params?: ScenarioParams;
  /** Problems with the datamap's labelled cells. */
  readonly findings: readonly Finding[];
}

/**
 * Recognises the workbook and says how to read it: a datamap's return by the datamap's
 * mapping and its labelled minima (the run's --params win); the add-in's template and
 * other workbooks as before (by their tables, plain ranges or the --map file).
 */
export async function readAs(
  workbook: Workbook,
  options: {
    readonly params?: ScenarioParams;
    readonly mapping?: ColumnMapping;
    readonly datamaps?: readonly Datamap[];
  },
): Promise<ReadAs> {
  const recognised = await recognise(workbook, options.datamaps ?? []);
  const source = sourceText(recognised, options.mapping !== undefined);
  const given = {
    ...(options.mapping === undefined ? {} : { mapping: options.mapping }),
    ...(options.params === undefined ? {} : { params: options.params }),
  };
  if (recognised.as === 'unknown-version')
    return { source, refused: recognised.problem, findings: [] };
  if (recognised.as !== 'datamap') return { source, ...given, findings: [] };
  const { datamap, sheets } = recognised;
  const cells = datamapParams(datamap, 'checks', sheets);
  return {
    source,
    mapping: datamap.mapping,
    params: { ...cells.params, ...(options.params ?? {}) },
    findings: options.params === undefined ? cells.findings : [],
  };
}

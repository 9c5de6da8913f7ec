import type { WorkbookSettings } from '../ports/workbook';
import { FindingCode, type Finding } from './findings';
import { MAPPING_KEY, parseMapping, type ColumnMapping } from './mapping';
import type { MechanismId } from './mechanisms/index';
import type { ScenarioParams } from './params';
import type { TableKindId } from './tableSchema';

/**
 * What the add-in keeps in the workbook's settings (so it travels with the file):
 * each mechanism's last parameters and the last run, to repeat it.
 */

/** Settings key of a mechanism's last parameters. */
export const paramsKey = (mechanism: MechanismId): string => `bcf.params.${mechanism}`;
/** Settings key of the last run. */
export const LAST_RUN_KEY = 'bcf.lastRun';

/** The record of the last run. */
export interface LastRun {
  readonly mechanism: MechanismId;
  readonly params: ScenarioParams;
  readonly tableNames?: Partial<Record<TableKindId, string>>;
  /** ISO time of the run. */
  readonly at: string;
}

function parse(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The values of several settings in one read where the adapter can (the Office adapter
 * reads its settings sheet once), else key by key; keys with no value are absent.
 */
export async function readSettings(
  settings: WorkbookSettings,
  keys: readonly string[],
): Promise<ReadonlyMap<string, string>> {
  if (settings.getMany !== undefined) return settings.getMany(keys);
  const values = await Promise.all(keys.map((key) => settings.get(key)));
  return new Map(
    keys.flatMap((key, i) => {
      const value = values[i];
      return value === undefined ? [] : [[key, value] as const];
    }),
  );
}

/** A mechanism's saved parameters (empty when none or unreadable). */
export async function savedParams(
  settings: WorkbookSettings,
  mechanism: MechanismId,
): Promise<ScenarioParams> {
  return savedParamsFrom(await settings.get(paramsKey(mechanism))) ?? {};
}

/**
 * Saved parameters from the text stored under {@link paramsKey}: undefined when there is
 * none or it cannot be read, so that a run saved with no parameters at all (`{}`) can be
 * told from no run.
 */
export function savedParamsFrom(text: string | undefined): ScenarioParams | undefined {
  const value = parse(text);
  return isRecord(value) ? (value as ScenarioParams) : undefined;
}

/** The last run's record, or undefined when there is none (or it cannot be read). */
export async function lastRun(settings: WorkbookSettings): Promise<LastRun | undefined> {
  return lastRunFrom(await settings.get(LAST_RUN_KEY));
}

/** The last run's record from the text stored under {@link LAST_RUN_KEY}, if it can be read. */
export function lastRunFrom(text: string | undefined): LastRun | undefined {
  const value = parse(text);
  if (!isRecord(value) || typeof value.mechanism !== 'string' || !isRecord(value.params)) {
    return undefined;
  }
  return value as unknown as LastRun;
}

/** Saves a run's parameters and the last-run record, in one settings write. */
export async function saveRun(settings: WorkbookSettings, run: LastRun): Promise<void> {
  await settings.set({
    [paramsKey(run.mechanism)]: JSON.stringify(run.params),
    [LAST_RUN_KEY]: JSON.stringify(run),
  });
}

/**
 * The column mapping saved in the workbook (under {@link MAPPING_KEY}), used by every
 * run in the pane and by `bcf run`, `check` and `consolidate`. A saved mapping that
 * cannot be read is a finding, not ignored: runs would otherwise read other cells.
 */
export async function savedMapping(
  settings: WorkbookSettings,
): Promise<{ readonly mapping?: ColumnMapping; readonly findings: readonly Finding[] }> {
  return savedMappingFrom(await settings.get(MAPPING_KEY));
}

/** The saved column mapping from the text stored under {@link MAPPING_KEY} (see savedMapping). */
export function savedMappingFrom(text: string | undefined): {
  readonly mapping?: ColumnMapping;
  readonly findings: readonly Finding[];
} {
  if (text === undefined || text.trim() === '') return { findings: [] };
  const value = parse(text);
  const parsed = value === undefined ? undefined : parseMapping(value);
  if (parsed?.ok === true) return { mapping: parsed.mapping, findings: [] };
  const problem = parsed === undefined ? 'it is not JSON.' : parsed.problem;
  return {
    findings: [
      {
        code: FindingCode.BAD_MAPPING,
        message: `The column mapping saved in this workbook (setting "${MAPPING_KEY}") cannot be read: ${problem}`,
      },
    ],
  };
}

/** Saves a column mapping in the workbook, so later runs (pane and command line) use it. */
export async function saveMapping(
  settings: WorkbookSettings,
  mapping: ColumnMapping,
): Promise<void> {
  await settings.set({ [MAPPING_KEY]: JSON.stringify(mapping) });
}

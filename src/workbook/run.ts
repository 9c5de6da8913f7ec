import type { Step } from '../engine/explain';
import type { Workbook } from '../ports/workbook';
import { WorkbookError, WorkbookErrorCode } from './errors';
import type { Finding } from './findings';
import type { Computed, Headline } from './mechanism';
import type { MechanismId, RegisteredMechanism } from './mechanisms/index';
import { MECHANISMS } from './mechanisms/index';
import { engineFinding, isEngineError } from './origins';
import { readParams, type ScenarioParams } from './params';
import { readInputTables } from './readInputs';
import { resultSheet } from './resultSheet';
import type { ResultBlock } from './results/layout';
import { standInFinding, standInTables } from './standIns';
import {
  SCENARIOS_KEY,
  keptScenarios,
  refuseKept,
  scenarioName,
  scenarioSheet,
  withScenario,
} from './scenarios';
import { lastRun, saveRun, savedMapping } from './settingsStore';
import { mergeMappings, type ColumnMapping } from './mapping';
import type { TableKindId } from './tableSchema';

/** The stages of a run, reported through `onProgress`. */
export type RunStage = 'reading' | 'calculating' | 'writing' | 'done';

/** Options of a run. */
export interface RunOptions {
  /** The time to stamp on the result sheet (pure code never reads the clock). */
  readonly now: Date;
  /** Replace the result sheet even when the user made a sheet of that name. */
  readonly replaceUserSheets?: boolean;
  /** Cancels the run; checked before anything is written. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (stage: RunStage) => void;
  /** Table names chosen by the user, by kind, instead of the default names. */
  readonly tableNames?: Partial<Record<TableKindId, string>>;
  /**
   * Keep the run as a named scenario: its parameters are kept under the name, and its result
   * sheet is its own ("BCF Proposal B"); the unnamed run's sheet and saved parameters stay.
   * `replace` replaces a scenario of the same name.
   */
  readonly scenario?: { readonly name: string; readonly replace?: boolean };
  /**
   * A column mapping (a `--map` file): where kinds are, said rather than found. Its
   * kinds replace those of the mapping saved in the workbook, which is used otherwise.
   */
  readonly mapping?: ColumnMapping;
}

/** The parameter that chooses the plan year of columns given per year ("Expenditure (£) 2024-25"). */
export const YEAR_PARAM = 'year';

function yearOf(params: ScenarioParams): string | undefined {
  const year = params[YEAR_PARAM];
  return typeof year === 'string' || typeof year === 'number' ? String(year) : undefined;
}

/** What a run gives back to the task pane or CLI. */
export type RunOutcome =
  | {
      readonly ok: true;
      readonly status: 'done';
      readonly mechanism: MechanismId;
      /** The result sheet written. */
      readonly sheet: string;
      readonly headline: readonly Headline[];
      readonly steps: readonly Step[];
      /** The engine's result, for edges that show more. */
      readonly result: unknown;
      /** The result sheet's tables and charts as laid out, for edges that draw them (the task pane). */
      readonly blocks: readonly ResultBlock[];
    }
  | { readonly ok: false; readonly status: 'invalid'; readonly findings: readonly Finding[] }
  | { readonly ok: false; readonly status: 'cancelled'; readonly findings: readonly Finding[] };

const cancelled: RunOutcome = { ok: false, status: 'cancelled', findings: [] };
const invalid = (findings: readonly Finding[]): RunOutcome => ({
  ok: false,
  status: 'invalid',
  findings,
});

/**
 * The registered mechanism of an id.
 *
 * @throws WorkbookError `RUN.UNKNOWN_MECHANISM` for an id from outside the type system (a
 *   workbook's saved settings, a caller in plain JavaScript) that the registry lacks.
 */
export function mechanismOf(id: MechanismId): RegisteredMechanism {
  const found = (MECHANISMS as Partial<Record<string, RegisteredMechanism>>)[id];
  if (found === undefined) {
    throw new WorkbookError(
      WorkbookErrorCode.UNKNOWN_MECHANISM,
      `There is no mechanism "${String(id)}".`,
    );
  }
  return found;
}

/**
 * Runs one mechanism over a workbook: reads its tables (one `readTables` call; a table
 * given as a parameter stands in for the workbook's, see standIns.ts), checks
 * every cell and parameter, and only when there is no finding at all calculates, writes
 * the result sheet (one `writeSheets` call) and stores the parameters in the workbook's
 * settings. With any finding, or an engine refusal (turned into a finding naming the
 * cell where it can), nothing is written.
 *
 * @param workbook - the workbook, through its ports.
 * @param mechanism - which mechanism, e.g. `gainshare`.
 * @param params - its scenario parameters (see each mechanism's parameter list).
 * @param options - the run's time, cancellation, progress, replace-user-sheet consent.
 * @returns the headline figures and explanation, or every finding, or `cancelled`.
 * @throws WorkbookError `SHEET.USER_SHEET` when the result sheet exists, was made by
 *   the user, and `replaceUserSheets` is not set (nothing is written);
 *   `RUN.UNKNOWN_MECHANISM`; `SCENARIO.BAD_NAME` or `SCENARIO.EXISTS` for a scenario name
 *   that cannot be kept (checked before anything is read).
 */
export async function runMechanism(
  workbook: Workbook,
  mechanism: MechanismId,
  params: ScenarioParams,
  options: RunOptions,
): Promise<RunOutcome> {
  const def = mechanismOf(mechanism);
  const aborted = (): boolean => options.signal?.aborted === true;
  if (aborted()) return cancelled;
  const scenario = await scenarioToKeep(workbook, options.scenario);
  options.onProgress?.('reading');
  const calculated = await calculateRun(workbook, def, params, options, () => {
    if (aborted()) return false;
    options.onProgress?.('calculating');
    return true;
  });
  if (calculated === undefined) return cancelled;
  if (!calculated.ok) return invalid(calculated.findings);
  const { read, typed, computed } = calculated;
  const sheetName = scenario?.sheet ?? def.sheet;
  const sheet = resultSheet(def, {
    tables: read.tables,
    values: typed.values,
    computed,
    now: options.now,
    ...(scenario === undefined ? {} : { scenario }),
  });
  if (options.replaceUserSheets !== true && (await workbook.sheetOwner(sheetName)) === 'user') {
    throw new WorkbookError(
      WorkbookErrorCode.USER_SHEET,
      `The sheet "${sheetName}" was not made by the add-in; rename it, or confirm that it may be replaced.`,
      sheetName,
    );
  }
  if (aborted()) return cancelled;
  options.onProgress?.('writing');
  await workbook.writeSheets([sheet], { replaceUserSheets: options.replaceUserSheets === true });
  if (scenario === undefined) {
    await saveRun(workbook.settings, {
      mechanism,
      params,
      ...(options.tableNames === undefined ? {} : { tableNames: options.tableNames }),
      at: options.now.toISOString(),
    });
  } else {
    await workbook.settings.set({
      [SCENARIOS_KEY]: withScenario(scenario.kept, {
        name: scenario.name,
        mechanism,
        params,
        sheet: scenario.sheet,
        at: options.now.toISOString(),
      }),
    });
  }
  options.onProgress?.('done');
  return {
    ok: true,
    status: 'done',
    mechanism,
    sheet: sheetName,
    headline: computed.headline,
    steps: computed.steps,
    result: computed.result,
    blocks: computed.blocks,
  };
}

/** What a run calculated, before anything is written: or every finding. */
export type Calculated =
  | {
      readonly ok: true;
      readonly read: Awaited<ReturnType<typeof readInputTables>>;
      readonly typed: ReturnType<typeof readParams>;
      readonly computed: Computed;
    }
  | { readonly ok: false; readonly findings: readonly Finding[] };

/**
 * Reads a mechanism's tables and parameters, checks them, and calculates: everything a
 * run does before it writes. Nothing is written.
 *
 * @param goOn - called between checking and calculating; false stops (cancelled: undefined).
 */
export async function calculateRun(
  workbook: Workbook,
  def: RegisteredMechanism,
  params: ScenarioParams,
  options: Pick<RunOptions, 'tableNames' | 'mapping'>,
  goOn: () => boolean = () => true,
): Promise<Calculated | undefined> {
  const wanted = def.tablesFor?.(params) ?? def.tables;
  const standIns = standInTables(wanted, params);
  const saved = await savedMapping(workbook.settings);
  const mapping = mergeMappings(saved.mapping, options.mapping);
  const year = yearOf(params);
  const read = await readInputTables(workbook, wanted, options.tableNames, standIns.tables, {
    ...(year === undefined ? {} : { year }),
    ...(mapping === undefined ? {} : { mapping }),
  });
  const typed = readParams(def.params, params);
  const prepared = def.prepare(read.tables, typed.values, params);
  const findings = [
    ...saved.findings,
    ...standIns.findings,
    ...read.findings.map(standInFinding),
    ...typed.findings,
    ...prepared.findings.map(standInFinding),
  ];
  if (findings.length > 0) return { ok: false, findings };
  if (!goOn()) return undefined;
  try {
    const computed = prepared.compute();
    // How columns were read (amounts scaled from £000, a plan year chosen) comes first.
    return {
      ok: true,
      read,
      typed,
      computed:
        read.steps.length > 0
          ? { ...computed, steps: [...read.steps, ...computed.steps] }
          : computed,
    };
  } catch (error) {
    if (isEngineError(error)) {
      return { ok: false, findings: [engineFinding(error, prepared.origins)] };
    }
    throw error;
  }
}

/** The scenario a run is to be kept as, checked before anything is read or written. */
async function scenarioToKeep(workbook: Workbook, asked: RunOptions['scenario']) {
  if (asked === undefined) return undefined;
  const name = scenarioName(asked.name);
  const kept = await keptScenarios(workbook.settings);
  refuseKept(kept, name, asked.replace === true);
  return { name, sheet: scenarioSheet(name), kept };
}

/**
 * Repeats the last run recorded in the workbook (same mechanism, parameters and table
 * names), e.g. after the inputs changed.
 *
 * @throws WorkbookError `RUN.NO_LAST_RUN` when the workbook records no run.
 */
export async function repeatLastRun(workbook: Workbook, options: RunOptions): Promise<RunOutcome> {
  const last = await lastRun(workbook.settings);
  if (last === undefined) {
    throw new WorkbookError(
      WorkbookErrorCode.NO_LAST_RUN,
      'This workbook has no earlier run to repeat.',
    );
  }
  return runMechanism(workbook, last.mechanism, last.params, {
    ...options,
    ...(last.tableNames === undefined || options.tableNames !== undefined
      ? {}
      : { tableNames: last.tableNames }),
  });
}

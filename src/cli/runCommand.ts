import { openXlsx, PartsLostError, SETTINGS_SHEET } from '../adapters/xlsx';
import type { Workbook } from '../ports/workbook';
import { WorkbookError, WorkbookErrorCode } from '../workbook/errors';
import type { Finding } from '../workbook/findings';
import type { Headline } from '../workbook/mechanism';
import type { RegisteredMechanism as Mechanism } from '../workbook/mechanisms/index';
import { runMechanism } from '../workbook/run';
import { scenarioSheet } from '../workbook/scenarios';
import { savedParams } from '../workbook/settingsStore';
import type { ScenarioParams } from '../workbook/params';
import { parseArgs, UsageError } from './args';
import { ExitCode } from './exitCodes';
import {
  findingJson,
  findingLine,
  findingsCount,
  paramsHint,
  uniqueFindings,
} from './findingsText';
import { toJson, type Json } from './json';
import { chooseMechanisms, registeredMechanisms } from './mechanismChoice';
import { defaultResultsPath, refuseOutput } from './outputPath';
import { readParamsFile, type ParamsByMechanism } from './paramsFile';
import { stepsProgress, type Progress } from './progress';
import { complain, errorJson, errorText, printLine } from './report';
import { readMapFile } from './mapFile';
import { loadDatamaps, readByDatamap } from './datamaps';
import type { ColumnMapping } from '../workbook/mapping';
import { inputSources } from '../workbook/sources';

const OPTIONS = {
  mechanism: 'string',
  params: 'string',
  map: 'string',
  datamap: 'string',
  out: 'string',
  force: 'boolean',
  json: 'boolean',
  quiet: 'boolean',
  'replace-user-sheets': 'boolean',
  scenario: 'string',
  'allow-loss': 'boolean',
} as const;

/** One mechanism's run: its headline figures and result, or its findings. */
export interface MechanismRun {
  readonly mechanism: Mechanism;
  /** The result sheet written (a kept scenario has its own). */
  readonly sheet?: string;
  readonly headline?: readonly Headline[];
  readonly result?: unknown;
  readonly findings: readonly Finding[];
}

/**
 * Runs mechanisms one after another on one workbook, in memory, through the workbook
 * layer (the same reading, findings and result sheets as the task pane).
 *
 * @param workbook - the opened workbook.
 * @param mechanisms - what to run.
 * @param options - parameters from a file (else those saved in the workbook), the
 *   time of the run, and progress.
 * @returns each mechanism's outcome; result sheets are written into the in-memory
 *   workbook only for mechanisms without findings.
 */
/**
 * Each mechanism's parameters as a run takes them: from the params file, else those its
 * last run saved in the workbook (as `runAll` takes them).
 */
export async function paramsForRun(
  workbook: Workbook,
  params: ParamsByMechanism | undefined,
): Promise<ReadonlyMap<string, ScenarioParams>> {
  const byId = new Map<string, ScenarioParams>();
  for (const m of registeredMechanisms()) {
    byId.set(m.id, params?.(m.id) ?? (await savedParams(workbook.settings, m.id)));
  }
  return byId;
}

export async function runAll(
  workbook: Workbook,
  mechanisms: readonly Mechanism[],
  options: {
    readonly params?: ParamsByMechanism;
    readonly now: Date;
    readonly progress: Progress;
    /** Replace sheets of the result sheets' names that the user made (`--replace-user-sheets`). */
    readonly replaceUserSheets?: boolean;
    /** Keep the (one) run as this scenario (`--scenario NAME`; `--force` replaces one kept). */
    readonly scenario?: { readonly name: string; readonly replace: boolean };
    /** A `--map` file's column mapping. */
    readonly mapping?: ColumnMapping;
  },
): Promise<MechanismRun[]> {
  const runs: MechanismRun[] = [];
  for (const mechanism of mechanisms) {
    const params =
      options.params?.(mechanism.id) ?? (await savedParams(workbook.settings, mechanism.id));
    const outcome = await runMechanism(workbook, mechanism.id, params, {
      now: options.now,
      replaceUserSheets: options.replaceUserSheets === true,
      ...(options.scenario === undefined ? {} : { scenario: options.scenario }),
      ...(options.mapping === undefined ? {} : { mapping: options.mapping }),
    });
    options.progress.step(mechanism.title);
    if (outcome.ok) {
      runs.push({
        mechanism,
        sheet: outcome.sheet,
        headline: outcome.headline,
        result: outcome.result,
        findings: [],
      });
    } else {
      runs.push({ mechanism, findings: outcome.findings });
    }
  }
  options.progress.finish();
  return runs;
}

/**
 * `bcf run <workbook.xlsx> [--mechanism M] [--params p.json] [--out results.xlsx] [--force]`:
 * reads the input tables, runs, and writes the result sheets and charts into a copy
 * (default `<workbook>-results.xlsx` beside it, .xlsm for a macro-enabled workbook; a
 * template gives a workbook of its kind). With any finding in any mechanism, the
 * findings go to stderr and nothing is written (exit 2). When saving would lose parts
 * of the input (a whole rewrite), each lost part is named on stderr and nothing is
 * written (exit 2), unless `--allow-loss`: then it writes, naming each as a warning.
 */
export async function runCommand(args: readonly string[]): Promise<ExitCode> {
  const { positional, strings, flags } = parseArgs(args, OPTIONS);
  const [input, ...extra] = positional;
  if (input === undefined || extra.length > 0) throw new UsageError('needs one workbook.');
  const force = flags.has('force');
  const given = strings.params === undefined ? undefined : await readParamsFile(strings.params);
  const map = strings.map === undefined ? undefined : await readMapFile(strings.map);
  const datamaps = await loadDatamaps(strings.datamap);
  // Opened first (only the package's structure is read): the output is named for its kind.
  const workbook = await openXlsx(input);
  const out = strings.out ?? defaultResultsPath(input, workbook.kind);
  await refuseOutput(out, workbook.kind, force);
  // An official-style return is read by its datamap, as `bcf check` reads it.
  const read = map === undefined ? await readByDatamap(workbook, datamaps, given) : undefined;
  if (read?.refused !== undefined) {
    complain('run', `${input}: ${read.refused}`);
    return ExitCode.INVALID;
  }
  const mapping = read?.mapping ?? map;
  const params = read?.params ?? given;
  const runParams = await paramsForRun(workbook, params);
  const mechanisms = chooseMechanisms(
    strings.mechanism,
    await inputSources(workbook, mapping),
    registeredMechanisms(),
    (id) => runParams.get(id),
  );
  if (strings.scenario !== undefined && strings.mechanism === undefined) {
    throw new UsageError('--scenario keeps one calculation: give it with --mechanism.');
  }
  if (mechanisms.length === 0) {
    const known = registeredMechanisms().map((m) => m.id);
    const message = `${input} has none of the input tables a mechanism needs (${known.join(', ')}); nothing was written. Start from bcf template.`;
    complain('run', message);
    if (flags.has('json')) printLine(errorJson({ code: 'RUN.NO_INPUT_TABLES', message }, input));
    return ExitCode.INVALID;
  }
  // A locked workbook takes no new sheet: said now, not after the calculation.
  workbook.refuseAddingSheets([
    ...(strings.scenario === undefined
      ? mechanisms.map((m) => m.sheet)
      : [scenarioSheet(strings.scenario.trim())]),
    SETTINGS_SHEET,
  ]);
  let runs: MechanismRun[];
  try {
    runs = await runAll(workbook, mechanisms, {
      // Read once above, from the file or the workbook's saved runs.
      params: (id) => runParams.get(id),
      now: new Date(),
      progress: stepsProgress('run', mechanisms.length, flags.has('quiet')),
      replaceUserSheets: flags.has('replace-user-sheets'),
      ...(strings.scenario === undefined
        ? {}
        : { scenario: { name: strings.scenario, replace: force } }),
      ...(mapping === undefined ? {} : { mapping }),
    });
  } catch (error) {
    if (error instanceof WorkbookError && error.code === WorkbookErrorCode.USER_SHEET) {
      complain('run', `${errorText(error)} To replace it in the copy, add --replace-user-sheets.`);
      if (flags.has('json')) printLine(errorJson(error, input));
      return ExitCode.INVALID;
    }
    throw error;
  }
  const groups = uniqueFindings(
    runs.map((r) => ({ title: r.mechanism.title, findings: r.findings })),
  );
  const count = groups.reduce((n, g) => n + g.findings.length, 0);
  if (count > 0) {
    complain('run', `${input} has ${findingsCount(count)}; nothing was written.`);
    for (const group of groups) {
      process.stderr.write(`${group.title}:\n${group.findings.map(findingLine).join('\n')}\n`);
    }
    const hint = paramsHint(runs);
    if (hint !== undefined) process.stderr.write(`${hint}\n`);
    if (flags.has('json')) printLine(JSON.stringify(runJson(input, undefined, runs), null, 2));
    return ExitCode.INVALID;
  }
  let lost: readonly string[];
  try {
    lost = await workbook.saveAs(out, { force, allowLoss: flags.has('allow-loss') });
  } catch (error) {
    if (!(error instanceof PartsLostError)) throw error;
    complain(
      'run',
      `${error.code}: writing the results would lose ${partsCount(error.parts.length)} of ${input} (the workbook had to be rewritten whole); nothing was written. Add --allow-loss to write it without them.`,
    );
    for (const part of error.parts) complain('run', `lost: ${part}`);
    if (flags.has('json')) printLine(errorJson(error, input));
    return ExitCode.INVALID;
  }
  for (const part of lost) complain('run', `warning: ${out} lacks this part of ${input}: ${part}`);
  printLine(
    flags.has('json')
      ? JSON.stringify(runJson(input, out, runs), null, 2)
      : runText(input, out, runs),
  );
  return ExitCode.OK;
}

function partsCount(n: number): string {
  return n === 1 ? 'a part' : `${n} parts`;
}

/** The text report of a run: where the results went, and each mechanism's headline figures. */
export function runText(input: string, out: string, runs: readonly MechanismRun[]): string {
  const lines = [`Wrote ${out} (results of ${input}):`];
  for (const run of runs) {
    lines.push(`  ${run.mechanism.title}: sheet "${run.sheet ?? run.mechanism.sheet}"`);
    for (const h of run.headline ?? []) lines.push(`    ${h.label}: ${h.text}`);
  }
  return lines.join('\n');
}

function runJson(input: string, out: string | undefined, runs: readonly MechanismRun[]): Json {
  return {
    input,
    output: out ?? null,
    mechanisms: runs.map((r) => ({
      mechanism: r.mechanism.id,
      title: r.mechanism.title,
      sheet: r.sheet ?? r.mechanism.sheet,
      ...(r.headline === undefined
        ? {}
        : { headline: r.headline.map((h) => ({ label: h.label, text: h.text })) }),
      ...(r.result === undefined ? {} : { result: toJson(r.result) }),
      findings: r.findings.map(findingJson),
    })),
  };
}

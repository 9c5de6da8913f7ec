import { openXlsx } from '../adapters/xlsx';
import type { Workbook } from '../ports/workbook';
import { WorkbookError, WorkbookErrorCode } from '../workbook/errors';
import type { Finding } from '../workbook/findings';
import type { Headline, Mechanism } from '../workbook/mechanism';
import { runMechanism } from '../workbook/run';
import { savedParams } from '../workbook/settingsStore';
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
import { defaultResultsPath, refuseExistingOutput } from './outputPath';
import { readParamsFile, type ParamsByMechanism } from './paramsFile';
import { stepsProgress, type Progress } from './progress';
import { complain, errorText, say } from './report';
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
} as const;

/** One mechanism's run: its headline figures and result, or its findings. */
export interface MechanismRun {
  readonly mechanism: Mechanism;
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
export async function runAll(
  workbook: Workbook,
  mechanisms: readonly Mechanism[],
  options: {
    readonly params?: ParamsByMechanism;
    readonly now: Date;
    readonly progress: Progress;
    /** Replace sheets of the result sheets' names that the user made (`--replace-user-sheets`). */
    readonly replaceUserSheets?: boolean;
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
      ...(options.mapping === undefined ? {} : { mapping: options.mapping }),
    });
    options.progress.step(mechanism.title);
    if (outcome.ok) {
      runs.push({ mechanism, headline: outcome.headline, result: outcome.result, findings: [] });
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
 * (default `<workbook>-results.xlsx` beside it). With any finding in any mechanism, the
 * findings go to stderr and nothing is written (exit 2).
 */
export async function runCommand(args: readonly string[]): Promise<ExitCode> {
  const { positional, strings, flags } = parseArgs(args, OPTIONS);
  const [input, ...extra] = positional;
  if (input === undefined || extra.length > 0) throw new UsageError('needs one workbook.');
  const out = strings.out ?? defaultResultsPath(input);
  const force = flags.has('force');
  await refuseExistingOutput(out, force);
  const given = strings.params === undefined ? undefined : await readParamsFile(strings.params);
  const map = strings.map === undefined ? undefined : await readMapFile(strings.map);
  const datamaps = await loadDatamaps(strings.datamap);
  const workbook = await openXlsx(input);
  // An official-style return is read by its datamap, as `bcf check` reads it.
  const read = map === undefined ? await readByDatamap(workbook, datamaps, given) : undefined;
  if (read?.refused !== undefined) {
    complain('run', `${input}: ${read.refused}`);
    return ExitCode.INVALID;
  }
  const mapping = read?.mapping ?? map;
  const params = read?.params ?? given;
  const mechanisms = chooseMechanisms(strings.mechanism, await inputSources(workbook, mapping));
  if (mechanisms.length === 0) {
    const known = registeredMechanisms().map((m) => m.id);
    complain(
      'run',
      `${input} has none of the input tables a mechanism needs (${known.join(', ')}); nothing was written. Start from bcf template.`,
    );
    return ExitCode.INVALID;
  }
  let runs: MechanismRun[];
  try {
    runs = await runAll(workbook, mechanisms, {
      ...(params === undefined ? {} : { params }),
      now: new Date(),
      progress: stepsProgress('run', mechanisms.length, flags.has('quiet')),
      replaceUserSheets: flags.has('replace-user-sheets'),
      ...(mapping === undefined ? {} : { mapping }),
    });
  } catch (error) {
    if (error instanceof WorkbookError && error.code === WorkbookErrorCode.USER_SHEET) {
      complain('run', `${errorText(error)} To replace it in the copy, add --replace-user-sheets.`);
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
    if (flags.has('json')) say(JSON.stringify(runJson(input, undefined, runs), null, 2));
    return ExitCode.INVALID;
  }
  await workbook.saveAs(out, { force });
  say(
    flags.has('json')
      ? JSON.stringify(runJson(input, out, runs), null, 2)
      : runText(input, out, runs),
  );
  return ExitCode.OK;
}

/** The text report of a run: where the results went, and each mechanism's headline figures. */
export function runText(input: string, out: string, runs: readonly MechanismRun[]): string {
  const lines = [`Wrote ${out} (results of ${input}):`];
  for (const run of runs) {
    lines.push(`  ${run.mechanism.title}: sheet "${run.mechanism.sheet}"`);
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
      sheet: r.mechanism.sheet,
      ...(r.headline === undefined
        ? {}
        : { headline: r.headline.map((h) => ({ label: h.label, text: h.text })) }),
      ...(r.result === undefined ? {} : { result: toJson(r.result) }),
      findings: r.findings.map(findingJson),
    })),
  };
}

import { openXlsx } from '../adapters/xlsx';
import { penceString } from '../engine/decimal';
import type { PlanCheck, PlanChecksResult } from '../engine/planChecks/planChecks';
import { upgradeTemplate } from '../workbook/template';
import type { Json } from './json';
import { parseArgs, UsageError } from './args';
import { ExitCode } from './exitCodes';
import {
  findingJson,
  findingLine,
  findingsCount,
  paramsHint,
  uniqueFindings,
} from './findingsText';
import { hasTablesFor, registeredMechanisms } from './mechanismChoice';
import { readParamsFile } from './paramsFile';
import { silentProgress } from './progress';
import { complain, printLine } from './report';
import { paramsForRun, runAll, type MechanismRun } from './runCommand';
import { readMapFile } from './mapFile';
import { inputSources } from '../workbook/sources';
import { loadDatamaps, readByDatamap } from './datamaps';

const OPTIONS = { params: 'string', map: 'string', datamap: 'string', json: 'boolean' } as const;

function isPlanChecks(value: unknown): value is PlanChecksResult {
  return (
    typeof value === 'object' && value !== null && Array.isArray((value as PlanChecksResult).checks)
  );
}

/**
 * `bcf check <workbook.xlsx> [--params p.json] [--json]`: the BCF plan checks, and the
 * validation findings of every input table in the workbook (each mechanism the workbook
 * has tables for is read and checked, in memory; nothing is written).
 *
 * Exit codes: 0 every check passed and no findings; 1 a plan check failed; 2 findings
 * in the input (or a bad file): the plan cannot be checked until they are fixed.
 */
export async function checkCommand(args: readonly string[]): Promise<ExitCode> {
  const { positional, strings, flags } = parseArgs(args, OPTIONS);
  const [input, ...extra] = positional;
  if (input === undefined || extra.length > 0) throw new UsageError('needs one workbook.');
  const given = strings.params === undefined ? undefined : await readParamsFile(strings.params);
  const map = strings.map === undefined ? undefined : await readMapFile(strings.map);
  const datamaps = await loadDatamaps(strings.datamap);
  const workbook = await openXlsx(input);
  await upgradeTemplate(workbook); // in memory: an older template is checked as it would be after upgrading
  // An official-style return is read by its datamap (with its labelled minima); a --map
  // file says where things are itself.
  const read = map === undefined ? await readByDatamap(workbook, datamaps, given) : undefined;
  if (read?.refused !== undefined) {
    complain('check', `${input}: ${read.refused}`);
    return ExitCode.INVALID;
  }
  const mapping = read?.mapping ?? map;
  const params = read?.params ?? given;
  const sources = await inputSources(workbook, mapping);
  const runParams = await paramsForRun(workbook, params);
  const mechanisms = registeredMechanisms().filter(
    (m) => m.id === 'checks' || hasTablesFor(m, sources, runParams.get(m.id)),
  );
  const runs = await runAll(workbook, mechanisms, {
    // Read once above, from the file or the workbook's saved runs.
    params: (id) => runParams.get(id),
    ...(mapping === undefined ? {} : { mapping }),
    now: new Date(),
    progress: silentProgress,
  });
  const plan = runs.find((r) => r.mechanism.id === 'checks')?.result;
  const checks = isPlanChecks(plan) ? plan : undefined;
  const findings = uniqueFindings(
    runs.map((r) => ({ title: r.mechanism.title, findings: r.findings })),
  ).flatMap((g) => g.findings);
  if (flags.has('json')) {
    const json = checkJson(input, checks, runs);
    printLine(
      JSON.stringify(
        read?.datamap === undefined ? json : { ...(json as object), datamap: read.datamap },
        null,
        2,
      ),
    );
  } else {
    if (read?.datamap !== undefined) printLine(`${input} read as the datamap ${read.datamap}.`);
    printLine(checkText(input, checks, runs));
  }
  if (findings.length > 0) {
    complain('check', `${input} has ${findingsCount(findings.length)}; fix them and check again.`);
    return ExitCode.INVALID;
  }
  if (checks === undefined) {
    complain('check', `the plan checks could not be made on ${input}.`);
    return ExitCode.INVALID;
  }
  if (!checks.passed) {
    complain(
      'check',
      `${checks.failedCount} of ${checks.checkCount} plan checks failed in ${input}.`,
    );
    return ExitCode.CHECK_FAILED;
  }
  return ExitCode.OK;
}

function checkText(
  input: string,
  checks: PlanChecksResult | undefined,
  runs: readonly MechanismRun[],
): string {
  const lines: string[] = [];
  if (checks === undefined) {
    lines.push(`BCF plan checks for ${input}: not made (see the findings).`);
  } else {
    lines.push(
      `BCF plan checks for ${input}: ${checks.passedCount} of ${checks.checkCount} passed.`,
    );
    for (const c of checks.checks) lines.push(`  ${c.passed ? 'passed' : 'FAILED'}  ${c.message}`);
  }
  const groups = uniqueFindings(
    runs.map((r) => ({ title: r.mechanism.title, findings: r.findings })),
  );
  const count = groups.reduce((n, g) => n + g.findings.length, 0);
  lines.push(count === 0 ? 'Findings: none.' : `Findings: ${count}.`);
  for (const group of groups) {
    lines.push(`  ${group.title}:`);
    lines.push(...group.findings.map((f) => `  ${findingLine(f)}`));
  }
  const hint = paramsHint(runs);
  if (hint !== undefined) lines.push(hint);
  return lines.join('\n');
}

function checkJsonOf(c: PlanCheck): Json {
  return {
    id: c.id,
    ...(c.subject === undefined ? {} : { subject: c.subject }),
    title: c.title,
    passed: c.passed,
    ...(c.expected === undefined ? {} : { expected: penceString(c.expected) }),
    ...(c.actual === undefined ? {} : { actual: penceString(c.actual) }),
    ...(c.difference === undefined ? {} : { difference: penceString(c.difference) }),
    rows: [...c.rows],
    message: c.message,
  };
}

function checkJson(
  input: string,
  checks: PlanChecksResult | undefined,
  runs: readonly MechanismRun[],
): Json {
  return {
    file: input,
    passed: checks?.passed ?? false,
    checks:
      checks === undefined
        ? null
        : {
            checkCount: checks.checkCount,
            passedCount: checks.passedCount,
            failedCount: checks.failedCount,
            checks: checks.checks.map(checkJsonOf),
          },
    findings: runs.flatMap((r) =>
      r.findings.map((f) => ({ mechanism: r.mechanism.id, ...findingJson(f) })),
    ),
  };
}

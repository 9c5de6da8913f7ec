import { basename, dirname, extname, join } from 'path';
import { openXlsx, SETTINGS_SHEET, type WorkbookKind } from '../adapters/xlsx';
import { COMPARISON_SHEET, compareScenarios } from '../workbook/compare';
import { parseArgs, UsageError } from './args';
import { ExitCode } from './exitCodes';
import { findingJson, findingLine, findingsCount } from './findingsText';
import { toJson } from './json';
import { refuseOutput } from './outputPath';
import { complain, printLine } from './report';

const OPTIONS = { out: 'string', force: 'boolean', json: 'boolean' } as const;

/** `plans/bcf.xlsx` → `plans/bcf-comparison.xlsx`, beside the input, of the kind written. */
function defaultComparisonPath(input: string, kind: WorkbookKind): string {
  return join(dirname(input), `${basename(input, extname(input))}-comparison.${kind}`);
}

/**
 * `bcf compare <workbook.xlsx> NAME NAME… [--out f.xlsx] [--force] [--json]`: runs the named
 * scenarios kept in the workbook again and writes a copy with the comparison sheet:
 * headline figures per party side by side, the differences from the first scenario, and
 * the outturn curves on one chart when each has one. Any finding: nothing is written (2).
 */
export async function compareCommand(args: readonly string[]): Promise<ExitCode> {
  const { positional, strings, flags } = parseArgs(args, OPTIONS);
  const [input, ...names] = positional;
  if (input === undefined || names.length < 2) {
    throw new UsageError('needs a workbook and at least two scenario names.');
  }
  const force = flags.has('force');
  // Opened first (only the package's structure is read): the output is named for its kind.
  const workbook = await openXlsx(input);
  const out = strings.out ?? defaultComparisonPath(input, workbook.kind);
  await refuseOutput(out, workbook.kind, force);
  workbook.refuseAddingSheets([COMPARISON_SHEET, SETTINGS_SHEET]);
  const outcome = await compareScenarios(workbook, names, { now: new Date() });
  if (!outcome.ok) {
    complain(
      'compare',
      `${input} has ${findingsCount(outcome.findings.length)}; nothing was written.`,
    );
    process.stderr.write(`${outcome.findings.map(findingLine).join('\n')}\n`);
    if (flags.has('json')) {
      printLine(
        JSON.stringify(
          { input, output: null, findings: outcome.findings.map(findingJson) },
          null,
          2,
        ),
      );
    }
    return ExitCode.INVALID;
  }
  await workbook.saveAs(out, { force });
  if (flags.has('json')) {
    printLine(
      JSON.stringify(
        {
          input,
          output: out,
          sheet: outcome.sheet,
          scenarios: outcome.scenarios.map((s) => ({
            name: s.scenario.name,
            mechanism: s.scenario.mechanism,
            headline: s.headline.map((h) => ({ label: h.label, text: h.text })),
            result: toJson(s.result),
          })),
        },
        null,
        2,
      ),
    );
  } else {
    const lines = [`Wrote ${out} (sheet "${outcome.sheet}", scenarios of ${input}):`];
    for (const s of outcome.scenarios) {
      lines.push(`  ${s.scenario.name}:`);
      for (const h of s.headline) lines.push(`    ${h.label}: ${h.text}`);
    }
    printLine(lines.join('\n'));
  }
  return ExitCode.OK;
}

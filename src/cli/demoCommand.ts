import { existsSync, mkdirSync } from 'fs';
import { dirname, join, relative } from 'path';
import { openXlsx } from '../adapters/xlsx';
import { parseArgs } from './args';
import { ExitCode } from './exitCodes';
import { findingLine } from './findingsText';
import { registeredMechanisms } from './mechanismChoice';
import { stepsProgress } from './progress';
import { complain, printLine } from './report';
import { runAll, runText } from './runCommand';

/**
 * The project's root: the nearest folder above this code holding package.json. The code
 * runs from src/cli/ or from the built bundle (dist/cli/), so it is looked for rather
 * than assumed at a fixed depth.
 */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return from;
  }
}

const ROOT = projectRoot(__dirname);
/** The shipped example workbook. */
export const SAMPLE = join(ROOT, 'assets', 'samples', 'bcf-example.xlsx');
/** Where the demo writes (gitignored). */
export const DEMO_OUTPUT = join(ROOT, 'demo-output');

/**
 * `bcf demo` (`npm run demo`): runs every mechanism on the shipped example workbook
 * (assets/samples/bcf-example.xlsx) and writes the completed workbook, with a result
 * sheet and charts per mechanism, to demo-output/bcf-example-results.xlsx (replacing
 * the demo's own earlier output), then prints where it is and the headline figures.
 */
export async function demoCommand(args: readonly string[]): Promise<ExitCode> {
  const { flags } = parseArgs(args, { quiet: 'boolean' });
  const workbook = await openXlsx(SAMPLE);
  const mechanisms = registeredMechanisms();
  const runs = await runAll(workbook, mechanisms, {
    now: new Date(),
    progress: stepsProgress('demo', mechanisms.length, flags.has('quiet')),
  });
  const findings = runs.flatMap((r) => r.findings);
  if (findings.length > 0) {
    complain('demo', 'the example workbook has findings (it should have none):');
    process.stderr.write(`${findings.map(findingLine).join('\n')}\n`);
    return ExitCode.INVALID;
  }
  mkdirSync(DEMO_OUTPUT, { recursive: true });
  const out = join(DEMO_OUTPUT, 'bcf-example-results.xlsx');
  await workbook.saveAs(out, { force: true });
  printLine(runText(relative(process.cwd(), SAMPLE), out, runs));
  printLine(
    `\nOpen ${out} in Excel (or LibreOffice Calc): one "BCF Results" sheet per mechanism, and the Checks sheet.`,
  );
  return ExitCode.OK;
}

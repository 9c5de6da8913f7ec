/**
 * File benchmark (`npm run bench:file`, or `npx tsx test/bench/file.bench.ts`): the
 * `bcf` command on workbooks of the sizes the issue names, end to end (start, read,
 * validate, calculate, write):
 * 1. `bcf consolidate` over 150 generated planning templates (one per Health and
 *    Wellbeing Board): target under 60 s and under 1 GB peak memory;
 * 2. `bcf run` (gain share) on a 50,000-row Contracts table;
 * 3. LibreOffice Calc computing 100,000 gain shares from the equivalent plain formulas
 *    (`soffice --headless --convert-to csv`, recalculating on load) against `bcf run` on
 *    a 100,000-row Contracts table: target `bcf run` at least 5× faster, under 300 MB
 *    peak memory, and under 1.5 s on 50,000 rows (issue: file mode on real workbooks).
 * Prints wall-clock and CPU seconds and peak memory; asserts nothing (never a wall-clock
 * limit in a test). Generated files go to test-output/bench/ (gitignored).
 *
 * Like for like: `bcf run` (no Contract parameter) reads and checks every cell of the
 * table and computes the gain share of every contract, writing a per-contract result
 * table; LibreOffice computes a gain share on every row. Both are whole-file runs.
 */
import { execFileSync } from 'child_process';
import { mkdirSync, rmSync, writeFileSync } from 'fs';
import { createRequire } from 'module';
import { join, resolve } from 'path';
import { measureBcf, measureCommand, type Measured } from './measure';
import { contractSpends, writeContractsWorkbook, writeFormulaWorkbook } from './fileBenchData';
import { runStages } from './runStages';
import { sameFigures } from './sameFigures';
import { writeTemplates } from './templateBenchData';

const OUT = resolve(__dirname, '../../test-output/bench');
const HWB_COUNT = 150;
const RUN_ROWS = 50_000;
const LIBREOFFICE_ROWS = 100_000;

const seconds = (s: number): string => `${s.toFixed(1)} s`;

function line(name: string, m: Measured, target: string): string[] {
  return [
    name,
    seconds(m.wallS),
    seconds(m.cpuS),
    m.peakMb === undefined ? '–' : `${Math.round(m.peakMb)} MB`,
    m.code === 0 ? 'ok' : `exit ${m.code}`,
    target,
  ];
}

function printTable(rows: readonly string[][]): void {
  const header = ['workload', 'wall', 'CPU', 'peak RSS', 'outcome', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const format = (cells: readonly string[]): string =>
    cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  rows.forEach((r) => console.log(format(r)));
}

/**
 * The `bcf` command as users run it after set-up: the built bundle (src/cli/entry.cjs
 * runs it while current), built here when it is missing or older than the sources.
 */
function buildCli(): void {
  const entry = createRequire(__filename)('../../src/cli/entry.cjs') as {
    bundleIsCurrent(): boolean;
  };
  if (entry.bundleIsCurrent()) return;
  console.log('Building the bcf command (npm run build:cli)...');
  execFileSync('npm', ['run', '--silent', 'build:cli'], { stdio: 'ignore' });
}

function check(name: string, m: Measured): void {
  if (m.code !== 0) {
    throw new Error(`${name} failed (exit ${m.code}):\n${m.stderr}\n${m.stdout}`);
  }
}

async function prepare(): Promise<{
  templates: string;
  run: string;
  big: string;
  formulas: string;
  params: string;
}> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const templates = join(OUT, 'templates');
  console.log(
    `Generating ${HWB_COUNT} planning templates, a ${RUN_ROWS.toLocaleString('en-GB')}-row and a ${LIBREOFFICE_ROWS.toLocaleString('en-GB')}-row Contracts workbook and the formula workbook (not timed)...`,
  );
  await writeTemplates(templates, HWB_COUNT);
  const spends = contractSpends(LIBREOFFICE_ROWS);
  const run = join(OUT, `contracts-${RUN_ROWS}.xlsx`);
  const big = join(OUT, `contracts-${LIBREOFFICE_ROWS}.xlsx`);
  const formulas = join(OUT, `gainshare-formulas-${LIBREOFFICE_ROWS}.xlsx`);
  await writeContractsWorkbook(run, spends.slice(0, RUN_ROWS));
  await writeContractsWorkbook(big, spends);
  await writeFormulaWorkbook(formulas, spends);
  const params = join(OUT, 'params.json');
  writeFileSync(params, JSON.stringify({ gainshare: {} }));
  return { templates, run, big, formulas, params };
}

/** A private LibreOffice profile that recalculates formulas on load, warmed up once. */
async function libreOfficeProfile(warmUp: string): Promise<string> {
  const profile = join(OUT, 'lo-profile');
  mkdirSync(join(profile, 'user'), { recursive: true });
  writeFileSync(
    join(profile, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  await measureCommand('soffice', soffice(profile, warmUp));
  return profile;
}

function soffice(profile: string, file: string): string[] {
  return [
    `-env:UserInstallation=file://${profile}`,
    '--headless',
    '--norestore',
    '--convert-to',
    'csv',
    '--outdir',
    join(OUT, 'csv'),
    file,
  ];
}

async function main(): Promise<void> {
  const files = await prepare();
  buildCli();
  await measureBcf(['--help']); // a first start (disk cache), as any first run would
  const consolidate = await measureBcf([
    'consolidate',
    files.templates,
    '--out',
    join(OUT, 'summary.xlsx'),
    '--quiet',
  ]);
  check('bcf consolidate', consolidate);
  const runArgs = (input: string, out: string): string[] => [
    'run',
    input,
    '--mechanism',
    'gainshare',
    '--params',
    files.params,
    '--out',
    join(OUT, out),
  ];
  const run = await measureBcf(runArgs(files.run, 'run-50k-results.xlsx'));
  check('bcf run (50,000 rows)', run);
  const profile = await libreOfficeProfile(files.run);
  const calc = await measureCommand('soffice', soffice(profile, files.formulas));
  check('LibreOffice', calc);
  const bigRun = await measureBcf(runArgs(files.big, 'run-100k-results.xlsx'));
  check('bcf run (100,000 rows)', bigRun);
  console.log('\nFile benchmark (one run each; wall-clock and CPU time of the whole command)');
  printTable([
    line(`bcf consolidate, ${HWB_COUNT} templates`, consolidate, '< 60 s, < 1 GB'),
    line(`bcf run gainshare, ${RUN_ROWS.toLocaleString('en-GB')} contract rows`, run, '< 1.5 s'),
    line(
      `LibreOffice, ${LIBREOFFICE_ROWS.toLocaleString('en-GB')} rows of gain-share formulas`,
      calc,
      '',
    ),
    line(
      `bcf run gainshare, ${LIBREOFFICE_ROWS.toLocaleString('en-GB')} contract rows`,
      bigRun,
      '≥ 5× faster, < 300 MB',
    ),
  ]);
  const agreement = await sameFigures(
    join(OUT, 'csv', `gainshare-formulas-${LIBREOFFICE_ROWS}.csv`),
    join(OUT, 'run-100k-results.xlsx'),
  );
  console.log(
    `\nSame figures: LibreOffice and bcf run agree on ${agreement.agree.toLocaleString('en-GB')} of ${agreement.total.toLocaleString('en-GB')} contracts (provider and CCG, to the penny)${agreement.firstDifference === undefined ? '' : `; first difference ${agreement.firstDifference}`}.`,
  );
  const ratio = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;
  console.log(
    `\nLibreOffice ÷ bcf run (${LIBREOFFICE_ROWS.toLocaleString('en-GB')} rows): wall ${ratio(calc.wallS, bigRun.wallS)}, CPU ${ratio(calc.cpuS, bigRun.cpuS)} (target ≥ 5×)`,
  );
  const stages = await runStages(files.big); // every contract, as the bcf run above
  console.log(
    `\nWhere bcf run spends its time on ${LIBREOFFICE_ROWS.toLocaleString('en-GB')} rows (CPU, in this process):`,
  );
  for (const s of stages) console.log(`  ${s.stage.padEnd(44)} ${seconds(s.cpuS)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

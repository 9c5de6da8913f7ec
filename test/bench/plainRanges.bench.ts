/**
 * Plain-range scan benchmark (`npx tsx test/bench/plainRanges.bench.ts [count]`): on the
 * consolidation benchmark's generated planning templates (150 by default), what `bcf
 * check` does per file in process (open, plan checks through the workbook layer) and
 * the same with the plain-range scan forced on every file (every user sheet read and
 * searched for header rows), which a template never needs (its tables have their default
 * names, and its sheets are the add-in's, which are never scanned). Then the same plan
 * data (5 income rows, 40 schemes, a workings sheet of 2,000 cells) in 150 users' own
 * workbooks, once as Excel tables of the default names and once as plain ranges under
 * a title block, found by the scan. Prints CPU seconds and ratios; asserts nothing.
 */
import { mkdirSync, readdirSync, rmSync } from 'fs';
import { join, resolve } from 'path';
import { openXlsx } from '../../src/adapters/xlsx';
import { plainRangesOf } from '../../src/workbook/readInputs';
import { runMechanism } from '../../src/workbook/run';
import { savedParams } from '../../src/workbook/settingsStore';
import { writeTemplates } from './templateBenchData';
import { writeFileSync } from 'fs';
import { Workbook } from '../../src/adapters/xlsx/excelts';

const SOURCES = ['Minimum NHS Contribution', 'iBCF', 'DFG', 'Additional LA Contribution', 'Other'];

/** One user's plan: as Excel tables named Income and Schemes, or as plain ranges. */
async function writeUserPlan(path: string, i: number, asTables: boolean): Promise<void> {
  const book = new Workbook();
  const income = [
    ['Source of funding', 'Contributor', 'Income'],
    ...SOURCES.map((s, k) => [s, k % 2 === 0 ? 'ICB' : 'Council', 800_000 + i]),
  ];
  const schemes = [
    [
      'Scheme ID',
      'Scheme name',
      'Commissioner',
      'Source of funding',
      'Area of spend',
      'Expenditure',
    ],
    ...Array.from({ length: 40 }, (_, k) => [
      `S${k + 1}`,
      `Scheme ${k + 1}`,
      k % 2 === 0 ? 'NHS' : 'LA',
      SOURCES[k % 5] ?? 'Other',
      k % 2 === 0 ? 'Community Health' : 'Social Care',
      (800_000 + i) / 8,
    ]),
  ];
  for (const [name, rows] of [
    ['Income', income],
    ['Schemes', schemes],
  ] as const) {
    const sheet = book.addWorksheet(name);
    if (asTables) {
      const [headers = [], ...body] = rows;
      sheet.addTable({
        name,
        ref: 'A1',
        columns: headers.map((h) => ({ name: String(h) })),
        rows: body,
      });
    } else {
      sheet.addRows([[`${name} 2025-26, board ${i}`], [], ...rows]);
    }
  }
  const workings = book.addWorksheet('Workings');
  for (let r = 1; r <= 100; r++)
    workings.addRow(Array.from({ length: 20 }, (_, c) => (c % 3 === 0 ? `w${r}` : r * c)));
  writeFileSync(path, new Uint8Array(await book.xlsx.writeBuffer()));
}

const OUT = resolve(__dirname, '../../test-output/bench/plain-ranges');

async function checkAll(files: readonly string[], scan: boolean): Promise<number> {
  const start = process.cpuUsage();
  for (const file of files) {
    const workbook = await openXlsx(file);
    if (scan) {
      const sheets = (await workbook.readSheets?.()) ?? [];
      plainRangesOf(sheets, await workbook.listTables());
    }
    const params = await savedParams(workbook.settings, 'checks');
    await runMechanism(workbook, 'checks', params, { now: new Date(), replaceUserSheets: true });
  }
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 150);
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  await writeTemplates(OUT, count);
  const files = readdirSync(OUT).map((name) => join(OUT, name));
  await checkAll(files.slice(0, 5), true); // warm up
  const plain: number[] = [];
  const scanned: number[] = [];
  for (let i = 0; i < 3; i++) {
    plain.push(await checkAll(files, false));
    scanned.push(await checkAll(files, true));
  }
  const a = Math.min(...plain);
  const b = Math.min(...scanned);
  console.log(`${files.length} templates, best of 3 (CPU s):`);
  console.log(`  check as run (no scan needed): ${a.toFixed(2)} s`);
  console.log(
    `  check with the scan forced:    ${b.toFixed(2)} s  (+${(((b - a) / a) * 100).toFixed(1)}%)`,
  );
  const users = join(OUT, 'users');
  mkdirSync(join(users, 'tables'), { recursive: true });
  mkdirSync(join(users, 'ranges'), { recursive: true });
  for (let i = 1; i <= count; i++) {
    await writeUserPlan(join(users, 'tables', `hwb-${i}.xlsx`), i, true);
    await writeUserPlan(join(users, 'ranges', `hwb-${i}.xlsx`), i, false);
  }
  const list = (dir: string): string[] => readdirSync(dir).map((name) => join(dir, name));
  const asTables: number[] = [];
  const asRanges: number[] = [];
  for (let i = 0; i < 3; i++) {
    asTables.push(await checkAll(list(join(users, 'tables')), false));
    asRanges.push(await checkAll(list(join(users, 'ranges')), false));
  }
  const t = Math.min(...asTables);
  const r = Math.min(...asRanges);
  console.log(`${count} users' plans, best of 3 (CPU s):`);
  console.log(`  as Excel tables of the default names: ${t.toFixed(2)} s`);
  console.log(
    `  as plain ranges, found by the scan:   ${r.toFixed(2)} s  (+${(((r - t) / t) * 100).toFixed(1)}%)`,
  );
}

void main();

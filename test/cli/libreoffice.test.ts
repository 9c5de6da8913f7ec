/**
 * LibreOffice Calc as the independent check that what the command line writes is a sound
 * workbook. The outputs of `bcf run` (every mechanism on the shipped example), `bcf
 * template` and `bcf consolidate` go through Calc headless together (one conversion to
 * CSV and one to PDF for all three), and the test asserts that Calc opens each; that the
 * result tables read back as written and show the engine's figures; that the totals
 * formulas of the consolidation recalculate to the engine's totals; that the charts are
 * in the package and drawn on the printed pages. PNGs and CSVs stay under
 * test-output/libreoffice/cli/ as artifacts.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { openXlsx } from '../../src/adapters/xlsx';
import { MECHANISMS } from '../../src/workbook/mechanisms/index';
import { SCHEME_TYPES } from '../../src/workbook/tables/options';
import { convert, viewInCalc, type CalcView } from '../support/libreoffice';
import { SAMPLE_PATH } from '../support/makeSample';
import { bcf, scratchDir } from './support/bcf';
import {
  figuresNotShown,
  numbersOn,
  sameNumber,
  tableDifferences,
  csvNumber,
} from './support/calcCompare';
import { packageParts } from './support/packageParts';
import { balancedPlan, writePlan } from './support/plans';
import { TEXT_FILE } from './support/workbooks';

jest.setTimeout(600_000);

/**
 * Engine figures the result sheets do not lay out as cells (they are in the explanation
 * text only, or shown as labels), by mechanism: JSON paths of the `bcf run --json` result.
 */
const NOT_ON_SHEET: Readonly<Record<string, readonly RegExp[]>> = {
  pool: [/^pool$/],
  capitation: [/\.yearIndex$/],
  'bcf-p4p': [
    /^quarters\[\d+\]\.unitCost$/,
    /ReductionCount$/,
    /^(performanceSum|released|retained|releasedShare)$/,
  ],
  activity: [/^payment$/],
  envelope: [/^baseline$/, /^years\[\d+\]\.year$/, /changeFactor$/, /^cumulativeGap$/],
  checks: [/^(checkCount|passedCount)$/],
};

/**
 * Strongly coloured pixels a page with a chart shows at 60 dpi (bars, lines, legend keys);
 * pages without one show none: text, grid lines and the yellow input shading are not
 * strongly coloured. The smallest chart page measured about 800.
 */
const CHART_PIXELS = 300;

interface RunJson {
  mechanisms: { mechanism: string; sheet: string; result: unknown }[];
}
interface ConsolidateJson {
  files: { board: string; status: string; income?: string; expenditure?: string }[];
  totals: { income: string; expenditure: string; checksPassed: number; checksFailed: number };
}

let dir: string;
let runOut: string;
let templateOut: string;
let summaryOut: string;
let runJson: RunJson;
let consolidateJson: ConsolidateJson;
let views: Map<string, CalcView>;

beforeAll(async () => {
  dir = scratchDir('bcf-lo-');
  runOut = join(dir, 'bcf-example-results.xlsx');
  templateOut = join(dir, 'planning-template.xlsx');
  summaryOut = join(dir, 'hwb-summary.xlsx');
  const plans = join(dir, 'plans');
  mkdirSync(plans);
  await writePlan(join(plans, 'hwb-01.xlsx'), balancedPlan(100));
  await writePlan(join(plans, 'hwb-02.xlsx'), balancedPlan(101, { ibcfShortfall: 50_000 }));
  await writePlan(join(plans, 'hwb-03.xlsx'), balancedPlan(250));
  writeFileSync(join(plans, 'hwb-04.xlsx'), TEXT_FILE);
  const [run, template, consolidate] = await Promise.all([
    bcf(['run', SAMPLE_PATH, '--out', runOut, '--json', '--quiet']),
    bcf(['template', templateOut]),
    bcf(['consolidate', plans, '--out', summaryOut, '--json', '--quiet']),
  ]);
  expect([run.code, template.code, consolidate.code]).toEqual([0, 0, 1]);
  runJson = JSON.parse(run.stdout) as RunJson;
  consolidateJson = JSON.parse(consolidate.stdout) as ConsolidateJson;
  views = await viewInCalc([runOut, templateOut, summaryOut], 'cli');
});

function sheetCsv(file: string, sheet: string): string[][] {
  const rows = views.get(file)?.sheets.get(sheet);
  if (rows === undefined) throw new Error(`Calc shows no sheet "${sheet}" in ${file}`);
  return rows.map((r) => [...r]);
}

/** Every table of the file reads back in Calc as the adapter wrote it. */
async function expectTablesAsWritten(file: string): Promise<void> {
  const workbook = await openXlsx(file);
  const infos = await workbook.listTables();
  const tables = await workbook.readTables(infos.map((t) => t.name));
  expect(tables.length).toBeGreaterThan(0);
  const differences = tables.flatMap((t) => tableDifferences(sheetCsv(file, t.sheet), t));
  expect(differences).toEqual([]);
}

/** The coloured pixels on the first printed page showing a sheet's title. */
function colouredOnPageOf(file: string, title: string): number {
  const page = views.get(file)?.pages.find((p) => p.text.includes(title));
  if (page === undefined) throw new Error(`no printed page of ${file} shows "${title}"`);
  return page.coloured;
}

describe('LibreOffice Calc reads what bcf writes', () => {
  it('opens all three files: the results, the template and the summary', () => {
    expect([...views.keys()]).toEqual([runOut, templateOut, summaryOut]);
    const resultSheets = runJson.mechanisms.map((m) => m.sheet);
    expect([...(views.get(runOut)?.sheets.keys() ?? [])]).toEqual(
      expect.arrayContaining(resultSheets),
    );
    expect([...(views.get(summaryOut)?.sheets.keys() ?? [])].sort()).toEqual([
      'Findings',
      'Summary',
    ]);
  });

  it('bcf run: every table reads back as written, and each sheet shows the engine figures (Bedfordshire MSK, B&NES, BCF 2015/16 examples)', async () => {
    await expectTablesAsWritten(runOut);
    expect(runJson.mechanisms.map((m) => m.mechanism)).toEqual(Object.keys(MECHANISMS));
    for (const m of runJson.mechanisms) {
      const shown = numbersOn(sheetCsv(runOut, m.sheet));
      expect({
        [m.mechanism]: figuresNotShown(m.result, shown, NOT_ON_SHEET[m.mechanism]),
      }).toEqual({
        [m.mechanism]: [],
      });
    }
    // The worked examples themselves, as Calc shows them.
    const gain = numbersOn(sheetCsv(runOut, MECHANISMS.gainshare.sheet));
    expect(gain.some((n) => sameNumber(n, 1_716_875))).toBe(true);
    expect(gain.some((n) => sameNumber(n, 458_125))).toBe(true);
    const capitation = numbersOn(sheetCsv(runOut, MECHANISMS.capitation.sheet));
    for (const budget of [
      26_500_000, 26_844_500, 27_193_478.5, 27_546_993.72, 27_905_104.64, 135_990_076.86,
    ]) {
      expect(capitation.some((n) => sameNumber(n, budget))).toBe(true);
    }
  });

  it('bcf run: the charts are in the package, one drawing per charted sheet, and drawn on the printed pages', async () => {
    const parts = await packageParts(runOut);
    const charted = [...parts.sheets].filter(([, s]) => s.charts.length > 0);
    expect(charted.length).toBeGreaterThanOrEqual(5);
    for (const [sheet, s] of charted) {
      expect(s.drawing).toMatch(/^xl\/drawings\/drawing\d+\.xml$/);
      for (const chart of s.charts) {
        expect(parts.paths).toContain(chart);
        expect(parts.contentTypes).toContain(`PartName="/${chart}"`);
        // Each series reads from its own sheet.
        const refs = [...parts.text(chart).matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((f) => f[1] ?? '');
        expect(refs.length).toBeGreaterThan(0);
        for (const ref of refs) expect(ref.replace(/&apos;/g, "'")).toContain(`'${sheet}'!`);
      }
      const title = sheetCsv(runOut, sheet)[0]?.[0] ?? '';
      expect({ sheet, coloured: colouredOnPageOf(runOut, title) > CHART_PIXELS }).toEqual({
        sheet,
        coloured: true,
      });
    }
    // A result sheet without a chart prints no chart colours: the measure tells them apart.
    for (const m of runJson.mechanisms.filter(
      (r) => parts.sheets.get(r.sheet)?.charts.length === 0,
    )) {
      const title = sheetCsv(runOut, m.sheet)[0]?.[0] ?? '';
      expect({ sheet: m.sheet, coloured: colouredOnPageOf(runOut, title) }).toEqual({
        sheet: m.sheet,
        coloured: 0,
      });
    }
    const tables = [...parts.sheets.values()].flatMap((s) => s.tables);
    expect(new Set(tables).size).toBe(tables.length);
    for (const t of tables) expect(parts.paths).toContain(t);
  });

  it('bcf template: Calc opens every input table as written, with drop-down lists and the Checks sheet', async () => {
    await expectTablesAsWritten(templateOut);
    const parts = await packageParts(templateOut);
    const schemes = parts.sheets.get('Schemes');
    expect(schemes?.tables).toHaveLength(1);
    expect(schemes?.xml).toMatch(/<dataValidation\b[^>]*type="list"/);
    expect(sheetCsv(templateOut, 'Checks')[0]?.[0]).toBe('BCF results: BCF plan checks');
  });

  it('bcf template: Calc reads the Scheme type drop-down as a list from the hidden BCF Lists sheet', async () => {
    const out = join(dir, 'fods');
    await convert([templateOut], 'fods', out);
    const xml = readFileSync(join(out, 'planning-template.fods'), 'utf8').replace(/&apos;/g, "'");
    const rangeList =
      /<table:content-validation table:name="([^"]+)" table:condition="of:cell-content-is-in-list\(\[\$'BCF Lists'\.\$A\$2:\.\$A\$17\]\)"/.exec(
        xml,
      );
    expect(rangeList).not.toBeNull();
    const schemes = /<table:table table:name="Schemes"[\s\S]*?<\/table:table>/.exec(xml)?.[0] ?? '';
    expect(schemes).toContain(`table:content-validation-name="${rangeList?.[1] ?? '?'}"`);
    const lists = sheetCsv(templateOut, 'BCF Lists');
    expect(lists.map((r) => r[0])).toEqual(['Scheme type', ...SCHEME_TYPES.map((o) => o.value)]);
  });

  it('bcf consolidate: the rows read back as written; the totals formulas recalculate to the engine totals', async () => {
    await expectTablesAsWritten(summaryOut);
    const csv = sheetCsv(summaryOut, 'Summary');
    const header = csv.findIndex((r) => r[0] === 'Health and Wellbeing Board');
    const body = csv.slice(header + 1, header + 1 + consolidateJson.files.length);
    expect(body.map((r) => [r[0], csvNumber(r[1] ?? ''), csvNumber(r[2] ?? '')])).toEqual(
      consolidateJson.files.map((f) => [
        f.board,
        f.income === undefined ? undefined : Number(f.income),
        f.expenditure === undefined ? undefined : Number(f.expenditure),
      ]),
    );
    const totals = csv[header + 1 + consolidateJson.files.length] ?? [];
    expect(totals[0]).toBe('Total (3 consolidated)');
    expect(csvNumber(totals[1] ?? '')).toBe(Number(consolidateJson.totals.income));
    expect(csvNumber(totals[2] ?? '')).toBe(Number(consolidateJson.totals.expenditure));
    expect(csvNumber(totals[3] ?? '')).toBe(
      Number(consolidateJson.totals.expenditure) - Number(consolidateJson.totals.income),
    );
    expect(csvNumber(totals[5] ?? '')).toBe(consolidateJson.totals.checksPassed);
    expect(csvNumber(totals[6] ?? '')).toBe(consolidateJson.totals.checksFailed);
    // The totals are formulas in the file (Calc recalculated them), not values.
    const parts = await packageParts(summaryOut);
    const row = header + 2 + consolidateJson.files.length;
    expect(parts.sheets.get('Summary')?.formulas.get(`B${row}`)).toBe(
      `SUM(B${header + 2}:B${row - 1})`,
    );
  });

  it('bcf consolidate: the chart is in the package and drawn; the Findings sheet has none', async () => {
    const parts = await packageParts(summaryOut);
    const summary = parts.sheets.get('Summary');
    expect(summary?.charts).toHaveLength(1);
    expect(summary?.tables).toHaveLength(1);
    expect(parts.sheets.get('Findings')?.charts).toEqual([]);
    expect(parts.sheets.get('Findings')?.tables).toHaveLength(1);
    expect(
      colouredOnPageOf(summaryOut, 'BCF consolidation of Health and Wellbeing Board plans'),
    ).toBeGreaterThan(CHART_PIXELS);
    expect(colouredOnPageOf(summaryOut, 'Findings: what to fix in each plan')).toBe(0);
  });
});

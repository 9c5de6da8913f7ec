/**
 * LibreOffice Calc as the independent check that the adapter's output is a sound
 * workbook: each output file is opened headless, every sheet exported to CSV after Calc
 * recalculated every formula, and the workbook printed to PDF and rendered to PNG (kept
 * under test-output/libreoffice/xlsx-adapter/). Figures: the B&NES community services
 * outline business case (2015), Table 3.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openXlsx } from '../../src/adapters/xlsx';
import { partText } from '../../src/adapters/xlsx/zipParts';
import {
  ARTIFACTS,
  convert,
  libreOfficeVersion,
  viewInCalc,
  type CalcView,
} from '../support/libreoffice';
import { bytesOf, entryNames, partsOf, planningWorkbook, tempDir } from './fixtures';
import type { PooledFundResult } from '../../src/engine/pooledFund/pooledFund';
import { runMechanism, type RunOutcome } from '../../src/workbook/run';
import { xlsxFromSeed } from '../contract/xlsxHarness';
import { poolSheet } from './layouts';

/** The B&NES contributions as a user's table. */
const CONTRIBUTIONS = {
  sheets: [
    {
      name: 'Pool',
      rows: [
        ['Partner', 'Scheme', 'Amount (£)'],
        ['B&NES CCG', 'Community services', 28_348_000],
        ['B&NES Council', 'Community services', 40_888_000],
      ],
    },
  ],
  tables: [{ name: 'Contributions', sheet: 'Pool', range: 'A1:C3' }],
};

jest.setTimeout(240_000);

const SHEET = 'BCF Results - Pooled fund';
const dir = tempDir();
const files = {
  /** The user's plan (with their own chart) plus the pool's result sheet and chart. */
  results: join(dir, 'pool-results.xlsx'),
  /** The same, but the total saved with a wrong value: Calc must recalculate it. */
  staleTotal: join(dir, 'stale-total.xlsx'),
  /** The same result sheet with no chart: the control for the chart checks. */
  noChart: join(dir, 'no-chart.xlsx'),
  /** The user's plan saved by LibreOffice Calc (its own chart and package), with the result added. */
  fromCalcFile: join(dir, 'from-calc-file.xlsx'),
  /** A whole run of the workbook layer (pool) over a file holding a Contributions table. */
  layerRun: join(dir, 'layer-run.xlsx'),
};
let layerRun: RunOutcome;
let views: Map<string, CalcView>;
let sheet = poolSheet();

async function writeOutput(
  path: string,
  input: Uint8Array,
  layout = poolSheet().layout,
): Promise<void> {
  const workbook = await openXlsx(input);
  await workbook.writeSheets([layout]);
  await workbook.saveAs(path);
}

/** The plan as LibreOffice Calc saves it: opened and saved again as .xlsx. */
async function savedByCalc(plan: Uint8Array): Promise<Uint8Array> {
  const inDir = tempDir();
  const outDir = tempDir();
  writeFileSync(join(inDir, 'plan.xlsx'), plan);
  await convert([join(inDir, 'plan.xlsx')], 'xlsx:Calc MS Excel 2007 XML', outDir);
  const saved = new Uint8Array(readFileSync(join(outDir, 'plan.xlsx')));
  // Calc writes no theme part and its own chart XML: the cases ExcelTS handled worst.
  expect((await partsOf(saved)).has('xl/theme/theme1.xml')).toBe(false);
  return saved;
}

function view(path: string): CalcView {
  const found = views.get(path);
  if (!found) throw new Error(`no view of ${path}`);
  return found;
}

function csv(path: string, name: string): readonly (readonly string[])[] {
  const rows = view(path).sheets.get(name);
  if (!rows)
    throw new Error(
      `${path} has no sheet ${name}; it has ${[...view(path).sheets.keys()].join(', ')}`,
    );
  return rows;
}

beforeAll(async () => {
  const plan = await bytesOf(planningWorkbook());
  sheet = poolSheet();
  await writeOutput(files.results, plan, sheet.layout);
  await writeOutput(files.staleTotal, plan, poolSheet(SHEET, { savedTotal: 1 }).layout);
  await writeOutput(files.noChart, plan, poolSheet(SHEET, { charts: false }).layout);
  await writeOutput(files.fromCalcFile, await savedByCalc(plan));
  const input = await openXlsx(await xlsxFromSeed(CONTRIBUTIONS), 'contributions.xlsx');
  layerRun = await runMechanism(input, 'pool', {}, { now: new Date('2025-06-01T14:03:05Z') });
  await input.saveAs(files.layerRun);
  views = await viewInCalc(Object.values(files), 'xlsx-adapter');
  writeFileSync(
    join(ARTIFACTS, 'libreoffice', 'xlsx-adapter', 'soffice-version.txt'),
    `${await libreOfficeVersion()}\n`,
  );
});

describe('LibreOffice Calc opens what the adapter writes', () => {
  it('opens every output with every sheet', () => {
    for (const path of [files.results, files.staleTotal, files.noChart, files.fromCalcFile]) {
      expect([...view(path).sheets.keys()].sort()).toEqual(
        ['Dashboard', 'Inputs', 'Metrics', SHEET].sort(),
      );
    }
  });

  it("reads back the result sheet's values as the engine gave them (B&NES community services outline business case (2015), Table 3)", () => {
    const rows = csv(files.results, SHEET);
    sheet.layout.values.forEach((row, r) => {
      row.forEach((value, c) => {
        const shown = rows[r]?.[c] ?? '';
        // Calc writes numbers as stored, to 15 significant digits; a percentage with its % sign.
        if (typeof value === 'number' && shown.endsWith('%')) {
          expect(Number(shown.slice(0, -1)) / 100).toBeCloseTo(value, 14);
        } else if (typeof value === 'number') expect(Number(shown)).toBe(value);
        else expect(shown).toBe(value === null ? '' : String(value));
      });
    });
    const [ccg, council] = sheet.result.partners;
    expect(rows[5]?.slice(0, 2)).toEqual(['CCG', ccg?.contribution.toFixed()]);
    expect(rows[6]?.slice(0, 2)).toEqual(['Council', council?.contribution.toFixed()]);
  });

  it("recalculates the totals formula to the engine's pool, even when the saved value is wrong", () => {
    const pool = sheet.result.pool.toFixed(); // 69236000
    expect(csv(files.results, SHEET)[sheet.totalRow - 1]?.slice(0, 2)).toEqual(['Total', pool]);
    expect(csv(files.staleTotal, SHEET)[sheet.totalRow - 1]?.slice(0, 2)).toEqual(['Total', pool]);
  });

  it("leaves the user's own sheets as they were", () => {
    const inputs = csv(files.results, 'Inputs');
    expect(inputs[0]?.[0]).toBe('BCF plan 2025-26');
    expect(inputs[2]?.slice(1)).toEqual(['Party', 'Annual value', 'Start', 'Pooled']);
    expect(inputs[3]?.slice(1, 3)).toEqual(['ICB', '1250000.5']);
    expect(inputs[5]?.slice(1, 3)).toEqual(['=not a formula', '2500001']);
  });
});

describe('a whole run of the workbook layer, written to a file', () => {
  it("shows the engine's figures for each partner, and the run's chart", () => {
    expect(layerRun.ok).toBe(true);
    const result = (layerRun.ok ? layerRun.result : undefined) as PooledFundResult;
    const rows = csv(files.layerRun, 'BCF Results - Pooled fund');
    const header = rows.findIndex((row) => row[0] === 'Partner');
    expect(header).toBeGreaterThan(0);
    result.partners.forEach((partner, i) => {
      const row = rows[header + 1 + i] ?? [];
      expect(row[0]).toBe(partner.partner);
      expect(row[1]).toBe(partner.contribution.toFixed());
      expect(Number(row[2]?.replace('%', '')) / 100).toBeCloseTo(
        partner.contributionShare.toNumber(),
        12,
      );
    });
    const page = view(files.layerRun).pages.find((p) =>
      p.text.includes('Contributions by partner'),
    );
    expect(page?.coloured).toBeGreaterThan(1000);
  });
});

describe('charts in the rendered PDF', () => {
  const pageWith = (path: string, text: string): CalcView['pages'][number] | undefined =>
    view(path).pages.find((page) => page.text.includes(text));

  it("draws the add-in's chart: its title on a page with the chart's colours", () => {
    const page = pageWith(files.results, 'Contributions by partner');
    expect(page).toBeDefined();
    expect(page?.coloured).toBeGreaterThan(1000);
    expect(page?.text).toContain('Contribution (£)');
  });

  it("still draws the user's chart that was in the file", () => {
    for (const path of [files.results, files.fromCalcFile]) {
      const page = pageWith(path, 'User chart');
      expect(page).toBeDefined();
      expect(page?.coloured).toBeGreaterThan(1000);
    }
  });

  it('finds neither title nor chart colours where no chart was written (the control)', () => {
    expect(pageWith(files.noChart, 'Contributions by partner')).toBeUndefined();
    const resultPage = pageWith(files.noChart, 'BCF results: Pooled fund');
    expect(resultPage).toBeDefined();
    expect(resultPage?.coloured).toBeLessThan(50);
  });
});

describe('package parts', () => {
  it('holds the charts, drawings and tables, each once', async () => {
    const bytes = await bytesOf(planningWorkbook());
    const workbook = await openXlsx(bytes);
    await workbook.writeSheets([poolSheet().layout]);
    const output = await workbook.save();
    const names = await entryNames(output);
    expect(new Set(names).size).toBe(names.length);
    for (const part of [
      'xl/charts/chart1.xml',
      'xl/charts/chart2.xml',
      'xl/drawings/drawing1.xml',
      'xl/drawings/drawing2.xml',
      'xl/tables/table1.xml',
      'xl/tables/table2.xml',
      'xl/tables/table3.xml',
    ]) {
      expect(names).toContain(part);
    }
    const parts = await partsOf(output);
    const tables = [1, 2, 3].map((n) => partText(parts, `xl/tables/table${n}.xml`) ?? '');
    expect(
      tables.some((xml) => xml.includes('name="BCF_Pool_Partners"') && xml.includes('ref="A5:C7"')),
    ).toBe(true);
  });
});

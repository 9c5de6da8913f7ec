/**
 * The pooled-fund and capitation outturn curves on their result sheets, through both
 * adapters: the in-memory Excel (Office adapter) and an .xlsx file (saved, then read back).
 * Each must hold the curve table with the figures worked by hand and a native line chart
 * over it, beside the mechanism's own tables.
 */
import { runMechanism } from '../../src/workbook/run';
import { officeSubject } from './officeHarness';
import type { WorkbookSeed } from './seed';
import type { WorkbookSnapshot } from './snapshot';
import type { ContractSubject } from './subject';
import { xlsxSubject } from './xlsxHarness';

const now = new Date('2026-01-05T10:00:00Z');

/** A 50/50 pool of £2m; the CCG's overspend capped at £50,000 (Rotherham-style terms). */
const poolSeed: WorkbookSeed = {
  sheets: [
    {
      name: 'Contributions',
      rows: [
        ['Partner', 'Scheme', 'Amount (£)'],
        ['CCG', 'Intermediate care', 1_000_000],
        ['Council', 'Intermediate care', 1_000_000],
      ],
    },
  ],
  tables: [{ name: 'Contributions', sheet: 'Contributions', range: 'A1:C3' }],
};

/** 10,000 people at £100 a head (the tolerance golden case). */
const populationSeed: WorkbookSeed = {
  sheets: [
    {
      name: 'Population',
      rows: [
        ['Segment', 'Population', 'Annual rate'],
        ['65+', 10_000, 100],
      ],
    },
  ],
  tables: [{ name: 'Population', sheet: 'Population', range: 'A1:C2' }],
};

/** The rows of a result table, header first, from the snapshot's cells. */
function rowsOf(snapshot: WorkbookSnapshot, sheet: string, table: string): unknown[][] {
  const range = snapshot.tables.find((t) => t.name === table)?.range ?? '';
  const [, left = 'A', top = '0', right = 'A', bottom = '0'] =
    /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range) ?? [];
  const cells = snapshot.sheets.find((s) => s.name === sheet)?.cells ?? {};
  const columns: string[] = [];
  for (let c = left.charCodeAt(0); c <= right.charCodeAt(0); c++) {
    columns.push(String.fromCharCode(c));
  }
  const rows: unknown[][] = [];
  for (let r = Number(top); r <= Number(bottom); r++) {
    rows.push(columns.map((c) => cells[`${c}${r}`]?.value ?? null));
  }
  return rows;
}

/** A table's range without its last column: what a chart of all but that column reads. */
function withoutLastColumn(range: string | undefined): string {
  return (range ?? '').replace(/:([A-Z])(\d+)$/, (_, c: string, r: string) => {
    return `:${String.fromCharCode(c.charCodeAt(0) - 1)}${r}`;
  });
}

describe.each<[string, (seed: WorkbookSeed) => Promise<ContractSubject>]>([
  ['in-memory Excel', officeSubject],
  ['.xlsx file', xlsxSubject],
])('outturn curves on the result sheet: %s', (_, subject) => {
  it('pooled fund: each partner against actual spend, the cap reached at £2,100,000', async () => {
    const { workbook, inspect } = await subject(poolSeed);
    const outcome = await runMechanism(
      workbook,
      'pool',
      {
        rule: 'fixed',
        fixedShares: { CCG: '50%', Council: '50%' },
        overspendCaps: { CCG: 50_000 },
        excessTo: 'Council',
        curveFrom: '-10%',
        curveTo: '10%',
        curvePoints: 5,
      },
      { now },
    );
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.findings));
    const snapshot = await inspect();
    const sheet = 'BCF Results - Pooled fund';
    expect(snapshot.tables.filter((t) => t.sheet === sheet).map((t) => t.name)).toEqual([
      'BCF_Pool_Partners',
      'BCF_Pool_Schemes',
      'BCF_Pool_Curve',
      'BCF_Pool_CurveRange',
      'BCF_Pool_Kinks',
    ]);
    // ±10% of £2m in 5 points; half of each variance, the CCG's overspend held at £50k.
    expect(rowsOf(snapshot, sheet, 'BCF_Pool_Curve')).toEqual([
      ['Actual spend', 'CCG', 'Council', 'Variance (pool − actual)'],
      [1_800_000, 100_000, 100_000, 200_000],
      [1_900_000, 50_000, 50_000, 100_000],
      [2_000_000, 0, 0, 0],
      [2_100_000, -50_000, -50_000, -100_000],
      [2_200_000, -50_000, -150_000, -200_000],
    ]);
    expect(rowsOf(snapshot, sheet, 'BCF_Pool_CurveRange').slice(1)).toEqual([
      ['CCG', 100_000, -50_000, 'yes'],
      ['Council', 100_000, -150_000, 'no'],
    ]);
    expect(rowsOf(snapshot, sheet, 'BCF_Pool_Kinks')[1]).toEqual([
      2_100_000,
      -100_000,
      "CCG's overspend cap of £50,000.00 is reached",
      'CCG; Council',
    ]);
    const curveRange = snapshot.tables.find((t) => t.name === 'BCF_Pool_Curve')?.range;
    expect(
      snapshot.charts.filter((c) => c.sheet === sheet).map((c) => [c.kind, c.title, c.sourceRange]),
    ).toEqual([
      ['barClustered', 'Contributions by partner', expect.any(String)],
      ['line', 'Each partner against actual spend', withoutLastColumn(curveRange)],
    ]);
  });

  it('capitation: the adjustment against actual population, the band edges at 9,800 and 10,200', async () => {
    const { workbook, inspect } = await subject(populationSeed);
    const outcome = await runMechanism(
      workbook,
      'capitation',
      { toleranceBand: '2%', curveFrom: '-5%', curveTo: '5%', curvePoints: 5 },
      { now },
    );
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.findings));
    const snapshot = await inspect();
    const sheet = 'BCF Results - Capitation';
    // 250 people a step; the people beyond the 200-person band at £100 each.
    expect(rowsOf(snapshot, sheet, 'BCF_Capitation_Curve')).toEqual([
      ['Actual population', '65+', 'Total adjustment', 'Variance in population'],
      [9_500, -30_000, -30_000, -500],
      [9_750, -5_000, -5_000, -250],
      [10_000, 0, 0, 0],
      [10_250, 5_000, 5_000, 250],
      [10_500, 30_000, 30_000, 500],
    ]);
    expect(rowsOf(snapshot, sheet, 'BCF_Capitation_CurveRange').slice(1)).toEqual([
      ['65+', 30_000, -30_000],
      ['All segments', 30_000, -30_000],
    ]);
    expect(
      rowsOf(snapshot, sheet, 'BCF_Capitation_Kinks')
        .slice(1)
        .map((r) => r.slice(0, 3)),
    ).toEqual([
      [9_800, -200, -0.02],
      [10_200, 200, 0.02],
    ]);
    const curveRange = snapshot.tables.find((t) => t.name === 'BCF_Capitation_Curve')?.range;
    expect(
      snapshot.charts.filter((c) => c.sheet === sheet).map((c) => [c.kind, c.title, c.sourceRange]),
    ).toEqual([
      ['columnStacked', 'Capitation budget by year and segment', expect.any(String)],
      ['line', 'Tolerance adjustment against actual population', withoutLastColumn(curveRange)],
    ]);
  });

  it('asks for both ends of a curve, writing nothing', async () => {
    const { workbook, inspect } = await subject(populationSeed);
    const outcome = await runMechanism(
      workbook,
      'capitation',
      { toleranceBand: '2%', curveTo: '5%' },
      { now },
    );
    expect(!outcome.ok && outcome.findings.map((f) => f.message)).toEqual([
      'Scenario parameter "Outturn curve from": is needed for an outturn curve (give both ends, or neither).',
    ]);
    const snapshot = await inspect();
    expect(snapshot.sheets.map((s) => s.name)).not.toContain('BCF Results - Capitation');
  });

  it('asks for the tolerance band a capitation curve shows, writing nothing', async () => {
    const { workbook, inspect } = await subject(populationSeed);
    const outcome = await runMechanism(
      workbook,
      'capitation',
      { curveFrom: '-5%', curveTo: '5%' },
      { now },
    );
    expect(!outcome.ok && outcome.findings.map((f) => f.message)).toEqual([
      'Scenario parameter "Population tolerance": is needed for an outturn curve: the curve shows the tolerance adjustment.',
    ]);
    const snapshot = await inspect();
    expect(snapshot.sheets.map((s) => s.name)).not.toContain('BCF Results - Capitation');
  });
});

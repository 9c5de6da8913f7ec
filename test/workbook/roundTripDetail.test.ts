import type { MechanismId } from '../../src/workbook/mechanisms/index';
import { MECHANISMS } from '../../src/workbook/mechanisms/index';
import type { ScenarioParams } from '../../src/workbook/params';
import { runMechanism } from '../../src/workbook/run';
import { newPlanningTemplate } from '../../src/workbook/template';
import type { MemoryExcel } from '../support/memory-excel';
import { memoryBook, snapshot, typeInto } from './support/memoryBook';

const now = new Date('2025-06-01T14:03:05Z');

/** The cell range of a table on its sheet, e.g. "A12:E14". */
const tableRange = (excel: MemoryExcel, name: string): string => {
  const t = excel.table(name);
  if (t === undefined) throw new Error(`no table ${name}`);
  const col = (n: number) => String.fromCharCode(65 + n);
  return `${col(t.rect.left)}${t.rect.top + 1}:${col(t.rect.right)}${t.rect.bottom + 1}`;
};

describe('result sheets over the in-memory Excel', () => {
  it("gain share (Bedfordshire MSK): tables with £ and % formats, a titled bar chart beside the parties' table", async () => {
    const { excel, workbook } = memoryBook();
    await newPlanningTemplate(workbook, { now });
    await runMechanism(workbook, 'gainshare', {}, { now });
    const sheet = 'BCF Results - Gain share';
    const parties = tableRange(excel, 'BCF_GainShare_Parties');
    const [from = '', to = ''] = parties.split(':');
    const top = Number(from.slice(1));
    expect(excel.values(sheet, `A${top}:B${top + 2}`)).toEqual([
      ['Party', 'Gain received'],
      ['Circle', 1716875],
      ['Bedfordshire CCG', 458125],
    ]);
    expect(excel.cell(sheet, `B${top + 1}`)?.numberFormat).toBe('£#,##0.00');
    const summary = tableRange(excel, 'BCF_GainShare_Summary');
    const summaryTop = Number(summary.split(':')[0]?.slice(1));
    expect(excel.cell(sheet, `B${summaryTop + 4}`)).toMatchObject({ numberFormat: '0.00%' });
    const [chart] = excel.sheet(sheet)?.charts ?? [];
    expect(chart).toMatchObject({
      type: 'BarClustered',
      title: 'Gain share by party',
      valueAxis: { numberFormat: '£#,##0', title: 'Amount (£)' },
    });
    const chartFrom = chart?.position?.from ?? '';
    expect(chartFrom.charCodeAt(0)).toBeGreaterThan((to.charCodeAt(0) ?? 0) + 1);
    expect(Number(chartFrom.slice(1))).toBe(top);
    expect(excel.values(sheet, 'A1:A1')).toEqual([['BCF results: Gain/loss share']]);
  });

  it("capitation (Bedfordshire MSK, King's Fund 2014): five years from £26.5m at 1.3%, stacked column by year and segment", async () => {
    const { excel, workbook } = memoryBook();
    await newPlanningTemplate(workbook, { now });
    const outcome = await runMechanism(
      workbook,
      'capitation',
      { years: 5, uplift: '1.3%' },
      { now },
    );
    expect(outcome.ok && outcome.headline.map((h) => h.text)).toEqual([
      '£26,500,000.00',
      '£26,844,500.00',
      '£27,193,478.50',
      '£27,546,993.72',
      '£27,905,104.64',
      '£135,990,076.86',
    ]);
    const chart = excel.sheet('BCF Results - Capitation')?.charts[0];
    expect(chart).toMatchObject({
      type: 'ColumnStacked',
      title: 'Capitation budget by year and segment',
    });
  });

  it('writes party and scheme names as text, never as formulas', async () => {
    const { excel, workbook } = memoryBook();
    await newPlanningTemplate(workbook, { now });
    typeInto(excel, 'Contributions', 'A6', '=HYPERLINK("http://x","CCG")');
    typeInto(excel, 'Contributions', 'A7', '+44 Council');
    const outcome = await runMechanism(workbook, 'pool', {}, { now });
    expect(outcome.ok).toBe(true);
    const sheet = excel.sheet('BCF Results - Pooled fund');
    const cells = [...(sheet?.cells.values() ?? [])];
    expect(cells.some((c) => c.formula !== undefined)).toBe(false);
    expect(cells.map((c) => c.value)).toEqual(
      expect.arrayContaining(['=HYPERLINK("http://x","CCG")', '+44 Council']),
    );
  });
});

describe('bad input writes nothing (every mechanism, over the in-memory Excel)', () => {
  const cases: [MechanismId, string, string, string][] = [
    [
      'pool',
      'Contributions',
      'C6',
      'Contributions!C6 (Contributions table, row 1, column "Amount"): "tbc" is not an amount.',
    ],
    [
      'capitation',
      'Population',
      'B6',
      'Population!B6 (Population table, row 1, column "Population"): "tbc" is not a number.',
    ],
    [
      'gainshare',
      'Contracts',
      'G6',
      'Contracts!G6 (Contracts table, row 1, column "Annual value"): "tbc" is not an amount.',
    ],
    [
      'p4p',
      'Metrics',
      'C6',
      'Metrics!C6 (Metrics table, row 1, column "Weight"): "tbc" is not a percentage.',
    ],
    [
      'bcf-p4p',
      'Activity',
      'D6',
      'Activity!D6 (Activity table, row 1, column "Actual activity"): "tbc" is not a number.',
    ],
    [
      'activity',
      'Activity',
      'E6',
      'Activity!E6 (Activity table, row 1, column "Price"): "tbc" is not an amount.',
    ],
    [
      'envelope',
      'Planned spend',
      'D6',
      '\'Planned spend\'!D6 (PlannedSpend table, row 1, column "Planned spend"): "tbc" is not an amount.',
    ],
    [
      'checks',
      'Income',
      'C6',
      'Income!C6 (Income table, row 1, column "Income"): "tbc" is not an amount.',
    ],
  ];

  it.each(cases)('%s: %s!%s', async (id, sheet, address, message) => {
    const { excel, workbook } = memoryBook();
    await newPlanningTemplate(workbook, { now });
    typeInto(excel, sheet, address, 'tbc');
    const sheets = excel.model.sheets.filter((s) => !s.deleted).map((s) => s.name);
    const before = snapshot(excel, sheets);
    const params: ScenarioParams =
      id === 'checks' ? { socialCareMinimum: 0, nhsOutOfHospitalMinimum: 0 } : {};
    const outcome = await runMechanism(workbook, id, params, { now });
    expect(!outcome.ok && outcome.findings.map((f) => f.message)).toEqual([message]);
    expect(excel.sheet(MECHANISMS[id].sheet) === undefined || id === 'checks').toBe(true);
    expect(
      snapshot(
        excel,
        excel.model.sheets.filter((s) => !s.deleted).map((s) => s.name),
      ),
    ).toEqual(before);
  });

  it('turns an engine refusal into a finding at its cell: a target equal to its baseline', async () => {
    const { excel, workbook } = memoryBook();
    await newPlanningTemplate(workbook, { now });
    typeInto(excel, 'Metrics', 'E6', 60);
    const outcome = await runMechanism(workbook, 'p4p', {}, { now });
    expect(!outcome.ok && outcome.findings).toEqual([
      expect.objectContaining({
        code: 'ENGINE.P4P.TARGET_EQUALS_BASELINE',
        address: 'E6',
        sheet: 'Metrics',
        row: 1,
        column: 'Target',
      }),
    ]);
    expect(excel.sheet('BCF Results - P4P')).toBeUndefined();
  });
});

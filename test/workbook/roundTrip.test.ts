import type { MechanismId } from '../../src/workbook/mechanisms/index';
import { MECHANISMS } from '../../src/workbook/mechanisms/index';
import type { ScenarioParams } from '../../src/workbook/params';
import { runMechanism } from '../../src/workbook/run';
import { newPlanningTemplate, planningTemplate } from '../../src/workbook/template';
import { memoryBook, snapshot, typeInto } from './support/memoryBook';

const now = new Date('2025-06-01T14:03:05Z');
const INPUT_SHEETS = [
  'Contributions',
  'Schemes',
  'Income',
  'Contracts',
  'Population',
  'Metrics',
  'Risk share',
  'Activity',
  'Planned spend',
  'BCF Template',
];

/** Parameters that make each mechanism run over the template's example rows. */
const PARAMS: Readonly<Record<MechanismId, ScenarioParams>> = {
  pool: { rule: 'proportional' },
  capitation: { years: 5, uplift: '1.3%' },
  gainshare: { contract: 'MSK1' },
  p4p: { contract: 'MSK1', period: 'Year 2' },
  'bcf-p4p': { ambition: '3.5%' },
  activity: { model: 'marginal', price: 2000 },
  envelope: {
    years: 4,
    changes: [{ name: 'Net budget reduction', totalOverYears: '-7%', overYears: 4 }],
  },
  checks: { socialCareMinimum: 30000000, nhsOutOfHospitalMinimum: 10000000 },
};

/** The chart kind each mechanism is specified to draw (first chart). */
const CHARTS: Partial<Record<MechanismId, string>> = {
  gainshare: 'BarClustered',
  capitation: 'ColumnStacked',
  p4p: 'BarClustered',
  envelope: 'ColumnClustered',
};

describe('round trip over the in-memory Excel: template → filled → every mechanism', () => {
  it('runs each mechanism into its own sheet, leaves every input cell as it was, and re-runs in place', async () => {
    const { excel, workbook } = memoryBook();
    await newPlanningTemplate(workbook, { now });
    // The user fills in actual spend on a scheme and an awkward party name.
    typeInto(excel, 'Schemes', 'K6', 27000000);
    typeInto(excel, 'Schemes', 'K7', 41500000);
    const before = snapshot(excel, INPUT_SHEETS);

    for (const id of Object.keys(MECHANISMS) as MechanismId[]) {
      const outcome = await runMechanism(workbook, id, PARAMS[id], { now });
      if (!outcome.ok)
        throw new Error(`${id}: ${outcome.findings.map((f) => f.message).join('\n')}`);
      const sheet = excel.sheet(MECHANISMS[id].sheet);
      expect(sheet).toBeDefined();
      if (sheet === undefined) continue;
      expect(excel.values(sheet.name, 'A1')[0]?.[0]).toBe(`BCF results: ${MECHANISMS[id].title}`);
      const tables = excel.model.tables.filter((t) => t.sheet === sheet && !t.deleted);
      expect(tables.length).toBeGreaterThan(0);
      const kind = CHARTS[id];
      if (kind !== undefined) {
        const [chart] = sheet.charts.filter((c) => !c.deleted);
        expect(chart?.type).toBe(kind);
        expect(chart?.title).not.toBe('');
        expect(chart?.valueAxis.numberFormat).toMatch(/£#,##0|0%/);
      }
    }
    expect(snapshot(excel, INPUT_SHEETS)).toEqual(before);

    // Re-running one mechanism replaces its own sheet and nothing else.
    const others = Object.values(MECHANISMS)
      .filter((m) => m.id !== 'gainshare')
      .map((m) => m.sheet);
    const othersBefore = snapshot(excel, [...INPUT_SHEETS, ...others]);
    const sheetCount = excel.model.sheets.filter((s) => !s.deleted).length;
    typeInto(excel, 'Contracts', 'I6', 24000000);
    const again = await runMechanism(workbook, 'gainshare', PARAMS.gainshare, { now });
    expect(again.ok && again.headline[0]).toEqual({ label: 'Gain', text: '£1,175,000.00' });
    const inputsAfter = { ...othersBefore, Contracts: snapshot(excel, ['Contracts']).Contracts };
    expect(snapshot(excel, [...INPUT_SHEETS, ...others])).toEqual(inputsAfter);
    expect(excel.model.sheets.filter((s) => !s.deleted).length).toBe(sheetCount);
  });

  it('writes the template: tables, formats, yellow inputs, drop-downs, version, Checks sheet', async () => {
    const { excel, workbook } = memoryBook();
    const written = await newPlanningTemplate(workbook, { now });
    expect(written).toEqual(planningTemplate(now).map((s) => s.sheet));
    expect(excel.table('Contributions')?.sheet.name).toBe('Contributions');
    expect(excel.table('RiskShareTerms')?.sheet.name).toBe('Risk share');
    expect(excel.cell('Contributions', 'C6')).toMatchObject({
      value: 28348000,
      numberFormat: '£#,##0.00',
      locked: false,
    });
    expect(excel.cell('Contributions', 'C6')?.fill).toBe('#FFF2CC');
    expect(excel.cell('Contracts', 'J6')).toMatchObject({ value: 0.025, numberFormat: '0.00%' });
    expect(excel.sheet('Schemes')?.validations.map((v) => v.source)).toContain(
      'Minimum NHS Contribution,Additional NHS Contribution,iBCF,DFG,Additional LA Contribution,Winter Pressures Grant,Local Authority Discharge Funding,ICB Discharge Funding,Other',
    );
    expect(excel.sheet('Schemes')?.validations.map((v) => v.source)).toContain(
      "='BCF Lists'!$A$2:$A$17",
    );
    expect(excel.sheet('BCF Lists')?.visibility).toBe('Hidden');
    expect(excel.values('BCF Lists', 'A1:A2')).toEqual([
      ['Scheme type'],
      ['Assistive Technologies and Equipment'],
    ]);
    expect(await workbook.settings.get('bcf.templateVersion')).toBe('1');
    const checks = excel.values('Checks', 'A1:B40').map((r) => r[1]);
    expect(checks).toContain('PASS');
    await expect(newPlanningTemplate(workbook, { now })).rejects.toThrow(
      'already has a planning template',
    );
  });
});

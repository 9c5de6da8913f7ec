/**
 * Keeping runs as scenarios and comparing them through the pane's operations, over the
 * workbook layer and the Office adapter on the in-memory Excel. Expected figures are
 * worked by hand from the Bedfordshire MSK contract (King's Fund 2014): expected spend
 * £25,175,000.00, actual £23,000,000.00, a gain of £2,175,000.00.
 */
import { OfficeWorkbook } from '../../src/adapters/office/index';
import type { MechanismRequest, RunControl } from '../../src/taskpane/operations';
import { workbookOperations } from '../../src/taskpane/workbookOperations';
import { createMemoryExcel, type MemoryExcel } from '../support/memory-excel';
import { pooledFundSeed } from './workbookSeeds';

const NOW = new Date('2025-06-01T14:03:05Z');
const PARTIES = ['Circle', 'Bedfordshire CCG'];

function setUp() {
  const excel = createMemoryExcel(pooledFundSeed());
  return {
    excel,
    operations: workbookOperations(new OfficeWorkbook(excel.run), { now: () => NOW }),
  };
}

const control = (): RunControl => ({
  signal: new AbortController().signal,
  onProgress: () => undefined,
});

/** Proposal A: one band, half and half, with a curve from 90% to 110% of expected in 3 points. */
const HALF: MechanismRequest = {
  mechanism: 'gainshare',
  params: {
    terms: 'pane',
    parties: PARTIES,
    editor: {
      bandLimits: 'fraction',
      gainBands: [{ shares: { Circle: '0.5', 'Bedfordshire CCG': '0.5' } }],
    },
    curve: { from: '-0.1', to: '0.1', points: 3 },
  },
};

/** Proposal B: the first 5% of expected to Circle, the rest half and half; losses all Circle's. */
const TIERED: MechanismRequest = {
  mechanism: 'gainshare',
  params: {
    terms: 'pane',
    parties: PARTIES,
    editor: {
      bandLimits: 'fraction',
      gainBands: [
        { upTo: '0.05', shares: { Circle: '1', 'Bedfordshire CCG': '0' } },
        { shares: { Circle: '0.5', 'Bedfordshire CCG': '0.5' } },
      ],
      lossBands: [{ shares: { Circle: '1', 'Bedfordshire CCG': '0' } }],
    },
    curve: { from: '-0.1', to: '0.1', points: 3 },
  },
};

/** The row of a sheet's values whose first cell is `label`. */
function rowOf(excel: MemoryExcel, sheet: string, label: string): unknown[] | undefined {
  return excel.values(sheet, 'A1:H80').find((row) => row[0] === label);
}

describe('scenarios from the pane (in-memory Excel)', () => {
  it('gives the run’s outturn curve to the pane: each party at each actual spend, to the penny', async () => {
    const { operations } = setUp();
    const outcome = await operations.run(HALF, control());
    if (!outcome.ok) throw new Error(`run failed: ${JSON.stringify(outcome)}`);
    // 25,175,000 × 0.9, × 1, × 1.1; half of each variance to each party.
    expect(outcome.curve).toEqual({
      parties: PARTIES,
      points: [
        { actual: '22657500.00', variance: '2517500.00', amounts: ['1258750.00', '1258750.00'] },
        { actual: '25175000.00', variance: '0.00', amounts: ['0.00', '0.00'] },
        {
          actual: '27692500.00',
          variance: '-2517500.00',
          amounts: ['-1258750.00', '-1258750.00'],
        },
      ],
    });
  });

  it('keeps two proposals, refuses a name used already until asked to replace, and compares them', async () => {
    const { excel, operations } = setUp();
    const a = await operations.keepScenario(HALF, { name: ' Proposal A ' }, control());
    expect(a).toMatchObject({
      ok: true,
      scenario: 'Proposal A',
      resultSheet: { sheet: 'BCF Proposal A', address: 'A1' },
      headline: [
        { label: 'Gain', value: '£2,175,000.00' },
        { label: 'Circle', value: '£1,087,500.00' },
        { label: 'Bedfordshire CCG', value: '£1,087,500.00' },
      ],
    });
    const b = await operations.keepScenario(TIERED, { name: 'Proposal B' }, control());
    // 5% of 25,175,000 = 1,258,750 to Circle, then half of the other 916,250 each.
    expect(b).toMatchObject({
      ok: true,
      headline: [
        { label: 'Gain', value: '£2,175,000.00' },
        { label: 'Circle', value: '£1,716,875.00' },
        { label: 'Bedfordshire CCG', value: '£458,125.00' },
      ],
    });
    expect(excel.values('BCF Proposal A', 'A1')).toEqual([
      ['BCF results: Gain/loss share, scenario "Proposal A"'],
    ]);
    expect(excel.values('BCF Proposal B', 'A1')).toEqual([
      ['BCF results: Gain/loss share, scenario "Proposal B"'],
    ]);

    const again = await operations.keepScenario(TIERED, { name: 'proposal a' }, control());
    expect(again).toEqual({
      ok: false,
      reason: 'scenarioExists',
      name: 'Proposal A',
      message:
        'The workbook already keeps a scenario "Proposal A" (run on 2025-06-01); choose another name, or replace it.',
    });
    expect(await operations.keepScenario(HALF, { name: '  ' }, control())).toEqual({
      ok: false,
      reason: 'scenarioName',
      message: 'Scenario name "  " is empty; give the scenario a name, e.g. "Proposal B".',
    });
    expect(
      await operations.keepScenario(HALF, { name: 'Proposal A', replace: true }, control()),
    ).toMatchObject({ ok: true, scenario: 'Proposal A' });

    const kept = await operations.scenarios();
    expect(kept.map((s) => [s.name, s.mechanism, s.title, s.sheet, s.at.toISOString()])).toEqual([
      ['Proposal B', 'gainshare', 'Gain/loss share', 'BCF Proposal B', NOW.toISOString()],
      ['Proposal A', 'gainshare', 'Gain/loss share', 'BCF Proposal A', NOW.toISOString()],
    ]);

    const compared = await operations.compareScenarios(['Proposal A', 'Proposal B']);
    expect(compared).toEqual({
      ok: true,
      names: ['Proposal A', 'Proposal B'],
      sheet: { sheet: 'BCF Scenario comparison', address: 'A1' },
      figures: [
        {
          label: 'Variance (expected − actual)',
          kind: 'money',
          values: ['2175000.00', '2175000.00'],
          differences: ['0.00'],
        },
        {
          label: 'Circle',
          kind: 'money',
          values: ['1087500.00', '1716875.00'],
          differences: ['629375.00'],
        },
        {
          label: 'Bedfordshire CCG',
          kind: 'money',
          values: ['1087500.00', '458125.00'],
          differences: ['-629375.00'],
        },
      ],
    });
    expect(rowOf(excel, 'BCF Scenario comparison', 'Circle')).toEqual([
      'Circle',
      1087500,
      1716875,
      629375,
      '',
      '',
      '',
      '',
    ]);
  });

  it('re-runs a kept scenario to the figures it was kept with, from its saved terms alone', async () => {
    const { excel, operations } = setUp();
    const kept = await operations.keepScenario(TIERED, { name: 'Proposal B' }, control());
    await operations.keepScenario(HALF, { name: 'Proposal A' }, control());
    if (!kept.ok) throw new Error('not kept');
    // A later session: only the workbook's settings know the terms.
    const later = workbookOperations(new OfficeWorkbook(excel.run), { now: () => NOW });
    const compared = await later.compareScenarios(['Proposal B', 'Proposal A']);
    if (!compared.ok) throw new Error(JSON.stringify(compared));
    const money = (text: string): string => text.replace(/[£,]/g, '');
    expect(compared.figures.map((f) => f.values[0])).toEqual(
      kept.headline.map((h) => money(h.value)),
    );
  });

  it('names the scenario the workbook does not keep, and writes nothing', async () => {
    const { excel, operations } = setUp();
    await operations.keepScenario(HALF, { name: 'Proposal A' }, control());
    expect(await operations.compareScenarios(['Proposal A', 'Proposal C'])).toEqual({
      ok: false,
      findings: [
        {
          code: 'SCENARIO.UNKNOWN',
          message: 'The workbook keeps no scenario "Proposal C"; it keeps "Proposal A".',
        },
      ],
    });
    expect(excel.sheet('BCF Scenario comparison')).toBeUndefined();
  });
});

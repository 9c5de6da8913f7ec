import { OfficeWorkbook } from '../../src/adapters/office/index';
import { buildRequest, initialForms } from '../../src/taskpane/forms/request';
import {
  MECHANISM_IDS,
  type MechanismRequest,
  type Progress,
  type RunControl,
} from '../../src/taskpane/operations';
import { workbookOperations } from '../../src/taskpane/workbookOperations';
import { repeatLastRun } from '../../src/workbook/run';
import { createMemoryExcel, type MemoryWorkbookSeed } from '../support/memory-excel';
import { pooledFundSeed, riskShareSeed } from './workbookSeeds';

const NOW = new Date('2025-06-01T14:03:05Z');
const RESULT_SHEET = 'BCF Results - Pooled fund';

function setUp(seed: MemoryWorkbookSeed) {
  const excel = createMemoryExcel(seed);
  const operations = workbookOperations(new OfficeWorkbook(excel.run), { now: () => NOW });
  return { excel, operations };
}

function control(abort?: AbortController): RunControl & { progress: Progress[] } {
  const progress: Progress[] = [];
  return {
    signal: (abort ?? new AbortController()).signal,
    onProgress: (p) => progress.push(p),
    progress,
  };
}

/**
 * A gain/loss run on terms set in the pane's editor: one band, Circle and Bedfordshire CCG
 * sharing half and half; if given, caps on gains and the party that takes what a cap holds
 * back.
 */
function paneTerms(gainCaps?: Record<string, string>, overflowTo?: string): MechanismRequest {
  return {
    mechanism: 'gainshare',
    params: {
      terms: 'pane',
      parties: ['Circle', 'Bedfordshire CCG'],
      editor: {
        bandLimits: 'fraction',
        gainBands: [{ shares: { Circle: '0.5', 'Bedfordshire CCG': '0.5' } }],
        ...(gainCaps === undefined ? {} : { caps: { gain: gainCaps, loss: {} } }),
      },
      ...(overflowTo === undefined ? {} : { overflowTo }),
    },
  };
}

const POOL = {
  mechanism: 'pool',
  params: { rule: 'proportional', unbudgetedSpend: 'error' },
} as const;

describe('pane operations over the workbook layer and the Office adapter (in-memory Excel)', () => {
  it('lists the tables, what can run, the contracts with their parties and the pool partners', async () => {
    const { operations } = setUp(pooledFundSeed());
    const overview = await operations.overview();
    expect(overview.tables.map((t) => t.name)).toEqual(['Contributions', 'Contracts']);
    expect(overview.contracts).toEqual([
      {
        id: 'MSK1',
        model: 'Prime contractor',
        provider: 'Circle',
        commissioner: 'Bedfordshire CCG',
        parties: ['Circle', 'Bedfordshire CCG'],
        hasBands: false,
      },
    ]);
    expect(overview.mechanisms.find((m) => m.mechanism === 'gainshare')?.ready).toBe(true);
    expect(overview.partners).toEqual(['B&NES CCG', 'B&NES Council']);
    expect(overview.mechanisms.find((m) => m.mechanism === 'pool')).toEqual({
      mechanism: 'pool',
      ready: true,
      missing: [],
    });
  });

  it('says which tables a mechanism lacks in an empty workbook', async () => {
    const { operations } = setUp({});
    const overview = await operations.overview();
    expect(overview.tables).toEqual([]);
    expect(overview.mechanisms.find((m) => m.mechanism === 'pool')).toEqual({
      mechanism: 'pool',
      ready: false,
      missing: ['Contributions'],
    });
  });

  it('runs the pooled fund (B&NES OBC 2015): progress, headline 40.94% / 59.06%, the result sheet written', async () => {
    const { excel, operations } = setUp(pooledFundSeed());
    const c = control();
    const outcome = await operations.run(POOL, c);
    expect(outcome).toMatchObject({
      ok: true,
      title: 'Pooled fund',
      headline: [
        { label: 'Pool', value: '£69,236,000.00', kind: 'text' },
        { label: 'B&NES CCG share', value: '40.94%', kind: 'text' },
        { label: 'B&NES Council share', value: '59.06%', kind: 'text' },
      ],
      resultSheet: { sheet: RESULT_SHEET, address: 'A1' },
      completedAt: NOW,
    });
    expect(c.progress.map((p) => [p.step, p.cancellable ?? true])).toEqual([
      ['Reading and checking the tables', true],
      ['Calculating', true],
      ['Writing the result sheet', false],
      ['Done', false],
    ]);
    expect(excel.sheet(RESULT_SHEET)?.charts.length).toBeGreaterThan(0);
  });

  it('returns findings placed at the bad cell and writes nothing', async () => {
    const { excel, operations } = setUp(pooledFundSeed('tbc'));
    const outcome = await operations.run(POOL, control());
    expect(outcome).toEqual({
      ok: false,
      reason: 'invalid',
      findings: [
        {
          code: 'INPUT.NOT_AN_AMOUNT',
          message: expect.stringContaining('"tbc" is not an amount') as string,
          cell: { sheet: 'Pooled fund', address: 'C3' },
        },
      ],
    });
    expect(excel.sheet(RESULT_SHEET)).toBeUndefined();
  });

  it('is cancelled before writing when the signal is aborted', async () => {
    const { excel, operations } = setUp(pooledFundSeed());
    const abort = new AbortController();
    const c = control(abort);
    const outcome = await operations.run(POOL, {
      ...c,
      onProgress: (p) => {
        c.onProgress(p);
        if (p.done === 1) abort.abort();
      },
    });
    expect(outcome).toEqual({ ok: false, reason: 'cancelled' });
    expect(excel.sheet(RESULT_SHEET)).toBeUndefined();
  });

  it('asks before replacing a sheet of the user’s with the result sheet’s name', async () => {
    const seed = pooledFundSeed();
    const { excel, operations } = setUp({
      ...seed,
      sheets: [...(seed.sheets ?? []), { name: RESULT_SHEET, cells: { A1: 'my notes' } }],
    });
    const blocked = await operations.run(POOL, control());
    expect(blocked).toMatchObject({ ok: false, reason: 'userSheet', sheet: RESULT_SHEET });
    expect(excel.values(RESULT_SHEET, 'A1')).toEqual([['my notes']]);
    const replaced = await operations.run(POOL, { ...control(), replaceUserSheets: true });
    expect(replaced.ok).toBe(true);
    expect(excel.values(RESULT_SHEET, 'A1')).not.toEqual([['my notes']]);
  });

  it('selects a cell for the user', async () => {
    const { excel, operations } = setUp(pooledFundSeed());
    await operations.selectCell({ sheet: 'Pooled fund', address: 'C3' });
    expect(excel.model.selection?.sheet.name).toBe('Pooled fund');
    expect(excel.model.selection?.rect).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
  });

  const BEDFORDSHIRE_HEADLINE = [
    { label: 'Gain', value: '£2,175,000.00', kind: 'text' },
    { label: 'Circle', value: '£1,716,875.00', kind: 'text' },
    { label: 'Bedfordshire CCG', value: '£458,125.00', kind: 'text' },
  ];

  it('shares the Bedfordshire MSK gain (King’s Fund 2014) with bands from the RiskShareBands table', async () => {
    const { excel, operations } = setUp(riskShareSeed());
    const overview = await operations.overview();
    expect(overview.contracts[0]?.hasBands).toBe(true);
    const outcome = await operations.run(
      {
        mechanism: 'gainshare',
        params: { terms: 'workbook', parties: ['Circle', 'Bedfordshire CCG'] },
      },
      control(),
    );
    expect(outcome).toMatchObject({ ok: true, headline: BEDFORDSHIRE_HEADLINE });
    expect(excel.values('BCF Results - Gain share', 'A1')[0]?.[0]).toBe(
      'BCF results: Gain/loss share',
    );
  });

  it('shares it with the bands set in the pane when the workbook has no risk-share tables', async () => {
    const { operations } = setUp(pooledFundSeed());
    const parties = ['Circle', 'Bedfordshire CCG'];
    const outcome = await operations.run(
      {
        mechanism: 'gainshare',
        params: {
          terms: 'pane',
          contract: 'MSK1',
          parties,
          editor: {
            bandLimits: 'fraction',
            gainBands: [
              { upTo: '0.05', shares: { Circle: '1', 'Bedfordshire CCG': '0' } },
              { shares: { Circle: '0.5', 'Bedfordshire CCG': '0.5' } },
            ],
            lossBands: [{ shares: { Circle: '1', 'Bedfordshire CCG': '0' } }],
          },
        },
      },
      control(),
    );
    expect(outcome).toMatchObject({ ok: true, headline: BEDFORDSHIRE_HEADLINE });
  });

  /** One band, shared half and half, set in the pane's editor. */
  const HALF_AND_HALF_IN_PANE = paneTerms();

  it('lets the pane’s bands stand in for the workbook’s, leaving the user’s table untouched', async () => {
    const { excel, operations } = setUp(riskShareSeed());
    const outcome = await operations.run(HALF_AND_HALF_IN_PANE, control());
    expect(outcome).toMatchObject({
      ok: true,
      headline: [
        { label: 'Gain', value: '£2,175,000.00' },
        { label: 'Circle', value: '£1,087,500.00' },
        { label: 'Bedfordshire CCG', value: '£1,087,500.00' },
      ],
    });
    expect(excel.values('Risk share', 'F2:F3')).toEqual([[1], [0]]);
  });

  it('saves the pane’s terms with the workbook, so repeating the run (e.g. bcf run) gives the same figures', async () => {
    const { excel, operations } = setUp(riskShareSeed());
    await operations.run(HALF_AND_HALF_IN_PANE, control());
    // A later session: no pane state, only what the workbook recorded.
    const repeated = await repeatLastRun(new OfficeWorkbook(excel.run), { now: NOW });
    expect(repeated.ok && repeated.headline).toEqual([
      { label: 'Gain', text: '£2,175,000.00' },
      { label: 'Circle', text: '£1,087,500.00' },
      { label: 'Bedfordshire CCG', text: '£1,087,500.00' },
    ]);
  });

  it('applies pane caps and quality through the terms parameter', async () => {
    const { operations } = setUp(pooledFundSeed());
    const outcome = await operations.run(
      paneTerms({ Circle: '1000000' }, 'Bedfordshire CCG'),
      control(),
    );
    expect(outcome).toMatchObject({
      ok: true,
      headline: [
        { label: 'Gain', value: '£2,175,000.00' },
        { label: 'Circle', value: '£1,000,000.00' },
        { label: 'Bedfordshire CCG', value: '£1,175,000.00' },
      ],
    });
  });
});

describe('pane operations: gain/loss terms the engine refuses', () => {
  it('names the pane’s terms and the path when the engine refuses them (the overflow party capped), writing nothing', async () => {
    const { excel, operations } = setUp(pooledFundSeed());
    const outcome = await operations.run(paneTerms({ 'Bedfordshire CCG': '1000000' }), control());
    expect(outcome).toEqual({
      ok: false,
      reason: 'invalid',
      findings: [
        {
          code: 'PARAMETER.INVALID',
          message:
            'Gain/loss terms set in the pane: caps.gain.Bedfordshire CCG: caps.gain caps "Bedfordshire CCG", which is overflowTo: the overflow party cannot be capped.',
        },
      ],
    });
    expect(excel.sheet('BCF Results - Gain share')).toBeUndefined();
  });
});

describe('pane operations: planning template, every mechanism, sharing', () => {
  it('creates the planning template, points at its first input cell, and every mechanism runs on its examples', async () => {
    const { excel, operations } = setUp({});
    const created = await operations.createTemplate();
    expect(created.sheets).toEqual(
      expect.arrayContaining(['Contributions', 'Contracts', 'Checks']),
    );
    expect(created.firstInput).toEqual({
      sheet: 'Contributions',
      address: expect.any(String) as string,
    });
    const overview = await operations.overview();
    expect(overview.mechanisms.every((m) => m.ready)).toBe(true);
    expect(overview.contracts.map((c) => [c.id, c.hasBands])).toEqual([['MSK1', true]]);
    let forms = initialForms(overview.contracts, overview.partners);
    forms = {
      ...forms,
      simple: { checks: { socialCareMinimum: '0', nhsOutOfHospitalMinimum: '0' } },
    };
    const written: string[] = [];
    for (const mechanism of MECHANISM_IDS) {
      const built = buildRequest(mechanism, forms);
      if (!built.ok) throw new Error(`${mechanism}: ${JSON.stringify(built.errors)}`);
      const outcome = await operations.run(built.request, control());
      if (!outcome.ok) throw new Error(`${mechanism}: ${JSON.stringify(outcome)}`);
      written.push(outcome.resultSheet.sheet);
      expect(excel.values(outcome.resultSheet.sheet, 'A1')[0]?.[0]).toBe(
        `BCF results: ${outcome.title}`,
      );
    }
    expect(written).toHaveLength(MECHANISM_IDS.length);
  });

  it('refuses a second template rather than overwrite what was typed', async () => {
    const { operations } = setUp({});
    await operations.createTemplate();
    await expect(operations.createTemplate()).rejects.toMatchObject({ code: 'TEMPLATE.EXISTS' });
  });

  it('prepares for sharing and restores the BCF formulas', async () => {
    const { excel, operations } = setUp({
      sheets: [
        {
          name: 'Plan',
          cells: { B2: { value: 26500000, formula: '=BCF.CAPITATION(A1:A2,B1:B2)' }, B3: 7 },
        },
      ],
    });
    expect(await operations.prepareForSharing()).toEqual({
      cells: 1,
      recordSheet: 'BCF Shared formulas',
    });
    expect(excel.cell('Plan', 'B2')?.formula).toBeUndefined();
    expect(excel.values('Plan', 'B2')).toEqual([[26500000]]);
    expect(await operations.restoreFormulas()).toEqual({
      cells: 1,
      recordSheet: 'BCF Shared formulas',
    });
    expect(excel.cell('Plan', 'B2')?.formula).toBe('=BCF.CAPITATION(A1:A2,B1:B2)');
  });
});

describe('pane operations: what the workbook remembers', () => {
  it('offers the plan checks’ minima used last time in this workbook', async () => {
    const { operations } = setUp({});
    await operations.createTemplate();
    expect((await operations.overview()).savedPlanChecks).toBeUndefined();
    const minima = { socialCareMinimum: '2500000', nhsOutOfHospitalMinimum: '3000000' };
    await operations.runPlanChecks(minima, control());
    expect((await operations.overview()).savedPlanChecks).toEqual(minima);
  });
});

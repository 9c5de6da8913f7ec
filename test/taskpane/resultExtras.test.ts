import { OfficeWorkbook } from '../../src/adapters/office/index';
import { paneOutcome } from '../../src/taskpane/layer/runOutcome';
import type { RunControl, RunSuccess } from '../../src/taskpane/operations';
import { workbookOperations } from '../../src/taskpane/workbookOperations';
import { runMechanism } from '../../src/workbook/run';
import { createMemoryExcel } from '../support/memory-excel';
import { FakeWorkbook } from '../workbook/support/fakeWorkbook';
import { kindTable } from '../workbook/support/kindTable';
import { riskShareSeed } from './workbookSeeds';

const now = new Date('2025-06-01T14:03:05Z');
const control: RunControl = { signal: new AbortController().signal, onProgress: () => undefined };

function success(outcome: unknown): RunSuccess {
  expect(outcome).toMatchObject({ ok: true });
  return outcome as RunSuccess;
}

describe('what the pane shows of a run beyond its headline', () => {
  it('a funding envelope (B&NES pool, 7% over four years): headroom and shortfall by year, and the sheet’s chart', async () => {
    const book = new FakeWorkbook([kindTable('contributions'), kindTable('plannedSpend')]);
    const changes = [
      {
        name: 'Net budget reduction',
        totalOverYears: '-7%',
        overYears: 4,
        phasing: 'straightLine',
      },
    ];
    const layer = await runMechanism(book, 'envelope', { years: 4, changes }, { now });
    const pane = success(paneOutcome(layer, 'Funding envelope', now));
    // Envelope − plan: 24,370 + 12,740 + 1,110 − 10,520 = 27,700.
    expect(pane.envelopeYears).toEqual([
      { year: 1, envelope: '68024370.00', planned: '68000000.00', headroom: '24370.00' },
      { year: 2, envelope: '66812740.00', planned: '66800000.00', headroom: '12740.00' },
      { year: 3, envelope: '65601110.00', planned: '65600000.00', headroom: '1110.00' },
      { year: 4, envelope: '64389480.00', planned: '64400000.00', headroom: '-10520.00' },
    ]);
    expect(pane.headline.at(-1)).toEqual({
      label: 'Cumulative headroom (+) / shortfall (−)',
      value: '£27,700.00',
      kind: 'text',
    });
    expect(pane.charts).toEqual([
      {
        kind: 'column',
        title: 'Funding envelope and planned spend by year',
        categoryTitle: 'Plan year',
        valueTitle: 'Amount (£)',
        categories: ['Year 1', 'Year 2', 'Year 3', 'Year 4'],
        figure: 'money',
        series: [
          { name: 'Envelope', values: ['68024370', '66812740', '65601110', '64389480'] },
          { name: 'Planned spend', values: ['68000000', '66800000', '65600000', '64400000'] },
        ],
      },
    ]);
  });

  it('plan checks that pass on a £0 minimum are named; with the minima given, none are', async () => {
    const book = new FakeWorkbook([kindTable('income'), kindTable('schemes')]);
    const zero = { socialCareMinimum: 0, nhsOutOfHospitalMinimum: 0 };
    const onZero = success(
      paneOutcome(await runMechanism(book, 'checks', zero, { now }), 'x', now),
    );
    expect(onZero.zeroMinima).toEqual([
      'Adult social care from the minimum NHS contribution meets the required minimum',
      'NHS-commissioned out-of-hospital spend from the minimum NHS contribution meets the required minimum',
    ]);
    const given = { socialCareMinimum: 1000, nhsOutOfHospitalMinimum: 1000 };
    const withMinima = success(
      paneOutcome(await runMechanism(book, 'checks', given, { now }), 'x', now),
    );
    expect(withMinima.zeroMinima).toBeUndefined();
    // The Checks sheet has no chart, so neither has the pane.
    expect(withMinima.charts).toBeUndefined();
  });

  it('says what the gate did to the Bedfordshire gain (8.64% of expected spend)', async () => {
    const excel = createMemoryExcel(riskShareSeed());
    const operations = workbookOperations(new OfficeWorkbook(excel.run), { now: () => now });
    const run = (fraction: string) =>
      operations.run(
        {
          mechanism: 'gainshare',
          params: {
            terms: 'workbook',
            parties: ['Circle', 'Bedfordshire CCG'],
            gate: { fraction, holder: 'Bedfordshire CCG', appliesTo: 'gains' },
          },
        },
        control,
      );
    expect(success(await run('0.1')).gate).toBe(
      'Saving 8.64% is below the 10% gate: no sharing; all £2,175,000.00 goes to Bedfordshire CCG.',
    );
    // Just below the gate, the ratio is not rounded up to it.
    expect(success(await run('0.0864')).gate).toBe(
      'Saving 8.6395% is below the 8.64% gate: no sharing; all £2,175,000.00 goes to Bedfordshire CCG.',
    );
    const met = success(await run('0.033'));
    expect(met.gate).toBe('Saving 8.64% reaches the 3.3% gate: shared from the first pound.');
    expect(met.charts?.[0]).toMatchObject({
      kind: 'bar',
      title: 'Gain share by party',
      categories: ['Circle', 'Bedfordshire CCG'],
      series: [{ name: 'Gain received' }],
    });
  });
});

/**
 * What the overview reads of the parameters each mechanism's last run saved (Office
 * adapter over the in-memory Excel), what it does with damaged settings, and what the
 * reading costs in Office syncs.
 */
import { OfficeWorkbook } from '../../src/adapters/office/index';
import type { Workbook, WorkbookSettings } from '../../src/ports/workbook';
import { initialForms } from '../../src/taskpane/forms/request';
import { workbookOverview } from '../../src/taskpane/layer/overview';
import type { RunControl } from '../../src/taskpane/operations';
import { workbookOperations } from '../../src/taskpane/workbookOperations';
import { createMemoryExcel } from '../support/memory-excel';
import { pooledFundSeed } from './workbookSeeds';

const NOW = new Date('2025-06-01T14:03:05Z');
const control = (): RunControl => ({
  signal: new AbortController().signal,
  onProgress: () => undefined,
});

/** The B&NES pooled fund with agreed shares, then Bedfordshire MSK (King's Fund 2014) with the pane's bands. */
async function twoRuns() {
  const excel = createMemoryExcel(pooledFundSeed());
  const workbook = new OfficeWorkbook(excel.run);
  const operations = workbookOperations(workbook, { now: () => NOW });
  await operations.run(
    {
      mechanism: 'pool',
      params: {
        rule: 'fixed',
        fixedShares: { 'B&NES CCG': '0.4', 'B&NES Council': '0.6' },
        unbudgetedSpend: 'error',
      },
    },
    control(),
  );
  await operations.run(
    {
      mechanism: 'gainshare',
      params: {
        terms: 'pane',
        parties: ['Circle', 'Bedfordshire CCG'],
        editor: {
          bandLimits: 'amount',
          gainBands: [
            { upTo: '1258750', shares: { Circle: '1', 'Bedfordshire CCG': '0' } },
            { shares: { Circle: '0.5', 'Bedfordshire CCG': '0.5' } },
          ],
        },
      },
    },
    control(),
  );
  return { excel, workbook, operations };
}

describe('the overview’s saved parameters', () => {
  it('gives each mechanism run here its saved parameters and the last run, and the forms start from them', async () => {
    const { operations } = await twoRuns();
    const overview = await operations.overview();
    expect(Object.keys(overview.savedParams ?? {})).toEqual(['pool', 'gainshare']);
    expect(overview.savedParams?.pool).toEqual({
      rule: 'fixed',
      unbudgetedSpend: 'error',
      fixedShares: { 'B&NES CCG': '0.4', 'B&NES Council': '0.6' },
    });
    // The editor's terms, saved as the `terms` parameter the run was given.
    expect(overview.savedParams?.gainshare).toEqual({
      terms: {
        gainBands: [
          { upToAmount: '1258750', shares: { Circle: '1', 'Bedfordshire CCG': '0' } },
          { shares: { Circle: '0.5', 'Bedfordshire CCG': '0.5' } },
        ],
      },
    });
    expect(overview.lastRun).toEqual({ mechanism: 'gainshare', at: NOW });
    const forms = initialForms(
      overview.contracts,
      overview.partners,
      overview.savedPlanChecks,
      overview.savedParams,
    );
    expect(forms.restored).toEqual(['pool', 'gainshare']);
    expect(forms.gainLoss).toMatchObject({
      terms: 'pane',
      bandLimits: 'amount',
      gainBands: [
        { upTo: '1258750', shares: { Circle: '100', 'Bedfordshire CCG': '0' } },
        { upTo: '', shares: { Circle: '50', 'Bedfordshire CCG': '50' } },
      ],
      symmetric: true,
    });
  });

  it('passes over settings it cannot read: not JSON, not a record, a last run without a date', async () => {
    const { workbook, operations } = await twoRuns();
    await workbook.settings.set({
      'bcf.params.pool': '{"rule": "fixed",',
      'bcf.params.capitation': '[1, 2]',
      'bcf.lastRun': JSON.stringify({ mechanism: 'gainshare', params: {}, at: 'yesterday' }),
    });
    const overview = await operations.overview();
    expect(Object.keys(overview.savedParams ?? {})).toEqual(['gainshare']);
    expect(overview.lastRun).toBeUndefined();
    expect(
      initialForms(overview.contracts, overview.partners, undefined, overview.savedParams).restored,
    ).toEqual(['gainshare']);
  });

  it('reads every saved setting in one read of the settings sheet (key by key, together, where the port cannot)', async () => {
    const { excel, workbook } = await twoRuns();
    const inMemory: WorkbookSettings = {
      get: () => Promise.resolve(undefined),
      set: () => Promise.resolve(),
    };
    const withoutSettings = Object.create(workbook, { settings: { value: inMemory } }) as Workbook;
    const syncs = async (subject: Workbook, work: (w: Workbook) => Promise<unknown>) => {
      const before = excel.syncCount;
      await work(subject);
      return excel.syncCount - before;
    };
    const tablesOnly = await syncs(withoutSettings, workbookOverview);
    const oneSetting = await syncs(workbook, (w) => w.settings.get('bcf.lastRun'));
    const whole = await syncs(workbook, workbookOverview);
    expect(oneSetting).toBe(2);
    expect(whole).toBe(tablesOnly + oneSetting);
    let pending = 0;
    let most = 0;
    const counting: WorkbookSettings = {
      get: async (key) => {
        pending++;
        most = Math.max(most, pending);
        const value = await workbook.settings.get(key);
        pending--;
        return value;
      },
      set: (entries) => workbook.settings.set(entries),
    };
    await workbookOverview(Object.create(workbook, { settings: { value: counting } }) as Workbook);
    // The last run, the eight mechanisms' parameters and the saved column mapping, together.
    expect(most).toBe(10);
  });
});

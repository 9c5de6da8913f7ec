/** @jest-environment jsdom */
import './domStubs';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { dimmedUnder, placeOf } from './paneText';
import { OfficeWorkbook } from '../../src/adapters/office/index';
import { App } from '../../src/taskpane/App';
import { STALE_TEXT } from '../../src/taskpane/components/RunSection';
import { OWN_WRITES_SETTLE_MS } from '../../src/taskpane/components/Workflow';
import { workbookOperations } from '../../src/taskpane/workbookOperations';
import { createMemoryExcel, type MemoryExcel } from '../support/memory-excel';
import { BEDFORDSHIRE_RESULT, FakeOperations } from './fakeOperations';
import { openTab, paneRead } from './paneTabs';
import { pooledFundSeed } from './workbookSeeds';

/** Lets Excel deliver its change events and the adapter look up their sheets. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  }
}

/** The B&NES pool with a BCF formula on one of the user's sheets, to share and restore. */
function poolWithFormula(excelApi: string): MemoryExcel {
  const seed = pooledFundSeed();
  return createMemoryExcel(
    {
      ...seed,
      sheets: [
        ...(seed.sheets ?? []),
        {
          name: 'Plan',
          cells: {
            A1: 'Capitation budget',
            B1: { value: 26500000, formula: '=BCF.CAPITATION(265000,100)' },
          },
        },
      ],
    },
    { behaviour: { excelApi } },
  );
}

/** Presses `action` in the Share tab, confirms with `confirm`, and waits for `done`. */
async function share(action: string, confirm: string, done: string): Promise<void> {
  openTab('Share');
  fireEvent.click(screen.getByRole('button', { name: action }));
  fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: confirm }));
  await screen.findByText(done, {}, { timeout: 10_000 });
}

function renderPane(excel: MemoryExcel): void {
  const workbook = new OfficeWorkbook(excel.run, {
    isSetSupported: (name, version) => excel.isSetSupported(name, version),
  });
  render(<App host={{ kind: 'excel', operations: workbookOperations(workbook), dark: false }} />);
}

/** The figures shown for the pool, as "label: figure". */
async function poolFigures(): Promise<string[]> {
  const figures = await screen.findByLabelText('Pooled fund figures', {}, { timeout: 10_000 });
  return within(figures)
    .getAllByRole('rowheader')
    .map((th) => `${th.textContent ?? ''}: ${th.nextElementSibling?.textContent ?? ''}`);
}

/**
 * Opens the pane on `excel` and runs the B&NES pool, which shows £69,236,000.00; then lets
 * Excel report the run's own writes (its result sheet and settings).
 */
async function runPool(excel: MemoryExcel): Promise<void> {
  renderPane(excel);
  await paneRead();
  fireEvent.change(screen.getByRole('combobox', { name: 'Calculation' }), {
    target: { value: 'pool' },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Run Pooled fund' }));
  expect(await poolFigures()).toContain('Pool: £69,236,000.00');
  await settle();
}

describe('results marked out of date when the user edits the workbook in Excel', () => {
  it('dims the B&NES pool once the user types a new contribution, not for the run’s own writes; Run again clears it', async () => {
    const excel = createMemoryExcel(pooledFundSeed());
    await runPool(excel);
    expect(excel.model.sheets.map((sheet) => sheet.name)).toContain('BCF_Settings');
    expect(screen.queryByText(STALE_TEXT)).toBeNull();

    // The council's contribution goes up by £1m in Excel, with the pane open.
    act(() => excel.userTypes('Pooled fund', 'C3', 41888000));
    expect(placeOf(await screen.findByText(STALE_TEXT))).toBe('Results › Results: Pooled fund');
    expect(dimmedUnder(STALE_TEXT)).toBe(true);
    expect(document.querySelector('[data-stale]')?.textContent).toContain('£69,236,000.00');

    // Run again reads the workbook as it is now; its results are current.
    fireEvent.click(screen.getByRole('button', { name: 'Run again' }));
    await waitFor(async () => expect(await poolFigures()).toContain('Pool: £70,236,000.00'), {
      timeout: 10_000,
    });
    await settle();
    expect(screen.queryByText(STALE_TEXT)).toBeNull();
  });

  it.each([
    ['ExcelApi 1.14: Excel says the writes are the add-in’s (triggerSource)', '1.14', 0],
    [
      'ExcelApi 1.13: no triggerSource, so changes just after the pane’s own action are taken as its own',
      '1.13',
      OWN_WRITES_SETTLE_MS + 100,
    ],
  ])(
    'prepare for sharing and restore after a run do not dim its results; the user’s edit of an input does (%s)',
    async (_, excelApi, wait) => {
      const excel = poolWithFormula(excelApi);
      await runPool(excel);

      // Both write the user's sheet Plan (a value for the formula, then the formula back),
      // and Excel raises onChanged for each.
      await share('Prepare for sharing', 'Replace formulas with values', 'Prepared for sharing.');
      await settle();
      expect(excel.cell('Plan', 'B1')?.formula).toBeUndefined();
      expect(excel.cell('Plan', 'B1')?.value).toBe(26500000);
      expect(screen.queryByText(STALE_TEXT)).toBeNull();
      await share('Restore formulas', 'Restore formulas', 'Formulas restored.');
      await settle();
      expect(excel.cell('Plan', 'B1')?.formula).toBe('=BCF.CAPITATION(265000,100)');
      expect(screen.queryByText(STALE_TEXT)).toBeNull();

      // The council's contribution, typed by the user: the results no longer match.
      await act(() => new Promise((resolve) => setTimeout(resolve, wait)));
      act(() => excel.userTypes('Pooled fund', 'C3', 41888000));
      expect(placeOf(await screen.findByText(STALE_TEXT))).toBe('Results › Results: Pooled fund');
      expect(dimmedUnder(STALE_TEXT)).toBe(true);
    },
  );

  it('subscribes once after the first read, ignores edits before any run, and unsubscribes on unmount', async () => {
    const ops = new FakeOperations();
    ops.immediate = BEDFORDSHIRE_RESULT;
    const { unmount } = render(<App host={{ kind: 'excel', operations: ops, dark: false }} />);
    await paneRead();
    await waitFor(() => expect(ops.changeListeners.size).toBe(1));
    act(() => ops.userEdits({ sheet: 'Contracts', address: 'H2' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Calculation' }), {
      target: { value: 'capitation' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Run Capitation' }));
    await screen.findByRole('heading', { name: 'Results: Capitation' });
    // The edit came before the run, which read it.
    expect(screen.queryByText(STALE_TEXT)).toBeNull();
    openTab('Workbook');
    fireEvent.click(screen.getByRole('button', { name: 'Read the workbook again' }));
    await screen.findByText('Read the workbook again.');
    openTab('Results');
    act(() => ops.userEdits({ sheet: 'Contracts', address: 'H2' }));
    expect(placeOf(screen.getByText(STALE_TEXT))).toBe('Results › Results: Capitation');
    expect(dimmedUnder(STALE_TEXT)).toBe(true);
    expect(ops.calls.filter((c) => c === 'onWorkbookChanged')).toHaveLength(1);
    unmount();
    await waitFor(() => expect(ops.changeListeners.size).toBe(0));
    expect(ops.calls).toContain('unsubscribe');
  });
});

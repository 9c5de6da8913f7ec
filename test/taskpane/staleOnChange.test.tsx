/** @jest-environment jsdom */
import './domStubs';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { OfficeWorkbook } from '../../src/adapters/office/index';
import { App } from '../../src/taskpane/App';
import { STALE_TEXT } from '../../src/taskpane/components/RunSection';
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

describe('results marked out of date when the user edits the workbook in Excel', () => {
  it('dims the B&NES pool once the user types a new contribution, not for the run’s own writes; Run again clears it', async () => {
    const excel = createMemoryExcel(pooledFundSeed());
    renderPane(excel);
    await paneRead();
    fireEvent.change(screen.getByRole('combobox', { name: 'Calculation' }), {
      target: { value: 'pooledFund' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Run Pooled fund' }));
    expect(await poolFigures()).toContain('Pool: £69,236,000.00');
    // The run wrote its result sheet and settings; Excel reports those writes too.
    await settle();
    expect(excel.model.sheets.map((sheet) => sheet.name)).toContain('BCF_Settings');
    expect(screen.queryByText(STALE_TEXT)).toBeNull();

    // The council's contribution goes up by £1m in Excel, with the pane open.
    act(() => excel.userTypes('Pooled fund', 'C3', 41888000));
    expect(await screen.findByText(STALE_TEXT)).toBeTruthy();
    expect(document.querySelector('[data-stale]')?.textContent).toContain('£69,236,000.00');

    // Run again reads the workbook as it is now; its results are current.
    fireEvent.click(screen.getByRole('button', { name: 'Run again' }));
    await waitFor(async () => expect(await poolFigures()).toContain('Pool: £70,236,000.00'), {
      timeout: 10_000,
    });
    await settle();
    expect(screen.queryByText(STALE_TEXT)).toBeNull();
  });

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
    expect(screen.getByText(STALE_TEXT)).toBeTruthy();
    expect(ops.calls.filter((c) => c === 'onWorkbookChanged')).toHaveLength(1);
    unmount();
    await waitFor(() => expect(ops.changeListeners.size).toBe(0));
    expect(ops.calls).toContain('unsubscribe');
  });
});

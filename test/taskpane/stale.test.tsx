/** @jest-environment jsdom */
import './domStubs';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { dimmedUnder, placeOf } from './paneText';
import { App } from '../../src/taskpane/App';
import { STALE_TEXT } from '../../src/taskpane/components/RunSection';
import type { RunOutcome } from '../../src/taskpane/operations';
import { FakeOperations, FILLED_OVERVIEW } from './fakeOperations';
import { openTab, paneRead } from './paneTabs';

const CAPITATION: RunOutcome = {
  ok: true,
  title: 'Capitation',
  headline: [{ label: 'Total', value: '135990076.86', kind: 'money' }],
  explanation: ['Each year is the last × (1 + uplift) × (1 − efficiency).'],
  resultSheet: { sheet: 'BCF Results - Capitation', address: 'A1' },
  sheetsWritten: ['BCF Results - Capitation'],
  completedAt: new Date(2025, 2, 14, 10, 42),
};

async function runCapitation(ops: FakeOperations): Promise<void> {
  render(<App host={{ kind: 'excel', operations: ops, dark: false }} />);
  await paneRead();
  fireEvent.change(screen.getByRole('combobox', { name: 'Calculation' }), {
    target: { value: 'capitation' },
  });
  fireEvent.click(screen.getByRole('button', { name: 'Run Capitation' }));
  await waitFor(() => expect(ops.runs).toHaveLength(1));
  act(() => ops.runs[0]?.finish(CAPITATION));
  await screen.findByRole('heading', { name: 'Results: Capitation' });
}

describe('results marked out of date', () => {
  it('dims the results once a parameter changes after the run, and Run again clears it', async () => {
    const ops = new FakeOperations();
    await runCapitation(ops);
    expect(screen.queryByText(STALE_TEXT)).toBeNull();
    openTab('Calculate');
    fireEvent.change(screen.getByRole('textbox', { name: 'Annual uplift (%)' }), {
      target: { value: '4' },
    });
    openTab('Results');
    expect(placeOf(screen.getByText(STALE_TEXT))).toBe('Results › Results: Capitation');
    expect(dimmedUnder(STALE_TEXT)).toBe(true);
    expect(document.querySelector('[data-stale]')?.textContent).toContain('£135,990,076.86');
    // Run again runs the parameters as they are now; its results are current.
    fireEvent.click(screen.getByRole('button', { name: 'Run again' }));
    await waitFor(() => expect(ops.runs).toHaveLength(2));
    act(() => ops.runs[1]?.finish(CAPITATION));
    await screen.findByRole('heading', { name: 'Results: Capitation' });
    expect(screen.queryByText(STALE_TEXT)).toBeNull();
    expect(ops.runs[1]?.request).toMatchObject({
      mechanism: 'capitation',
      params: { uplift: '0.04' },
    });
  });

  it('marks the results stale when the workbook read again has other tables', async () => {
    const ops = new FakeOperations();
    await runCapitation(ops);
    ops.overviewNow = {
      ...FILLED_OVERVIEW,
      tables: [
        ...FILLED_OVERVIEW.tables,
        {
          name: 'Population',
          sheet: 'Population',
          headers: ['Segment'],
          rowCount: 3,
          headerRow: 3,
          firstColumn: 1,
        },
      ],
    };
    openTab('Workbook');
    fireEvent.click(screen.getByRole('button', { name: 'Read the workbook again' }));
    expect(placeOf(await screen.findByText('Found 3 input tables; 7 calculations can run.'))).toBe(
      'Workbook',
    );
    openTab('Results');
    expect(placeOf(screen.getByText(STALE_TEXT))).toBe('Results › Results: Capitation');
    expect(dimmedUnder(STALE_TEXT)).toBe(true);
  });
});

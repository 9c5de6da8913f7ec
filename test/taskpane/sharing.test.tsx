/** @jest-environment jsdom */
import './domStubs';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { FakeOperations } from './fakeOperations';

/** Renders the pane and waits until it has read the workbook (actions are disabled before). */
async function renderPane(ops: FakeOperations): Promise<void> {
  render(<App host={{ kind: 'excel', operations: ops, dark: false }} />);
  await screen.findByRole('list', { name: 'Input tables' });
}

describe('sign-off and sharing actions', () => {
  it('asks before preparing for sharing, then says what changed', async () => {
    const ops = new FakeOperations();
    await renderPane(ops);
    fireEvent.click(screen.getByRole('button', { name: 'Prepare for sharing' }));
    const dialog = await screen.findByRole('dialog', { name: 'Prepare for sharing?' });
    expect(dialog.textContent).toContain('Restore formulas');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(ops.calls).not.toContain('prepareForSharing');

    fireEvent.click(screen.getByRole('button', { name: 'Prepare for sharing' }));
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Replace formulas with values',
      }),
    );
    expect(await screen.findByText('Prepared for sharing.')).toBeTruthy();
    expect(
      screen.getByText(
        '12 cells on Plan, Summary now hold their values instead of BCF formulas. Use Restore formulas to put them back.',
      ),
    ).toBeTruthy();
  });

  it('restores formulas after confirmation', async () => {
    const ops = new FakeOperations();
    ops.sharing = { cells: 1, sheets: ['Plan'] };
    await renderPane(ops);
    fireEvent.click(screen.getByRole('button', { name: 'Restore formulas' }));
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Restore formulas' }),
    );
    expect(await screen.findByText('1 cell on Plan has its BCF formula again.')).toBeTruthy();
    expect(ops.calls).toContain('restoreFormulas');
  });

  it('runs plan checks and lists failed checks that select their scheme row', async () => {
    const ops = new FakeOperations();
    await renderPane(ops);
    fireEvent.click(screen.getByRole('button', { name: 'Run plan checks' }));
    await waitFor(() => expect(ops.runs).toHaveLength(1));
    act(() =>
      ops.runs[0]?.finish({
        ok: true,
        title: 'BCF plan checks',
        headline: [
          { label: 'Checks passed', value: '6', kind: 'count' },
          { label: 'Checks failed', value: '1', kind: 'count' },
        ],
        explanation: ['Planned expenditure equals income for every source but DFG.'],
        resultSheet: { sheet: 'Plan checks', address: 'A1' },
        sheetsWritten: ['Plan checks'],
        notes: [
          {
            code: 'PLAN.DFG_NOT_IN_FULL',
            message: 'DFG planned £1,000.00 but income £1,200.00.',
            cell: { sheet: 'Expenditure', address: 'F9' },
          },
        ],
        completedAt: new Date(2025, 0, 31, 16, 0),
      }),
    );
    expect(await screen.findByRole('heading', { name: 'Results: BCF plan checks' })).toBeTruthy();
    const notes = screen.getByRole('list', { name: 'Points to look at' });
    fireEvent.click(within(notes).getByRole('button'));
    await waitFor(() => expect(ops.selected).toEqual([{ sheet: 'Expenditure', address: 'F9' }]));
  });
});

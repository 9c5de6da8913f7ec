/** @jest-environment jsdom */
import './domStubs';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import { FakeOperations, FILLED_OVERVIEW } from './fakeOperations';
import { messageText, placeOf } from './paneText';
import { openTab, paneRead } from './paneTabs';

/** Renders the pane, waits until it has read the workbook, and opens `tab`. */
async function renderPane(
  ops: FakeOperations,
  tab: 'Share' | 'Calculate' = 'Share',
): Promise<void> {
  render(<App host={{ kind: 'excel', operations: ops, dark: false }} />);
  await paneRead();
  openTab(tab);
}

/** The messages shown in the Share tab. */
function shareTab(): HTMLElement {
  return screen.getByRole('tabpanel', { name: 'Share' });
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
    const title = await screen.findByText('Prepared for sharing.');
    expect(shareTab().contains(title)).toBe(true);
    await waitFor(() => expect(document.activeElement?.contains(title)).toBe(true));
    expect(
      placeOf(
        within(shareTab()).getByText(
          '12 cells now hold their values instead of a BCF formula, listed on the sheet “BCF Shared formulas”. Use Restore formulas to put them back.',
        ),
      ),
    ).toBe('Share');
  });

  it('names the cells it could not convert, and why', async () => {
    const ops = new FakeOperations();
    ops.sharing = {
      cells: 2,
      recordSheet: 'BCF Shared formulas',
      notConverted: [
        { sheet: 'Shares', address: 'E6', reason: 'its result is #BUSY!, not a figure' },
      ],
    };
    await renderPane(ops);
    fireEvent.click(screen.getByRole('button', { name: 'Prepare for sharing' }));
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Replace formulas with values',
      }),
    );
    expect(await messageText('Prepared for sharing.')).toBe(
      'Prepared for sharing. 2 cells now hold their values instead of a BCF formula, listed on the sheet “BCF Shared formulas”. Use Restore formulas to put them back. 1 cell still holds its BCF formula, which someone without the add-in will see as #NAME?: Shares!E6 (its result is #BUSY!, not a figure).',
    );
  });

  it('offers Restore only when there is something to restore', async () => {
    await renderPane(new FakeOperations());
    expect(screen.getByRole('button', { name: 'Restore formulas' })).toHaveProperty(
      'disabled',
      true,
    );
    expect(
      placeOf(
        screen.getByText('Nothing to restore: this workbook has not been prepared for sharing.'),
      ),
    ).toBe('Share › Sign-off and sharing');
  });

  it('offers Restore once prepare for sharing has recorded formulas', async () => {
    const ops = new FakeOperations();
    await renderPane(ops);
    fireEvent.click(screen.getByRole('button', { name: 'Prepare for sharing' }));
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', {
        name: 'Replace formulas with values',
      }),
    );
    await screen.findByText('Prepared for sharing.');
    expect(screen.getByRole('button', { name: 'Restore formulas' })).toHaveProperty(
      'disabled',
      false,
    );
  });

  it('restores formulas after confirmation', async () => {
    const ops = new FakeOperations({ ...FILLED_OVERVIEW, canRestore: true });
    ops.sharing = { cells: 1, recordSheet: 'BCF Shared formulas' };
    await renderPane(ops);
    fireEvent.click(screen.getByRole('button', { name: 'Restore formulas' }));
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Restore formulas' }),
    );
    expect(await messageText('Formulas restored.')).toBe(
      'Formulas restored. 1 cell has its BCF formula again, from the sheet “BCF Shared formulas”.',
    );
    expect(ops.calls).toContain('restoreFormulas');
  });

  it('asks for the plan checks’ minima first, then runs the checks with them', async () => {
    const ops = new FakeOperations();
    await renderPane(ops);
    fireEvent.click(screen.getByRole('button', { name: 'Run plan checks' }));
    // The minima are entered under Calculate: the pane goes there and says so there.
    const need = await screen.findByText('Plan checks need their minima.');
    expect(screen.getByRole('tabpanel', { name: 'Calculate' }).contains(need)).toBe(true);
    const social = screen.getByRole('textbox', { name: 'Minimum adult social care spend (£)' });
    await waitFor(() => expect(document.activeElement).toBe(social));
    fireEvent.change(social, { target: { value: '2,500,000' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'NHS out-of-hospital ring-fence (£)' }), {
      target: { value: '3000000' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Run BCF plan checks' }));
    await waitFor(() => expect(ops.runs).toHaveLength(1));
    expect(ops.runs[0]?.request).toEqual({
      mechanism: 'checks',
      params: { socialCareMinimum: '2500000', nhsOutOfHospitalMinimum: '3000000' },
    });
  });

  it('runs plan checks and lists failed checks that select their scheme row', async () => {
    const ops = new FakeOperations();
    await renderPane(ops, 'Calculate');
    fireEvent.change(screen.getByRole('combobox', { name: 'Calculation' }), {
      target: { value: 'checks' },
    });
    for (const name of [
      'Minimum adult social care spend (£)',
      'NHS out-of-hospital ring-fence (£)',
    ]) {
      fireEvent.change(screen.getByRole('textbox', { name }), { target: { value: '0' } });
    }
    openTab('Share');
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
    await screen.findByRole('heading', { name: 'Results: BCF plan checks' });
    const notes = screen.getByRole('list', { name: 'Points to look at' });
    fireEvent.click(within(notes).getByRole('button'));
    await waitFor(() => expect(ops.selected).toEqual([{ sheet: 'Expenditure', address: 'F9' }]));
  });

  it('runs plan checks at once with the minima the workbook remembers', async () => {
    const ops = new FakeOperations({
      ...FILLED_OVERVIEW,
      savedPlanChecks: { socialCareMinimum: '2500000', nhsOutOfHospitalMinimum: '3000000' },
    });
    await renderPane(ops);
    fireEvent.click(screen.getByRole('button', { name: 'Run plan checks' }));
    await waitFor(() => expect(ops.runs).toHaveLength(1));
    expect(ops.runs[0]?.request.params).toEqual({
      socialCareMinimum: '2500000',
      nhsOutOfHospitalMinimum: '3000000',
    });
  });
});

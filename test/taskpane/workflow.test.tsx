/** @jest-environment jsdom */
import './domStubs';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import type { GainLossParams, RunOutcome } from '../../src/taskpane/operations';
import { BEDFORDSHIRE_RESULT, EMPTY_OVERVIEW, FakeOperations } from './fakeOperations';
import { descriptionOf, fieldsIn, paragraphText, placeOf } from './paneText';

function renderPane(ops: FakeOperations, dark = false) {
  const onInteractive = jest.fn();
  const view = render(
    <App host={{ kind: 'excel', operations: ops, dark }} onInteractive={onInteractive} />,
  );
  return { ...view, onInteractive };
}

/** Opens a tab of the pane ("Workbook", "Calculate", "Results", "Share"). */
function openTab(name: string): void {
  fireEvent.click(screen.getByRole('tab', { name }));
}

async function pickMechanism(title: string): Promise<void> {
  const select = await screen.findByRole('combobox', { name: 'Calculation' });
  fireEvent.change(select, {
    target: {
      value: [...(select as HTMLSelectElement).options].find((o) => o.text === title)?.value,
    },
  });
}

describe('task pane workflow (in-memory operations)', () => {
  it('offers the planning template when the workbook has no tables, then links to the first input cell', async () => {
    const ops = new FakeOperations(EMPTY_OVERVIEW);
    const { onInteractive } = renderPane(ops);
    expect(await paragraphText(/^This workbook has no input tables yet\./)).toBe(
      'This workbook has no input tables yet. The calculations read their figures from input tables: start with one of these.',
    );
    expect(placeOf(screen.getByText(/^This workbook has no input tables yet\./))).toBe('Workbook');
    await waitFor(() => expect(onInteractive).toHaveBeenCalledTimes(1));
    // First run: the steps in order, and nothing that cannot run.
    expect(
      within(screen.getByRole('list', { name: 'Getting started' }))
        .getAllByRole('heading')
        .map((h) => h.textContent),
    ).toEqual(['Create the planning template', 'Or map your own ranges', 'Map a range']);
    expect(screen.getByRole('tab', { name: 'Calculate' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('tab', { name: 'Results' })).toHaveProperty('disabled', true);
    expect(screen.queryByRole('button', { name: /^Run / })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Create planning template' }));
    const created = await screen.findByText('Planning template created.');
    // The message is in the Workbook tab, where the button was, and takes focus.
    expect(screen.getByRole('tabpanel', { name: 'Workbook' }).contains(created)).toBe(true);
    await waitFor(() => expect(document.activeElement?.contains(created)).toBe(true));
    // After the first read the pane listens for the user's edits (stale results), once.
    expect(ops.calls).toEqual([
      'overview',
      'scenarios',
      'onWorkbookChanged',
      'createTemplate',
      'overview',
      'scenarios',
    ]);
    expect(placeOf(screen.getByText('2 tables found'))).toBe('Workbook');
    expect(screen.queryByRole('list', { name: 'Input tables' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show the input tables' }));
    expect(screen.getByRole('list', { name: 'Input tables' }).textContent).toContain('Contracts');
    fireEvent.click(screen.getByRole('button', { name: 'Go to the first cell to fill in' }));
    await waitFor(() => expect(ops.selected).toEqual([{ sheet: 'Contracts', address: 'A4' }]));
  });

  it('lists the input tables and which calculations can run', async () => {
    renderPane(new FakeOperations());
    // With tables, the pane opens on Calculate, with the first mechanism that can run.
    const picker = await screen.findByRole<HTMLSelectElement>('combobox', { name: 'Calculation' });
    expect(picker.value).toBe('pool');
    openTab('Workbook');
    expect(placeOf(screen.getByText('2 tables found'))).toBe('Workbook');
    fireEvent.click(screen.getByRole('button', { name: 'Show the input tables' }));
    const tables = screen.getByRole('list', { name: 'Input tables' });
    expect(
      within(tables)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Contracts (Contracts, 1 row)', 'Contributions (Pooled fund, 2 rows)']);
    openTab('Calculate');
    await pickMechanism('BCF payment for performance');
    expect(placeOf(screen.getByText('Needs the table Admissions (missing or empty).'))).toBe(
      'Calculate',
    );
    const run = screen.getByRole('button', { name: 'Run BCF payment for performance' });
    expect(run).toHaveProperty('disabled', true);
    // A screen reader on the disabled Run hears why it cannot run.
    expect(descriptionOf(run)).toBe('Needs the table Admissions (missing or empty).');
  });

  it('runs the Bedfordshire tiered share (King’s Fund 2014): progress, figures in £, explanation, link to the sheet', async () => {
    const ops = new FakeOperations();
    renderPane(ops);
    await pickMechanism('Gain/loss share');
    fireEvent.change(screen.getByRole('combobox', { name: 'Published scheme' }), {
      target: { value: 'bedfordshire' },
    });
    expect(
      screen.getByText(
        /Now using Bedfordshire tiered share \(Provider: Circle; Commissioner: Bedfordshire CCG\)/,
      ).textContent,
    ).toBe(
      'Now using Bedfordshire tiered share (Provider: Circle; Commissioner: Bedfordshire CCG). Check the terms below.',
    );
    expect(fieldsIn(screen.getByRole('group', { name: 'Gain band 1' }))).toEqual([
      ['Ends at (% of expected spend)', '5'],
      ['Circle share (%)', '100'],
      ['Bedfordshire CCG share (%)', '0'],
    ]);
    expect(fieldsIn(screen.getByRole('group', { name: 'Gain band 2: the rest' }))).toEqual([
      ['Circle share (%)', '50'],
      ['Bedfordshire CCG share (%)', '50'],
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Run Gain/loss share' }));

    await waitFor(() => expect(ops.runs).toHaveLength(1));
    const held = ops.runs[0];
    if (held === undefined) throw new Error('no run');
    const params = held.request.params as GainLossParams;
    expect(params.editor?.gainBands[0]).toEqual({
      upTo: '0.05',
      shares: { Circle: '1', 'Bedfordshire CCG': '0' },
    });
    act(() => held.control.onProgress({ step: 'Reading the tables', done: 1, total: 4 }));
    expect(placeOf(screen.getByText('Step 2 of 4: Reading the tables'))).toBe(
      'Results › Running: Gain/loss share',
    );
    expect(
      screen
        .getByRole('progressbar', { name: 'Running Gain/loss share' })
        .getAttribute('aria-valuenow'),
    ).toBe('0.25');
    expect(screen.getByRole('button', { name: 'Run Gain/loss share' })).toHaveProperty(
      'disabled',
      true,
    );

    act(() => held.finish(BEDFORDSHIRE_RESULT));
    const heading = await screen.findByRole('heading', { name: 'Results: Gain/loss share' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const figures = screen.getByLabelText('Gain/loss share figures');
    expect(figures.textContent).toContain('Circle£1,716,875.00');
    expect(figures.textContent).toContain('Bedfordshire CCG£458,125.00');
    expect(figures.textContent).toContain('8.64%');
    expect(placeOf(screen.getByText('Written 14/03/2025 10:42 to Gain-loss share.'))).toBe(
      'Results › Results: Gain/loss share',
    );
    // The explanation is collapsed under the figures until opened.
    fireEvent.click(screen.getByRole('button', { name: 'How these were reached' }));
    const bands = screen.getByText('Band 2: £916,250.00 split 50:50.').closest('ol');
    expect([...(bands?.children ?? [])].map((li) => li.textContent)).toEqual([
      'Band 1: the first £1,258,750.00 to Circle.',
      'Band 2: £916,250.00 split 50:50.',
    ]);
    fireEvent.click(
      screen.getByRole('button', { name: 'Go to the result sheet (Gain-loss share)' }),
    );
    await waitFor(() =>
      expect(ops.selected).toEqual([{ sheet: 'Gain-loss share', address: 'A1' }]),
    );
  });

  it('shows validation findings; clicking one selects its cell; nothing written', async () => {
    const ops = new FakeOperations();
    const rejected: RunOutcome = {
      ok: false,
      reason: 'invalid',
      findings: [
        {
          code: 'INPUT.NOT_AN_AMOUNT',
          message: '"tbc" is not an amount.',
          cell: { sheet: 'Contracts', address: 'H4' },
        },
        { code: 'TABLE.MISSING', message: 'The Metrics table is missing.' },
      ],
    };
    ops.immediate = rejected;
    renderPane(ops);
    fireEvent.click(await screen.findByRole('button', { name: 'Run Pooled fund' }));
    expect(
      placeOf(await screen.findByRole('heading', { name: 'Pooled fund: fix these first' })),
    ).toBe('Results › Pooled fund: fix these first');
    const list = screen.getByRole('list', { name: 'Problems found' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Contracts!H4: "tbc" is not an amount.', 'The Metrics table is missing.']);
    // Styled as errors: each with the error icon (not colour alone).
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.querySelector('svg.fui-Icon') !== null),
    ).toEqual([true, true]);
    fireEvent.click(
      within(list).getByRole('button', { name: 'Contracts!H4: "tbc" is not an amount.' }),
    );
    await waitFor(() => expect(ops.selected).toEqual([{ sheet: 'Contracts', address: 'H4' }]));
    expect(screen.getByText(/Nothing was written/).textContent).toBe(
      'Nothing was written. Select a problem to go to its cell, correct it, then run again.',
    );
    expect(placeOf(screen.getByText(/Nothing was written/))).toBe(
      'Results › Pooled fund: fix these first',
    );
  });

  it('cancels a run before it writes', async () => {
    const ops = new FakeOperations();
    renderPane(ops);
    fireEvent.click(await screen.findByRole('button', { name: 'Run Pooled fund' }));
    await waitFor(() => expect(ops.runs).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel run' }));
    expect(ops.runs[0]?.control.signal.aborted).toBe(true);
    expect(
      placeOf(
        await screen.findByText('The run was cancelled before writing: the workbook is unchanged.'),
      ),
    ).toBe('Results › Pooled fund: cancelled');
    expect(screen.getByRole('button', { name: 'Run Pooled fund' })).toHaveProperty(
      'disabled',
      false,
    );
  });

  it('no longer offers Cancel once the run is writing', async () => {
    const ops = new FakeOperations();
    renderPane(ops);
    fireEvent.click(await screen.findByRole('button', { name: 'Run Pooled fund' }));
    await waitFor(() => expect(ops.runs).toHaveLength(1));
    act(() =>
      ops.runs[0]?.control.onProgress({
        step: 'Writing the results',
        done: 3,
        total: 4,
        cancellable: false,
      }),
    );
    expect(screen.getByRole('button', { name: 'Cancel run' })).toHaveProperty('disabled', true);
    expect(
      placeOf(screen.getByText('Writing the results: the run can no longer be cancelled.')),
    ).toBe('Results › Running: Pooled fund');
  });

  it('checks parameters before running and moves focus to the first bad one', async () => {
    const ops = new FakeOperations();
    renderPane(ops);
    await pickMechanism('Capitation');
    const uplift = screen.getByRole('textbox', { name: 'Annual uplift (%)' });
    fireEvent.change(uplift, { target: { value: 'lots' } });
    fireEvent.click(screen.getByRole('button', { name: 'Run Capitation' }));
    expect(placeOf(await screen.findByText('1 parameter needs correcting before the run.'))).toBe(
      'Calculate',
    );
    expect(descriptionOf(uplift)).toBe(
      '"lots" is not a percentage, e.g. 5 or 2.5. The yearly rise in the budget per person, before efficiency.',
    );
    await waitFor(() => expect(document.activeElement).toBe(uplift));
    expect(uplift.getAttribute('aria-invalid')).toBe('true');
    expect(ops.calls).not.toContain('run:capitation');
  });

  it('reports an unexpected failure without claiming anything was written', async () => {
    const ops = new FakeOperations();
    ops.failWith = Object.assign(new Error('The sheet "Pooled fund" is protected.'), {
      code: 'SHEET.PROTECTED',
    });
    renderPane(ops);
    fireEvent.click(await screen.findByRole('button', { name: 'Run Pooled fund' }));
    const alert = await screen.findByText(
      'The sheet "Pooled fund" is protected. Nothing was written.',
    );
    expect(alert.textContent).not.toContain('SHEET.PROTECTED');
    // The code is for support, behind Details.
    const details = screen.getByText('Details').closest('details');
    expect(details?.open).toBe(false);
    expect(details?.textContent).toBe('DetailsError code: SHEET.PROTECTED');
  });

  it('asks before replacing a user’s sheet in the way, then runs again with consent', async () => {
    const ops = new FakeOperations();
    ops.immediate = {
      ok: false,
      reason: 'userSheet',
      sheet: 'BCF Results - Pooled fund',
      message: 'The sheet "BCF Results - Pooled fund" was not made by the add-in.',
    };
    renderPane(ops);
    fireEvent.click(await screen.findByRole('button', { name: 'Run Pooled fund' }));
    expect(
      placeOf(await screen.findByRole('heading', { name: 'Pooled fund: a sheet is in the way' })),
    ).toBe('Results › Pooled fund: a sheet is in the way');
    expect(await paragraphText('The sheet "BCF Results - Pooled fund"')).toBe(
      'The sheet "BCF Results - Pooled fund" was not made by the add-in. Nothing was written.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Replace the sheet' }));
    ops.immediate = undefined;
    fireEvent.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Replace and run' }),
    );
    await waitFor(() => expect(ops.runs).toHaveLength(1));
    expect(ops.runs[0]?.control.replaceUserSheets).toBe(true);
  });

  it('says the result sheet may be incomplete when a run fails while writing', async () => {
    const ops = new FakeOperations();
    renderPane(ops);
    fireEvent.click(await screen.findByRole('button', { name: 'Run Pooled fund' }));
    await waitFor(() => expect(ops.runs).toHaveLength(1));
    act(() =>
      ops.runs[0]?.control.onProgress({
        step: 'Writing the result sheet',
        done: 2,
        total: 3,
        cancellable: false,
      }),
    );
    act(() => ops.runs[0]?.fail(new Error('The host went away.')));
    expect(
      placeOf(
        await screen.findByText(
          'The host went away. It stopped while writing the results, so the result sheet may be incomplete: run it again to replace it.',
        ),
      ),
    ).toBe('Results › Pooled fund: the run failed');
  });
});

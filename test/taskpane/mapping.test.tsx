/** @jest-environment jsdom */
/**
 * The pane's column mapping over the in-memory Excel (the real operations, the Office
 * adapter): a plain range whose headers no kind knows is selected, mapped as the
 * pooled fund's contributions, previewed as a run reads it (£000 scaled), saved under
 * `bcf.mapping`, run, and read again on reopening; once its header is renamed, the
 * saved mapping's finding names the header row.
 */
import './domStubs';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { messageText, placeOf } from './paneText';
import { OfficeWorkbook } from '../../src/adapters/office/index';
import { App } from '../../src/taskpane/App';
import { workbookOperations } from '../../src/taskpane/workbookOperations';
import { FakeOperations } from './fakeOperations';
import { openTab } from './paneTabs';
import { createMemoryExcel, type MemoryExcel } from '../support/memory-excel';
import { touchCell } from '../support/memory-excel/model';

const SHEET = 'Pool 2025-26';

/** B&NES community services OBC (2015), Table 3, in £000 under a title block, headers of the team's own. */
function teamWorkbook(): MemoryExcel {
  return createMemoryExcel({
    sheets: [
      {
        name: SHEET,
        rows: {
          values: [
            ['B&NES pooled fund 2025-26'],
            [],
            ['Who pays', 'Line', 'Pledge (£000)', 'Notes'],
            ['B&NES CCG', 'Community services', 28348, ''],
            ['B&NES Council', 'Community services', 40888, 'Adult social care'],
            ['Total', '', 69236, ''],
          ],
        },
      },
    ],
  });
}

function renderPane(excel: MemoryExcel): void {
  const operations = workbookOperations(new OfficeWorkbook(excel.run));
  render(<App host={{ kind: 'excel', operations, dark: false }} />);
}

/** Picks a field's column by the option's text, as the user would. */
function choose(field: string, option: string): void {
  const select = screen.getByRole<HTMLSelectElement>('combobox', { name: field });
  const value = [...select.options].find((o) => o.text === option)?.value;
  if (value === undefined) throw new Error(`no option ${option} for ${field}`);
  fireEvent.change(select, { target: { value } });
}

function mappingSection(): HTMLElement {
  return screen.getByRole('region', { name: 'Map a range' });
}

describe('mapping a range in the pane', () => {
  afterEach(cleanup);

  it('select → map → preview → save → run → reopen, then a renamed header is a finding', async () => {
    const excel = teamWorkbook();
    renderPane(excel);
    expect((await screen.findByText(/^This workbook has no input tables yet\./)).textContent).toBe(
      'This workbook has no input tables yet. The calculations read their figures from input tables: start with one of these.',
    );

    // The user selects the range in Excel and says what it holds.
    excel.userSelects(SHEET, 'A3:D5');
    fireEvent.click(
      await screen.findByRole('button', { name: 'Use the selection as Contributions' }),
    );
    expect(
      placeOf(
        await screen.findByRole('heading', {
          name: "Columns of Contributions: header row 'Pool 2025-26'!A3:D3",
        }),
      ),
    ).toBe('Workbook › Map a range');
    // Focus lands on the mapping step.
    await waitFor(() =>
      expect(document.activeElement?.textContent).toBe(
        "Columns of Contributions: header row 'Pool 2025-26'!A3:D3",
      ),
    );
    // No header is one the add-in knows, so nothing is guessed: saving is blocked.
    const section = mappingSection();
    expect(
      placeOf(within(section).getByText('Map every required field (each once) before saving.')),
    ).toBe('Workbook › Map a range');
    expect(
      placeOf(
        within(section).getByText(
          'Partner is required: choose the column that holds it, or select another range.',
        ),
      ),
    ).toBe('Workbook › Map a range');
    expect(within(section).getByRole('button', { name: 'Save the mapping' })).toHaveProperty(
      'disabled',
      true,
    );

    choose('Partner', 'Who pays (A3)');
    choose('Scheme', 'Line (B3)');
    choose('Amount', 'Pledge (£000) (C3)');

    // The preview: the rows as a run reads them, the £000 column scaled exactly.
    const rows = await within(section).findByRole('list', { name: 'Preview rows' });
    expect(
      within(rows)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Row 4PartnerB&NES CCGSchemeCommunity servicesAmount£28,348,000.00',
      'Row 5PartnerB&NES CouncilSchemeCommunity servicesAmount£40,888,000.00',
    ]);
    expect(
      placeOf(within(section).getByText("Reads 'Pool 2025-26'!A3:D5 (2 rows filled in).")),
    ).toBe('Workbook › Map a range');
    expect(
      within(within(section).getByRole('list', { name: 'How the columns are read' })).getByRole(
        'listitem',
      ).textContent,
    ).toBe(
      'Amount read from the column "Pledge (£000)" of the Contributions range \'Pool 2025-26\'!A3:D5 in £000 and multiplied by 1,000.',
    );
    expect(
      placeOf(within(section).getByText('No findings: a run reads these rows as shown.')),
    ).toBe('Workbook › Map a range');

    fireEvent.click(within(section).getByRole('button', { name: 'Save the mapping' }));
    expect(placeOf(await screen.findByText('Mapping saved.', {}, { timeout: 10_000 }))).toBe(
      'Workbook',
    );
    expect(await messageText('Mapping saved.')).toBe(
      "Mapping saved. The Contributions table is read from 'Pool 2025-26'!A3:D5; runs here and on the command line use it.",
    );
    // Kept as the add-in's settings store keeps it (the settings sheet or Office settings).
    const stored = await new OfficeWorkbook(excel.run).settings.get('bcf.mapping');
    expect(JSON.parse(stored ?? 'null')).toEqual({
      tables: {
        contributions: {
          sheet: SHEET,
          columns: { partner: 'Who pays', scheme: 'Line', amount: 'Pledge (£000)' },
        },
      },
    });

    // The overview lists the mapped range as the Contributions input; the pool can run on it.
    expect((await screen.findByText(/^\d+ tables? found$/)).textContent).toBe('1 table found');
    fireEvent.click(screen.getByRole('button', { name: 'Show the input tables' }));
    const tables = await screen.findByRole('list', { name: 'Input tables' });
    expect(
      within(tables)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Contributions (mapped: Pool 2025-26!A3:D5, 2 rows)']);
    openTab('Calculate');
    fireEvent.change(screen.getByRole('combobox', { name: 'Calculation' }), {
      target: { value: 'pool' },
    });
    const run = await screen.findByRole('button', { name: 'Run Pooled fund' });
    await waitFor(() => expect(run).toHaveProperty('disabled', false));
    fireEvent.click(run);
    const figures = await screen.findByLabelText('Pooled fund figures', {}, { timeout: 10_000 });
    // The headline is a table: a row header and its figure.
    const pairs = within(figures)
      .getAllByRole('rowheader')
      .map((th) => `${th.textContent ?? ''}: ${th.nextElementSibling?.textContent ?? ''}`);
    expect(pairs).toEqual(
      expect.arrayContaining([
        'Pool: £69,236,000.00',
        'B&NES CCG share: 40.94%',
        'B&NES Council share: 59.06%',
      ]),
    );

    // Reopened, the pane reads the saved mapping again.
    cleanup();
    renderPane(excel);
    await screen.findByText('1 table found', {}, { timeout: 10_000 });
    openTab('Workbook');
    fireEvent.click(screen.getByRole('button', { name: 'Show the input tables' }));
    const again = await screen.findByRole('list', { name: 'Input tables' });
    expect(
      within(again)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Contributions (mapped: Pool 2025-26!A3:D5, 2 rows)']);

    // The header is renamed: the saved mapping no longer fits and says where.
    const sheet = excel.sheet(SHEET);
    if (sheet === undefined) throw new Error('no sheet');
    touchCell(sheet, 2, 2).value = 'Pledged (£000)';
    fireEvent.click(screen.getByRole('button', { name: 'Read the workbook again' }));
    const stale = await screen.findByRole(
      'list',
      { name: 'Saved mapping findings' },
      { timeout: 10_000 },
    );
    expect(
      within(stale)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      '\'Pool 2025-26\'!A3:D3 (Contributions header row): the column mapping names "Pledge (£000)" for Amount, but this header row has no such column (its headers: "Who pays", "Line", "Pledged (£000)", "Notes"); nothing was read for the Contributions table.',
    ]);
    expect(placeOf(screen.getByText(/^This workbook has no input tables yet\./))).toBe('Workbook');
    expect(screen.getByText(/^This workbook has no input tables yet\./).textContent).toBe(
      'This workbook has no input tables yet. The calculations read their figures from input tables: start with one of these.',
    );
  });

  it('outside Excel asks for the sheet and header row instead of the selection', async () => {
    const ops = new FakeOperations();
    ops.selection = {
      available: false,
      reason:
        'A file opened outside Excel has no selection: type the sheet and the header row’s cells instead.',
    };
    ops.draft = {
      ok: false,
      problem: 'There is no sheet "Poool" with cells in this workbook (its sheets: "Pool").',
    };
    render(<App host={{ kind: 'excel', operations: ops, dark: false }} />);
    const section = await screen.findByRole('region', { name: 'Map a range' });
    expect(within(section).queryByRole('button', { name: /^Use the selection/ })).toBeNull();
    expect(
      placeOf(
        within(section).getByText(
          'A file opened outside Excel has no selection: type the sheet and the header row’s cells instead.',
        ),
      ),
    ).toBe('Workbook › Map a range');
    fireEvent.change(within(section).getByRole('textbox', { name: 'Sheet' }), {
      target: { value: 'Poool' },
    });
    fireEvent.change(within(section).getByRole('textbox', { name: 'Header row cells' }), {
      target: { value: 'A3:C3' },
    });
    fireEvent.click(
      within(section).getByRole('button', { name: 'Map these cells as Contributions' }),
    );
    expect(
      placeOf(
        await within(section).findByText(
          'There is no sheet "Poool" with cells in this workbook (its sheets: "Pool").',
        ),
      ),
    ).toBe('Workbook › Map a range');
    expect(ops.calls).toContain('draftMapping:contributions@Poool!A3:C3');
  });
});

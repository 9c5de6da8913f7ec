/**
 * Mapping a range the user points at: the header row found in the selection, the
 * add-in's guesses by the kinds' tolerant header matching, the entry the choices make
 * (by header text), the preview read as a run reads it, and saving beside the
 * workbook's other mappings.
 */
import { OfficeWorkbook } from '../../src/adapters/office/index';
import { OfficeErrorCode } from '../../src/adapters/office/errors';
import type { SelectedCells, SheetCells, TableInfo } from '../../src/ports/workbook';
import {
  cellsAt,
  draftMapping,
  mappingEntry,
  previewMapping,
  saveKindMapping,
} from '../../src/workbook/mapSelection';
import { TABLE_KINDS } from '../../src/workbook/tableKinds';
import { createMemoryExcel } from '../support/memory-excel';

const POOL: SheetCells = {
  sheet: 'Pool',
  top: 1,
  left: 1,
  values: [
    ['Pooled fund 2025-26'],
    [],
    ['Contributor', 'Scheme or category', 'Contribution (£000)', 'Notes'],
    ['B&NES CCG', 'Community services', 28348, ''],
    ['B&NES Council', 'Community services', 40888, ''],
    ['Total', '', 69236, ''],
  ],
  formulas: new Map(),
};

function selected(top: number, values: SelectedCells['values'], address: string): SelectedCells {
  return { sheet: 'Pool', address, top, left: 1, values };
}

describe('drafting a mapping from the selection', () => {
  it('finds the header row below a selected title block and guesses every field by its header', () => {
    const made = draftMapping(
      TABLE_KINDS.contributions,
      selected(1, POOL.values, 'A1:D6'),
      [POOL],
      [],
    );
    if (!made.ok) throw new Error(made.problem);
    expect(made.draft.headerRow).toBe('A3:D3');
    expect(made.draft.columns.map((c) => `${c.address} ${c.header}`)).toEqual([
      'A3 Contributor',
      'B3 Scheme or category',
      'C3 Contribution (£000)',
      'D3 Notes',
    ]);
    expect(made.draft.fields.map((f) => [f.spec.id, f.guess])).toEqual([
      ['partner', 1],
      ['scheme', 2],
      ['amount', 3],
    ]);
  });

  it('takes the first filled-in row as the header row when no header is known, and guesses nothing', () => {
    const made = draftMapping(
      TABLE_KINDS.contributions,
      selected(3, [['Who pays', 'Line', 'Pledge']], 'A3:C3'),
      [
        {
          ...POOL,
          values: [[], [], ['Who pays', 'Line', 'Pledge'], ['B&NES CCG', 'Community services', 1]],
        },
      ],
      [],
    );
    if (!made.ok) throw new Error(made.problem);
    expect(made.draft.headerRow).toBe('A3:C3');
    expect(made.draft.fields.map((f) => f.guess)).toEqual([undefined, undefined, undefined]);
  });

  it('says why an empty selection or one in an Excel table cannot be mapped', () => {
    expect(
      draftMapping(TABLE_KINDS.contributions, selected(10, [], 'A10:C12'), [POOL], []),
    ).toEqual({
      ok: false,
      problem:
        "The selection Pool!A10:C12 has nothing in it: select the range's header row and the rows under it.",
    });
    const table: TableInfo = {
      name: 'PoolTable',
      sheet: 'Pool',
      headers: ['Contributor', 'Scheme or category', 'Contribution (£000)', 'Notes'],
      rowCount: 2,
      headerRow: 3,
      firstColumn: 1,
    };
    expect(
      draftMapping(
        TABLE_KINDS.contributions,
        selected(3, [POOL.values[2] ?? []], 'A3:D3'),
        [POOL],
        [table],
      ),
    ).toEqual({
      ok: false,
      problem:
        'The selection Pool!A3:D3 is in the Excel table PoolTable, which is read by its name; select a plain range.',
    });
  });

  it('cuts typed cells from the sheet, and names a sheet or address that is not there', () => {
    expect(cellsAt([POOL], 'pool', '$A$3:$C$3')).toEqual({
      ok: true,
      cells: {
        sheet: 'Pool',
        address: 'A3:C3',
        top: 3,
        left: 1,
        values: [['Contributor', 'Scheme or category', 'Contribution (£000)']],
      },
    });
    expect(cellsAt([POOL], 'Poool', 'A3')).toEqual({
      ok: false,
      problem: 'There is no sheet "Poool" with cells in this workbook (its sheets: "Pool").',
    });
    expect(cellsAt([POOL], 'Pool', 'row 3')).toEqual({
      ok: false,
      problem: '"row 3" is not a cell or range address, e.g. A3:F3.',
    });
  });
});

describe('the mapping the choices make', () => {
  const made = draftMapping(
    TABLE_KINDS.contributions,
    selected(1, POOL.values, 'A1:D6'),
    [POOL],
    [],
  );
  if (!made.ok) throw new Error(made.problem);
  const { draft } = made;

  it('names each chosen column by its header as written', () => {
    expect(mappingEntry(draft, { partner: 1, scheme: 2, amount: 3 })).toEqual({
      ok: true,
      entry: {
        sheet: 'Pool',
        columns: {
          partner: 'Contributor',
          scheme: 'Scheme or category',
          amount: 'Contribution (£000)',
        },
      },
    });
  });

  it('is refused while a required field has no column', () => {
    const refused = mappingEntry(draft, { partner: 1, scheme: undefined, amount: 3 });
    expect(refused.ok ? [] : refused.missing.map((s) => s.id)).toEqual(['scheme']);
  });
});

describe('previewing and saving a mapping', () => {
  function workbook() {
    const excel = createMemoryExcel({
      sheets: [{ name: 'Pool', rows: { values: POOL.values as (string | number)[][] } }],
    });
    return { excel, book: new OfficeWorkbook(excel.run) };
  }

  it('reads the rows as a run does: £000 scaled exactly, with the step that says so', async () => {
    const { book } = workbook();
    const preview = await previewMapping(book, TABLE_KINDS.contributions, {
      sheet: 'Pool',
      columns: {
        partner: 'Contributor',
        scheme: 'Scheme or category',
        amount: 'Contribution (£000)',
      },
    });
    expect(preview.findings).toEqual([]);
    expect(preview.table?.info.range).toBe('A3:D5');
    expect(preview.table?.rows.map((r) => [r.values.partner, String(r.values.amount)])).toEqual([
      ['B&NES CCG', '28348000'],
      ['B&NES Council', '40888000'],
    ]);
    expect(preview.steps.map((s) => s.text)).toEqual([
      'Amount read from the column "Contribution (£000)" of the Contributions range Pool!A3:D5 in £000 and multiplied by 1,000.',
    ]);
  });

  it('gives the finding naming the header row for a header that is not there, and no table', async () => {
    const { book } = workbook();
    const preview = await previewMapping(book, TABLE_KINDS.contributions, {
      sheet: 'Pool',
      columns: { partner: 'Contributor', scheme: 'Scheme or category', amount: 'Amount (£000)' },
    });
    expect(preview.table).toBeUndefined();
    expect(preview.findings.map((f) => [f.code, f.address, f.message])).toEqual([
      [
        'MAPPING.MISMATCH',
        'A3:D3',
        'Pool!A3:D3 (Contributions header row): the column mapping names "Amount (£000)" for Amount, but this header row has no such column (its headers: "Contributor", "Scheme or category", "Contribution (£000)", "Notes"); nothing was read for the Contributions table.',
      ],
    ]);
  });

  it('saves beside the workbook’s other mappings and labelled cells', async () => {
    const { book } = workbook();
    await book.settings.set({
      'bcf.mapping': JSON.stringify({
        tables: { income: { table: 'IncomeTable' } },
        cells: { board: { label: 'Health and Wellbeing Board:' } },
      }),
    });
    await saveKindMapping(book.settings, TABLE_KINDS.contributions, {
      sheet: 'Pool',
      columns: { partner: 'Contributor' },
    });
    expect(JSON.parse((await book.settings.get('bcf.mapping')) ?? 'null')).toEqual({
      tables: {
        income: { table: 'IncomeTable' },
        contributions: { sheet: 'Pool', columns: { partner: 'Contributor' } },
      },
      cells: { board: { label: 'Health and Wellbeing Board:' } },
    });
  });
});

describe('reading the selection in Excel (Office adapter over the in-memory Excel)', () => {
  it('reads the selected range’s address and the values of its used part, in one sync', async () => {
    const excel = createMemoryExcel({
      sheets: [{ name: 'Pool', rows: { values: POOL.values as (string | number)[][] } }],
    });
    const book = new OfficeWorkbook(excel.run);
    excel.userSelects('Pool', 'A3:D5');
    excel.resetCounters();
    expect(await book.readSelection()).toEqual({
      sheet: 'Pool',
      address: 'A3:D5',
      top: 3,
      left: 1,
      values: [
        ['Contributor', 'Scheme or category', 'Contribution (£000)', 'Notes'],
        ['B&NES CCG', 'Community services', 28348, ''],
        ['B&NES Council', 'Community services', 40888, ''],
      ],
    });
    expect(excel.syncCount).toBe(1);
    // Whole columns selected: only the used rows are read.
    excel.userSelects('Pool', 'B:C');
    const columns = await book.readSelection();
    expect([columns.address, columns.top, columns.left, columns.values.length]).toEqual([
      'B:C',
      1,
      2,
      6,
    ]);
  });

  it('reads A1 of the active sheet when nothing was selected, and nothing of an unused selection', async () => {
    const excel = createMemoryExcel({ sheets: [{ name: 'Pool', cells: { A1: 'Title' } }] });
    const book = new OfficeWorkbook(excel.run);
    expect(await book.readSelection()).toEqual({
      sheet: 'Pool',
      address: 'A1',
      top: 1,
      left: 1,
      values: [['Title']],
    });
    excel.userSelects('Pool', 'F10:G12');
    expect(await book.readSelection()).toEqual({
      sheet: 'Pool',
      address: 'F10:G12',
      top: 0,
      left: 0,
      values: [],
    });
  });

  it('refuses several selected areas with a typed error that says what to do', async () => {
    const excel = createMemoryExcel({ sheets: [{ name: 'Pool', cells: { A1: 'Title' } }] });
    excel.userSelects('Pool', 'A1:A3,C1:C3');
    await expect(new OfficeWorkbook(excel.run).readSelection()).rejects.toMatchObject({
      code: OfficeErrorCode.SELECTION_NOT_ONE_RANGE,
      message:
        'Several areas are selected: select one range (its header row and the rows under it), then try again.',
    });
  });
});

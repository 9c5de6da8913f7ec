/**
 * Office adapter behaviour beyond the shared contract: what only a live workbook has
 * (selection, sheets cleared in place), its typed errors, and recovery when a read's
 * size estimate proves too small for Excel on the web's response limit.
 */
import { OfficeAdapterError, OfficeErrorCode, OfficeWorkbook } from '../../src/adapters/office';
import type { SheetWrite } from '../../src/ports/workbook';
import { createMemoryExcel } from '../support/memory-excel';

function layout(sheet: string, overrides: Partial<SheetWrite> = {}): SheetWrite {
  return {
    sheet,
    values: [
      ['Partner', 'Amount'],
      ['NHS', 10],
    ],
    numberFormats: [
      ['General', 'General'],
      ['General', '£#,##0'],
    ],
    tables: [],
    charts: [],
    ...overrides,
  };
}

describe('Office adapter', () => {
  it('selects the range for the user, activating its sheet', async () => {
    const excel = createMemoryExcel({ sheets: [{ name: 'Inputs' }, { name: 'Results' }] });
    await new OfficeWorkbook(excel.run).select('Results', 'B4:C5');
    expect(excel.model.activeSheet?.name).toBe('Results');
    expect(excel.model.selection?.rect).toEqual({ top: 3, left: 1, bottom: 4, right: 2 });
  });

  it('refuses to select on a missing sheet or at a bad address, naming them', async () => {
    const workbook = new OfficeWorkbook(createMemoryExcel().run);
    await expect(workbook.select('Nowhere', 'A1')).rejects.toMatchObject({
      code: OfficeErrorCode.SHEET_NOT_FOUND,
      message: expect.stringContaining('"Nowhere"') as unknown,
    });
    await expect(workbook.select('Sheet1', 'not an address')).rejects.toMatchObject({
      code: OfficeErrorCode.BAD_ADDRESS,
    });
  });

  it('rewrites its own sheet in place (the same sheet object), so formulas pointing at it keep working', async () => {
    const excel = createMemoryExcel();
    const workbook = new OfficeWorkbook(excel.run);
    await workbook.writeSheets([layout('Results')]);
    const before = excel.sheet('Results');
    await workbook.writeSheets([
      layout('Results', { values: [['Partner']], numberFormats: [['General']] }),
    ]);
    expect(excel.sheet('Results')).toBe(before);
    expect(excel.values('Results', 'A1:B2')).toEqual([
      ['Partner', ''],
      ['', ''],
    ]);
  });

  it('writes nothing when a layout is bad, naming the sheet and the fault', async () => {
    const excel = createMemoryExcel();
    const workbook = new OfficeWorkbook(excel.run);
    const cases: [SheetWrite, RegExp][] = [
      [layout('Ragged', { values: [['a', 'b'], ['c']] }), /row 2 has 1 values, not 2/],
      [layout('Bad/name'), /sheet name/],
      [
        layout('T', { tables: [{ name: 'Has space', range: 'A1:B2' }] }),
        /"Has space" is not a valid table name/,
      ],
      [
        layout('T', {
          values: [
            ['Partner', 'Partner'],
            ['NHS', 10],
          ],
          tables: [{ name: 'Dup', range: 'A1:B2' }],
        }),
        /distinct header/,
      ],
      [
        layout('L', { validations: [{ range: 'A2', list: ['NHS, acute', 'Council'] }] }),
        /without commas/,
      ],
      [
        layout('F', { formulas: [{ address: 'B2', formula: 'SUM(A1)' }] }),
        /does not start with "="/,
      ],
    ];
    for (const [bad, message] of cases) {
      await expect(workbook.writeSheets([layout('Good'), bad])).rejects.toMatchObject({
        code: OfficeErrorCode.BAD_LAYOUT,
        message: expect.stringMatching(message) as unknown,
      });
    }
    expect(excel.sheet('Good')).toBeUndefined();
  });

  it('refuses a table name already used by a table on a sheet it is not rewriting', async () => {
    const excel = createMemoryExcel({
      sheets: [{ name: 'Inputs', rows: { values: [['h'], [1]] } }],
      tables: [{ name: 'Results', sheet: 'Inputs', range: 'A1:A2' }],
    });
    await expect(
      new OfficeWorkbook(excel.run).writeSheets([
        layout('Out', { tables: [{ name: 'results', range: 'A1:B2' }] }),
      ]),
    ).rejects.toMatchObject({
      code: OfficeErrorCode.BAD_LAYOUT,
      message: expect.stringContaining('a table on sheet "Inputs"') as unknown,
    });
    expect(excel.sheet('Out')).toBeUndefined();
  });

  it('marks its sheets with a hidden sheet-scoped BCF_OWNER name', async () => {
    const excel = createMemoryExcel();
    await new OfficeWorkbook(excel.run).writeSheets([layout('Results')]);
    expect(excel.sheet('Results')?.names).toEqual([
      { name: 'BCF_OWNER', formula: '="bcf"', visible: false, comment: '' },
    ]);
  });

  it('reads a table of long texts whose size the estimate misses, by halving the chunks that prove too large', async () => {
    const text = 'x'.repeat(300);
    const rows = Array.from({ length: 400 }, (_, i) => [`${i}:${text}`, i]);
    const excel = createMemoryExcel(
      {
        sheets: [{ name: 'Notes', rows: { values: [['Note', 'Row'], ...rows] } }],
        tables: [{ name: 'Notes', sheet: 'Notes', range: 'A1:B401' }],
      },
      { limits: { responseBytes: 30_000 } },
    );
    const [table] = await new OfficeWorkbook(excel.run).readTables(['Notes']);
    expect(table?.rows).toEqual(rows);
    expect(excel.syncs.some((s) => s.failed === 'ResponsePayloadSizeLimitExceeded')).toBe(true);
  });

  it("wraps Excel's own refusals as WORKBOOK.EXCEL_FAILED with Excel's code", async () => {
    const excel = createMemoryExcel(
      {
        sheets: [{ name: 'Big', rows: { values: [['h'], [1], [2], [3]] } }],
        tables: [{ name: 'Big', sheet: 'Big', range: 'A1:A4' }],
      },
      { limits: { cellsPerRange: 2 } },
    );
    const failure = new OfficeWorkbook(excel.run).readTables(['Big']);
    await expect(failure).rejects.toBeInstanceOf(OfficeAdapterError);
    await expect(failure).rejects.toMatchObject({
      code: OfficeErrorCode.EXCEL_FAILED,
      excelCode: 'RangeExceedsLimit',
      message: expect.stringContaining('reading the tables Big') as unknown,
    });
  });

  it('reads settings from the BCF_Settings sheet, a number typed there as text', async () => {
    const excel = createMemoryExcel({
      sheets: [{ name: 'BCF_Settings', cells: { A1: 'bcf.years', B1: 5 } }],
    });
    const settings = new OfficeWorkbook(excel.run).settings;
    expect(await settings.get('bcf.years')).toBe('5');
    expect(await settings.get('bcf.other')).toBeUndefined();
  });

  it('reads several settings in one read of the sheet (two syncs), leaving out keys with no value', async () => {
    const excel = createMemoryExcel({
      sheets: [
        { name: 'BCF_Settings', cells: { A1: 'bcf.years', B1: 5, A2: 'bcf.rule', B2: 'fixed' } },
      ],
    });
    const settings = new OfficeWorkbook(excel.run).settings;
    const values = await settings.getMany?.(['bcf.rule', 'bcf.years', 'bcf.other']);
    expect(values).toEqual(
      new Map([
        ['bcf.years', '5'],
        ['bcf.rule', 'fixed'],
      ]),
    );
    expect(excel.syncCount).toBe(2);
    // A workbook with no settings sheet yet: nothing saved.
    expect(await new OfficeWorkbook(createMemoryExcel().run).settings.getMany?.(['a'])).toEqual(
      new Map(),
    );
  });

  it('refuses a setting longer than a cell holds, writing nothing', async () => {
    const excel = createMemoryExcel();
    const settings = new OfficeWorkbook(excel.run).settings;
    await expect(settings.set({ long: 'x'.repeat(32_768) })).rejects.toMatchObject({
      code: 'WORKBOOK.BAD_SETTING',
    });
    expect(excel.syncCount).toBe(0);
  });

  it('finds formulas on a sheet too large for one read, in several requests', async () => {
    const cells = Object.fromEntries(
      Array.from({ length: 300 }, (_, i) => [
        `A${i + 1}`,
        { formula: `=BCF.SHARE(${i})`, value: i },
      ]),
    );
    const excel = createMemoryExcel(
      { sheets: [{ name: 'Model', cells }] },
      { limits: { responseBytes: 4_000 } },
    );
    const found = await new OfficeWorkbook(excel.run, excel).formulas.findFormulas('bcf.');
    expect(found).toHaveLength(300);
    expect(found[299]).toEqual({
      sheet: 'Model',
      address: 'A300',
      formula: '=BCF.SHARE(299)',
      value: 299,
    });
  });
});

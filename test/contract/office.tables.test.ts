/**
 * Structured references to result tables survive a re-run (issue 12, item 9): the
 * Office adapter keeps a result table whose name, place and headers stay the same,
 * rewriting its rows and resizing it (Table.resize, ExcelApi 1.13), instead of deleting
 * it and adding it again, which turns `=SUM(BCF_Pool_Partners[Amount])` into #REF!.
 */
import { OfficeWorkbook } from '../../src/adapters/office';
import type { SheetWrite } from '../../src/ports/workbook';
import { createMemoryExcel } from '../support/memory-excel';

const SUM = '=SUM(BCF_Pool_Partners[Amount])';

function pool(amounts: readonly number[], header = 'Amount'): SheetWrite {
  const values = [
    ['Pooled fund', null],
    [null, null],
    ['Partner', header],
    ...amounts.map((amount, i) => [`Partner ${i + 1}`, amount]),
    [null, null],
    ['Total', amounts.reduce((a, b) => a + b, 0)],
  ];
  return {
    sheet: 'BCF Pool',
    values,
    numberFormats: values.map(() => ['General', '#,##0.00']),
    tables: [{ name: 'BCF_Pool_Partners', range: `A3:B${3 + amounts.length}` }],
    charts: [],
  };
}

function book(excelApi = '1.13') {
  const excel = createMemoryExcel(
    { sheets: [{ name: 'Summary', cells: { A1: { formula: SUM, value: 0 } } }] },
    { behaviour: { excelApi } },
  );
  return { excel, workbook: new OfficeWorkbook(excel.run, excel) };
}

describe('Office adapter: result tables kept across runs', () => {
  it("keeps the table through re-runs with more and fewer rows, so the user's structured reference survives", async () => {
    const { excel, workbook } = book();
    await workbook.writeSheets([pool([28348, 40888])]);
    const table = excel.table('BCF_Pool_Partners');
    await workbook.writeSheets([pool([100, 200, 300])]);
    expect(excel.table('BCF_Pool_Partners')).toBe(table);
    expect(table?.rect).toEqual({ top: 2, left: 0, bottom: 5, right: 1 });
    expect(excel.values('BCF Pool', 'A3:B8')).toEqual([
      ['Partner', 'Amount'],
      ['Partner 1', 100],
      ['Partner 2', 200],
      ['Partner 3', 300],
      ['', ''],
      ['Total', 600],
    ]);
    await workbook.writeSheets([pool([5])]);
    expect(table?.rect).toEqual({ top: 2, left: 0, bottom: 3, right: 1 });
    expect(excel.values('BCF Pool', 'A3:B7')).toEqual([
      ['Partner', 'Amount'],
      ['Partner 1', 5],
      ['', ''],
      ['Total', 5],
      ['', ''],
    ]);
    expect(excel.cell('Summary', 'A1')?.formula).toBe(SUM);
  });

  it('keeps it on a host without Table.resize while the number of rows stays the same', async () => {
    const { excel, workbook } = book('1.12');
    await workbook.writeSheets([pool([1, 2])]);
    await workbook.writeSheets([pool([3, 4])]);
    expect(excel.cell('Summary', 'A1')?.formula).toBe(SUM);
    expect(excel.values('BCF Pool', 'B4:B5')).toEqual([[3], [4]]);
  });

  it('adds the table afresh when its shape changes or the host cannot resize it (the reference then breaks, as in Excel)', async () => {
    const { excel, workbook } = book('1.12');
    await workbook.writeSheets([pool([1, 2])]);
    await workbook.writeSheets([pool([1, 2, 3])]);
    expect(excel.table('BCF_Pool_Partners')?.rect).toEqual({
      top: 2,
      left: 0,
      bottom: 5,
      right: 1,
    });
    expect(excel.cell('Summary', 'A1')?.formula).toBe('=SUM(#REF!)');
    const renamed = book();
    await renamed.workbook.writeSheets([pool([1, 2])]);
    await renamed.workbook.writeSheets([pool([1, 2], 'Amount (£)')]);
    expect(renamed.excel.values('BCF Pool', 'B3')).toEqual([['Amount (£)']]);
    expect(renamed.excel.cell('Summary', 'A1')?.formula).toBe('=SUM(#REF!)');
  });
});

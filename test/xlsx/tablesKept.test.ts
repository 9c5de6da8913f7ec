/**
 * The .xlsx adapter's side of issue 12, item 9: rewriting a result sheet keeps its
 * table's name, so a user's structured reference elsewhere in the file
 * (`=SUM(BCF_Pool_Partners[Amount])`, stored as text in the file) still names a table
 * when Excel opens it.
 */
import { Workbook } from '@cj-tech-master/excelts';
import { openXlsx } from '../../src/adapters/xlsx';
import type { SheetWrite } from '../../src/ports/workbook';

function pool(amounts: readonly number[]): SheetWrite {
  const values = [['Partner', 'Amount'], ...amounts.map((a, i) => [`Partner ${i + 1}`, a])];
  return {
    sheet: 'BCF Pool',
    values,
    numberFormats: values.map(() => ['General', '#,##0.00']),
    tables: [{ name: 'BCF_Pool_Partners', range: `A1:B${values.length}` }],
    charts: [],
  };
}

it('keeps the table name and the reference to it through a rewrite with a different number of rows', async () => {
  const start = new Workbook();
  start.addWorksheet('Summary').getCell('A1').value = { formula: 'SUM(BCF_Pool_Partners[Amount])' };
  const first = await openXlsx(new Uint8Array(await start.xlsx.writeBuffer()));
  await first.writeSheets([pool([1, 2])]);
  const second = await openXlsx(await first.save());
  await second.writeSheets([pool([1, 2, 3])]);
  const book = new Workbook();
  await book.xlsx.load(await second.save());
  expect(book.getWorksheet('Summary')?.getCell('A1').formula).toBe(
    'SUM(BCF_Pool_Partners[Amount])',
  );
  const tables = book.getWorksheet('BCF Pool')?.getTables() ?? [];
  expect(tables.map((t): [string, string] => [t.name, t.ref])).toEqual([
    ['BCF_Pool_Partners', 'A1:B4'],
  ]);
});

/**
 * A plain-range fixture as a user's .xlsx file, built with ExcelTS: values from each
 * sheet's `at`, formulas with their saved values, Excel tables, merged areas and
 * protected sheets (protection without a password, as returns are sent).
 */
import { Workbook } from '../../src/adapters/xlsx/excelts';
import type { CellValue } from '../../src/ports/workbook';
import type { RangeFixture } from './plainRangeFixtures';

function corner(address: string): { row: number; column: number } {
  const match = /^([A-Z]+)(\d+)/.exec(address);
  const column = [...(match?.[1] ?? 'A')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(match?.[2] ?? 1), column };
}

/** The fixture's workbook. */
export async function xlsxBook(fixture: RangeFixture): Promise<Workbook> {
  const book = new Workbook();
  for (const sheet of fixture.seed.sheets) {
    const worksheet = book.addWorksheet(sheet.name, { state: sheet.hidden ? 'hidden' : 'visible' });
    const origin = corner(sheet.at ?? 'A1');
    (sheet.rows ?? []).forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null) worksheet.getCell(origin.row + r, origin.column + c).value = value;
      }),
    );
    for (const { address, formula, value } of sheet.formulas ?? []) {
      worksheet.getCell(address).value = {
        formula: formula.replace(/^=/, ''),
        result: value as number,
      };
    }
    for (const merge of fixture.merges?.[sheet.name] ?? []) worksheet.mergeCells(merge);
    if (fixture.protect?.includes(sheet.name)) await worksheet.protect('', {});
  }
  for (const table of fixture.seed.tables ?? []) {
    const worksheet = book.getWorksheet(table.sheet);
    if (!worksheet) throw new Error(`No sheet ${table.sheet}`);
    const [first = 'A1', last = first] = table.range.split(':');
    const top = corner(first);
    const bottom = corner(last);
    const at = (row: number, column: number): CellValue =>
      (worksheet.findCell(row, column)?.value ?? null) as CellValue;
    const headers: string[] = [];
    for (let c = top.column; c <= bottom.column; c++) headers.push(String(at(top.row, c) ?? ''));
    const rows: CellValue[][] = [];
    for (let r = top.row + 1; r <= bottom.row; r++) {
      const row: CellValue[] = [];
      for (let c = top.column; c <= bottom.column; c++) row.push(at(r, c));
      rows.push(row);
    }
    worksheet.addTable({
      name: table.name,
      ref: first,
      columns: headers.map((name) => ({ name })),
      rows,
    });
  }
  return book;
}

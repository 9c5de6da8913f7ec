/**
 * The rows of a big result sheet past the first 2,000, written straight as bytes
 * (bigSheet.ts, byteSink.ts), read back exactly as ExcelTS writes the same layout whole:
 * non-ASCII text (pound signs, accents, an emoji), XML specials, booleans, blanks,
 * bold rows and a totals formula, each with its value, number format and weight; and
 * text needing OOXML escapes, which the byte writer leaves to ExcelTS, still right.
 */
import { openXlsx } from '../../src/adapters/xlsx';
import { Workbook } from '../../src/adapters/xlsx/excelts';
import type { CellValue, SheetWrite } from '../../src/ports/workbook';
import { bytesOf, planningWorkbook } from './fixtures';

jest.setTimeout(120_000);

const ROWS = 2_400;
const SHEET = 'BCF Results - Big';

function layout(odd: (i: number) => CellValue = (i) => `Hôpital n°${i} £ & <co> 😀`): SheetWrite {
  const values: CellValue[][] = [
    ['BCF results', null, null, null],
    [null, null, null, null],
  ];
  const formats: string[][] = [Array<string>(4).fill('General'), Array<string>(4).fill('General')];
  values.push(['Contract', 'Variance', 'Share', 'Pooled']);
  formats.push(Array<string>(4).fill('@'));
  for (let i = 1; i <= ROWS; i++) {
    values.push([
      odd(i),
      i % 7 === 0 ? -i * 0.01 : i * 100.25,
      i % 3 === 0 ? '' : 0.5,
      i % 2 === 0,
    ]);
    formats.push(['@', '£#,##0.00', '0.0%', 'General']);
  }
  values.push([null, null, null, null]);
  formats.push(Array<string>(4).fill('General'));
  values.push(['Total', 0, null, null]);
  formats.push(['General', '£#,##0.00', 'General', 'General']);
  const total = ROWS + 5;
  return {
    sheet: SHEET,
    values,
    numberFormats: formats,
    formulas: [{ address: `B${total}`, formula: `=SUM(B4:B${ROWS + 3})` }],
    boldRows: [1, 3, ROWS + 4, total],
    tables: [{ name: 'BCF_Big', range: `A3:D${ROWS + 3}` }],
    charts: [],
  };
}

async function sheetOf(bytes: Uint8Array) {
  const book = new Workbook();
  await book.xlsx.load(bytes);
  const sheet = book.getWorksheet(SHEET);
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

async function bothWays(sheet: SheetWrite) {
  const input = await bytesOf(planningWorkbook());
  const fast = await openXlsx(input);
  await fast.writeSheets([sheet]);
  const slow = await openXlsx(input);
  await slow.formulas.findFormulas('BCF.'); // the model path: ExcelTS writes every cell
  await slow.writeSheets([sheet]);
  return Promise.all([sheetOf(await fast.save()), sheetOf(await slow.save())]);
}

function cells(sheet: Awaited<ReturnType<typeof sheetOf>>, rows: readonly number[]) {
  return rows.flatMap((row) =>
    [1, 2, 3, 4].map((column) => {
      const [x] = [sheet.getCell(row, column)];
      return [row, column, x.value, x.numFmt, Boolean(x.font?.bold)];
    }),
  );
}

describe('the big sheet tail written as bytes', () => {
  it('reads back as ExcelTS writes it whole, cell by cell past the cut', async () => {
    const [grafted, whole] = await bothWays(layout());
    const rows = Array.from({ length: ROWS + 5 - 1995 }, (_, i) => 1996 + i);
    expect(cells(grafted, rows)).toEqual(cells(whole, rows));
    expect(grafted.getCell(2004, 1).value).toBe('Hôpital n°2001 £ & <co> 😀');
    expect(grafted.getCell(2004, 4).value).toBe(false);
    expect(grafted.getCell(ROWS + 5, 2).value).toMatchObject({ formula: `SUM(B4:B${ROWS + 3})` });
  });

  it('text that needs OOXML escapes past the cut is left to ExcelTS, and still reads back as written', async () => {
    const [grafted, whole] = await bothWays(layout((i) => (i === 2100 ? 'A_x0041_B' : `K${i}`)));
    expect(grafted.getCell(2103, 1).value).toBe('A_x0041_B');
    expect(cells(grafted, [2102, 2103, 2104])).toEqual(cells(whole, [2102, 2103, 2104]));
  });
});

/**
 * Excel's 32,767-character cell limit through a real saved .xlsx: the funding envelope of
 * 500 schemes, whose baseline step is longer than a cell holds, saves with every cell
 * within the limit (the step over several rows, whole), so Excel has nothing to repair;
 * and the adapter refuses a layout with an over-long cell before writing anything.
 */
import { openXlsx } from '../../src/adapters/xlsx';
import { Workbook } from '../../src/adapters/xlsx/excelts';
import { CELL_CHARACTER_LIMIT } from '../../src/ports/storage';
import { runMechanism } from '../../src/workbook/run';
import { bytesOf } from './fixtures';
import { poolSheet } from './layouts';

jest.setTimeout(60_000);

const SHEET = 'BCF Results - Funding envelope';

function schemesWorkbook(count: number): Workbook {
  const book = new Workbook();
  book.addWorksheet('Contributions').addTable({
    name: 'Contributions',
    ref: 'A1',
    columns: [{ name: 'Partner' }, { name: 'Scheme' }, { name: 'Amount' }],
    rows: Array.from({ length: count }, (_, i) => [
      i % 2 === 0 ? 'B&NES CCG' : 'B&NES Council',
      `Scheme ${String(i + 1).padStart(3, '0')} community services and reablement`,
      1_000_000 + i * 1_000,
    ]),
  });
  return book;
}

describe('cell text within Excel’s limit in a saved .xlsx', () => {
  it('the 500-scheme envelope saves with no cell over 32,767 characters, its baseline step over rows', async () => {
    const workbook = await openXlsx(await bytesOf(schemesWorkbook(500)));
    const outcome = await runMechanism(workbook, 'envelope', {}, { now: new Date() });
    expect(outcome.ok).toBe(true);
    const saved = new Workbook();
    await saved.xlsx.load(await workbook.save());
    const sheet = saved.getWorksheet(SHEET);
    if (!sheet) throw new Error('no envelope sheet');
    const texts: string[] = [];
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') texts.push(cell.value);
      });
    });
    expect(Math.max(...texts.map((t) => t.length))).toBeLessThanOrEqual(CELL_CHARACTER_LIMIT);
    const baseline = texts.filter((t) => /^1\. (Baseline|\(continued\))/.test(t));
    expect(baseline.length).toBe(2);
    expect(baseline[0]?.startsWith('1. Baseline £624,750,000.00: Scheme 001 ')).toBe(true);
    expect(
      baseline[1]?.endsWith(
        'Scheme 500 community services and reablement / B&NES Council £1,499,000.00.',
      ),
    ).toBe(true);
  });

  it('writeSheets refuses a layout with a cell over the limit, writing nothing', async () => {
    const workbook = await openXlsx(await bytesOf(schemesWorkbook(2)));
    const { layout } = poolSheet();
    const values = layout.values.map((row, r) =>
      r === 0 ? ['x'.repeat(CELL_CHARACTER_LIMIT + 1), ...row.slice(1)] : row,
    );
    await expect(workbook.writeSheets([{ ...layout, values }])).rejects.toMatchObject({
      code: 'WORKBOOK.BAD_LAYOUT',
      message: `Sheet "${layout.sheet}": row 1, column 1 holds 32768 characters of text, more than a cell holds (32767).`,
    });
    expect(await workbook.sheetOwner(layout.sheet)).toBe('none');
  });
});

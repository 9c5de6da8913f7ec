/**
 * Sync counts of finding plain ranges in Excel (counted by the in-memory Excel, with
 * Excel on the web's 5 MB payload limits): on a 20-sheet workbook of 200,000 used cells
 * with the data in a plain range, reading the input costs the table listing's syncs
 * and two more for the sheets (their list, then every sheet's owner mark, values and
 * formulas in one request); a workbook too big for one response takes more, one per
 * split, and still reads the same.
 */
import { OfficeWorkbook } from '../../src/adapters/office';
import { readInputTables } from '../../src/workbook/readInputs';
import { TABLE_KINDS } from '../../src/workbook/tableKinds';
import { createMemoryExcel, type MemoryExcel } from '../support/memory-excel';

const COLUMNS = 20;

/** A sheet of filler: `rows` rows of short numbers and texts, as workings sheets are. */
function filler(rows: number, seed: number): (string | number)[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: COLUMNS }, (_, c) =>
      (r + c + seed) % 3 === 0 ? `w${(r * c) % 97}` : (r * 7 + c) % 1000,
    ),
  );
}

function workbook(sheets: number, rowsPerSheet: number): MemoryExcel {
  const contributions = [
    ['Pooled fund 2025-26'],
    [],
    ['Partner', 'Scheme', 'Amount (£)'],
    ['B&NES CCG', 'Community services', 28348000],
    ['B&NES Council', 'Community services', 40888000],
  ];
  return createMemoryExcel({
    sheets: Array.from({ length: sheets }, (_, i) => ({
      name: i === 0 ? 'Pool' : `Workings ${i}`,
      rows: { values: i === 0 ? contributions : filler(rowsPerSheet, i) },
    })),
  });
}

async function readPool(excel: MemoryExcel): Promise<readonly string[]> {
  const read = await readInputTables(new OfficeWorkbook(excel.run), [
    { kind: TABLE_KINDS.contributions, required: true },
  ]);
  expect(read.findings).toEqual([]);
  return (read.tables.contributions?.rows ?? []).map((row) => String(row.values.amount));
}

describe('finding plain ranges in Excel: sync counts', () => {
  it('a 20-sheet workbook of 200,000 used cells: two syncs over the table listing', async () => {
    const excel = workbook(21, (10_000 / COLUMNS) * 1);
    // 20 sheets of 500 rows × 20 columns (200,000 cells) beside the Pool sheet.
    const cells = excel.model.sheets.reduce((n, s) => n + s.cells.size, 0);
    expect(cells).toBeGreaterThanOrEqual(200_000);
    expect(await readPool(excel)).toEqual(['28348000', '40888000']);
    // The table listing's one sync (no tables: its header read is an empty request, which
    // makes no round trip), then the sheets' two.
    expect(excel.syncCount).toBe(1 + 2);
    const largest = Math.max(...excel.syncs.map((s) => s.responseBytes));
    expect(largest).toBeLessThan(5_000_000);
    console.log(`200,000 cells: ${excel.syncCount} syncs, largest response ${largest} bytes`);
  });

  it('a workbook too big for one response is read in halves, to the same rows', async () => {
    const excel = workbook(21, 2_000);
    expect(await readPool(excel)).toEqual(['28348000', '40888000']);
    // The whole read is refused (over 5 MB), then each half of the sheets, … : a few more syncs.
    expect(excel.syncCount).toBeGreaterThan(3);
    console.log(`840,000 cells: ${excel.syncCount} syncs`);
    expect(excel.syncCount).toBeLessThanOrEqual(2 + 2 + 2 * 21);
  });
});

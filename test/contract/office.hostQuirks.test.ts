/**
 * The Office adapter against the ways a real Excel host answers that the documented
 * happy path does not show (issue 12): oversized reads that fail with GeneralException
 * or "succeed" with null values, and batches refused while the user types in a cell.
 * Each host behaviour is an option of the in-memory Excel.
 */
import {
  OfficeAdapterError,
  OfficeErrorCode,
  OfficeWorkbook,
  waitingOutCellEdit,
} from '../../src/adapters/office';
import { createMemoryExcel, type Behaviour } from '../support/memory-excel';

const text = 'x'.repeat(300);
const rows = Array.from({ length: 400 }, (_, i) => [`${i}:${text}`, i]);

function notes(oversizedResponse: Behaviour['oversizedResponse'], responseBytes = 30_000) {
  return createMemoryExcel(
    {
      sheets: [{ name: 'Notes', rows: { values: [['Note', 'Row'], ...rows] } }],
      tables: [{ name: 'Notes', sheet: 'Notes', range: 'A1:B401' }],
    },
    { limits: { responseBytes }, behaviour: { oversizedResponse } },
  );
}

describe('Office adapter: reads that come back wrong', () => {
  it('reads every row when an oversized read fails with a bare GeneralException, halving the chunks', async () => {
    const excel = notes('GeneralException');
    const [table] = await new OfficeWorkbook(excel.run).readTables(['Notes']);
    expect(table?.rows).toEqual(rows);
    expect(excel.syncs.filter((s) => s.failed === 'GeneralException').length).toBeGreaterThan(0);
  });

  it('reads every row when an oversized read "succeeds" with null values, instead of losing them', async () => {
    const excel = notes('null');
    const [table] = await new OfficeWorkbook(excel.run).readTables(['Notes']);
    expect(table?.rows).toHaveLength(400);
    expect(table?.rows).toEqual(rows);
  });

  it('fails with WORKBOOK.BAD_READ naming the rows when even one row comes back null', async () => {
    const excel = notes('null', 200);
    const failure = new OfficeWorkbook(excel.run).readTables(['Notes']);
    await expect(failure).rejects.toBeInstanceOf(OfficeAdapterError);
    await expect(failure).rejects.toMatchObject({
      code: OfficeErrorCode.BAD_READ,
      message:
        'Excel returned no cells, or the wrong number of them, for row 1 of table "Notes". Nothing was read; try again, and if it persists, report it.',
    });
  });

  it('finds every formula when the formula search is answered with nulls', async () => {
    const cells: Record<string, { formula: string; value: number }> = {};
    for (let row = 1; row <= 300; row++)
      cells[`A${row}`] = { formula: `=BCF.P4P(${row},"${text}")`, value: row };
    const excel = createMemoryExcel(
      { sheets: [{ name: 'Sums', cells }] },
      { limits: { responseBytes: 40_000 }, behaviour: { oversizedResponse: 'null' } },
    );
    const found = await new OfficeWorkbook(excel.run).formulas.findFormulas('BCF.');
    expect(found).toHaveLength(300);
    expect(found[299]).toMatchObject({ address: 'A300', value: 300 });
  });
});

describe('Office adapter: small reads that come back null', () => {
  it('refuses to take null settings or headers for none (a later save would drop the settings)', async () => {
    const excel = createMemoryExcel(
      {
        sheets: [
          { name: 'BCF_Settings', cells: { A1: 'bcf.years', B1: '5', A2: 'bcf.last', B2: 'pool' } },
          {
            name: 'Data',
            rows: {
              values: [
                ['Partner', 'Amount'],
                ['CCG', 10],
              ],
            },
          },
        ],
        tables: [{ name: 'Contributions', sheet: 'Data', range: 'A1:B2' }],
      },
      { limits: { responseBytes: 20 }, behaviour: { oversizedResponse: 'null' } },
    );
    const workbook = new OfficeWorkbook(excel.run);
    await expect(workbook.settings.set({ 'bcf.years': '6' })).rejects.toMatchObject({
      code: OfficeErrorCode.BAD_READ,
      message:
        'Excel returned no cells, or the wrong number of them, for the sheet "BCF_Settings". Nothing was read; try again, and if it persists, report it.',
    });
    expect(excel.values('BCF_Settings', 'A1:B2')).toEqual([
      ['bcf.years', '5'],
      ['bcf.last', 'pool'],
    ]);
    await expect(workbook.listTables()).rejects.toMatchObject({
      code: OfficeErrorCode.BAD_READ,
      message: expect.stringContaining('the header row of table "Contributions"') as unknown,
    });
  });
});

describe('Office adapter: the user typing in a cell', () => {
  const seed = {
    sheets: [
      {
        name: 'Data',
        rows: {
          values: [
            ['Partner', 'Amount'],
            ['CCG', 10],
          ],
        },
      },
    ],
    tables: [{ name: 'Contributions', sheet: 'Data', range: 'A1:B2' }],
  };

  it('says to finish editing the cell first when Excel refuses the batch', async () => {
    const excel = createMemoryExcel(seed);
    excel.setCellEditMode(true);
    const failure = new OfficeWorkbook(excel.run).readTables(['Contributions']);
    await expect(failure).rejects.toMatchObject({
      code: OfficeErrorCode.CELL_EDITING,
      excelCode: 'InvalidOperationInCellEditMode',
      message:
        'Finish editing the cell first, then try again: Excel was in cell-editing mode, so it refused reading the tables Contributions.',
    });
    expect(excel.syncs.map((s) => s.failed)).toEqual(['InvalidOperationInCellEditMode']);
  });

  it("waits for the edit to end with the pane's run (delayForCellEdit), then reads", async () => {
    const excel = createMemoryExcel(seed);
    excel.setCellEditMode(true);
    const workbook = new OfficeWorkbook(waitingOutCellEdit(excel.runWith));
    let done = false;
    const reading = workbook.readTables(['Contributions']).then((tables) => {
      done = true;
      return tables;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toBe(false);
    expect(excel.syncCount).toBe(0);
    excel.setCellEditMode(false);
    const [table] = await reading;
    expect(table?.rows).toEqual([['CCG', 10]]);
  });
});

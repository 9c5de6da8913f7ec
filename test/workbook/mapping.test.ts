/**
 * Column mappings: the header row is found by the mapped headers' text wherever it has
 * moved (rows added above it are read), added body rows are read, and a mapping that no
 * longer fits names the header row and reads nothing.
 */
import type { CellValue, SheetCells } from '../../src/ports/workbook';
import { parseMapping, resolveMapping } from '../../src/workbook/mapping';
import { TABLE_KINDS } from '../../src/workbook/tableKinds';

function sheet(values: CellValue[][], top = 1): SheetCells {
  return { sheet: 'Money in', top, left: 1, values, formulas: new Map() };
}

const mapping = {
  sheet: 'money in',
  columns: { source: 'Stream', contributor: 'From', amount: 'Sum (£000)' },
};

describe('column mappings', () => {
  it('follow the header row by its text, wherever rows were added', () => {
    const cells = sheet([
      ['Return'],
      ['Added note'],
      ['Added note'],
      ['Stream', 'From', 'Sum (£000)'],
      ['iBCF', 'Council', 12],
      ['DFG', 'Council', 3],
      [null, null, null],
      ['Other text'],
    ]);
    const { found, findings } = resolveMapping(TABLE_KINDS.income, mapping, [cells], []);
    expect(findings).toEqual([]);
    expect(found?.range.data).toMatchObject({ range: 'A4:C6', headerRow: 4, rowCount: 2 });
    expect([...(found?.mapped ?? [])]).toEqual([
      ['source', 0],
      ['contributor', 1],
      ['amount', 2],
    ]);
  });

  it('that no longer fit are a finding naming the header row; nothing is read', () => {
    const cells = sheet(
      [
        ['Stream', 'Paid by', 'Sum (£000)'],
        ['iBCF', 'Council', 12],
      ],
      3,
    );
    const { found, findings } = resolveMapping(TABLE_KINDS.income, mapping, [cells], []);
    expect(found).toBeUndefined();
    expect(findings.map((f) => [f.code, f.address, f.message])).toEqual([
      [
        'MAPPING.MISMATCH',
        'A3:C3',
        `'Money in'!A3:C3 (Income header row): the column mapping names "From" for Contributor, but this header row has no such column (its headers: "Stream", "Paid by", "Sum (£000)"); nothing was read for the Income table.`,
      ],
    ]);
    const gone = resolveMapping(TABLE_KINDS.income, { ...mapping, sheet: 'Gone' }, [cells], []);
    expect(gone.findings.map((f) => f.message)).toEqual([
      'The column mapping for the Income table names the sheet "Gone", which this workbook does not have (or which is empty); nothing was read for it.',
    ]);
  });

  it("of a sheet whose header row is an Excel table's ask for the table to be mapped by name", () => {
    const cells = sheet([
      ['Stream', 'From', 'Sum (£000)'],
      ['iBCF', 'Council', 12],
    ]);
    const table = {
      name: 'Money',
      sheet: 'Money in',
      headers: ['Stream', 'From', 'Sum (£000)'],
      rowCount: 1,
      headerRow: 1,
      firstColumn: 1,
    };
    const { found, findings } = resolveMapping(TABLE_KINDS.income, mapping, [cells], [table]);
    expect(found).toBeUndefined();
    expect(findings.map((f) => f.message)).toEqual([
      `The column mapping for the Income table: the headers "Stream", "From", "Sum (£000)" on 'Money in' are an Excel table's; map the table by its name ("table": "...") instead; nothing was read for it.`,
    ]);
  });

  it('are checked when read: kinds, fields and headers by name', () => {
    expect(
      parseMapping({ tables: { Income: { sheet: 'S', columns: { Amount: 'Sum' } } } }),
    ).toEqual({
      ok: true,
      mapping: { tables: { income: { sheet: 'S', columns: { Amount: 'Sum' } } } },
    });
    expect(parseMapping({ tables: { budget: { table: 'T' } } })).toMatchObject({
      ok: false,
      problem: expect.stringContaining('"budget" is not a table kind') as unknown,
    });
    expect(parseMapping({ tables: { income: { sheet: 'S' } } })).toEqual({
      ok: false,
      problem: 'tables.income maps a sheet, so it needs "columns" (field → header text).',
    });
  });
});

import { openXlsx } from '../../src/adapters/xlsx';
import { Workbook } from '../../src/adapters/xlsx/excelts';
import { bytesOf, planningWorkbook } from './fixtures';

/** 1 April 2025 as Excel's serial number (1900 date system). */
const APRIL_1_2025 = 45748;

describe('listTables', () => {
  it('gives every table with its sheet, headers, body size and position, in sheet order', async () => {
    const workbook = await openXlsx(await bytesOf(planningWorkbook()));
    expect(await workbook.listTables()).toEqual([
      {
        name: 'Contracts',
        sheet: 'Inputs',
        headers: ['Party', 'Annual value', 'Start', 'Pooled'],
        rowCount: 4,
        headerRow: 3,
        firstColumn: 2,
      },
      // The totals row is not part of the body.
      {
        name: 'Metrics',
        sheet: 'Metrics',
        headers: ['Metric', 'Weight'],
        rowCount: 2,
        headerRow: 1,
        firstColumn: 1,
      },
    ]);
  });

  it('orders tables on one sheet top to bottom, then left to right', async () => {
    const book = new Workbook();
    const sheet = book.addWorksheet('Tables');
    sheet.addTable({ name: 'Lower', ref: 'A10', columns: [{ name: 'A' }], rows: [[1]] });
    sheet.addTable({ name: 'Right', ref: 'D1', columns: [{ name: 'B' }], rows: [[2]] });
    sheet.addTable({ name: 'Left', ref: 'A1', columns: [{ name: 'C' }], rows: [[3]] });
    const workbook = await openXlsx(await bytesOf(book));
    expect((await workbook.listTables()).map((t) => t.name)).toEqual(['Left', 'Right', 'Lower']);
  });

  it('gives none for a workbook without tables', async () => {
    const book = new Workbook();
    book.addWorksheet('Sheet1').getCell('A1').value = 'no tables here';
    expect(await (await openXlsx(await bytesOf(book))).listTables()).toEqual([]);
  });
});

describe('readTables', () => {
  it('reads body values as Office.js gives them: blank "", dates as serials, formulas as saved values, text as text', async () => {
    const workbook = await openXlsx(await bytesOf(planningWorkbook()));
    const [contracts] = await workbook.readTables(['Contracts']);
    expect(contracts?.rows).toEqual([
      ['ICB', 1_250_000.5, APRIL_1_2025, true],
      ['Council', '', APRIL_1_2025, false],
      ['=not a formula', 2_500_001, '', true],
      ['Hospice', 'tbc', '', ''],
    ]);
  });

  it('finds tables by name whatever the case, in the order asked', async () => {
    const workbook = await openXlsx(await bytesOf(planningWorkbook()));
    const tables = await workbook.readTables(['metrics', 'CONTRACTS']);
    expect(tables.map((t) => t.name)).toEqual(['Metrics', 'Contracts']);
    expect(tables[0]?.rows).toEqual([
      ['Admissions', 0.6],
      ['Discharges', 0.4],
    ]);
  });

  it('refuses a table that is not there, naming it and the tables that are', async () => {
    const workbook = await openXlsx(await bytesOf(planningWorkbook()));
    await expect(workbook.readTables(['Contracts', 'Schemes'])).rejects.toMatchObject({
      code: 'WORKBOOK.TABLE_NOT_FOUND',
      message: 'There is no table named "Schemes" in this workbook (tables: Contracts, Metrics).',
    });
  });

  it('reads error values, rich text and hyperlinks as the text Excel shows', async () => {
    const book = new Workbook();
    const sheet = book.addWorksheet('Odd cells');
    sheet.addTable({
      name: 'Odd',
      ref: 'A1',
      columns: [{ name: 'Error' }, { name: 'Rich' }, { name: 'Link' }, { name: 'Formula error' }],
      rows: [
        [
          { error: '#N/A' },
          { richText: [{ text: 'Better ' }, { text: 'Care', font: { bold: true } }] },
          { text: 'NHS England', hyperlink: 'https://www.england.nhs.uk/' },
          { formula: '1/0', result: { error: '#DIV/0!' } },
        ],
      ],
    });
    const [odd] = await (await openXlsx(await bytesOf(book))).readTables(['Odd']);
    expect(odd?.rows).toEqual([['#N/A', 'Better Care', 'NHS England', '#DIV/0!']]);
  });

  it('refuses a formula with no value saved in the file, naming the cell', async () => {
    const book = new Workbook();
    const sheet = book.addWorksheet('Plan');
    sheet.addTable({
      name: 'Plan',
      ref: 'A1',
      columns: [{ name: 'Scheme' }, { name: 'Budget' }],
      rows: [['Falls', { formula: 'SUM(1,2)' }]],
    });
    const workbook = await openXlsx(await bytesOf(book));
    await expect(workbook.readTables(['Plan'])).rejects.toMatchObject({
      code: 'XLSX.NO_SAVED_VALUE',
      message:
        'Plan!B2 (table Plan) holds the formula =SUM(1,2) with no value saved in the file; open the file in Excel, let it calculate and save it, then try again.',
    });
  });

  it('reads dates in the 1904 date system as that system numbers them', async () => {
    const book = new Workbook();
    book.properties.date1904 = true;
    const sheet = book.addWorksheet('Dates');
    sheet.addTable({
      name: 'Dates',
      ref: 'A1',
      columns: [{ name: 'Start' }],
      rows: [[new Date(Date.UTC(2025, 3, 1))]],
    });
    const [dates] = await (await openXlsx(await bytesOf(book))).readTables(['Dates']);
    expect(dates?.rows).toEqual([[APRIL_1_2025 - 1462]]);
  });
});

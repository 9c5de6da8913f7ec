import { openXlsx, type XlsxWorkbook } from '../../src/adapters/xlsx';
import { Workbook } from '../../src/adapters/xlsx/excelts';
import { partText } from '../../src/adapters/xlsx/zipParts';
import type { SheetWrite } from '../../src/ports/workbook';
import { bytesOf, partsOf, planningWorkbook } from './fixtures';
import { poolSheet } from './layouts';

const SHEET = 'BCF Results - Pooled fund';

/** XML text with the five predefined entities replaced. */
const unescapeXml = (xml: string): string =>
  xml
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

let planningBytes: Uint8Array;
beforeAll(async () => {
  planningBytes = await bytesOf(planningWorkbook());
});

function planning(): Promise<XlsxWorkbook> {
  return openXlsx(planningBytes);
}

/** The saved workbook, read back with ExcelTS itself (not through the adapter). */
async function reread(workbook: XlsxWorkbook): Promise<Workbook> {
  const book = new Workbook();
  await book.xlsx.load(await workbook.save());
  return book;
}

function sheetOf(book: Workbook, name: string): NonNullable<ReturnType<Workbook['getWorksheet']>> {
  const sheet = book.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** A cell of a sheet read back (a helper, so the Office.js lint rules see no `get...` proxy). */
function cellAt(
  sheet: ReturnType<typeof sheetOf>,
  address: string,
): ReturnType<ReturnType<typeof sheetOf>['getCell']> {
  return sheet.getCell(address);
}

const small = (sheet: string, extra: Partial<SheetWrite> = {}): SheetWrite => ({
  sheet,
  values: [
    ['Scheme', 'Budget'],
    ['Falls prevention', 125_000.5],
  ],
  numberFormats: [
    ['General', 'General'],
    ['General', '£#,##0.00'],
  ],
  tables: [],
  charts: [],
  ...extra,
});

describe('writeSheets: a result sheet (B&NES community services outline business case (2015), Table 3)', () => {
  it('writes values and number formats from A1, text as text even when it starts with "="', async () => {
    const workbook = await planning();
    const { layout } = poolSheet();
    await workbook.writeSheets([layout]);
    const sheet = sheetOf(await reread(workbook), SHEET);
    expect(sheet.getCell('A1').value).toBe('BCF results: Pooled fund');
    expect(sheet.getCell('A2').value).toBe('=Calculated from Contributions (text, not a formula)');
    expect(sheet.getCell('A2').formula).toBeUndefined();
    expect(sheet.getCell('B6').value).toBe(28_348_000);
    expect(sheet.getCell('B6').numFmt).toBe('£#,##0.00');
    expect(sheet.getCell('C7').value).toBe(layout.values[6]?.[2]);
    expect(sheet.getCell('C7').numFmt).toBe('0.00%');
    // Every string cell is formatted as Text, as the Office adapter writes it.
    expect(sheet.getCell('A6').numFmt).toBe('@');
    expect(sheet.getCell('B3').value).toBeNull();
  });

  it('writes the totals formula with the engine figure saved as its value', async () => {
    const workbook = await planning();
    const { layout, result, totalRow } = poolSheet();
    await workbook.writeSheets([layout]);
    const total = cellAt(sheetOf(await reread(workbook), SHEET), `B${totalRow}`);
    expect(total.formula).toBe('SUM(B6:B7)');
    expect(total.result).toBe(result.pool.toNumber());
    expect(total.numFmt).toBe('£#,##0.00');
  });

  it('makes bold rows bold, sets column widths in characters and hides a hidden sheet', async () => {
    const workbook = await planning();
    await workbook.writeSheets([
      small('Records', { boldRows: [1], columnWidths: [30, 12.5], hidden: true }),
    ]);
    const sheet = sheetOf(await reread(workbook), 'Records');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.getCell('B1').font?.bold).toBe(true);
    expect(sheet.getCell('A2').font?.bold).toBeFalsy();
    expect(sheet.getColumn(1).width).toBe(30);
    expect(sheet.getColumn(2).width).toBe(12.5);
    expect(sheet.state).toBe('hidden');
  });

  it('shades input ranges light yellow, unlocks them and adds drop-down lists', async () => {
    const workbook = await planning();
    await workbook.writeSheets([
      small('Plan template', {
        inputRanges: ['B2:B3'],
        validations: [
          { range: 'A2:A3', list: ['Falls prevention', 'Reablement', 'Carers "breaks"'] },
        ],
      }),
    ]);
    const sheet = sheetOf(await reread(workbook), 'Plan template');
    for (const address of ['B2', 'B3']) {
      expect(sheet.getCell(address).fill).toEqual({
        type: 'pattern',
        pattern: 'solid',
        fgColor: { argb: 'FFFFF2CC' },
      });
      expect(sheet.getCell(address).protection?.locked).toBe(false);
    }
    expect(sheet.getCell('A2').fill).not.toMatchObject({ pattern: 'solid' });
    expect(sheet.dataValidations.find('A3')).toMatchObject({
      type: 'list',
      formulae: ['"Falls prevention,Reablement,Carers ""breaks"""'],
    });
  });

  it('writes a drop-down read from a range as the bare reference in the sheet XML', async () => {
    const workbook = await planning();
    await workbook.writeSheets([
      small('Plan template', {
        validations: [{ range: 'A2:A3', source: "'BCF Lists'!$A$2:$A$17" }],
      }),
      small('BCF Lists', { hidden: true }),
    ]);
    const parts = await partsOf(await workbook.save());
    const xml = [...parts.keys()]
      .filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))
      .map((p) => unescapeXml(partText(parts, p) ?? ''))
      .find((text) => text.includes('<dataValidation '));
    expect(xml).toMatch(
      /<dataValidation [^>]*type="list"[^>]*sqref="A2:A3"[^>]*>\s*<formula1>'BCF Lists'!\$A\$2:\$A\$17<\/formula1>/,
    );
  });

  it('creates the table, which then reads back through the port', async () => {
    const workbook = await planning();
    const { layout, result } = poolSheet();
    await workbook.writeSheets([layout]);
    const again = await openXlsx(await workbook.save());
    const [partners] = await again.readTables(['BCF_Pool_Partners']);
    expect(partners).toMatchObject({
      sheet: SHEET,
      headers: ['Partner', 'Contribution', 'Contribution share'],
      headerRow: 5,
      firstColumn: 1,
      rowCount: 2,
    });
    expect(partners?.rows.map((r) => r.slice(0, 2))).toEqual(
      result.partners.map((p) => [p.partner, p.contribution.toNumber()]),
    );
  });

  it('gives a header-only table one empty body row, as Excel does', async () => {
    const workbook = await planning();
    await workbook.writeSheets([
      small('Empty', {
        values: [['Scheme', 'Budget']],
        numberFormats: [['General', 'General']],
        tables: [{ name: 'NoSchemes', range: 'A1:B1' }],
      }),
    ]);
    const tables = await (await openXlsx(await workbook.save())).listTables();
    expect(tables.find((t) => t.name === 'NoSchemes')).toMatchObject({ headerRow: 1, rowCount: 1 });
  });

  it('draws a native chart with its title, series from the source columns and the value-axis format', async () => {
    const workbook = await planning();
    await workbook.writeSheets([poolSheet().layout]);
    const parts = await partsOf(await workbook.save());
    const charts = [...parts.keys()].filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(charts).toHaveLength(2); // the user's and ours
    const ours = charts
      .map((p) => unescapeXml(partText(parts, p) ?? ''))
      .find((xml) => xml.includes('Contributions by partner'));
    expect(ours).toBeDefined();
    expect(ours).toContain('<c:barDir val="bar"/>');
    expect(ours).toContain('<c:grouping val="clustered"/>');
    expect(ours).toContain(`<c:f>'${SHEET}'!$B$5</c:f>`);
    expect(ours).toContain(`<c:f>'${SHEET}'!$A$6:$A$7</c:f>`);
    expect(ours).toContain(`<c:f>'${SHEET}'!$B$6:$B$7</c:f>`);
    expect(ours).toContain('formatCode="£#,##0"');
    expect(ours).toContain('Contribution (£)');
  });

  it.each([
    ['columnClustered', '<c:barDir val="col"/>', '<c:grouping val="clustered"/>'],
    ['columnStacked', '<c:barDir val="col"/>', '<c:grouping val="stacked"/>'],
    ['line', '<c:lineChart>', '<c:grouping val="standard"/>'],
  ] as const)('draws a %s chart', async (kind, first, second) => {
    const workbook = await planning();
    const layout = small('Chart', {
      values: [
        ['Quarter', 'Plan', 'Actual'],
        ['Q1', 10, 12],
        ['Q2', 20, 18],
      ],
      numberFormats: [0, 1, 2].map(() => ['General', 'General', 'General']),
      charts: [
        {
          kind,
          title: 'Plan and actual',
          sourceRange: 'A1:C3',
          placement: 'E1:K15',
          valueAxisFormat: '#,##0',
          categoryAxisTitle: 'Quarter',
        },
      ],
    });
    await workbook.writeSheets([layout]);
    const parts = await partsOf(await workbook.save());
    const xml =
      [...parts.keys()]
        .filter((p) => p.startsWith('xl/charts/chart'))
        .map((p) => partText(parts, p) ?? '')
        .find((x) => x.includes('Plan and actual')) ?? '';
    expect(xml).toContain(first);
    expect(xml).toContain(second);
    expect(xml.match(/<c:ser>/g)).toHaveLength(2);
    if (kind === 'columnStacked') expect(xml).toContain('<c:overlap val="100"/>');
  });
});

describe('writeSheets: owners and replacement', () => {
  it("marks written sheets as the add-in's, and that mark travels with the file", async () => {
    const workbook = await planning();
    expect(await workbook.sheetOwner(SHEET)).toBe('none');
    expect(await workbook.sheetOwner('Inputs')).toBe('user');
    await workbook.writeSheets([poolSheet().layout]);
    expect(await workbook.sheetOwner(SHEET)).toBe('addin');
    const again = await openXlsx(await workbook.save());
    expect(await again.sheetOwner(SHEET)).toBe('addin');
    expect(await again.sheetOwner(SHEET.toUpperCase())).toBe('addin');
    expect(await again.sheetOwner('Inputs')).toBe('user');
    const xml = partText(await partsOf(await again.save()), 'xl/workbook.xml') ?? '';
    expect(xml).toContain(
      '<definedName name="BCF_OWNER" localSheetId="3" hidden="1">&quot;bcf&quot;</definedName>',
    );
  });

  it('replaces its own sheet whole, at the same tab position', async () => {
    const workbook = await planning();
    await workbook.writeSheets([
      small('Summary', { tables: [{ name: 'Summary', range: 'A1:B2' }] }),
    ]);
    await workbook.writeSheets([poolSheet().layout]);
    await workbook.writeSheets([
      small('Summary', {
        values: [
          ['Only', 'this'],
          ['now', 1],
        ],
      }),
    ]);
    const book = await reread(workbook);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Inputs',
      'Metrics',
      'Dashboard',
      'Summary',
      SHEET,
    ]);
    const summary = sheetOf(book, 'Summary');
    expect(summary.getCell('A1').value).toBe('Only');
    expect(summary.getTables()).toHaveLength(0);
    expect(await (await openXlsx(await workbook.save())).sheetOwner('Summary')).toBe('addin');
  });

  it('leaves no orphan chart part behind when a sheet with a chart is replaced', async () => {
    const workbook = await planning();
    await workbook.writeSheets([poolSheet().layout]);
    await workbook.writeSheets([poolSheet().layout]);
    const parts = await partsOf(await workbook.save());
    expect([...parts.keys()].filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(2);
    expect([...parts.keys()].filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p))).toHaveLength(
      2,
    );
  });

  it("refuses to replace a user's sheet, writing nothing, unless asked", async () => {
    const workbook = await planning();
    const before = await partsOf(await workbook.save());
    await expect(workbook.writeSheets([small('Summary'), small('inputs')])).rejects.toMatchObject({
      code: 'WORKBOOK.SHEET_NOT_OURS',
      message:
        'The sheet "Inputs" was not made by the add-in, so it was left alone and nothing was written. Rename it, or choose to replace it.',
    });
    expect(await workbook.sheetOwner('Summary')).toBe('none');
    expect(await partsOf(await workbook.save())).toEqual(before);
    await workbook.writeSheets([small('Inputs')], { replaceUserSheets: true });
    expect(await workbook.sheetOwner('Inputs')).toBe('addin');
    expect(await workbook.listTables()).toEqual([expect.objectContaining({ name: 'Metrics' })]);
  });
});

describe('writeSheets: bad layouts are refused whole, naming the sheet', () => {
  it.each<[string, Partial<SheetWrite>, string]>([
    ['a ragged row', { values: [['a', 'b'], ['c']] }, 'Sheet "Bad": row 2 has 1 values, not 2.'],
    [
      'formats of another shape',
      { numberFormats: [['General', 'General']] },
      'Sheet "Bad": row 2 has 0 number formats for 2 values.',
    ],
    [
      'a number a cell cannot hold',
      {
        values: [
          ['a', 'b'],
          ['c', Number.NaN],
        ],
      },
      'Sheet "Bad": row 2, column 2 holds NaN, which a cell cannot.',
    ],
    [
      'a formula without "="',
      { formulas: [{ address: 'B2', formula: 'SUM(1,2)' }] },
      'Sheet "Bad": the formula for B2 does not start with "=": SUM(1,2)',
    ],
    [
      'an address that is not A1',
      { inputRanges: ['R1C1'] },
      'Sheet "Bad": Input range "R1C1" is not an A1 address.',
    ],
    [
      'a table name like a cell',
      { tables: [{ name: 'T1', range: 'A1:B2' }] },
      'Sheet "Bad": "T1" is not a valid table name (letters, digits, _ and ., starting with a letter or _, not a cell address).',
    ],
    [
      'a table without header text',
      {
        values: [
          ['a', null],
          ['c', 1],
        ],
        tables: [{ name: 'Tbl', range: 'A1:B2' }],
      },
      'Sheet "Bad": table Tbl needs a distinct header text in every column; row 1, column 2 has null.',
    ],
    [
      'a list item with a comma',
      { validations: [{ range: 'A2', list: ['a,b'] }] },
      'Sheet "Bad": the drop-down list on A2 must have items without commas, 255 characters in all; got ["a,b"].',
    ],
    [
      'a chart with no series',
      {
        charts: [
          {
            kind: 'line',
            title: 'Empty',
            sourceRange: 'A1:A2',
            placement: 'D1:H9',
            valueAxisFormat: '0',
          },
        ],
      },
      'Sheet "Bad": chart "Empty" needs a header row, a category column and at least one row and one series; A1:A2 has not.',
    ],
  ])('refuses %s', async (_what, change, message) => {
    const workbook = await planning();
    const before = await partsOf(await workbook.save());
    await expect(workbook.writeSheets([small('Fine'), small('Bad', change)])).rejects.toMatchObject(
      { code: 'WORKBOOK.BAD_LAYOUT', message },
    );
    expect(await workbook.sheetOwner('Fine')).toBe('none');
    expect(await partsOf(await workbook.save())).toEqual(before);
  });

  it('refuses a sheet name Excel does not allow, and a sheet laid out twice', async () => {
    const workbook = await planning();
    await expect(workbook.writeSheets([small('Q1/Q2')])).rejects.toMatchObject({
      code: 'WORKBOOK.BAD_LAYOUT',
    });
    await expect(workbook.writeSheets([small('Twice'), small('twice')])).rejects.toMatchObject({
      code: 'WORKBOOK.BAD_LAYOUT',
      message: 'Sheet "twice" is laid out twice in one write.',
    });
  });

  it('refuses a table name already used by a table on a sheet that stays', async () => {
    const workbook = await planning();
    await expect(
      workbook.writeSheets([small('New', { tables: [{ name: 'contracts', range: 'A1:B2' }] })]),
    ).rejects.toMatchObject({
      code: 'WORKBOOK.BAD_LAYOUT',
      message:
        'Sheet "New": the table name "contracts" is already used by a table on sheet "Inputs".',
    });
  });
});

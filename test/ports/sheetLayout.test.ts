import {
  isSheetName,
  isTableName,
  sheetLayoutFault,
  sheetLayoutsFault,
  tableNamesFault,
} from '../../src/ports/sheetLayout';
import type { SheetWrite } from '../../src/ports/workbook';

const good: SheetWrite = {
  sheet: 'Results',
  values: [
    ['Partner', 'Share'],
    ['NHS', 0.5],
    ['Council', 0.5],
  ],
  numberFormats: [
    ['General', 'General'],
    ['General', '0%'],
    ['General', '0%'],
  ],
  formulas: [{ address: 'B4', formula: '=SUM(B2:B3)' }],
  boldRows: [1],
  columnWidths: [20, 10],
  inputRanges: ['A2:B3'],
  validations: [{ range: 'A2:A3', list: ['NHS', 'Council'] }],
  tables: [{ name: 'Shares', range: 'A1:B3' }],
  charts: [
    {
      kind: 'columnClustered',
      title: 'Shares',
      sourceRange: 'A1:B3',
      placement: 'D1:K12',
      valueAxisFormat: '0%',
    },
  ],
};

const messageFor = (change: Partial<SheetWrite>): string | undefined =>
  sheetLayoutFault({ ...good, ...change })?.message;

describe('the layout check', () => {
  it('passes a layout every adapter can write', () => {
    expect(sheetLayoutFault(good)).toBeUndefined();
    expect(sheetLayoutsFault([good, { ...good, sheet: 'Other' }])).toBeUndefined();
  });

  it.each<[string, Partial<SheetWrite>, string]>([
    [
      'a sheet name Excel refuses',
      { sheet: 'Q1/Q2' },
      'Sheet "Q1/Q2": a sheet name must be 1 to 31 characters, without [ ] : * ? / \\ or a leading or trailing apostrophe.',
    ],
    [
      'a ragged row',
      { values: [['a', 'b'], ['c']], numberFormats: [['General', 'General'], ['General']] },
      'Sheet "Results": row 2 has 1 values, not 2.',
    ],
    [
      'formats of another shape',
      { values: [['a', 'b']], numberFormats: [['General']] },
      'Sheet "Results": row 1 has 1 number formats for 2 values.',
    ],
    [
      'more rows of formats than values',
      { values: [['a']], numberFormats: [['General'], ['General']], tables: [], charts: [] },
      'Sheet "Results": 2 rows of number formats for 1 rows of values.',
    ],
    [
      'an infinite number',
      { values: [['a', Number.POSITIVE_INFINITY]], numberFormats: [['General', 'General']] },
      'Sheet "Results": row 1, column 2 holds Infinity, which a cell cannot.',
    ],
    [
      'a formula cell that is not A1',
      { formulas: [{ address: 'B0', formula: '=1' }] },
      'Sheet "Results": Formula cell "B0" is not an A1 address.',
    ],
    [
      'a formula without "="',
      { formulas: [{ address: 'B4', formula: 'SUM(B2:B3)' }] },
      'Sheet "Results": the formula for B4 does not start with "=": SUM(B2:B3)',
    ],
    ['a bold row 0', { boldRows: [0] }, 'Sheet "Results": bold row 0 is not a row number.'],
    [
      'a column width over 255',
      { columnWidths: [256] },
      'Sheet "Results": column width 256 is not between 0 and 255 characters.',
    ],
    [
      'an input range that is not A1',
      { inputRanges: ['A:A'] },
      'Sheet "Results": Input range "A:A" is not an A1 address.',
    ],
    [
      'a drop-down range that is not A1',
      { validations: [{ range: 'Lists!A1', list: ['x'] }] },
      'Sheet "Results": Drop-down range "Lists!A1" is not an A1 address.',
    ],
    [
      'an empty drop-down list',
      { validations: [{ range: 'A2', list: [] }] },
      'Sheet "Results": the drop-down list on A2 must have items without commas, 255 characters in all; got [].',
    ],
    [
      'a drop-down list over 255 characters',
      { validations: [{ range: 'A2', list: ['x'.repeat(200), 'y'.repeat(55)] }] },
      `Sheet "Results": the drop-down list on A2 must have items without commas, 255 characters in all; got ${JSON.stringify(['x'.repeat(200), 'y'.repeat(55)])}.`,
    ],
    [
      'a drop-down source without its sheet',
      { validations: [{ range: 'A2', source: '$A$2:$A$9' }] },
      `Sheet "Results": the drop-down list on A2 must come from one column or row of cells with its sheet, like 'BCF Lists'!$A$2:$A$20; got "$A$2:$A$9".`,
    ],
    [
      'a drop-down source of two columns',
      { validations: [{ range: 'A2', source: "'BCF Lists'!$A$2:$B$9" }] },
      `Sheet "Results": the drop-down list on A2 must come from one column or row of cells with its sheet, like 'BCF Lists'!$A$2:$A$20; got "'BCF Lists'!$A$2:$B$9".`,
    ],
    [
      'a table name like a cell',
      { tables: [{ name: 'T1', range: 'A1:B3' }] },
      'Sheet "Results": "T1" is not a valid table name (letters, digits, _ and ., starting with a letter or _, not a cell address).',
    ],
    [
      'a table range that is not A1',
      { tables: [{ name: 'Shares', range: 'A1:B' }] },
      'Sheet "Results": Table Shares range "A1:B" is not an A1 address.',
    ],
    [
      'a table with headers differing only in case',
      {
        tables: [{ name: 'Shares', range: 'A1:B3' }],
        values: [
          ['Share', 'SHARE'],
          ['NHS', 1],
          ['LA', 1],
        ],
      },
      'Sheet "Results": table Shares needs a distinct header text in every column; row 1, column 2 has "SHARE".',
    ],
    [
      'a chart placement that is not A1',
      { charts: [{ ...good.charts[0]!, placement: 'here' }] },
      'Sheet "Results": Chart "Shares" placement "here" is not an A1 address.',
    ],
    [
      'a chart of an unknown kind',
      { charts: [{ ...good.charts[0]!, kind: 'pie' as 'line' }] },
      'Sheet "Results": chart kind "pie" is unknown.',
    ],
    [
      'a chart with no category column',
      { charts: [{ ...good.charts[0]!, sourceRange: 'B1:B3' }] },
      'Sheet "Results": chart "Shares" needs a header row, a category column and at least one row and one series; B1:B3 has not.',
    ],
  ])('refuses %s, naming the sheet and the fault', (_what, change, message) => {
    expect(messageFor(change)).toBe(message);
  });

  it('passes a drop-down read from one column or row of another sheet, longer than a literal list may be', () => {
    expect(
      messageFor({
        validations: [
          { range: 'A2:A3', source: "'BCF Lists'!$A$2:$A$300" },
          { range: 'B2', source: 'Lists!B1:Z1' },
        ],
      }),
    ).toBeUndefined();
  });

  it('gives the fault of the first bad layout, then a sheet laid out twice', () => {
    expect(sheetLayoutsFault([good, { ...good, sheet: 'Bad', boldRows: [-1] }])).toEqual({
      sheet: 'Bad',
      message: 'Sheet "Bad": bold row -1 is not a row number.',
    });
    expect(sheetLayoutsFault([good, { ...good, sheet: 'results' }])).toEqual({
      sheet: 'results',
      message: 'Sheet "results" is laid out twice in one write.',
    });
  });

  it('finds a table name already taken, whatever its case', () => {
    const other = { ...good, sheet: 'Other' };
    expect(tableNamesFault([good], [{ name: 'shares', sheet: 'Inputs' }], [])?.message).toBe(
      'Sheet "Results": the table name "Shares" is already used by a table on sheet "Inputs".',
    );
    expect(tableNamesFault([good], [], ['SHARES'])?.message).toBe(
      'Sheet "Results": the table name "Shares" is already used by a defined name.',
    );
    expect(tableNamesFault([good, other], [], [])?.message).toBe(
      'Sheet "Other": the table name "Shares" is already used by a table on sheet "Results".',
    );
    expect(tableNamesFault([good], [{ name: 'Contracts', sheet: 'Inputs' }], [])).toBeUndefined();
  });

  it.each([
    ['Results', true],
    ['BCF Results - Gain share', true],
    ['', false],
    ['   ', false],
    ['x'.repeat(32), false],
    ["'quoted'", false],
    ['a:b', false],
  ])('sheet name %p is allowed: %p', (name, allowed) => {
    expect(isSheetName(name)).toBe(allowed);
  });

  it.each([
    ['Contracts', true],
    ['_x.y', true],
    ['\\Totals', true],
    ['1st', false],
    ['ABC123', false],
    ['r', false],
    ['Gain share', false],
  ])('table name %p is allowed: %p', (name, allowed) => {
    expect(isTableName(name)).toBe(allowed);
  });
});

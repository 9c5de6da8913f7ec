/**
 * The workbook contract: every behaviour of the ports (src/ports/workbook.ts) that the
 * edges rely on, tested the same way against every adapter. An adapter's test calls
 * `describeWorkbookContract` with a factory that builds its workbook from a seed.
 */
import type { SheetWrite, Workbook } from '../../src/ports/workbook';
import type { WorkbookSeed } from './seed';
import type { SnapshotSheet, WorkbookSnapshot } from './snapshot';

/** A workbook under test and a way to look at what it holds. */
export interface ContractSubject {
  readonly workbook: Workbook;
  /** A snapshot of the workbook now (after saving, for a file adapter). */
  inspect(): Promise<WorkbookSnapshot>;
}

/** The adapter's codes for the errors the contract provokes. */
export interface ContractCodes {
  readonly tableNotFound: string;
  readonly userSheet: string;
}

const contracts: WorkbookSeed = {
  sheets: [
    { name: 'Cover', rows: [['BCF plan 2025/26']] },
    {
      name: 'Inputs',
      at: 'B3',
      rows: [
        ['Scheme name', ' Provider ', 'Budget (£)', '2024/25 outturn', 'Recurrent?', 'Code'],
        ['Falls prevention', 'Acme Community Trust', 12500.5, 11000, true, '0012'],
        ['Discharge to assess', '', 40000, null, false, '=not a formula'],
        ['Carers breaks', 'Borough Council', 0, -250.75, null, ''],
      ],
    },
    {
      name: 'Metrics',
      rows: [
        ['Metric', 'Target'],
        ['Avoidable admissions', 0.05],
      ],
    },
  ],
  tables: [
    { name: 'Contracts', sheet: 'Inputs', range: 'B3:G6' },
    { name: 'Metrics', sheet: 'Metrics', range: 'A1:B2' },
  ],
};

function resultSheet(sheet = 'Gain share results', rows = 3): SheetWrite {
  const values = [
    ['Gain share results', null, null],
    ['Partner', 'Share', 'Amount'],
    ...Array.from({ length: rows - 2 }, (_, i) => [`Partner ${i + 1}`, 0.5, 1000 + i]),
  ];
  return {
    sheet,
    values,
    numberFormats: values.map((row, r) =>
      row.map((_, c) => (r >= 2 && c === 2 ? '£#,##0.00' : 'General')),
    ),
    boldRows: [1, 2],
    columnWidths: [24, 10, 14],
    tables: [{ name: 'GainShareResults', range: `A2:C${rows}` }],
    charts: [
      {
        kind: 'columnClustered',
        title: 'Gain share by partner',
        sourceRange: `A2:C${rows}`,
        placement: 'E2:L18',
        valueAxisFormat: '£#,##0',
      },
    ],
  };
}

function sheetOf(snapshot: WorkbookSnapshot, name: string): SnapshotSheet {
  const sheet = snapshot.sheets.find((s) => s.name === name);
  if (!sheet)
    throw new Error(
      `No sheet ${name} in the snapshot: ${snapshot.sheets.map((s) => s.name).join(', ')}`,
    );
  return sheet;
}

/**
 * Registers the contract's tests for one adapter.
 *
 * @param name The adapter, for the test titles.
 * @param make Builds a fresh workbook from a seed.
 * @param codes The adapter's error codes for a missing table and a user's sheet in the way.
 */
export function describeWorkbookContract(
  name: string,
  make: (seed: WorkbookSeed) => Promise<ContractSubject>,
  codes: ContractCodes,
): void {
  describe(`workbook contract: ${name}`, () => {
    describe('reading tables', () => {
      it('lists every table in sheet order with headers, size and position', async () => {
        const { workbook } = await make(contracts);
        expect(await workbook.listTables()).toEqual([
          {
            name: 'Contracts',
            sheet: 'Inputs',
            headers: [
              'Scheme name',
              ' Provider ',
              'Budget (£)',
              '2024/25 outturn',
              'Recurrent?',
              'Code',
            ],
            rowCount: 3,
            headerRow: 3,
            firstColumn: 2,
          },
          {
            name: 'Metrics',
            sheet: 'Metrics',
            headers: ['Metric', 'Target'],
            rowCount: 1,
            headerRow: 1,
            firstColumn: 1,
          },
        ]);
      });

      it('reads bodies with blanks as "", numbers, booleans and text that looks like numbers or formulas', async () => {
        const { workbook } = await make(contracts);
        const [table] = await workbook.readTables(['Contracts']);
        expect(table?.rows).toEqual([
          ['Falls prevention', 'Acme Community Trust', 12500.5, 11000, true, '0012'],
          ['Discharge to assess', '', 40000, '', false, '=not a formula'],
          ['Carers breaks', 'Borough Council', 0, -250.75, '', ''],
        ]);
      });

      it('reads several tables in the order asked, matching names without regard to case', async () => {
        const { workbook } = await make(contracts);
        const tables = await workbook.readTables(['metrics', 'Contracts']);
        expect(tables.map((t) => [t.name, t.rows.length])).toEqual([
          ['Metrics', 1],
          ['Contracts', 3],
        ]);
      });

      it('refuses a missing table, naming it', async () => {
        const { workbook } = await make(contracts);
        await expect(workbook.readTables(['Contracts', 'Schemes'])).rejects.toMatchObject({
          code: codes.tableNotFound,
          message: expect.stringContaining('Schemes') as unknown,
        });
      });
    });

    describe('writing sheets', () => {
      it('creates a sheet with values, number formats, bold rows, widths, a table and a chart, marked as ours', async () => {
        const subject = await make(contracts);
        await subject.workbook.writeSheets([resultSheet()]);
        const snapshot = await subject.inspect();
        const sheet = sheetOf(snapshot, 'Gain share results');
        expect(sheet.ownedByAddin).toBe(true);
        expect(sheet.hidden).toBe(false);
        expect(sheet.cells.A1).toMatchObject({ value: 'Gain share results', bold: true });
        expect(sheet.cells.C3).toMatchObject({
          value: 1000,
          numberFormat: '£#,##0.00',
          bold: false,
        });
        expect(sheet.columnWidths).toMatchObject({ A: 24, B: 10, C: 14 });
        expect(snapshot.tables).toContainEqual({
          name: 'GainShareResults',
          sheet: 'Gain share results',
          range: 'A2:C3',
        });
        expect(snapshot.charts).toEqual([
          {
            sheet: 'Gain share results',
            kind: 'columnClustered',
            title: 'Gain share by partner',
            sourceRange: 'A2:C3',
            placement: 'E2:L18',
            valueAxisFormat: '£#,##0',
          },
        ]);
        expect(await subject.workbook.sheetOwner('Gain share results')).toBe('addin');
      });

      it('writes text that starts with =, +, - or @, or looks like a number, as text', async () => {
        const subject = await make(contracts);
        const texts = ['=SUM(A1:A3)', '+44 20 7946 0000', '-x', '@risk', '0012', 'TRUE'];
        await subject.workbook.writeSheets([
          {
            sheet: 'Notes',
            values: texts.map((t) => [t]),
            numberFormats: texts.map(() => ['General']),
            tables: [],
            charts: [],
          },
        ]);
        const cells = sheetOf(await subject.inspect(), 'Notes').cells;
        texts.forEach((text, i) => {
          expect(cells[`A${i + 1}`]?.value).toBe(text);
          expect(cells[`A${i + 1}`]?.formula).toBeUndefined();
        });
      });

      it('writes formulas the layout asks for as formulas', async () => {
        const subject = await make(contracts);
        await subject.workbook.writeSheets([
          {
            sheet: 'Totals',
            values: [['Total', null]],
            numberFormats: [['General', '£#,##0.00']],
            formulas: [{ address: 'B1', formula: '=SUM(Inputs!D4:D6)' }],
            tables: [],
            charts: [],
          },
        ]);
        expect(sheetOf(await subject.inspect(), 'Totals').cells.B1).toMatchObject({
          formula: '=SUM(Inputs!D4:D6)',
          numberFormat: '£#,##0.00',
        });
      });

      it('shades input ranges, adds drop-down lists and hides record sheets', async () => {
        const subject = await make(contracts);
        await subject.workbook.writeSheets([
          {
            sheet: 'Plan',
            values: [
              ['Scheme', 'Commissioner'],
              [null, null],
            ],
            numberFormats: [
              ['General', 'General'],
              ['General', 'General'],
            ],
            inputRanges: ['A2:B2'],
            validations: [{ range: 'B2', list: ['NHS', 'Local authority', 'Joint'] }],
            tables: [],
            charts: [],
          },
          {
            sheet: 'BCF records',
            values: [['x']],
            numberFormats: [['General']],
            hidden: true,
            tables: [],
            charts: [],
          },
        ]);
        const snapshot = await subject.inspect();
        expect(sheetOf(snapshot, 'Plan').cells.A2?.fill).toBe('#FFF2CC');
        expect(sheetOf(snapshot, 'Plan').validations).toEqual([
          { range: 'B2', list: ['NHS', 'Local authority', 'Joint'] },
        ]);
        expect(sheetOf(snapshot, 'BCF records').hidden).toBe(true);
      });

      it('replaces its own sheet whole on a second write, leaving other sheets alone', async () => {
        const subject = await make(contracts);
        await subject.workbook.writeSheets([resultSheet('Gain share results', 6)]);
        await subject.workbook.writeSheets([resultSheet('Gain share results', 3)]);
        const snapshot = await subject.inspect();
        const sheet = sheetOf(snapshot, 'Gain share results');
        expect(sheet.cells.A4).toBeUndefined();
        expect(sheet.cells.A3?.value).toBe('Partner 1');
        expect(snapshot.tables.filter((t) => t.name === 'GainShareResults')).toEqual([
          { name: 'GainShareResults', sheet: 'Gain share results', range: 'A2:C3' },
        ]);
        expect(snapshot.charts).toHaveLength(1);
        expect(sheetOf(snapshot, 'Inputs').cells.B4?.value).toBe('Falls prevention');
      });

      it("refuses to overwrite a user's sheet of the same name, naming it, and writes nothing", async () => {
        const subject = await make({
          ...contracts,
          sheets: [...contracts.sheets, { name: 'Gain share results', rows: [['my notes']] }],
        });
        expect(await subject.workbook.sheetOwner('Gain share results')).toBe('user');
        const other: SheetWrite = {
          sheet: 'Other results',
          values: [['x']],
          numberFormats: [['General']],
          tables: [],
          charts: [],
        };
        await expect(subject.workbook.writeSheets([other, resultSheet()])).rejects.toMatchObject({
          code: codes.userSheet,
          message: expect.stringContaining('Gain share results') as unknown,
        });
        const snapshot = await subject.inspect();
        expect(sheetOf(snapshot, 'Gain share results').cells.A1?.value).toBe('my notes');
        expect(snapshot.sheets.map((s) => s.name)).not.toContain('Other results');
      });

      it("replaces a user's sheet when asked to, and marks it as ours", async () => {
        const subject = await make({
          ...contracts,
          sheets: [...contracts.sheets, { name: 'Gain share results', rows: [['my notes']] }],
        });
        await subject.workbook.writeSheets([resultSheet()], { replaceUserSheets: true });
        expect(sheetOf(await subject.inspect(), 'Gain share results').cells.A1?.value).toBe(
          'Gain share results',
        );
        expect(await subject.workbook.sheetOwner('Gain share results')).toBe('addin');
      });

      it('reports a sheet that does not exist as "none"', async () => {
        const { workbook } = await make(contracts);
        expect(await workbook.sheetOwner('Nowhere')).toBe('none');
      });
    });

    describe('settings', () => {
      it('round-trips settings, replacing values and giving undefined for a missing key', async () => {
        const { workbook } = await make(contracts);
        await workbook.settings.set({
          'bcf.lastRun': '{"mechanism":"gainshare"}',
          'bcf.note': '=not a formula',
        });
        await workbook.settings.set({ 'bcf.note': 'second' });
        expect(await workbook.settings.get('bcf.lastRun')).toBe('{"mechanism":"gainshare"}');
        expect(await workbook.settings.get('bcf.note')).toBe('second');
        expect(await workbook.settings.get('bcf.missing')).toBeUndefined();
      });
    });

    describe('formulas', () => {
      const withFormulas: WorkbookSeed = {
        sheets: [
          {
            name: 'Model',
            rows: [['Share', 'Label', 'Total']],
            formulas: [
              { address: 'A2', formula: '=BCF.GAINSHARE(Inputs!B2:B5,0.5)', value: 1250.5 },
              { address: 'B2', formula: '=BCF.LABEL("=x")', value: '=x' },
              { address: 'C2', formula: '=SUM(A2:A2)', value: 1250.5 },
              { address: 'C3', formula: '=CONCAT("BCF.GAINSHARE(",1)', value: 'BCF.GAINSHARE(1' },
            ],
          },
        ],
      };

      it('finds only formulas that call the prefixed functions, with their values', async () => {
        const { workbook } = await make(withFormulas);
        expect(await workbook.formulas.findFormulas('BCF.')).toEqual([
          {
            sheet: 'Model',
            address: 'A2',
            formula: '=BCF.GAINSHARE(Inputs!B2:B5,0.5)',
            value: 1250.5,
          },
          { sheet: 'Model', address: 'B2', formula: '=BCF.LABEL("=x")', value: '=x' },
        ]);
      });

      it('replaces them with their values (text stays text) and puts them back', async () => {
        const subject = await make(withFormulas);
        const found = await subject.workbook.formulas.findFormulas('BCF.');
        await subject.workbook.formulas.setValues(found);
        let cells = sheetOf(await subject.inspect(), 'Model').cells;
        expect([cells.A2?.value, cells.A2?.formula, cells.B2?.value, cells.B2?.formula]).toEqual([
          1250.5,
          undefined,
          '=x',
          undefined,
        ]);
        expect(await subject.workbook.formulas.findFormulas('BCF.')).toEqual([]);
        await subject.workbook.formulas.setFormulas(found);
        cells = sheetOf(await subject.inspect(), 'Model').cells;
        expect([cells.A2?.formula, cells.B2?.formula, cells.C2?.formula]).toEqual([
          '=BCF.GAINSHARE(Inputs!B2:B5,0.5)',
          '=BCF.LABEL("=x")',
          '=SUM(A2:A2)',
        ]);
      });
    });

    describe('select', () => {
      it('accepts a cell on an existing sheet', async () => {
        const { workbook } = await make(contracts);
        await expect(workbook.select('Inputs', 'C4')).resolves.toBeUndefined();
      });
    });
  });
}

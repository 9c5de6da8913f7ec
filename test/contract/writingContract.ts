/** The writing part of the workbook contract: laid-out sheets, ownership, text kept as text. */
import type { ChartKind, ChartWrite, SheetWrite } from '../../src/ports/workbook';
import { contracts, resultSheet, sheetOf } from './contractFixtures';
import type { ContractCodes, ContractSubject } from './subject';
import type { WorkbookSeed } from './seed';

/** Registers the writing tests. */
export function describeWritingContract(
  make: (seed: WorkbookSeed) => Promise<ContractSubject>,
  codes: ContractCodes,
): void {
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
        name: 'GainLossShareResults',
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

    it('adds a drop-down that reads its items from a sheet written later in the same call', async () => {
      const subject = await make(contracts);
      const source = "'BCF Lists'!$A$2:$A$4";
      await subject.workbook.writeSheets([
        {
          sheet: 'Plan',
          values: [['Scheme type'], [null], [null]],
          numberFormats: [['General'], ['General'], ['General']],
          inputRanges: ['A2:A3'],
          validations: [{ range: 'A2:A3', source }],
          tables: [],
          charts: [],
        },
        {
          sheet: 'BCF Lists',
          values: [['Scheme type'], ['Assistive technologies'], ['Carers services'], ['Other']],
          numberFormats: [['General'], ['General'], ['General'], ['General']],
          hidden: true,
          tables: [],
          charts: [],
        },
      ]);
      const snapshot = await subject.inspect();
      expect(sheetOf(snapshot, 'Plan').validations).toEqual([{ range: 'A2:A3', source }]);
      expect(sheetOf(snapshot, 'BCF Lists').cells.A3?.value).toBe('Carers services');
    });

    it('refuses a drop-down source that is not one column or row of cells with its sheet', async () => {
      const subject = await make(contracts);
      const plan = (source: string): SheetWrite => ({
        sheet: 'Plan',
        values: [['Scheme type'], [null]],
        numberFormats: [['General'], ['General']],
        validations: [{ range: 'A2', source }],
        tables: [],
        charts: [],
      });
      for (const source of ['$A$2:$A$4', "'BCF Lists'!$A$2:$B$4", "'BCF Lists'!A:A"]) {
        await expect(subject.workbook.writeSheets([plan(source)])).rejects.toMatchObject({
          code: codes.badLayout,
          message: `Sheet "Plan": the drop-down list on A2 must come from one column or row of cells with its sheet, like 'BCF Lists'!$A$2:$A$20; got ${JSON.stringify(source)}.`,
        });
      }
      expect((await subject.inspect()).sheets.map((s) => s.name)).not.toContain('Plan');
    });

    it('replaces its own sheet whole on a second write, leaving other sheets alone', async () => {
      const subject = await make(contracts);
      await subject.workbook.writeSheets([resultSheet('Gain share results', 6)]);
      await subject.workbook.writeSheets([resultSheet('Gain share results', 3)]);
      const snapshot = await subject.inspect();
      const sheet = sheetOf(snapshot, 'Gain share results');
      expect(sheet.cells.A4).toBeUndefined();
      expect(sheet.cells.A3?.value).toBe('Partner 1');
      expect(snapshot.tables.filter((t) => t.name === 'GainLossShareResults')).toEqual([
        { name: 'GainLossShareResults', sheet: 'Gain share results', range: 'A2:C3' },
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

    const chart: ChartWrite = {
      kind: 'line',
      title: 'Trend',
      sourceRange: 'A1:B2',
      placement: 'D1:H9',
      valueAxisFormat: '0',
    };
    it.each<[string, Partial<SheetWrite>, string]>([
      [
        'a number a cell cannot hold',
        { values: [['x', Number.NaN]], numberFormats: [['General', 'General']] },
        'Sheet "Bad": row 1, column 2 holds NaN, which a cell cannot.',
      ],
      [
        'text longer than a cell holds (32,767 characters)',
        { values: [['x', 'y'.repeat(32_768)]], numberFormats: [['General', '@']] },
        'Sheet "Bad": row 1, column 2 holds 32768 characters of text, more than a cell holds (32767).',
      ],
      [
        'a table header longer than Excel takes (255 characters)',
        {
          values: [
            ['h', 'v'.repeat(256)],
            ['a', 1],
          ],
          tables: [{ name: 'BadTable', range: 'A1:B2' }],
        },
        'Sheet "Bad": table BadTable\'s header in row 1, column 2 has 256 characters; Excel takes at most 255.',
      ],
      [
        'a chart without a series',
        { charts: [{ ...chart, sourceRange: 'A1:A2' }] },
        'Sheet "Bad": chart "Trend" needs a header row, a category column and at least one row and one series; A1:A2 has not.',
      ],
      [
        'a chart of a kind the ports do not name',
        { charts: [{ ...chart, kind: 'pie' as ChartKind }] },
        'Sheet "Bad": chart kind "pie" is unknown.',
      ],
    ])('refuses %s alike, writing nothing', async (_what, change, message) => {
      const subject = await make(contracts);
      const bad: SheetWrite = {
        sheet: 'Bad',
        values: [
          ['h', 'v'],
          ['a', 1],
        ],
        numberFormats: [
          ['General', 'General'],
          ['General', 'General'],
        ],
        tables: [],
        charts: [],
        ...change,
      };
      await expect(subject.workbook.writeSheets([bad])).rejects.toMatchObject({
        code: codes.badLayout,
        message,
      });
      expect((await subject.inspect()).sheets.map((s) => s.name)).not.toContain('Bad');
    });

    it('reports a sheet that does not exist as "none"', async () => {
      const { workbook } = await make(contracts);
      expect(await workbook.sheetOwner('Nowhere')).toBe('none');
    });
  });
}

import { createMemoryExcel, ErrorCode, MemoryExcelError } from '../support/memory-excel';

const notLoadedMessage =
  "The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.";

describe('memory Excel proxies', () => {
  const seed = { sheets: [{ name: 'Data', cells: { A1: 'Scheme', B1: 12.5 } }] };

  it('throws PropertyNotLoaded, as Office.js does, when a property is read before load and sync', async () => {
    const excel = createMemoryExcel(seed);
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1:B1');
      // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read -- the read before load is what this test checks
      expect(() => range.values).toThrow(notLoadedMessage);
      range.load('values');
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load -- reading between load and sync must still throw
      expect(() => range.values).toThrow(MemoryExcelError);
      await context.sync();
      expect(range.values).toEqual([['Scheme', 12.5]]);
    });
  });

  it('gives the error the code, name and debug location of an OfficeExtension.Error', async () => {
    const excel = createMemoryExcel(seed);
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1');
      await context.sync();
      let caught: unknown;
      try {
        // eslint-disable-next-line office-addins/load-object-before-read -- the unloaded read is the point
        void range.address;
      } catch (error) {
        caught = error;
      }
      expect(caught).toMatchObject({
        name: 'RichApi.Error',
        code: ErrorCode.propertyNotLoaded,
        debugInfo: { errorLocation: 'Range.address' },
      });
    });
  });

  it('loads a snapshot: later changes to the workbook are not seen until loaded again', async () => {
    const excel = createMemoryExcel(seed);
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('B1');
      range.load('values');
      await context.sync();
      const cell = excel.cell('Data', 'B1');
      if (cell) cell.value = 99;
      expect(range.values).toEqual([[12.5]]);
      range.load('values');
      await context.sync();
      expect(range.values).toEqual([[99]]);
    });
  });

  it('keeps a written property readable on the proxy at once but changes the workbook only at sync', async () => {
    const excel = createMemoryExcel(seed);
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1');
      range.values = [['Pooled budget']];
      // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read -- Office.js keeps a set value readable on the proxy; this test checks the fake does too
      expect(range.values).toEqual([['Pooled budget']]);
      expect(excel.values('Data', 'A1')).toEqual([['Scheme']]);
      await context.sync();
      expect(excel.values('Data', 'A1')).toEqual([['Pooled budget']]);
    });
  });

  it('accepts the load forms Office.js accepts: list text, arrays, select/expand and option objects', async () => {
    const excel = createMemoryExcel(seed);
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      const a = sheet.getRange('A1').load('address, rowCount');
      const b = sheet.getRange('B1').load(['values', 'format/font/bold']);
      const c = sheet.getRange('A1:B1').load({ select: 'columnCount' });
      const d = sheet.getRange('A1').load({ format: { fill: { color: true } } });
      await context.sync();
      expect([a.address, a.rowCount]).toEqual(['Data!A1', 1]);
      expect([b.values, b.format.font.bold]).toEqual([[[12.5]], false]);
      expect(c.columnCount).toBe(2);
      expect(d.format.fill.color).toBe('#FFFFFF');
    });
  });

  it('refuses to load a property the fake does not model, rather than inventing a value', async () => {
    const excel = createMemoryExcel(seed);
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('A1');
      expect(() => range.load('text')).toThrow(/does not model Range.text/);
      await context.sync();
    });
  });

  it('loads collection items with "items/name" and plain "name"', async () => {
    const excel = createMemoryExcel({ sheets: [{ name: 'Inputs' }, { name: 'Results' }] });
    const names = await excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      const again = context.workbook.worksheets.load('name');
      await context.sync();
      return [sheets.items.map((s) => s.name), again.items.map((s) => s.name)];
    });
    expect(names).toEqual([
      ['Inputs', 'Results'],
      ['Inputs', 'Results'],
    ]);
  });
});

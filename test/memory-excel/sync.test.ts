import { createMemoryExcel, ErrorCode } from '../support/memory-excel';

describe('memory Excel sync', () => {
  it('applies queued writes in order at sync', async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      range.values = [['first']];
      range.values = [['second']];
      expect(excel.values('Sheet1', 'A1')).toEqual([['']]);
      await context.sync();
    });
    expect(excel.values('Sheet1', 'A1')).toEqual([['second']]);
  });

  it('lets an object created in a batch be used later in the same batch (add, then write to it)', async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add('Results');
      sheet.getRange('B2').values = [[42]];
      await context.sync();
    });
    expect(excel.values('Results', 'B2')).toEqual([[42]]);
  });

  it('stops a failing batch at the failing action, keeping what ran before it (no rollback, as in Excel)', async () => {
    const excel = createMemoryExcel();
    const failure = excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1').values = [['before']];
      context.workbook.worksheets.getItem('Missing').getRange('A1').values = [['never']];
      sheet.getRange('A2').values = [['after']];
      await context.sync();
    });
    await expect(failure).rejects.toMatchObject({
      code: ErrorCode.itemNotFound,
      debugInfo: { errorLocation: 'WorksheetCollection.getItem' },
    });
    expect(excel.values('Sheet1', 'A1:A2')).toEqual([['before'], ['']]);
  });

  it('delivers no loaded values from a failed sync', async () => {
    const excel = createMemoryExcel({ sheets: [{ name: 'Sheet1', cells: { A1: 5 } }] });
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1').load('values');
      context.workbook.tables.getItem('NoSuchTable');
      await expect(context.sync()).rejects.toMatchObject({ code: ErrorCode.itemNotFound });

      expect(() => range.values).toThrow(/is not available/);
    });
  });

  it('counts syncs, with the bytes each request and response carried', async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      range.values = [['abc', 12]];
      await context.sync();
      range.load('values');
      await context.sync();
    });
    expect(excel.syncCount).toBe(2);
    expect(excel.syncs[0]?.requestBytes).toBeGreaterThanOrEqual(
      JSON.stringify([['abc', 12]]).length,
    );
    expect(excel.syncs[1]?.responseBytes).toBeGreaterThanOrEqual(
      JSON.stringify([['abc', 12]]).length,
    );
    excel.resetCounters();
    expect(excel.syncCount).toBe(0);
  });

  it('makes no round trip, and counts no sync, for a request with nothing in it', async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      await context.sync();
      context.workbook.worksheets.getItem('Sheet1');
      await context.sync();
    });
    expect(excel.syncCount).toBe(1);
  });

  it('runs a final sync for actions left queued when the batch ends, as Excel.run does, and none otherwise', async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('C3').values = [['queued']];
      return Promise.resolve();
    });
    expect(excel.values('Sheet1', 'C3')).toEqual([['queued']]);
    expect(excel.syncCount).toBe(1);
    await excel.run(() => Promise.resolve());
    expect(excel.syncCount).toBe(1);
  });

  it('does not sync what a failing batch function left queued', async () => {
    const excel = createMemoryExcel();
    const run = excel.run((context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['lost']];
      return Promise.reject(new Error('stopped'));
    });
    await expect(run).rejects.toThrow('stopped');
    expect(excel.values('Sheet1', 'A1')).toEqual([['']]);
    expect(excel.syncCount).toBe(0);
  });
});

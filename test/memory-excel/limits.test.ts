import { createMemoryExcel, ErrorCode } from '../support/memory-excel';

function block(rows: number, columns: number, text: string): string[][] {
  return Array.from({ length: rows }, () => Array.from({ length: columns }, () => text));
}

describe('memory Excel limits (Excel on the web)', () => {
  it('refuses a request over 5 MB with RequestPayloadSizeLimitExceeded, applying none of it', async () => {
    const excel = createMemoryExcel();
    const values = block(1000, 10, 'x'.repeat(500)); // about 5.0 MB of JSON
    const run = excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('Z1').values = [['small write first']];
      sheet.getRange('A1:J1000').values = values;
      await context.sync();
    });
    await expect(run).rejects.toMatchObject({ code: ErrorCode.requestPayloadSizeLimitExceeded });
    expect(excel.values('Sheet1', 'Z1')).toEqual([['']]);
    expect(excel.syncs[0]?.failed).toBe('RequestPayloadSizeLimitExceeded');
  });

  it('refuses a response over 5 MB with ResponsePayloadSizeLimitExceeded', async () => {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A1:J500').values = block(
        500,
        10,
        'y'.repeat(600),
      );
      await context.sync();
      const first = context.workbook.worksheets
        .getItem('Sheet1')
        .getRange('A1:J500')
        .load('values');
      const second = context.workbook.worksheets
        .getItem('Sheet1')
        .getRange('A1:J500')
        .load('values');
      await expect(context.sync()).rejects.toMatchObject({
        code: ErrorCode.responsePayloadSizeLimitExceeded,
      });

      expect(() => [first.values, second.values]).toThrow(/not available/);
    });
  });

  it('refuses to read a range of more than five million cells with RangeExceedsLimit', async () => {
    const excel = createMemoryExcel();
    const run = excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A:E').load('values');
      await context.sync();
    });
    await expect(run).rejects.toMatchObject({ code: ErrorCode.rangeExceedsLimit });
  });

  it('takes smaller limits for tests that need to force chunking', async () => {
    const excel = createMemoryExcel(undefined, { limits: { responseBytes: 100 } });
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Sheet1');
      sheet.getRange('A1:A20').values = block(20, 1, 'abcdefghij');
      await context.sync();
      sheet.getRange('A1:A20').load('values');
      await expect(context.sync()).rejects.toMatchObject({
        code: ErrorCode.responsePayloadSizeLimitExceeded,
      });
    });
  });
});

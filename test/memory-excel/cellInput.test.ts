import { createMemoryExcel, TEXT_FORMAT } from '../support/memory-excel';

describe('memory Excel: strings written to values behave as typed into Excel', () => {
  async function write(
    values: unknown[][],
    textFormatFirst = false,
  ): Promise<ReturnType<typeof createMemoryExcel>> {
    const excel = createMemoryExcel();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange(`A1:A${values.length}`);
      if (textFormatFirst) range.numberFormat = values.map(() => [TEXT_FORMAT]);
      range.values = values;
      await context.sync();
    });
    return excel;
  }

  it('turns text starting with "=" into a formula, as Excel does', async () => {
    const excel = await write([['=SUM(B1:B3)']]);
    expect(excel.cell('Sheet1', 'A1')).toMatchObject({ formula: '=SUM(B1:B3)' });
  });

  it('turns "+" and "-" text into formulas and "@" text into a formula without the "@"', async () => {
    const excel = await write([['+B1'], ['-B1'], ['@B1']]);
    expect([1, 2, 3].map((r) => excel.cell('Sheet1', `A${r}`)?.formula)).toEqual([
      '=+B1',
      '=-B1',
      '=B1',
    ]);
  });

  it('turns numeric text into a number and TRUE into a boolean, and drops a leading apostrophe', async () => {
    const excel = await write([['0012'], ['TRUE'], ["'=kept"], ['-']]);
    expect(excel.values('Sheet1', 'A1:A4')).toEqual([[12], [true], ['=kept'], ['-']]);
  });

  it('keeps every string as text in a cell formatted as Text ("@") first', async () => {
    const excel = await write([['=SUM(B1:B3)'], ['+44 20'], ['0012'], ['@risk']], true);
    expect(excel.values('Sheet1', 'A1:A4')).toEqual([
      ['=SUM(B1:B3)'],
      ['+44 20'],
      ['0012'],
      ['@risk'],
    ]);
    expect(excel.cell('Sheet1', 'A1')?.formula).toBeUndefined();
  });

  it('reads formulas back through Range.formulas and their last values through Range.values', async () => {
    const excel = createMemoryExcel({
      sheets: [
        { name: 'Sheet1', cells: { A1: { value: 6, formula: '=BCF.SHARE(1,2)' }, A2: 'text' } },
      ],
    });
    const read = await excel.run(async (context) => {
      const range = context.workbook.worksheets
        .getItem('Sheet1')
        .getRange('A1:A2')
        .load('formulas, values');
      await context.sync();
      return [range.formulas, range.values];
    });
    expect(read).toEqual([
      [['=BCF.SHARE(1,2)'], ['text']],
      [[6], ['text']],
    ]);
  });

  it('holds text up to 32,767 characters and refuses longer text as InvalidArgument, as Excel does', async () => {
    const full = 'x'.repeat(32_767);
    const excel = await write([[full]], true);
    expect(excel.values('Sheet1', 'A1:A1')).toEqual([[full]]);
    await expect(write([['y'.repeat(32_768)]], true)).rejects.toMatchObject({
      name: 'RichApi.Error',
      code: 'InvalidArgument',
      debugInfo: {
        errorLocation: 'Range.values',
        innerError: 'Text of 32768 characters is more than a cell holds (32767).',
      },
    });
  });
});

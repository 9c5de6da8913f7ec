import { createMemoryExcel, ErrorCode } from '../support/memory-excel';

describe('memory Excel null objects', () => {
  const excel = (): ReturnType<typeof createMemoryExcel> =>
    createMemoryExcel({
      sheets: [{ name: 'Inputs', names: [{ name: 'BCF_OWNER', formula: '="x"' }] }],
    });

  it('reports isNullObject after a sync: true for a missing sheet, false for a present one', async () => {
    const result = await excel().run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Results');
      const present = context.workbook.worksheets.getItemOrNullObject('Inputs');
      await context.sync();
      return [missing.isNullObject, present.isNullObject];
    });
    expect(result).toEqual([true, false]);
  });

  it('throws PropertyNotLoaded for isNullObject before the sync', async () => {
    await excel().run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject('Inputs');
      // eslint-disable-next-line office-addins/call-sync-before-read -- reading isNullObject before the sync is what this test checks
      expect(() => sheet.isNullObject).toThrow(/isNullObject/);
      await context.sync();
    });
  });

  it('makes children of a null object null too, and reads of them undefined rather than errors', async () => {
    await excel().run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject('Results');
      const name = sheet.names.getItemOrNullObject('BCF_OWNER');
      name.load('formula');
      await context.sync();
      expect(name.isNullObject).toBe(true);
      const formula: unknown = name.formula;
      expect(formula).toBeUndefined();
    });
  });

  it('finds sheet-scoped names with getItemOrNullObject', async () => {
    const formula = await excel().run(async (context) => {
      const name = context.workbook.worksheets
        .getItem('Inputs')
        .names.getItemOrNullObject('BCF_OWNER');
      name.load('formula');
      await context.sync();
      const found: unknown = name.isNullObject ? undefined : name.formula;
      return found;
    });
    expect(formula).toBe('="x"');
  });

  it('raises ItemNotFound for getItem of a missing sheet, and for a write through a null object', async () => {
    const workbook = excel();
    await expect(
      workbook.run(async (context) => {
        context.workbook.worksheets.getItem('Results');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: ErrorCode.itemNotFound });
    await expect(
      workbook.run(async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject('Results');
        sheet.getRange('A1').values = [[1]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: ErrorCode.itemNotFound });
  });
});

import { openXlsx } from '../../src/adapters/xlsx';
import { Workbook } from '../../src/adapters/xlsx/excelts';
import { callsPrefix } from '../../src/adapters/xlsx/formulas';
import { bytesOf, planningWorkbook } from './fixtures';

describe('settings: stored in the file, so they travel with it', () => {
  it('gives undefined for a key never set, and back what was set after save and reopen', async () => {
    const workbook = await openXlsx(await bytesOf(planningWorkbook()));
    expect(await workbook.settings.get('bcf.lastRun')).toBeUndefined();
    const scenario = JSON.stringify({
      mechanism: 'pool',
      rule: 'proportional',
      note: 'Better Care Fund, 2025-26',
    });
    await workbook.settings.set({ 'bcf.lastRun': scenario, 'bcf.empty': '' });
    await workbook.settings.set({ 'bcf.lastRun': '{"mechanism":"gainshare"}' });
    const again = await openXlsx(await workbook.save());
    expect(await again.settings.get('bcf.lastRun')).toBe('{"mechanism":"gainshare"}');
    expect(await again.settings.get('bcf.empty')).toBe('');
    expect(await again.settings.get('BCF.LASTRUN')).toBeUndefined();
  });

  it('keeps them on a very hidden sheet of the add-in, which holds no table', async () => {
    const workbook = await openXlsx(await bytesOf(planningWorkbook()));
    await workbook.settings.set({ 'bcf.lastRun': '{}' });
    const again = await openXlsx(await workbook.save());
    expect(await again.sheetOwner('BCF_Settings')).toBe('addin');
    expect((await again.listTables()).map((t) => t.sheet)).not.toContain('BCF_Settings');
    const book = new Workbook();
    await book.xlsx.load(await again.save());
    expect(book.getWorksheet('BCF_Settings')?.state).toBe('veryHidden');
  });

  it('keeps a value as long as a cell holds, and refuses a longer one naming the key', async () => {
    const workbook = await openXlsx(await bytesOf(planningWorkbook()));
    const long = 'x'.repeat(32_767);
    await workbook.settings.set({ big: long });
    expect(await (await openXlsx(await workbook.save())).settings.get('big')).toBe(long);
    await expect(workbook.settings.set({ ok: 'fine', bigger: `${long}x` })).rejects.toMatchObject({
      code: 'WORKBOOK.BAD_SETTING',
      message: 'The setting "bigger" is longer than an Excel cell holds (32767 characters).',
    });
    expect(await workbook.settings.get('ok')).toBeUndefined();
  });
});

/** A workbook with the add-in's formulas, as a user's plan would hold them. */
async function withFunctions(): Promise<Uint8Array> {
  const book = new Workbook();
  const sheet = book.addWorksheet('Plan');
  sheet.getCell('A1').value = { formula: 'BCF.GAINSHARE(B1:B3,0.5)', result: 1250.5 };
  sheet.getCell('A2').value = { formula: 'SUM(A1,bcf.capitation(C1))', result: 'Over budget' };
  sheet.getCell('A3').value = { formula: 'SUM(B1:B3)', result: 6 };
  sheet.getCell('A4').value = { formula: 'CONCAT("BCF.GAINSHARE(",B1)', result: 'BCF.GAINSHARE(1' };
  sheet.getCell('A5').value = { formula: '_xldudf_BCF_ACHIEVEMENT(B2)', result: 0.75 };
  sheet.getCell('A6').value = { formula: 'BCF.CHECK(B1)', result: true };
  sheet.getCell('A6').numFmt = '£#,##0.00';
  sheet.getCell('B1').value = 1;
  book.addWorksheet('Other').getCell('C3').value = { formula: 'BCF.POOL(Plan!B1)', result: 99 };
  return bytesOf(book);
}

describe('formulas: prepare for sharing and restore', () => {
  it("finds every cell calling one of the add-in's functions, with its saved value", async () => {
    const workbook = await openXlsx(await withFunctions());
    expect(await workbook.formulas.findFormulas('BCF.')).toEqual([
      { sheet: 'Plan', address: 'A1', formula: '=BCF.GAINSHARE(B1:B3,0.5)', value: 1250.5 },
      {
        sheet: 'Plan',
        address: 'A2',
        formula: '=SUM(A1,bcf.capitation(C1))',
        value: 'Over budget',
      },
      { sheet: 'Plan', address: 'A5', formula: '=_xldudf_BCF_ACHIEVEMENT(B2)', value: 0.75 },
      { sheet: 'Plan', address: 'A6', formula: '=BCF.CHECK(B1)', value: true },
      { sheet: 'Other', address: 'C3', formula: '=BCF.POOL(Plan!B1)', value: 99 },
    ]);
  });

  it('turns them into constants, text staying text, and puts them back, across save and reopen', async () => {
    const workbook = await openXlsx(await withFunctions());
    const found = await workbook.formulas.findFormulas('BCF.');
    await workbook.formulas.setValues(found);
    const shared = await openXlsx(await workbook.save());
    expect(await shared.formulas.findFormulas('BCF.')).toEqual([]);
    const book = new Workbook();
    await book.xlsx.load(await shared.save());
    const plan = book.getWorksheet('Plan');
    expect(plan?.getCell('A1').value).toBe(1250.5);
    expect(plan?.getCell('A2').value).toBe('Over budget');
    expect(plan?.getCell('A6').value).toBe(true);
    expect(plan?.getCell('A6').numFmt).toBe('£#,##0.00');
    expect(plan?.getCell('A3').formula).toBe('SUM(B1:B3)');
    await shared.formulas.setFormulas(found);
    const restored = await openXlsx(await shared.save());
    expect(await restored.formulas.findFormulas('BCF.')).toEqual(found);
  });

  it('changes no cell when one of them names a sheet that is not there', async () => {
    const workbook = await openXlsx(await withFunctions());
    const [first] = await workbook.formulas.findFormulas('BCF.');
    if (!first) throw new Error('no formula found');
    await expect(
      workbook.formulas.setValues([first, { ...first, sheet: 'Gone' }]),
    ).rejects.toMatchObject({
      code: 'WORKBOOK.SHEET_NOT_FOUND',
      message: 'There is no sheet "Gone" (cell A1); nothing was changed.',
    });
    expect(await workbook.formulas.findFormulas('BCF.')).toHaveLength(5);
  });

  it.each([
    ['=BCF.GAINSHARE(A1)', true],
    ['=bcf.gainshare(A1)', true],
    ['=SUM(A1)', false],
    ['="BCF.GAINSHARE(" & A1', false],
    ['=XBCF.GAINSHARE(A1)', false],
    ['=_xldudf_BCF_GAINSHARE(A1)', true],
  ])('callsPrefix(%s, "BCF.") is %s', (formula, expected) => {
    expect(callsPrefix(formula, 'BCF.')).toBe(expected);
  });
});

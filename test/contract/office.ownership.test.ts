/**
 * Ownership marks as Excel on the web and Windows may give them (issue 12, item 8): a
 * workbook-level BCF_OWNER seen through a sheet's names (office-js issue 1011) must not
 * make a user's sheet look like the add-in's; a hidden mark that Excel leaves visible
 * (office-js issue 3878) is hidden again; a deleted mark never lets a sheet be replaced.
 */
import { OfficeErrorCode, OfficeWorkbook } from '../../src/adapters/office';
import type { SheetWrite } from '../../src/ports/workbook';
import { createMemoryExcel, type Behaviour } from '../support/memory-excel';

const results: SheetWrite = {
  sheet: 'Results',
  values: [
    ['Partner', 'Amount'],
    ['NHS', 10],
  ],
  numberFormats: [
    ['General', 'General'],
    ['General', '0'],
  ],
  tables: [],
  charts: [],
};

const web: Partial<Behaviour> = { sheetNamesIncludeWorkbookNames: true };

describe.each([
  ['Excel on the web', web],
  ['Excel on Windows', {}],
])('Office adapter ownership marks (%s)', (_host, behaviour) => {
  it("does not take a user's sheet for its own because of a workbook-level BCF_OWNER", async () => {
    const excel = createMemoryExcel(
      {
        sheets: [{ name: 'Results', cells: { A1: 'my notes' } }],
        names: [{ name: 'BCF_OWNER', formula: '="bcf"' }],
      },
      { behaviour },
    );
    const workbook = new OfficeWorkbook(excel.run);
    expect(await workbook.sheetOwner('Results')).toBe('user');
    await expect(workbook.writeSheets([results])).rejects.toMatchObject({
      code: OfficeErrorCode.SHEET_NOT_OURS,
    });
    expect(excel.values('Results', 'A1:B1')).toEqual([['my notes', '']]);
  });

  it('never replaces a sheet whose mark the user deleted', async () => {
    const excel = createMemoryExcel({}, { behaviour });
    const workbook = new OfficeWorkbook(excel.run);
    await workbook.writeSheets([results]);
    const sheet = excel.sheet('Results');
    if (sheet) sheet.names = [];
    expect(await workbook.sheetOwner('Results')).toBe('user');
    await expect(workbook.writeSheets([results])).rejects.toMatchObject({
      code: OfficeErrorCode.SHEET_NOT_OURS,
    });
  });

  it('still knows its own sheets (sheet-scoped mark) and rewrites them', async () => {
    const excel = createMemoryExcel({}, { behaviour });
    const workbook = new OfficeWorkbook(excel.run);
    await workbook.writeSheets([results]);
    expect(await workbook.sheetOwner('Results')).toBe('addin');
    await workbook.writeSheets([
      {
        ...results,
        values: [
          ['Partner', 'Amount'],
          ['LA', 5],
        ],
      },
    ]);
    expect(excel.values('Results', 'A2:B2')).toEqual([['LA', 5]]);
  });
});

describe('Office adapter ownership marks: hiding', () => {
  it('hides the mark again when Excel ignores visible = false queued with the add (office-js issue 3878)', async () => {
    const excel = createMemoryExcel({}, { behaviour: { hidingNewNameIgnored: true } });
    await new OfficeWorkbook(excel.run).writeSheets([results]);
    expect(excel.sheet('Results')?.names).toEqual([
      { name: 'BCF_OWNER', formula: '="bcf"', visible: false, comment: '' },
    ]);
  });

  it("hides the settings sheet's mark too, again if Excel ignored it", async () => {
    for (const hidingNewNameIgnored of [false, true]) {
      const excel = createMemoryExcel({}, { behaviour: { hidingNewNameIgnored } });
      await new OfficeWorkbook(excel.run).settings.set({ 'bcf.last': 'pool' });
      expect(excel.sheet('BCF_Settings')?.names).toEqual([
        { name: 'BCF_OWNER', formula: '="bcf"', visible: false, comment: '' },
      ]);
    }
  });

  it('takes no extra sync when Excel honours it', async () => {
    const honouring = createMemoryExcel();
    await new OfficeWorkbook(honouring.run).writeSheets([results]);
    const ignoring = createMemoryExcel({}, { behaviour: { hidingNewNameIgnored: true } });
    await new OfficeWorkbook(ignoring.run).writeSheets([results]);
    expect([honouring.syncCount, ignoring.syncCount]).toEqual([2, 3]);
  });
});

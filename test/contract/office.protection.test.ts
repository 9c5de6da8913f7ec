/**
 * Protection (issue 12, item 7): the Office adapter checks sheet and workbook-structure
 * protection in its first read, so a protected workbook gets a typed error saying so and
 * nothing is written, rather than Excel's AccessDenied half-way through a run.
 */
import { OfficeErrorCode, OfficeWorkbook } from '../../src/adapters/office';
import type { SheetWrite } from '../../src/ports/workbook';
import { createMemoryExcel } from '../support/memory-excel';

function layout(sheet: string, amount: number): SheetWrite {
  return {
    sheet,
    values: [
      ['Partner', 'Amount'],
      ['NHS', amount],
    ],
    numberFormats: [
      ['General', 'General'],
      ['General', '0'],
    ],
    tables: [],
    charts: [],
  };
}

async function written() {
  const excel = createMemoryExcel();
  const workbook = new OfficeWorkbook(excel.run);
  await workbook.writeSheets([layout('Results', 10)]);
  await workbook.settings.set({ 'bcf.last': 'pool' });
  return { excel, workbook };
}

describe('Office adapter and protection', () => {
  it('refuses to rewrite a protected sheet, saying so, and writes nothing', async () => {
    const { excel, workbook } = await written();
    const results = excel.sheet('Results');
    if (results) results.protected = true;
    await expect(
      workbook.writeSheets([layout('Results', 20), layout('Other', 1)]),
    ).rejects.toMatchObject({
      code: OfficeErrorCode.PROTECTED,
      sheet: 'Results',
      message:
        'The sheet "Results" is protected, so nothing was written. Unprotect it (Review → Unprotect Sheet) and try again.',
    });
    expect(excel.values('Results', 'B2')).toEqual([[10]]);
    expect(excel.sheet('Other')).toBeUndefined();
  });

  it('refuses a write that would add a sheet to a structure-protected workbook before touching the sheets that exist', async () => {
    const { excel, workbook } = await written();
    excel.model.structureProtected = true;
    excel.resetCounters();
    await expect(
      workbook.writeSheets([layout('Results', 20), layout('Chart data', 1)]),
    ).rejects.toMatchObject({
      code: OfficeErrorCode.PROTECTED,
      message:
        'The workbook\'s structure is protected, so the add-in cannot add or rename "Chart data"; nothing was written. Unprotect it (Review → Protect Workbook) and try again.',
    });
    expect(excel.values('Results', 'B2')).toEqual([[10]]);
    expect(excel.syncs.every((s) => s.failed === undefined)).toBe(true);
  });

  it('rewrites the sheets that exist in a structure-protected workbook (no sheet is added, hidden or renamed)', async () => {
    const { excel, workbook } = await written();
    excel.model.structureProtected = true;
    await workbook.writeSheets([layout('Results', 20)]);
    expect(excel.values('Results', 'B2')).toEqual([[20]]);
  });

  it('refuses when the run could not save its parameters afterwards (no settings sheet to add)', async () => {
    const excel = createMemoryExcel();
    const workbook = new OfficeWorkbook(excel.run);
    await workbook.writeSheets([layout('Results', 10)]);
    excel.model.structureProtected = true;
    await expect(workbook.writeSheets([layout('Results', 20)])).rejects.toMatchObject({
      code: OfficeErrorCode.PROTECTED,
      message:
        "The workbook's structure is protected, so the add-in cannot add or rename its settings sheet; nothing was written. Unprotect it (Review → Protect Workbook) and try again.",
    });
    await expect(workbook.settings.set({ 'bcf.last': 'pool' })).rejects.toMatchObject({
      code: OfficeErrorCode.PROTECTED,
    });
    expect(excel.values('Results', 'B2')).toEqual([[10]]);
  });

  it("refuses to replace formulas on a protected sheet of the user's, changing nothing", async () => {
    const excel = createMemoryExcel({
      sheets: [
        { name: 'Open', cells: { A1: { formula: '=BCF.P4P(1,2,3)', value: 5 } } },
        {
          name: 'Locked',
          protected: true,
          cells: { A1: { formula: '=BCF.P4P(4,5,6)', value: 6 } },
        },
      ],
    });
    const formulas = new OfficeWorkbook(excel.run).formulas;
    const found = await formulas.findFormulas('BCF.');
    await expect(formulas.setValues(found)).rejects.toMatchObject({
      code: OfficeErrorCode.PROTECTED,
      message:
        'The sheet "Locked" is protected, so its formulas were left as they are and nothing was changed. Unprotect it (Review → Unprotect Sheet) and try again.',
    });
    expect(excel.cell('Open', 'A1')?.formula).toBe('=BCF.P4P(1,2,3)');
  });
});

import { OfficeWorkbook } from '../../src/adapters/office';
import { WorkbookError } from '../../src/workbook/errors';
import { prepareForSharing, restoreFormulas, SHARED_SHEET } from '../../src/workbook/sharing';
import { createMemoryExcel } from '../support/memory-excel';

const now = new Date('2025-06-01T14:03:05Z');

function book() {
  const excel = createMemoryExcel({
    sheets: [
      {
        name: 'Summary',
        cells: {
          A1: 'CCG share',
          B1: {
            formula: '=BCF.POOLSHARE(Contributions[Amount],1)',
            value: 0.4094,
            numberFormat: '0.00%',
          },
          B2: { formula: '=SUM(1,2)', value: 3 },
          B3: { formula: '=bcf.tieredshare(B2,"x")', value: '=not a formula' },
          B4: { formula: '="BCF.POOLSHARE(" & A1', value: 'BCF.POOLSHARE(CCG share' },
        },
      },
      {
        name: 'Notes',
        cells: { A1: 'untouched', B9: { formula: '=BCF.P4P(1,2,3)', value: 18750 } },
      },
    ],
  });
  return { excel, workbook: new OfficeWorkbook(excel.run, excel) };
}

describe('prepareForSharing and restoreFormulas (in-memory Excel, Office adapter)', () => {
  it('replaces each =BCF.* formula with its value, records it, and leaves everything else', async () => {
    const { excel, workbook } = book();
    expect(await prepareForSharing(workbook, { now })).toEqual({
      converted: 3,
      recorded: 3,
      notConverted: [],
    });
    expect(excel.cell('Summary', 'B1')).toMatchObject({ value: 0.4094, numberFormat: '0.00%' });
    expect(excel.cell('Summary', 'B1')?.formula).toBeUndefined();
    expect(excel.cell('Summary', 'B3')).toMatchObject({ value: '=not a formula' });
    expect(excel.cell('Summary', 'B3')?.formula).toBeUndefined();
    expect(excel.cell('Summary', 'B2')).toMatchObject({ formula: '=SUM(1,2)' });
    expect(excel.cell('Summary', 'B4')).toMatchObject({ formula: '="BCF.POOLSHARE(" & A1' });
    expect(excel.values(SHARED_SHEET, 'A5:D8')).toEqual([
      ['Sheet', 'Address', 'Formula', 'Value when shared'],
      ['Summary', 'B1', '=BCF.POOLSHARE(Contributions[Amount],1)', 0.4094],
      ['Summary', 'B3', '=bcf.tieredshare(B2,"x")', '=not a formula'],
      ['Notes', 'B9', '=BCF.P4P(1,2,3)', 18750],
    ]);
    expect(excel.cell(SHARED_SHEET, 'C6')?.formula).toBeUndefined();
  });

  it('is safe to run twice, and restoring (twice) puts the formulas back', async () => {
    const { excel, workbook } = book();
    await prepareForSharing(workbook, { now });
    expect(await prepareForSharing(workbook, { now })).toEqual({
      converted: 0,
      recorded: 3,
      notConverted: [],
    });
    expect(await restoreFormulas(workbook)).toEqual({ restored: 3 });
    expect(await restoreFormulas(workbook)).toEqual({ restored: 3 });
    expect(excel.cell('Summary', 'B1')?.formula).toBe('=BCF.POOLSHARE(Contributions[Amount],1)');
    expect(excel.cell('Notes', 'B9')?.formula).toBe('=BCF.P4P(1,2,3)');
    expect(excel.cell('Notes', 'A1')?.value).toBe('untouched');
    expect(await prepareForSharing(workbook, { now })).toEqual({
      converted: 3,
      recorded: 3,
      notConverted: [],
    });
  });

  it('refuses to restore without a record', async () => {
    const { workbook } = book();
    await expect(restoreFormulas(workbook)).rejects.toThrow(WorkbookError);
    await expect(restoreFormulas(workbook)).rejects.toThrow('no "BCF Shared formulas" record');
  });
});

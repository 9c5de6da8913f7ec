/**
 * Prepare for sharing with results that spill or are errors (issue 12, item 1), over the
 * Office adapter and the in-memory Excel: a spilled block is frozen whole and restored as
 * its one formula; an error result is left as a formula and reported; a host without
 * ExcelApi 1.12 declines to freeze the functions that spill.
 */
import { OfficeWorkbook } from '../../src/adapters/office';
import { prepareForSharing, restoreFormulas, SHARED_SHEET } from '../../src/workbook/sharing';
import { createMemoryExcel } from '../support/memory-excel';

const now = new Date('2025-06-01T14:03:05Z');
const GAINSHARE = '=BCF.GAINSHARE(25175000,23000000,A2:C3,B1:C1)';
const TIERED = '=BCF.TIEREDSHARE(25175000,23000000,5%,50%)';
const SCHEDULE = '=BCF.CAPITATIONSCHEDULE(1,26500000,5,1.3%)';
const schedule = [[26500000], [26844500], [27193478.5], [27546993.72], [27905104.64]];

function book(excelApi = '1.13') {
  const excel = createMemoryExcel(
    {
      sheets: [
        {
          name: 'Shares',
          cells: {
            E2: { formula: GAINSHARE, spill: [[1716875, 458125]] },
            E4: { formula: TIERED, spill: [[1716875, 458125]] },
            E6: { formula: '=BCF.TIEREDSHARE(1,"x",5%,50%)', value: '#VALUE!', error: true },
            E7: { formula: '=BCF.P4P(1000000,2.5%,A2:A3,B2:B3)', value: 21250 },
            E8: { formula: '=BCF.GAINSHARE(1,2,A2:C3,B1:C1)', spill: [[5, '#N/A']] },
          },
        },
        { name: 'Budget', cells: { B2: { formula: SCHEDULE, spill: schedule } } },
      ],
    },
    { behaviour: { excelApi } },
  );
  const workbook = new OfficeWorkbook(excel.run, { isSetSupported: excel.isSetSupported });
  return { excel, workbook };
}

describe('prepare for sharing with spilled and error results', () => {
  it('freezes each spilled block whole and records it by its block', async () => {
    const { excel, workbook } = book();
    const outcome = await prepareForSharing(workbook, { now });
    expect(outcome.converted).toBe(4);
    expect(excel.values('Shares', 'E2:F4')).toEqual([
      [1716875, 458125],
      ['', ''],
      [1716875, 458125],
    ]);
    expect(excel.cell('Shares', 'E2')?.formula).toBeUndefined();
    expect(excel.values('Budget', 'B2:B6')).toEqual(schedule);
    expect(excel.cell('Budget', 'B2')?.formula).toBeUndefined();
    expect(excel.values(SHARED_SHEET, 'A6:D9')).toEqual([
      ['Shares', 'E2:F2', GAINSHARE, 1716875],
      ['Shares', 'E4:F4', TIERED, 1716875],
      ['Shares', 'E7', '=BCF.P4P(1000000,2.5%,A2:A3,B2:B3)', 21250],
      ['Budget', 'B2:B6', SCHEDULE, 26500000],
    ]);
  });

  it('leaves error results as formulas and says which cells and why', async () => {
    const { excel, workbook } = book();
    const { notConverted } = await prepareForSharing(workbook, { now });
    expect(notConverted).toEqual([
      {
        sheet: 'Shares',
        address: 'E6',
        formula: '=BCF.TIEREDSHARE(1,"x",5%,50%)',
        reason: 'its result is #VALUE!, not a figure',
      },
      {
        sheet: 'Shares',
        address: 'E8',
        formula: '=BCF.GAINSHARE(1,2,A2:C3,B1:C1)',
        reason: 'its result is #N/A, not a figure',
      },
    ]);
    expect(excel.cell('Shares', 'E6')).toMatchObject({ formula: '=BCF.TIEREDSHARE(1,"x",5%,50%)' });
    expect(excel.cell('Shares', 'E8')?.formula).toBe('=BCF.GAINSHARE(1,2,A2:C3,B1:C1)');
  });

  it('restores each spilled block as its one formula, the block cleared for the spill', async () => {
    const { excel, workbook } = book();
    await prepareForSharing(workbook, { now });
    expect(await restoreFormulas(workbook)).toEqual({ restored: 4 });
    expect(excel.cell('Shares', 'E2')?.formula).toBe(GAINSHARE);
    expect(excel.cell('Budget', 'B2')?.formula).toBe(SCHEDULE);
    // The fake does not calculate: the block is left empty for Excel to spill into.
    expect(excel.values('Shares', 'F2')).toEqual([['']]);
    expect(excel.values('Budget', 'B3:B6')).toEqual([[''], [''], [''], ['']]);
  });

  it('on a host without ExcelApi 1.12 freezes only the functions that do not spill, and says why', async () => {
    const { excel, workbook } = book('1.11');
    const outcome = await prepareForSharing(workbook, { now });
    expect(outcome.converted).toBe(1);
    expect(excel.cell('Shares', 'E7')?.formula).toBeUndefined();
    expect(excel.cell('Shares', 'E2')?.formula).toBe(GAINSHARE);
    expect(outcome.notConverted.map((c) => `${c.sheet}!${c.address}: ${c.reason}`)).toEqual([
      'Shares!E2: its result spills over several cells, and this version of Excel cannot say which (it needs ExcelApi 1.12)',
      'Shares!E4: its result spills over several cells, and this version of Excel cannot say which (it needs ExcelApi 1.12)',
      'Shares!E6: its result is #VALUE!, not a figure',
      'Shares!E8: its result spills over several cells, and this version of Excel cannot say which (it needs ExcelApi 1.12)',
      'Budget!B2: its result spills over several cells, and this version of Excel cannot say which (it needs ExcelApi 1.12)',
    ]);
  });
});

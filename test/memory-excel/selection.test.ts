/**
 * The selection in the in-memory Excel, as @types/office-js documents it: there is
 * always one (A1 of the active sheet until something selects another), several areas
 * selected make `getSelectedRange` fail with InvalidSelection, and a range's used part
 * is ItemNotFound (or a null object) when none of it is used.
 */
import { createMemoryExcel } from '../support/memory-excel';

describe('the selection and a range’s used part', () => {
  it('is A1 of the active sheet until the user selects, then what the user selected', async () => {
    const excel = createMemoryExcel({ sheets: [{ name: 'First' }, { name: 'Data' }] });
    const read = () =>
      excel.run(async (context) => {
        const range = context.workbook.getSelectedRange().load('address');
        await context.sync();
        return range.address;
      });
    const active = () =>
      excel.run(async (context) => {
        const cell = context.workbook.getActiveCell().load('address');
        await context.sync();
        return cell.address;
      });
    expect([await read(), await active()]).toEqual(['First!A1', 'First!A1']);
    excel.userSelects('Data', 'B3:D8');
    expect([await read(), await active()]).toEqual(['Data!B3:D8', 'Data!B3']);
  });

  it('fails with InvalidSelection when several areas are selected', async () => {
    const excel = createMemoryExcel({ sheets: [{ name: 'Data' }] });
    excel.userSelects('Data', 'B3:B8,D3:D8');
    await expect(
      excel.run(async (context) => {
        context.workbook.getSelectedRange().load('address');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidSelection' });
  });

  it('gives ItemNotFound for the used part of an unused range, and a null object from …OrNullObject', async () => {
    const excel = createMemoryExcel({ sheets: [{ name: 'Data', cells: { A1: 'x', C5: 1 } }] });
    const used = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      const some = sheet.getRange('B2:D9').getUsedRange(true).load('address');
      const none = sheet.getRange('F1:G2').getUsedRangeOrNullObject(true).load('address');
      await context.sync();
      return [some.address, none.isNullObject];
    });
    // The used part is the range's meet with the sheet's used range (A1:C5).
    expect(used).toEqual(['Data!B2:C5', true]);
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets
          .getItem('Data')
          .getRange('F1:G2')
          .getUsedRange()
          .load('address');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });
});

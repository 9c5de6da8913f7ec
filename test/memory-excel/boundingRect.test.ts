/** `Range.getBoundingRect`, which office.js uses to write a large array in chunks of rows. */
import { createMemoryExcel } from '../support/memory-excel';

describe('Range.getBoundingRect', () => {
  it('is the smallest range holding both, given a range or an address', async () => {
    const excel = createMemoryExcel({ sheets: [{ name: 'Data' }] });
    const addresses = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Data');
      const block = sheet.getRange('B2:C3');
      const byRange = block.getRow(0).getBoundingRect(sheet.getRange('E7')).load('address');
      const byAddress = block.getBoundingRect('A1').load('address');
      await context.sync();
      return [byRange.address, byAddress.address];
    });
    expect(addresses).toEqual(['Data!B2:E7', 'Data!A1:C3']);
  });

  it('refuses an address that is not one', async () => {
    const excel = createMemoryExcel({ sheets: [{ name: 'Data' }] });
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('B2').getBoundingRect('nowhere!');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });
});

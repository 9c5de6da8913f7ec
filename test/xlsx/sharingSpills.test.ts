/**
 * Prepare for sharing on a .xlsx file with a dynamic-array formula (issue 12, item 1):
 * the file keeps the whole frozen block, and restoring writes the formula back as a
 * dynamic array over its block, not as a plain formula Excel would read as a legacy one.
 */
import { Workbook } from '@cj-tech-master/excelts';
import { openXlsx } from '../../src/adapters/xlsx';
import { prepareForSharing, restoreFormulas } from '../../src/workbook/sharing';

const TIERED = 'BCF.TIEREDSHARE(25175000,23000000,5%,50%)';

async function file(): Promise<Uint8Array> {
  const book = new Workbook();
  const sheet = book.addWorksheet('Shares');
  sheet.getCell('B2').value = {
    formula: TIERED,
    shareType: 'array',
    ref: 'B2:C2',
    isDynamicArray: true,
    result: 1716875,
  };
  sheet.getCell('C2').value = 458125;
  sheet.getCell('B4').value = { formula: 'BCF.P4P(1,2,3)', result: { error: '#VALUE!' } };
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function reopened(bytes: Uint8Array) {
  const book = new Workbook();
  await book.xlsx.load(bytes);
  const sheet = book.getWorksheet('Shares');
  if (!sheet) throw new Error('no sheet');
  return sheet;
}

describe('prepare for sharing on a file (.xlsx adapter)', () => {
  it('freezes the spilled block, skips the error result, and restores a dynamic array over the block', async () => {
    const workbook = await openXlsx(await file());
    const outcome = await prepareForSharing(workbook, { now: new Date('2025-06-01T14:03:05Z') });
    expect(outcome.converted).toBe(1);
    expect(outcome.notConverted).toEqual([
      {
        sheet: 'Shares',
        address: 'B4',
        formula: '=BCF.P4P(1,2,3)',
        reason: 'its result is #VALUE!, not a figure',
      },
    ]);
    const frozen = await reopened(await workbook.save());
    expect([frozen.getCell('B2').value, frozen.getCell('C2').value]).toEqual([1716875, 458125]);

    const again = await openXlsx(await workbook.save());
    expect(await restoreFormulas(again)).toEqual({ restored: 1 });
    const restored = await reopened(await again.save());
    expect(restored.getCell('B2').model).toMatchObject({
      formula: TIERED,
      shareType: 'array',
      ref: 'B2:C2',
      isDynamicArray: true,
      result: 1716875,
    });
    expect(restored.getCell('C2').value).toBe(458125);
  });
});

/**
 * `Range.getMergedAreasOrNullObject()` in the in-memory Excel: the seeded merged areas
 * that meet the range, addressed as Excel addresses RangeAreas, or a null object.
 */
import { createMemoryExcel } from '../support/memory-excel';

describe('merged areas', () => {
  const excel = createMemoryExcel({
    sheets: [
      {
        name: 'My plan',
        cells: { A1: 'Scheme ID', C1: 'Expenditure (£)' },
        merges: ['A1:A2', 'C1:D1'],
      },
      { name: 'Plain', cells: { A1: 'x' } },
    ],
  });

  it('lists the areas meeting a range, with their sheet, after a sync', async () => {
    const [some, one, none] = await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('My plan');
      const all = sheet.getRange('A1:D5').getMergedAreasOrNullObject().load('address, areaCount');
      const part = sheet.getRange('D1').getMergedAreasOrNullObject().load('address');
      const plain = context.workbook.worksheets
        .getItem('Plain')
        .getUsedRange(true)
        .getMergedAreasOrNullObject()
        .load('address');
      await context.sync();
      return [
        [all.isNullObject, all.address, all.areaCount],
        [part.isNullObject, part.address],
        [plain.isNullObject],
      ] as const;
    });
    expect(some).toEqual([false, "'My plan'!A1:A2,'My plan'!C1:D1", 2]);
    expect(one).toEqual([false, "'My plan'!C1:D1"]);
    expect(none).toEqual([true]);
  });
});

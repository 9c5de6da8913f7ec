/**
 * `worksheets.onChanged` in the in-memory Excel, as office.js gives it
 * (WorksheetCollection.onChanged, ExcelApi 1.9; the args of
 * `WorksheetCollection_Changed_EventArgsTransform`): handlers hear the user's typing and
 * a batch's writes, after the change, until `remove()`d, told apart by `triggerSource`
 * from ExcelApi 1.14; an older host has no such event.
 */
import { createMemoryExcel } from '../support/memory-excel';

/** Waits for events Excel delivers after the change. */
const delivered = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('worksheets.onChanged', () => {
  it('tells a handler what the user typed where, with the documented args, until removed', async () => {
    const excel = createMemoryExcel({ sheets: [{ name: 'Intro' }, { name: 'Contracts' }] });
    const heard: Excel.WorksheetChangedEventArgs[] = [];
    const ids = await excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/id, items/name');
      await context.sync();
      return sheets.items.map((s) => s.id);
    });
    const registration = await excel.run(async (context) => {
      const result = context.workbook.worksheets.onChanged.add(async (args) => {
        heard.push(args);
        await Promise.resolve();
      });
      await context.sync();
      return result;
    });
    excel.userTypes('Contracts', 'C4', 1250000);
    // Not inside the edit: afterwards.
    expect(heard).toHaveLength(0);
    await delivered();
    expect(heard).toEqual([
      {
        type: 'WorksheetChanged',
        worksheetId: ids[1],
        address: 'C4',
        changeType: 'RangeEdited',
        source: 'Local',
      },
    ]);
    expect(excel.cell('Contracts', 'C4')?.value).toBe(1250000);
    registration.remove();
    await registration.context.sync();
    excel.userTypes('Contracts', 'C5', 'Circle');
    await delivered();
    expect(heard).toHaveLength(1);
    expect(excel.cell('Contracts', 'C5')?.value).toBe('Circle');
  });

  it('fires for a batch’s writes of values too, with the range written', async () => {
    const excel = createMemoryExcel({ sheets: [{ name: 'Data' }] });
    const heard: string[] = [];
    await excel.run(async (context) => {
      context.workbook.worksheets.onChanged.add(async (args) => {
        heard.push(args.address);
        await Promise.resolve();
      });
      await context.sync();
    });
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').getRange('B2:C3').values = [
        [1, 2],
        [3, 4],
      ];
      context.workbook.worksheets.getItem('Data').getRange('B2').format.font.bold = true;
      await context.sync();
    });
    await delivered();
    // Formats are not data: only the values' write is heard.
    expect(heard).toEqual(['B2:C3']);
  });

  it('says who made the change as Excel does from ExcelApi 1.14: triggerSource ThisLocalAddin for a batch, Unknown for the user; source Local for both; no triggerSource before 1.14', async () => {
    const heardOn = async (excelApi: string): Promise<unknown[]> => {
      const excel = createMemoryExcel({ sheets: [{ name: 'Data' }] }, { behaviour: { excelApi } });
      const heard: unknown[] = [];
      await excel.run(async (context) => {
        context.workbook.worksheets.onChanged.add(async (args) => {
          heard.push({
            address: args.address,
            source: args.source,
            ...('triggerSource' in args ? { triggerSource: args.triggerSource } : {}),
          });
          await Promise.resolve();
        });
        await context.sync();
      });
      await excel.run(async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('B2').formulas = [['=1+1']];
        await context.sync();
      });
      await delivered();
      excel.userTypes('Data', 'C3', 5);
      await delivered();
      return heard;
    };
    expect(await heardOn('1.14')).toEqual([
      { address: 'B2', source: 'Local', triggerSource: 'ThisLocalAddin' },
      { address: 'C3', source: 'Local', triggerSource: 'Unknown' },
    ]);
    expect(await heardOn('1.13')).toEqual([
      { address: 'B2', source: 'Local' },
      { address: 'C3', source: 'Local' },
    ]);
  });

  it('is ApiNotFound on a host without ExcelApi 1.9, as office.js throws at the property', async () => {
    const excel = createMemoryExcel(
      { sheets: [{ name: 'Data' }] },
      { behaviour: { excelApi: '1.8' } },
    );
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.onChanged.add(() => Promise.resolve());
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});

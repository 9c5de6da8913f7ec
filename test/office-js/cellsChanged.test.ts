/**
 * The Office adapter's `onCellsChanged` over the in-memory Excel: Excel's
 * `worksheets.onChanged` with the sheet's id turned into its name, the add-in's own
 * sheets left out (so its writes do not look like the user's), and nothing subscribed on
 * a host without ExcelApi 1.9.
 */
import { OfficeWorkbook } from '../../src/adapters/office';
import type { CellsChange, SheetWrite } from '../../src/ports/workbook';
import { createMemoryExcel } from '../support/memory-excel';

/** Lets Excel deliver its events and the adapter look up their sheets. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

const RESULTS: SheetWrite = {
  sheet: 'BCF Results',
  values: [['Total', 135990076.86]],
  numberFormats: [['General', '£#,##0.00']],
  tables: [],
  charts: [],
};

function seeded(supports: (name: string, version: string) => boolean) {
  const excel = createMemoryExcel({ sheets: [{ name: 'Intro' }, { name: 'Contracts' }] });
  const workbook = new OfficeWorkbook(excel.run, { isSetSupported: supports });
  return { excel, workbook };
}

describe('OfficeWorkbook.onCellsChanged', () => {
  it('reports the user’s edits by sheet name, not the add-in’s writes, until unsubscribed', async () => {
    const { excel, workbook } = seeded((name, version) => excel.isSetSupported(name, version));
    const heard: CellsChange[] = [];
    const stop = await workbook.onCellsChanged((change) => heard.push(change));
    excel.userTypes('Contracts', 'C4', 1250000);
    await settle();
    expect(heard).toEqual([{ sheet: 'Contracts', address: 'C4' }]);
    // The add-in writes its own (owner-marked) sheet and its settings: not reported.
    await workbook.writeSheets([RESULTS]);
    await workbook.settings.set({ 'bcf.lastRun': '{"mechanism":"capitation"}' });
    await settle();
    expect(excel.sheet('BCF Results')).toBeDefined();
    expect(heard).toEqual([{ sheet: 'Contracts', address: 'C4' }]);
    // The user types on the add-in's sheet: still the add-in's sheet, not an input.
    excel.userTypes('BCF Results', 'B1', 1);
    excel.userTypes('Intro', 'A1', 'Notes');
    await settle();
    expect(heard).toEqual([
      { sheet: 'Contracts', address: 'C4' },
      { sheet: 'Intro', address: 'A1' },
    ]);
    await stop();
    excel.userTypes('Contracts', 'C5', 2);
    await settle();
    expect(heard).toHaveLength(2);
  });

  it('subscribes nothing where isSetSupported says the host lacks ExcelApi 1.9', async () => {
    const asked: string[] = [];
    const { excel, workbook } = seeded((name, version) => {
      asked.push(`${name} ${version}`);
      return false;
    });
    const heard: CellsChange[] = [];
    excel.resetCounters();
    const stop = await workbook.onCellsChanged((change) => heard.push(change));
    expect(asked).toEqual(['ExcelApi 1.9']);
    expect(excel.syncCount).toBe(0);
    excel.userTypes('Contracts', 'C4', 1250000);
    await settle();
    expect(heard).toEqual([]);
    await expect(stop()).resolves.toBeUndefined();
  });

  it('does not touch the event on a host without it (office.js would throw ApiNotFound)', async () => {
    const excel = createMemoryExcel(
      { sheets: [{ name: 'Data' }] },
      { behaviour: { excelApi: '1.8' } },
    );
    const workbook = new OfficeWorkbook(excel.run, {
      isSetSupported: (name, version) => excel.isSetSupported(name, version),
    });
    const stop = await workbook.onCellsChanged(() => undefined);
    await expect(stop()).resolves.toBeUndefined();
  });
});

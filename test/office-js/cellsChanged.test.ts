/**
 * The Office adapter's `onCellsChanged` over the in-memory Excel: Excel's
 * `worksheets.onChanged` with the sheet's id turned into its name, the add-in's own
 * sheets left out (so its writes do not look like the user's), from ExcelApi 1.14 the
 * writes Excel says this add-in made (`triggerSource` "ThisLocalAddin") left out too,
 * and nothing subscribed on a host without ExcelApi 1.9.
 */
import { OfficeWorkbook } from '../../src/adapters/office';
import { originOf } from '../../src/adapters/office/changes';
import type { CellsChange, SheetWrite } from '../../src/ports/workbook';
import { createMemoryExcel, type MemoryExcel } from '../support/memory-excel';

/** Lets Excel deliver its events and the adapter look up their sheets. */
async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Listens for the user's edits on `excel`, then writes a formula on the user's sheet Plan!B1
 * as the add-in (as prepare for sharing and restore do): what was heard, and the stop.
 */
async function addinWritesFormula(
  excel: MemoryExcel,
): Promise<{ heard: CellsChange[]; stop: () => Promise<void> }> {
  const workbook = new OfficeWorkbook(excel.run, {
    isSetSupported: (name, version) => excel.isSetSupported(name, version),
  });
  const heard: CellsChange[] = [];
  const stop = await workbook.onCellsChanged((change) => heard.push(change));
  await workbook.formulas.setFormulas([
    { sheet: 'Plan', address: 'B1', formula: '=BCF.CAPITATION(265000,100)', value: 26500000 },
  ]);
  await settle();
  return { heard, stop };
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
    // The default host is ExcelApi 1.13: Excel cannot say who made it.
    expect(heard).toEqual([{ sheet: 'Contracts', address: 'C4', origin: 'unknown' }]);
    // The add-in writes its own (owner-marked) sheet and its settings: not reported.
    await workbook.writeSheets([RESULTS]);
    await workbook.settings.set({ 'bcf.lastRun': '{"mechanism":"capitation"}' });
    await settle();
    expect(excel.cell('BCF Results', 'B1')?.value).toBe(135990076.86);
    expect(heard).toEqual([{ sheet: 'Contracts', address: 'C4', origin: 'unknown' }]);
    // The user types on the add-in's sheet: still the add-in's sheet, not an input.
    excel.userTypes('BCF Results', 'B1', 1);
    excel.userTypes('Intro', 'A1', 'Notes');
    await settle();
    expect(heard).toEqual([
      { sheet: 'Contracts', address: 'C4', origin: 'unknown' },
      { sheet: 'Intro', address: 'A1', origin: 'unknown' },
    ]);
    await stop();
    excel.userTypes('Contracts', 'C5', 2);
    await settle();
    expect(heard).toHaveLength(2);
  });

  it('ExcelApi 1.14: the add-in’s own write to a user’s sheet is not reported (triggerSource ThisLocalAddin); the user’s edit is, as origin other', async () => {
    const excel = createMemoryExcel(
      { sheets: [{ name: 'Plan', cells: { A1: 'Capitation budget', B1: 26500000 } }] },
      { behaviour: { excelApi: '1.14' } },
    );
    const { heard, stop } = await addinWritesFormula(excel);
    expect(excel.cell('Plan', 'B1')?.formula).toBe('=BCF.CAPITATION(265000,100)');
    expect(heard).toEqual([]);
    excel.userTypes('Plan', 'B1', 27000000);
    await settle();
    expect(heard).toEqual([{ sheet: 'Plan', address: 'B1', origin: 'other' }]);
    await stop();
  });

  it('ExcelApi 1.13: the same write is reported, as origin unknown (Excel cannot say who made it)', async () => {
    const excel = createMemoryExcel({ sheets: [{ name: 'Plan', cells: { B1: 26500000 } }] });
    const { heard, stop } = await addinWritesFormula(excel);
    expect(heard).toEqual([{ sheet: 'Plan', address: 'B1', origin: 'unknown' }]);
    await stop();
  });

  it.each([
    [
      '1.14: this add-in’s write',
      { source: 'Local', triggerSource: 'ThisLocalAddin' },
      true,
      'thisAddIn',
    ],
    ['1.14: the user’s edit', { source: 'Local', triggerSource: 'Unknown' }, true, 'other'],
    ['a co-author’s edit (another session)', { source: 'Remote' }, false, 'other'],
    ['before 1.14: no triggerSource', { source: 'Local' }, false, 'unknown'],
    ['a 1.14 host that sent none', { source: 'Local' }, true, 'unknown'],
  ] as const)('originOf, %s', (_, args, saysWho, origin) => {
    expect(originOf(args as Parameters<typeof originOf>[0], saysWho)).toBe(origin);
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

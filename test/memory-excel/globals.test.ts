import { createMemoryExcel, installMemoryExcel } from '../support/memory-excel';

describe('installMemoryExcel', () => {
  it('installs Excel.run and a minimal Office on a global object, and restores what was there', async () => {
    const target: { Excel?: unknown; Office?: unknown } = { Excel: 'before' };
    const excel = createMemoryExcel({ settings: { mode: 'x' } });
    const restore = installMemoryExcel(excel, target);
    const installed = target as {
      Excel: { run(first: unknown, batch?: unknown): Promise<unknown> };
      Office: {
        onReady(): Promise<{ host: string }>;
        context: {
          requirements: { isSetSupported(name: string, version: string): boolean };
          document: { settings: { get(n: string): unknown } };
        };
      };
    };
    const count = (context: Excel.RequestContext) => {
      const sheets = context.workbook.worksheets.load('items/name');
      return context.sync().then(() => sheets.items.length);
    };
    await expect(installed.Excel.run(count)).resolves.toBe(1);
    await expect(installed.Excel.run({ delayForCellEdit: true }, count)).resolves.toBe(1);
    expect(installed.Office.context.requirements.isSetSupported('ExcelApi', '1.12')).toBe(true);
    expect(installed.Office.context.requirements.isSetSupported('ExcelApi', '1.14')).toBe(false);
    await expect(installed.Office.onReady()).resolves.toMatchObject({ host: 'Excel' });
    expect(installed.Office.context.document.settings.get('mode')).toBe('x');
    restore();
    expect(target).toEqual({ Excel: 'before', Office: undefined });
  });
});

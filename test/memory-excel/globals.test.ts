import { createMemoryExcel, installMemoryExcel } from '../support/memory-excel';

describe('installMemoryExcel', () => {
  it('installs Excel.run and a minimal Office on a global object, and restores what was there', async () => {
    const target: { Excel?: unknown; Office?: unknown } = { Excel: 'before' };
    const excel = createMemoryExcel({ settings: { mode: 'x' } });
    const restore = installMemoryExcel(excel, target);
    const installed = target as {
      Excel: { run: typeof excel.run };
      Office: {
        onReady(): Promise<{ host: string }>;
        context: { document: { settings: { get(n: string): unknown } } };
      };
    };
    expect(installed.Excel.run).toBe(excel.run);
    await expect(installed.Office.onReady()).resolves.toMatchObject({ host: 'Excel' });
    expect(installed.Office.context.document.settings.get('mode')).toBe('x');
    restore();
    expect(target).toEqual({ Excel: 'before', Office: undefined });
  });
});

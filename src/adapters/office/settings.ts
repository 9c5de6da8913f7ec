/**
 * The add-in's settings over Office.js `workbook.settings`: saved in the workbook with
 * the add-in's other data, so they travel with the file. One sync to read or write.
 */
import type { WorkbookSettings } from '../../ports/workbook';
import type { ExcelRun } from './excelRun';
import { whileDoing } from './errors';

/** Settings of a live workbook. */
export class OfficeSettings implements WorkbookSettings {
  constructor(private readonly run: ExcelRun) {}

  /** The value stored under `key` (a non-text value comes back as JSON), or undefined. */
  get(key: string): Promise<string | undefined> {
    return whileDoing(`reading the setting "${key}"`, () =>
      this.run(async (context) => {
        const setting = context.workbook.settings.getItemOrNullObject(key);
        setting.load('value');
        await context.sync();
        if (setting.isNullObject) return undefined;
        const value: unknown = setting.value;
        return typeof value === 'string' ? value : JSON.stringify(value);
      }),
    );
  }

  /** Stores each entry, replacing any value under its key, in one request. */
  set(entries: Readonly<Record<string, string>>): Promise<void> {
    return whileDoing('saving settings', () =>
      this.run(async (context) => {
        for (const [key, value] of Object.entries(entries))
          context.workbook.settings.add(key, value);
        await context.sync();
      }),
    );
  }
}

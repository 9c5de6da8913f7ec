/**
 * The add-in's settings stored in the file, so they travel with it: a very hidden
 * sheet, `BCF_Settings`, with keys in column A and values (text) in column B. ExcelTS
 * does not keep custom document properties, and Excel's add-in settings live in a part
 * tied to the installed add-in, so a sheet is the one store that every tool keeps.
 */
import type { WorkbookSettings } from '../../ports/workbook';
import { XlsxErrorCode, xlsxFail } from './errors';
import type { Workbook, Worksheet } from './excelts';
import { promised } from './promised';

import { CELL_CHARACTER_LIMIT as CELL_LIMIT, SETTINGS_SHEET } from '../../ports/storage';

export { SETTINGS_SHEET };

function rowOf(sheet: Worksheet, key: string): number | undefined {
  for (let row = 1; row <= sheet.rowCount; row++) {
    if (sheet.findCell(row, 1)?.value === key) return row;
  }
  return undefined;
}

/** Settings over the `BCF_Settings` sheet of an ExcelTS workbook. */
export class SheetSettings implements WorkbookSettings {
  constructor(
    private readonly book: Workbook,
    /** Called when the settings sheet is created, so it is marked as the add-in's. */
    private readonly onCreate: (sheet: string) => void,
  ) {}

  /** The value stored under `key`, or undefined if none. */
  get(key: string): Promise<string | undefined> {
    return promised(() => {
      const sheet = this.book.getWorksheet(SETTINGS_SHEET);
      const row = sheet ? rowOf(sheet, key) : undefined;
      if (!sheet || row === undefined) return undefined;
      return sheet.findCell(row, 2)?.text ?? '';
    });
  }

  /**
   * Stores each entry, replacing a value already stored under its key.
   *
   * @throws XlsxError `XLSX.BAD_SETTING` naming the key whose value is longer than a
   *   cell holds (nothing is stored then).
   */
  set(entries: Readonly<Record<string, string>>): Promise<void> {
    return promised(() => this.store(entries));
  }

  private store(entries: Readonly<Record<string, string>>): void {
    for (const [key, value] of Object.entries(entries)) {
      if (value.length > CELL_LIMIT || key.length > CELL_LIMIT) {
        xlsxFail(
          XlsxErrorCode.BAD_SETTING,
          `The setting "${key.slice(0, 80)}" is longer than an Excel cell holds (${CELL_LIMIT} characters).`,
        );
      }
    }
    const sheet = this.sheet();
    for (const [key, value] of Object.entries(entries)) {
      const row = rowOf(sheet, key) ?? sheet.rowCount + 1;
      sheet.getCell(row, 1).value = key;
      sheet.getCell(row, 2).value = value;
    }
  }

  private sheet(): Worksheet {
    const existing = this.book.getWorksheet(SETTINGS_SHEET);
    if (existing) return existing;
    const created = this.book.addWorksheet(SETTINGS_SHEET, { state: 'veryHidden' });
    this.onCreate(SETTINGS_SHEET);
    return created;
  }
}

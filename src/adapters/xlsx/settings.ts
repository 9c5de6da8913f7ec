/**
 * The add-in's settings stored in the file, so they travel with it: the very hidden
 * sheet `BCF_Settings` (src/ports/storage.ts), keys in column A and values as text in
 * column B, the same store the Office adapter uses. ExcelTS does not keep custom
 * document properties, and Office.js settings live in a part tied to the installed
 * add-in, so a sheet is the one store that travels both ways.
 */
import { CELL_CHARACTER_LIMIT, SETTINGS_SHEET } from '../../ports/storage';
import type { WorkbookSettings } from '../../ports/workbook';
import { XlsxErrorCode, xlsxFail } from './errors';
import type { Workbook, Worksheet } from './excelts';
import { promised } from './promised';

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
      if (value.length > CELL_CHARACTER_LIMIT || key.length > CELL_CHARACTER_LIMIT) {
        xlsxFail(
          XlsxErrorCode.BAD_SETTING,
          `The setting "${key.slice(0, 80)}" is longer than an Excel cell holds (${CELL_CHARACTER_LIMIT} characters).`,
        );
      }
    }
    const sheet = this.sheet();
    for (const [key, value] of Object.entries(entries)) {
      const row = rowOf(sheet, key) ?? sheet.rowCount + 1;
      for (const [column, text] of [key, value].entries()) {
        const cell = sheet.getCell(row, column + 1);
        cell.numFmt = '@'; // Text, as the Office adapter formats the block
        cell.value = text;
      }
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

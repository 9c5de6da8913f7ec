/**
 * The add-in's settings in a live workbook, on the very hidden `BCF_Settings` sheet
 * (keys in column A, values as text in column B), the same store the .xlsx adapter
 * uses: Office.js `workbook.settings` live in a part tied to the installed add-in that
 * file tools cannot read, so a sheet is the one store that travels both ways between
 * Excel and the command line. Reading takes two syncs; writing three.
 */
import type { WorkbookSettings } from '../../ports/workbook';
import { CELL_CHARACTER_LIMIT, SETTINGS_SHEET } from '../../ports/storage';
import type { ExcelRun } from './excelRun';
import { OfficeErrorCode, officeFail, whileDoing } from './errors';
import { OWNER_FORMULA, OWNER_NAME } from './ownership';
import { checkedGrid } from './payloadSyncs';
import { hideShownMarks } from './sheetWriter';

type Rows = readonly (readonly unknown[])[];

/** Loads the settings sheet's key/value rows (two syncs); undefined when there is no sheet. */
async function loadRows(
  context: Excel.RequestContext,
): Promise<{ sheet: Excel.Worksheet; rows: Rows } | undefined> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
  await context.sync();
  if (sheet.isNullObject) return undefined;
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load('values, rowCount, columnCount, rowIndex, columnIndex');
  await context.sync();
  // Only a block from A1 is ours; anything else on the sheet is ignored.
  if (used.isNullObject || used.rowIndex !== 0 || used.columnIndex !== 0)
    return { sheet, rows: [] };
  // Checked: settings read back as [] would be saved over with only the new entries.
  const rows = checkedGrid(
    used.values,
    used.rowCount,
    used.columnCount,
    `the sheet "${SETTINGS_SHEET}"`,
  );
  return { sheet, rows };
}

function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** Settings of a live workbook. */
export class OfficeSettings implements WorkbookSettings {
  constructor(private readonly run: ExcelRun) {}

  /** The value stored under `key`, or undefined. */
  get(key: string): Promise<string | undefined> {
    return whileDoing(`reading the setting "${key}"`, () =>
      this.run(async (context) => {
        const found = await loadRows(context);
        const row = found?.rows.find((r) => r[0] === key);
        return row === undefined ? undefined : textOf(row[1]);
      }),
    );
  }

  /** The values stored under `keys` (those with none left out), in one read: two syncs. */
  getMany(keys: readonly string[]): Promise<ReadonlyMap<string, string>> {
    return whileDoing('reading settings', () =>
      this.run(async (context) => {
        const found = await loadRows(context);
        const values = new Map<string, string>();
        for (const row of found?.rows ?? []) {
          const key = row[0];
          if (typeof key === 'string' && keys.includes(key) && !values.has(key)) {
            values.set(key, textOf(row[1]));
          }
        }
        return values;
      }),
    );
  }

  /**
   * Stores each entry, replacing any value under its key, and rewrites the sheet's block
   * in one request (formatted as Text, so a value starting with "=" stays text).
   *
   * @throws OfficeAdapterError `WORKBOOK.BAD_SETTING` for a value longer than a cell holds
   *   (nothing is stored then).
   */
  async set(entries: Readonly<Record<string, string>>): Promise<void> {
    for (const [key, value] of Object.entries(entries)) {
      if (key.length > CELL_CHARACTER_LIMIT || value.length > CELL_CHARACTER_LIMIT) {
        officeFail(
          OfficeErrorCode.BAD_SETTING,
          `The setting "${key.slice(0, 80)}" is longer than an Excel cell holds (${CELL_CHARACTER_LIMIT} characters).`,
        );
      }
    }
    await whileDoing('saving settings', () =>
      this.run(async (context) => {
        const protection = context.workbook.protection.load('protected');
        const found = await loadRows(context);
        if (!found && protection.protected) {
          officeFail(
            OfficeErrorCode.PROTECTED,
            `The workbook's structure is protected, so the add-in cannot add its settings sheet; nothing was saved. Unprotect it (Review → Protect Workbook) and try again.`,
          );
        }
        const sheet = found?.sheet ?? context.workbook.worksheets.add(SETTINGS_SHEET);
        const mark = found ? undefined : sheet.names.add(OWNER_NAME, OWNER_FORMULA);
        if (mark) {
          mark.visible = false;
          sheet.visibility = 'VeryHidden';
        }
        const merged = new Map<string, string>();
        for (const row of found?.rows ?? []) {
          const key = textOf(row[0]);
          if (key !== '') merged.set(key, textOf(row[1]));
        }
        for (const [key, value] of Object.entries(entries)) merged.set(key, value);
        const values = [...merged].map(([key, value]) => [key, value]);
        const block = sheet.getRange(`A1:B${values.length}`);
        block.numberFormat = values.map(() => ['@', '@']);
        block.values = values;
        mark?.load('visible');
        await context.sync();
        if (mark) await hideShownMarks(context, [mark]);
      }),
    );
  }
}

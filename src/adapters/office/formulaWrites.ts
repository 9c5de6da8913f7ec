/**
 * Putting constants in place of formulas and formulas back (prepare for sharing and
 * restore), on the user's cells: one sync to check the sheets exist (so a missing one
 * stops everything before anything is written), then one request for all the cells.
 *
 * Text stays text here without touching the user's number formats: a string is written
 * with a leading apostrophe, which Excel takes as "this is text" and does not store as
 * part of the value, so "=x", "0012" or "+44" land as those characters.
 */
import type { FormulaCell } from '../../ports/workbook';
import { boxAddress, parseBox } from '../../ports/a1';
import { OfficeErrorCode, officeFail } from './errors';
import { jsonBytes, packBatches, UNTRACKED_RANGE_WRITE_BYTES } from './payload';
import { syncInPayloadBatches } from './payloadSyncs';

/** The value to write for a constant so that Excel stores exactly it. */
export function literal(value: FormulaCell['value']): string | number | boolean {
  if (value === null) return '';
  return typeof value === 'string' ? `'${value}` : value;
}

async function sheetsByName(
  context: Excel.RequestContext,
  cells: readonly FormulaCell[],
): Promise<Map<string, Excel.Worksheet>> {
  const sheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const byName = new Map(sheets.items.map((sheet) => [sheet.name.toLowerCase(), sheet]));
  for (const cell of cells) {
    if (!byName.has(cell.sheet.toLowerCase())) {
      officeFail(
        OfficeErrorCode.SHEET_NOT_FOUND,
        `There is no sheet "${cell.sheet}" (cell ${cell.address}); nothing was changed.`,
        cell.sheet,
      );
    }
    if (!parseBox(cell.address)) {
      officeFail(
        OfficeErrorCode.BAD_ADDRESS,
        `"${cell.address}" on sheet "${cell.sheet}" is not an A1 address; nothing was changed.`,
        cell.sheet,
      );
    }
  }
  return byName;
}

/** Writes each cell (values or formulas), checked first, in payload-sized requests. */
export async function writeCells(
  context: Excel.RequestContext,
  cells: readonly FormulaCell[],
  write: (range: Excel.Range, cell: FormulaCell) => void,
): Promise<void> {
  const sheets = await sheetsByName(context, cells);
  const sized = cells.map((cell) => ({
    item: cell,
    bytes: UNTRACKED_RANGE_WRITE_BYTES + jsonBytes(cell),
  }));
  await syncInPayloadBatches(context, packBatches(sized), (batch) => {
    for (const cell of batch) {
      const sheet = sheets.get(cell.sheet.toLowerCase());
      const box = parseBox(cell.address);
      // Untracked: the range is used in this request only, so office.js need not keep a
      // reference to it (a keep-reference action per cell, and a release request per run
      // as large as the writes' object paths: 3.4 MB after 30,000 cells).
      if (sheet && box) write(sheet.getRange(boxAddress(box)).untrack(), cell);
    }
  });
}

/** Sets each cell to its constant value. */
export function setValues(
  context: Excel.RequestContext,
  cells: readonly FormulaCell[],
): Promise<void> {
  return writeCells(context, cells, (range, cell) => {
    range.values = [[literal(cell.value)]];
  });
}

/** Puts each cell's formula back. */
export function setFormulas(
  context: Excel.RequestContext,
  cells: readonly FormulaCell[],
): Promise<void> {
  return writeCells(context, cells, (range, cell) => {
    range.formulas = [[cell.formula]];
  });
}

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
  const sheets = context.workbook.worksheets.load('items/name, items/protection/protected');
  await context.sync();
  const byName = new Map(sheets.items.map((sheet) => [sheet.name.toLowerCase(), sheet]));
  const guarded = [
    ...new Set(
      cells
        .map((cell) => byName.get(cell.sheet.toLowerCase()))
        .filter((sheet) => sheet?.protection.protected)
        .map((sheet) => `"${sheet?.name ?? ''}"`),
    ),
  ];
  if (guarded.length > 0) {
    officeFail(
      OfficeErrorCode.PROTECTED,
      `The sheet ${guarded.join(', ')} is protected, so its formulas were left as they are and nothing was changed. Unprotect it (Review → Unprotect Sheet) and try again.`,
    );
  }
  for (const cell of cells) {
    if (!byName.has(cell.sheet.toLowerCase())) {
      officeFail(
        OfficeErrorCode.SHEET_NOT_FOUND,
        `There is no sheet "${cell.sheet}" (cell ${cell.address}); nothing was changed.`,
        cell.sheet,
      );
    }
    for (const address of [cell.address, ...(cell.spill ? [cell.spill.address] : [])]) {
      if (!parseBox(address)) {
        officeFail(
          OfficeErrorCode.BAD_ADDRESS,
          `"${address}" on sheet "${cell.sheet}" is not an A1 address; nothing was changed.`,
          cell.sheet,
        );
      }
    }
  }
  return byName;
}

/** An A1 address as Excel is given it ("b2" → "B2"); every address was checked first. */
function normalAddress(address: string): string {
  const box = parseBox(address);
  return box ? boxAddress(box) : address;
}

/** Writes each cell (values or formulas), checked first, in payload-sized requests. */
export async function writeCells(
  context: Excel.RequestContext,
  cells: readonly FormulaCell[],
  write: (range: (address: string) => Excel.Range, cell: FormulaCell) => void,
): Promise<void> {
  const sheets = await sheetsByName(context, cells);
  const sized = cells.map((cell) => ({
    item: cell,
    // A spilled block is a second range (restore clears it, then writes the formula).
    bytes: (cell.spill ? 2 : 1) * UNTRACKED_RANGE_WRITE_BYTES + jsonBytes(cell),
  }));
  await syncInPayloadBatches(context, packBatches(sized), (batch) => {
    for (const cell of batch) {
      const sheet = sheets.get(cell.sheet.toLowerCase());
      if (!sheet) continue;
      // Untracked: each range is used in this request only, so office.js need not keep a
      // reference to it (a keep-reference action per range, and a release request at the
      // end of the run as large as the writes' object paths: 3.4 MB after 30,000 cells).
      write((address) => sheet.getRange(normalAddress(address)).untrack(), cell);
    }
  });
}

/**
 * Sets each cell to its constant value; a spilling formula's whole block at once (the
 * anchor's value written alone would remove the spill and lose the rest of the result).
 */
export function setValues(
  context: Excel.RequestContext,
  cells: readonly FormulaCell[],
): Promise<void> {
  return writeCells(context, cells, (range, cell) => {
    const block = cell.spill?.values;
    if (cell.spill && block)
      range(cell.spill.address).values = block.map((row) => row.map(literal));
    else range(cell.address).values = [[literal(cell.value)]];
  });
}

/**
 * Puts each cell's formula back. A formula that spilled gets its block cleared first,
 * or the frozen values left there would block the spill (#SPILL!).
 */
export function setFormulas(
  context: Excel.RequestContext,
  cells: readonly FormulaCell[],
): Promise<void> {
  return writeCells(context, cells, (range, cell) => {
    if (cell.spill) range(cell.spill.address).clear('Contents');
    range(cell.address).formulas = [[cell.formula]];
  });
}

/**
 * Checks laid-out sheets (the port's SheetWrite) before anything is written, so a bad
 * layout is refused whole with a message naming the sheet and the fault, instead of
 * half a sheet being written or ExcelTS quietly renaming something. The rules are the
 * ports' one layout check (src/ports/sheetLayout.ts), which the Office adapter runs too,
 * so both adapters refuse the same layouts alike; here its faults become XlsxErrors.
 */
import { parseBox, type CellBox } from '../../ports/a1';
import {
  addressFault,
  sheetLayoutFault,
  tableNamesFault,
  type LayoutFault,
} from '../../ports/sheetLayout';
import type { SheetWrite } from '../../ports/workbook';
import { XlsxErrorCode, xlsxFail } from './errors';

export { isTableName } from '../../ports/sheetLayout';

function fail({ message }: LayoutFault): never {
  xlsxFail(XlsxErrorCode.BAD_LAYOUT, message);
}

/** A range of the layout, parsed, or a BAD_LAYOUT error naming what it is for. */
export function layoutBox(sheet: string, address: string, what: string): CellBox {
  return parseBox(address) ?? fail(addressFault(sheet, address, what));
}

/**
 * Checks one laid-out sheet.
 *
 * @throws XlsxError `WORKBOOK.BAD_LAYOUT` naming the sheet and the fault (see
 *   `sheetLayoutFault` for the faults).
 */
export function checkLayout(layout: SheetWrite): void {
  const fault = sheetLayoutFault(layout);
  if (fault) fail(fault);
}

/**
 * Checks that table names are free: not used twice among the sheets written, nor by a
 * table on a sheet that stays, nor by a workbook-scoped defined name.
 *
 * @throws XlsxError `WORKBOOK.BAD_LAYOUT` naming the table and what already uses the name.
 */
export function checkTableNames(
  layouts: readonly SheetWrite[],
  keptTables: readonly { readonly name: string; readonly sheet: string }[],
  definedNames: readonly string[],
): void {
  const fault = tableNamesFault(layouts, keptTables, definedNames);
  if (fault) fail(fault);
}

/**
 * Reading the user's selection (for "Use the selection as…" in the pane): the selected
 * range's address and sheet, and the values of its used part, in one sync. Only the
 * used part is read, so selecting whole columns ("A:F") does not ask for a million rows.
 */
import type { SelectedCells } from '../../ports/workbook';
import { cellRows } from './cellValues';
import { excelCodeOf, OfficeErrorCode, officeFail } from './errors';

/** The selection's address without its sheet ("'My sheet'!B3:F40" → "B3:F40"). */
function withoutSheet(address: string): string {
  return address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, '');
}

/**
 * Reads the selected range. `Workbook.getSelectedRange` (ExcelApi 1.1) gives one range;
 * with several areas selected (Ctrl+click) Excel fails it (InvalidSelection), which the
 * caller reports. `Range.getUsedRangeOrNullObject` is ExcelApi 1.4.
 */
export async function readSelection(context: Excel.RequestContext): Promise<SelectedCells> {
  const selected = context.workbook.getSelectedRange().load('address');
  const sheet = selected.worksheet.load('name');
  const used = selected.getUsedRangeOrNullObject(true).load('values, rowIndex, columnIndex');
  try {
    await context.sync();
  } catch (error) {
    if (excelCodeOf(error) !== 'InvalidSelection') throw error;
    officeFail(
      OfficeErrorCode.SELECTION_NOT_ONE_RANGE,
      'Several areas are selected: select one range (its header row and the rows under it), then try again.',
    );
  }
  const address = withoutSheet(selected.address);
  if (used.isNullObject) return { sheet: sheet.name, address, top: 0, left: 0, values: [] };
  return {
    sheet: sheet.name,
    address,
    top: used.rowIndex + 1,
    left: used.columnIndex + 1,
    values: cellRows(used.values),
  };
}

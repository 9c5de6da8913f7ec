/**
 * Which sheets are the add-in's: each carries a sheet-scoped, hidden defined name
 * `BCF_OWNER` (as the Office adapter marks them), so the mark travels with the file
 * and survives renames in Excel. In the file a sheet-scoped name points at its sheet
 * by position (`localSheetId`), which shifts when sheets move; so the adapter reads
 * the marks once when it opens a file, keeps the owned sheets by name while it works,
 * and writes the marks afresh, at the sheets' current positions, each time it saves.
 */
import type { Workbook, Worksheet } from './excelts';

/** The sheet-scoped name that marks a sheet as the add-in's. */
export const OWNER_NAME = 'BCF_OWNER';
/** What the name holds (a constant; only its presence matters). */
export const OWNER_VALUE = '"bcf"';

function isOwnerName(name: string): boolean {
  return name.toLowerCase() === OWNER_NAME.toLowerCase();
}

/** Position of every sheet (worksheets and chartsheets) in tab order, by orderNo. */
function tabOrder(workbook: Workbook): number[] {
  const chartsheetOrders = workbook.chartsheets.map(
    (sheet) => (sheet as unknown as { _model?: { orderNo?: number } })._model?.orderNo ?? Infinity,
  );
  return [...workbook.worksheets.map((sheet) => sheet.orderNo), ...chartsheetOrders].sort(
    (a, b) => a - b,
  );
}

/** The names (lower case) of the sheets marked as the add-in's in a freshly loaded workbook. */
export function readOwnedSheets(workbook: Workbook): Set<string> {
  const positions = new Set(
    workbook.definedNames.model
      .filter((entry) => isOwnerName(entry.name) && entry.localSheetId !== undefined)
      .map((entry) => entry.localSheetId),
  );
  const order = tabOrder(workbook);
  return new Set(
    workbook.worksheets
      .filter((sheet) => positions.has(order.indexOf(sheet.orderNo)))
      .map((sheet) => sheet.name.toLowerCase()),
  );
}

/** Replaces every owner mark in the workbook with one per owned sheet, at its current position. */
export function writeOwnerMarks(workbook: Workbook, owned: ReadonlySet<string>): void {
  const order = tabOrder(workbook);
  const marks = workbook.worksheets
    .filter((sheet: Worksheet) => owned.has(sheet.name.toLowerCase()))
    .map((sheet) => ({
      name: OWNER_NAME,
      ranges: [],
      rawText: OWNER_VALUE,
      kind: 'opaque' as const,
      hidden: true,
      localSheetId: order.indexOf(sheet.orderNo),
    }));
  const others = workbook.definedNames.model.filter((entry) => !isOwnerName(entry.name));
  workbook.definedNames.model = [...others, ...marks];
}

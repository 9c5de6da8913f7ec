/**
 * Telling the pane when the user changes cells in Excel: `WorksheetCollection.onChanged`
 * (ExcelApi 1.9), with the changed sheet's id turned into its name.
 *
 * Changes on the add-in's own sheets (owner-marked, and the settings sheet) are not
 * passed on. That, rather than muting the event while the add-in writes, is what keeps
 * a run from marking its own results out of date: Excel delivers the events of a batch's
 * writes after the batch, at no time the add-in can tell, so a mute would either end
 * too early or swallow the user's edits made meanwhile. A run writes only its own
 * sheets; prepare for sharing and restore do write the user's sheets (a formula for its
 * value), and those changes are passed on like the user's: the pane decides (it ignores
 * them while it is writing; see Workflow.tsx).
 */
import { SETTINGS_SHEET } from '../../ports/storage';
import type { CellsChange } from '../../ports/workbook';
import type { ExcelRun, IsSetSupported } from './excelRun';
import { isOwnMark, loadMark } from './ownership';

/** The sheet with `worksheetId` if it is one of the user's (its name), else undefined. */
async function userSheetName(
  context: Excel.RequestContext,
  worksheetId: string,
): Promise<string | undefined> {
  const sheets = context.workbook.worksheets.load('items/id, items/name');
  await context.sync();
  const sheet = sheets.items.find((s) => s.id === worksheetId);
  if (sheet === undefined || sheet.name.toLowerCase() === SETTINGS_SHEET.toLowerCase()) {
    return undefined;
  }
  const mark = loadMark(sheet);
  await context.sync();
  return isOwnMark(mark) ? undefined : sheet.name;
}

/**
 * Subscribes `listener` to changes of the user's cells; resolves to the unsubscribe. On a
 * host without ExcelApi 1.9 there is no event to hear: nothing is subscribed and the
 * unsubscribe does nothing (the pane then learns of edits only when it reads again).
 */
export async function onCellsChanged(
  run: ExcelRun,
  isSetSupported: IsSetSupported,
  listener: (change: CellsChange) => void,
): Promise<() => Promise<void>> {
  if (!isSetSupported('ExcelApi', '1.9')) return () => Promise.resolve();
  const handler = async (args: Excel.WorksheetChangedEventArgs): Promise<void> => {
    try {
      const sheet = await run((context) => userSheetName(context, args.worksheetId));
      if (sheet !== undefined) listener({ sheet, address: args.address });
    } catch {
      // The sheet went away or the host is busy: a missed notice only leaves results
      // undimmed until the next read, which is how the pane worked without the event.
    }
  };
  const registration = await run(async (context) => {
    const result = context.workbook.worksheets.onChanged.add(handler);
    await context.sync();
    return result;
  });
  return async () => {
    // Excel removes a handler only through the request context that added it.
    registration.remove();
    await registration.context.sync();
  };
}

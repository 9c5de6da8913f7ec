/**
 * Telling the pane when the user changes cells in Excel: `WorksheetCollection.onChanged`
 * (ExcelApi 1.9), with the changed sheet's id turned into its name.
 *
 * Excel raises the event for the add-in's own writes as well as the user's, with the
 * same `source` ("Local": both are this session). Two things keep the add-in's writes
 * from looking like the user's:
 * - From ExcelApi 1.14 the event's `triggerSource` is "ThisLocalAddin" for a write made
 *   by this add-in's Office JS calls (Excel.EventTriggerSource): such events are dropped
 *   here, before any lookup. Prepare for sharing and restore write the user's sheets (a
 *   value for a formula, and back), and this is what keeps them from dimming results.
 * - Changes on the add-in's own sheets (owner-marked, and the settings sheet) are not
 *   passed on, whoever made them: a run's writes, and the user's typing on a result sheet.
 * Before 1.14 the host cannot say who wrote a user's sheet; the change is passed on as
 * `origin: 'unknown'` and the pane decides (it ignores those while, and just after, it
 * writes itself; see Workflow.tsx). Excel delivers a batch's events after the batch, at
 * no time the add-in can tell, which is why the host's word is preferred to a mute.
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
 * Who made a change, from the event: this add-in when Excel says so (`triggerSource`
 * "ThisLocalAddin", ExcelApi 1.14); someone else when Excel could have said so and did
 * not, or when the change came from another session ("Remote": a co-author); else unknown.
 */
export function originOf(
  args: Pick<Excel.WorksheetChangedEventArgs, 'source' | 'triggerSource'>,
  saysWho: boolean,
): CellsChange['origin'] | 'thisAddIn' {
  // Read only where the host has ExcelApi 1.14 (`saysWho`); the string literals Excel
  // sends, as the enums are not loaded outside office.js.
  const trigger = saysWho ? args.triggerSource : undefined;
  if (trigger === 'ThisLocalAddin') return 'thisAddIn';
  if (args.source === 'Remote') return 'other';
  return trigger === undefined ? 'unknown' : 'other';
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
  const saysWho = isSetSupported('ExcelApi', '1.14');
  const handler = async (args: Excel.WorksheetChangedEventArgs): Promise<void> => {
    const origin = originOf(args, saysWho);
    if (origin === 'thisAddIn') return;
    try {
      const sheet = await run((context) => userSheetName(context, args.worksheetId));
      if (sheet !== undefined) listener({ sheet, address: args.address, origin });
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

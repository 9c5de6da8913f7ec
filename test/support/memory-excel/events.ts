/**
 * `WorksheetCollection.onChanged` in memory (ExcelApi 1.9): handlers registered on a
 * workbook hear each change of cell contents, whether the user typed it
 * (`MemoryExcel.userTypes`) or a batch wrote it (`Range.values`, `Range.formulas`), as
 * Excel raises the event for both. Like Excel, the handlers run after the change, never
 * inside the write, with `Excel.WorksheetChangedEventArgs`' documented members.
 *
 * Who made the change, as Excel reports it (learn.microsoft.com, Excel.EventSource and
 * Excel.EventTriggerSource; office.js's WorksheetCollection_Changed_EventArgsTransform
 * passes the host's `source` and `triggerSource` through):
 * - `source` is "Local" for both: the user and the add-in work in this session ("Remote"
 *   is a co-author's session, which the fake has not).
 * - `triggerSource` (ExcelApi 1.14) is "ThisLocalAddin" for a write by this add-in's
 *   Office JS calls and "Unknown" otherwise (the user's typing). A host before 1.14 does
 *   not send it, so office.js leaves it undefined: the args then have no such member.
 */
import { rectAddress, type Rect } from './address';
import { supportsExcelApi, type Behaviour } from './core';
import type { SheetModel, WorkbookModel } from './model';

/** Who changed the cells: a batch of this add-in, or the user typing. */
export type ChangeAuthor = 'addin' | 'user';

/** A handler as `EventHandlers.add` takes it. */
export type ChangeHandler = (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>;

const handlers = new WeakMap<WorkbookModel, Set<ChangeHandler>>();
/** Each sheet's workbook (a sheet model does not point to it), recorded as it is made. */
const workbookOf = new WeakMap<SheetModel, WorkbookModel>();

/** The host's behaviour for each workbook (its ExcelApi version decides `triggerSource`). */
const hostOf = new WeakMap<WorkbookModel, Behaviour>();

/** Records the host `workbook` runs in (createMemoryExcel calls it). */
export function hostedBy(workbook: WorkbookModel, behaviour: Behaviour): void {
  hostOf.set(workbook, behaviour);
}

/** Records which workbook `sheet` belongs to (newSheet calls it). */
export function belongsTo(sheet: SheetModel, workbook: WorkbookModel): void {
  workbookOf.set(sheet, workbook);
}

/** The handlers of `workbook`, created on first use. */
export function changeHandlers(workbook: WorkbookModel): Set<ChangeHandler> {
  let set = handlers.get(workbook);
  if (set === undefined) {
    set = new Set();
    handlers.set(workbook, set);
  }
  return set;
}

/** The sheet's id as `Worksheet.id` gives it (a GUID in braces). */
export function sheetId(sheet: SheetModel): string {
  return `{${String(sheet.id).padStart(8, '0')}-0000-0000-0000-000000000000}`;
}

/** Tells the workbook's handlers that `author` changed the contents of `rect` on `sheet`. */
export function emitChange(sheet: SheetModel, rect: Rect, author: ChangeAuthor): void {
  const workbook = workbookOf.get(sheet);
  const set = workbook && handlers.get(workbook);
  if (!workbook || !set || set.size === 0) return;
  const host = hostOf.get(workbook);
  const args = {
    type: 'WorksheetChanged',
    worksheetId: sheetId(sheet),
    address: rectAddress(rect),
    changeType: 'RangeEdited',
    source: 'Local',
    ...(host !== undefined && supportsExcelApi(host, '1.14')
      ? { triggerSource: author === 'addin' ? 'ThisLocalAddin' : 'Unknown' }
      : {}),
  } as unknown as Excel.WorksheetChangedEventArgs;
  for (const handler of [...set]) {
    // Excel delivers events asynchronously, after the change is made.
    setTimeout(() => void handler(args), 0);
  }
}

/**
 * `OfficeExtension.EventHandlers<WorksheetChangedEventArgs>` in memory. `add` registers
 * at once (Excel registers at the next sync; the tests sync after adding, as real code
 * must) and returns an `EventHandlerResult`-like object whose `remove()` unregisters.
 */
export class MemoryChangedEvent {
  constructor(
    private readonly context: unknown,
    private readonly workbook: () => WorkbookModel,
  ) {}

  add(handler: ChangeHandler): OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> {
    const set = changeHandlers(this.workbook());
    set.add(handler);
    const result = {
      context: this.context,
      remove: (): void => {
        set.delete(handler);
      },
    };
    return result as unknown as OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;
  }

  remove(handler: ChangeHandler): void {
    changeHandlers(this.workbook()).delete(handler);
  }
}

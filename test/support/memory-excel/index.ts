/**
 * The in-memory Excel: a faithful fake of the part of the Excel JavaScript API the add-in
 * uses, for the jest tests and the browser tests. It does not depend on jest.
 *
 * ```ts
 * const excel = createMemoryExcel({ sheets: [{ name: 'Data', cells: { A1: 'Scheme' } }] });
 * await excel.run(async (context) => {
 *   const range = context.workbook.worksheets.getItem('Data').getRange('A1');
 *   range.load('values');
 *   await context.sync();
 *   return range.values; // [['Scheme']]
 * });
 * excel.syncCount; // 1
 * ```
 */
import { parseAddress } from './address';
import {
  HAS_PENDING,
  MemoryRequestContext,
  type MemoryRunOptions,
  type Session,
  type SyncRecord,
} from './context';
import { DEFAULT_BEHAVIOUR, supportsExcelApi, type Behaviour, type Limits } from './core';
import { ErrorCode, MemoryExcelError } from './errors';
import { writeValue } from './cellInput';
import { emitChange, hostedBy } from './events';
import {
  findSheet,
  findTable,
  peekCell,
  touchCell,
  type CellModel,
  type ScalarValue,
  type SheetModel,
  type TableModel,
  type WorkbookModel,
} from './model';
import { seedWorkbook, type MemoryWorkbookSeed } from './seed';

export type { MemoryWorkbookSeed, MemorySheetSeed, MemoryTableSeed, MemoryCellSeed } from './seed';
export type { CellModel, SheetModel, TableModel, WorkbookModel, ScalarValue } from './model';
export type { SyncRecord, MemoryRunOptions } from './context';
export type { Limits, Behaviour } from './core';
export { DEFAULT_BEHAVIOUR } from './core';
export { MemoryExcelError, ErrorCode } from './errors';
export { TEXT_FORMAT } from './cellInput';

/** Excel on the web's limits: 5 MB requests and responses, five million cells per range. */
export const EXCEL_ON_THE_WEB_LIMITS: Limits = {
  requestBytes: 5_000_000,
  responseBytes: 5_000_000,
  cellsPerRange: 5_000_000,
};

/** The `Excel.run` signature the adapter takes (the batch form). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** `Excel.run` with its options first, as `Excel.run(options, batch)`. */
export type ExcelRunWithOptions = <T>(
  options: MemoryRunOptions,
  batch: (context: Excel.RequestContext) => Promise<T>,
) => Promise<T>;

/** A fake Excel with its workbook model and counters. */
export interface MemoryExcel {
  /** Same contract as `Excel.run(batch)`: a final sync runs any actions left queued. */
  readonly run: ExcelRun;
  /** `Excel.run(options, batch)`: `delayForCellEdit` makes syncs wait out cell-edit mode. */
  readonly runWith: ExcelRunWithOptions;
  /**
   * `Office.context.requirements.isSetSupported` for this host: ExcelApi up to the
   * `behaviour.excelApi` version; DelayForCellEdit, as office.js checks before honouring it.
   */
  isSetSupported(name: string, version?: string): boolean;
  /** Puts the user in or out of cell-edit mode (typing in a cell). */
  setCellEditMode(editing: boolean): void;
  /** The workbook model, to seed and inspect directly. */
  readonly model: WorkbookModel;
  /** Every sync so far, with its request and response bytes. */
  readonly syncs: readonly SyncRecord[];
  /** How many syncs so far. */
  readonly syncCount: number;
  /** Forgets the syncs counted so far. */
  resetCounters(): void;
  /** A live sheet by name. */
  sheet(name: string): SheetModel | undefined;
  /** A live table by name. */
  table(name: string): TableModel | undefined;
  /** The cell at "Sheet!A1"-style coordinates (sheet and address separately). */
  cell(sheet: string, address: string): CellModel | undefined;
  /** The values of a range, "" for blanks, as `Range.values` would read them. */
  values(sheet: string, address: string): ScalarValue[][];
  /**
   * The user selects cells with the mouse: one range ("B3:D8"), or several areas at once
   * ("B3:B8,D3:D8", Ctrl+click); the sheet becomes the active one.
   */
  userSelects(sheet: string, address: string): void;
  /**
   * The user types `value` into one cell (and presses Enter): the cell holds it as a
   * constant (a formula if it starts with "="), and `worksheets.onChanged` handlers hear
   * of it afterwards, as in Excel.
   */
  userTypes(sheet: string, address: string, value: string | number | boolean): void;
}

/** Creates an in-memory Excel, optionally seeded, with Excel on the web's limits unless given others. */
export function createMemoryExcel(
  initial?: MemoryWorkbookSeed,
  options: { readonly limits?: Partial<Limits>; readonly behaviour?: Partial<Behaviour> } = {},
): MemoryExcel {
  let editEnded: { promise: Promise<void>; resolve: () => void } | undefined;
  const session: Session = {
    model: seedWorkbook(initial),
    limits: { ...EXCEL_ON_THE_WEB_LIMITS, ...options.limits },
    behaviour: { ...DEFAULT_BEHAVIOUR, ...options.behaviour },
    syncs: [],
    cellEditEnded() {
      if (!editEnded) {
        let resolve = (): void => undefined;
        const promise = new Promise<void>((r) => (resolve = r));
        editEnded = { promise, resolve };
      }
      return editEnded.promise;
    },
  };
  hostedBy(session.model, session.behaviour);
  const runWith: ExcelRunWithOptions = async (runOptions, batch) => {
    if (typeof batch !== 'function') {
      throw new MemoryExcelError(
        ErrorCode.invalidArgument,
        'Excel.run',
        'run needs a batch function',
      );
    }
    const context = new MemoryRequestContext(session, runOptions);
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context[HAS_PENDING]()) await context.sync();
    return result;
  };
  const run: ExcelRun = (batch) => runWith({}, batch);
  const grid = (
    sheet: string,
    address: string,
  ): { sheet: SheetModel; top: number; left: number; bottom: number; right: number } => {
    const model = findSheet(session.model, sheet);
    const parsed = parseAddress(address);
    if (!model || !parsed) throw new Error(`No such sheet or address: ${sheet}!${address}`);
    return { sheet: model, ...parsed.rect };
  };
  return {
    run,
    runWith,
    isSetSupported(name, version = '1.1') {
      if (name.toLowerCase() === 'delayforcelledit') return true;
      return name.toLowerCase() === 'excelapi' && supportsExcelApi(session.behaviour, version);
    },
    setCellEditMode(editing) {
      session.model.cellEditMode = editing;
      if (!editing && editEnded) {
        editEnded.resolve();
        editEnded = undefined;
      }
    },
    model: session.model,
    syncs: session.syncs,
    get syncCount() {
      return session.syncs.length;
    },
    resetCounters() {
      session.syncs.length = 0;
    },
    sheet: (name) => findSheet(session.model, name),
    table: (name) => findTable(session.model, name),
    cell(sheet, address) {
      const { sheet: model, top, left } = grid(sheet, address);
      return peekCell(model, top, left);
    },
    userSelects(sheet, address) {
      const areas = address.split(',').map((part) => {
        const { top, left, bottom, right } = grid(sheet, part.trim());
        return { top, left, bottom, right };
      });
      const [first] = areas;
      if (first === undefined) throw new Error(`No address to select on ${sheet}`);
      const model = grid(sheet, address.split(',')[0] ?? '').sheet;
      session.model.activeSheet = model;
      session.model.selection = {
        sheet: model,
        rect: first,
        ...(areas.length > 1 ? { areas } : {}),
      };
    },
    userTypes(sheet, address, value) {
      const { sheet: model, top, left, bottom, right } = grid(sheet, address);
      if (top !== bottom || left !== right) throw new Error(`Type into one cell, not ${address}`);
      // As typing does: text is interpreted like a written value ("=..." a formula).
      writeValue(touchCell(model, top, left), value);
      emitChange(model, { top, left, bottom, right }, 'user');
    },
    values(sheet, address) {
      const { sheet: model, top, left, bottom, right } = grid(sheet, address);
      const rows: ScalarValue[][] = [];
      for (let r = top; r <= bottom; r++) {
        const row: ScalarValue[] = [];
        for (let c = left; c <= right; c++) row.push(peekCell(model, r, c)?.value ?? '');
        rows.push(row);
      }
      return rows;
    },
  };
}

export { installMemoryExcel } from './globals';

/**
 * The workbook model behind the in-memory Excel: plain data that tests seed and inspect
 * directly. The proxy classes read and change it only at `context.sync()`.
 */
import { MAX_COLUMNS, type Rect } from './address';
import { belongsTo } from './events';

/** A cell's value as Excel holds it: "" for blank. */
export type ScalarValue = string | number | boolean;

/** One cell. A formula cell keeps the last value it was given (formulas are not evaluated). */
export interface CellModel {
  value: ScalarValue;
  formula?: string;
  numberFormat: string;
  /** Fill colour as "#RRGGBB", if any. */
  fill?: string;
  bold?: boolean;
  /** False for a cell left unlocked (for when the sheet is protected). Absent = locked. */
  locked?: boolean;
  /** True when `value` is an error result such as "#VALUE!" (`valueTypes` reports "Error"). */
  error?: boolean;
  /**
   * On the anchor of a dynamic-array formula: the block its result spills into, the
   * anchor's own cell at its top-left. The other cells of the block hold the values
   * with no formula of their own and `spillParent` set.
   */
  spill?: Rect;
  /** On a cell a dynamic array spills into: its anchor (0-based). */
  spillParent?: { readonly row: number; readonly column: number };
}

/** A defined name (workbook- or sheet-scoped). */
export interface NameModel {
  name: string;
  /** What it refers to, as Excel shows it: "=Sheet1!$A$1" or '="bcf"'. */
  formula: string;
  visible: boolean;
  comment: string;
}

/** A drop-down list on a range. */
export interface ValidationModel {
  rect: Rect;
  /** The list source as Excel stores it: "a,b,c" or "=$A$1:$A$3". */
  source: string;
  inCellDropDown: boolean;
}

/** A native chart on a sheet. */
export interface ChartModel {
  id: number;
  name: string;
  type: string;
  source: Rect;
  seriesBy: string;
  title: string;
  /** The cells the chart covers, as set by `setPosition`. */
  position?: { readonly from: string; readonly to?: string };
  valueAxis: { numberFormat: string; title: string };
  categoryAxis: { title: string };
  deleted: boolean;
}

/** A worksheet. */
export interface SheetModel {
  id: number;
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  /** Cells by `cellKey(row, column)`, 0-based. Absent = blank and unformatted. */
  cells: Map<number, CellModel>;
  /** Column widths in points by 0-based column. Absent = the default width. */
  columnWidths: Map<number, number>;
  validations: ValidationModel[];
  names: NameModel[];
  charts: ChartModel[];
  /** Worksheet protection (Review → Protect Sheet): locked cells refuse writes. */
  protected: boolean;
  /** Merged areas (0-based), if any were seeded. */
  merges?: Rect[];
  deleted: boolean;
}

/** An Excel table (ListObject). `rect` includes the header row. */
export interface TableModel {
  id: number;
  name: string;
  sheet: SheetModel;
  rect: Rect;
  showTotals: boolean;
  style: string;
  deleted: boolean;
}

/** The whole workbook. */
export interface WorkbookModel {
  sheets: SheetModel[];
  tables: TableModel[];
  names: NameModel[];
  settings: Map<string, unknown>;
  activeSheet?: SheetModel;
  /**
   * What the user has selected: one range, or (Ctrl+click) several areas, `rect` then
   * being the first. Absent: nothing has selected anything yet (Excel shows A1 of the
   * active sheet selected).
   */
  selection?: { sheet: SheetModel; rect: Rect; areas?: readonly Rect[] };
  /** How many times `application.calculate` ran. */
  calculations: number;
  /** Workbook structure protection (Review → Protect Workbook): no sheet may be added, renamed, hidden or deleted. */
  structureProtected: boolean;
  /** Whether the user is typing in a cell (cell-edit mode): batches fail or wait. */
  cellEditMode: boolean;
  nextId: number;
}

/** Excel's default column width, in points. */
export const DEFAULT_COLUMN_WIDTH = 48;

/** The map key of a 0-based cell. */
export function cellKey(row: number, column: number): number {
  return row * MAX_COLUMNS + column;
}

/** A new, blank sheet. */
export function newSheet(workbook: WorkbookModel, name: string): SheetModel {
  const sheet: SheetModel = {
    id: workbook.nextId++,
    name,
    visibility: 'Visible',
    cells: new Map(),
    columnWidths: new Map(),
    validations: [],
    names: [],
    charts: [],
    protected: false,
    deleted: false,
  };
  belongsTo(sheet, workbook);
  return sheet;
}

/** The cell at a 0-based position, or undefined if blank and unformatted. */
export function peekCell(sheet: SheetModel, row: number, column: number): CellModel | undefined {
  return sheet.cells.get(cellKey(row, column));
}

/** The cell at a 0-based position, created blank if absent. */
export function touchCell(sheet: SheetModel, row: number, column: number): CellModel {
  const key = cellKey(row, column);
  let cell = sheet.cells.get(key);
  if (!cell) {
    cell = { value: '', numberFormat: 'General' };
    sheet.cells.set(key, cell);
  }
  return cell;
}

/** Names compare case-insensitively in Excel. */
export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** The live (not deleted) sheet with this name. */
export function findSheet(workbook: WorkbookModel, name: string): SheetModel | undefined {
  return workbook.sheets.find((s) => !s.deleted && sameName(s.name, name));
}

/** The live table with this name. */
export function findTable(workbook: WorkbookModel, name: string): TableModel | undefined {
  return workbook.tables.find((t) => !t.deleted && sameName(t.name, name));
}

/** Removes a sheet with its tables, charts and names. */
export function deleteSheet(workbook: WorkbookModel, sheet: SheetModel): void {
  sheet.deleted = true;
  for (const table of workbook.tables) if (table.sheet === sheet) table.deleted = true;
  for (const chart of sheet.charts) chart.deleted = true;
  workbook.sheets = workbook.sheets.filter((s) => s !== sheet);
  workbook.tables = workbook.tables.filter((t) => !t.deleted);
  if (workbook.activeSheet === sheet) workbook.activeSheet = workbook.sheets[0];
  if (workbook.selection?.sheet === sheet) delete workbook.selection;
}

/** The smallest rectangle holding every non-blank or formatted cell, or undefined for an empty sheet. */
export function usedRect(sheet: SheetModel, valuesOnly = false): Rect | undefined {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [key, cell] of sheet.cells) {
    if (valuesOnly && cell.value === '' && cell.formula === undefined) continue;
    const row = Math.floor(key / MAX_COLUMNS);
    const column = key % MAX_COLUMNS;
    top = Math.min(top, row);
    left = Math.min(left, column);
    bottom = Math.max(bottom, row);
    right = Math.max(right, column);
  }
  return bottom < 0 ? undefined : { top, left, bottom, right };
}

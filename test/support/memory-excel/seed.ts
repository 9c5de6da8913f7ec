/**
 * Seeding the in-memory workbook: sheets with cells (plain values or value + formula +
 * format), tables over seeded ranges, defined names and settings.
 */
import { parseAddress } from './address';
import { ErrorCode, MemoryExcelError } from './errors';
import {
  findSheet,
  newSheet,
  peekCell,
  touchCell,
  type CellModel,
  type NameModel,
  type ScalarValue,
  type SheetModel,
  type WorkbookModel,
} from './model';
import { checkTableName, tableHeaders } from './tableNames';

/** One seeded cell: a plain value, or a value with its formula and formats. */
export type MemoryCellSeed =
  | ScalarValue
  | {
      readonly value?: ScalarValue;
      /** A formula such as "=SUM(A1:A3)"; `value` is its last calculated value. */
      readonly formula?: string;
      readonly numberFormat?: string;
      /** "#RRGGBB". */
      readonly fill?: string;
      readonly bold?: boolean;
      /** `value` is an error result ("#VALUE!", "#BUSY!"): `valueTypes` says "Error". */
      readonly error?: boolean;
      /**
       * A dynamic-array result: the whole block, this cell's value at its top-left. The
       * other cells get the values (an error text such as "#N/A" as that error), no
       * formula, and this cell as their spill parent.
       */
      readonly spill?: readonly (readonly ScalarValue[])[];
      /** False to leave the cell unlocked on a protected sheet. */
      readonly locked?: boolean;
    };

/** One seeded sheet. */
export interface MemorySheetSeed {
  readonly name: string;
  readonly visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  /** Cells by A1 address, e.g. { A1: 'Scheme', B1: { value: 3, formula: '=1+2' } }. */
  readonly cells?: Readonly<Record<string, MemoryCellSeed>>;
  /** A block of rows written from `at` (default "A1"). */
  readonly rows?: { readonly at?: string; readonly values: readonly (readonly ScalarValue[])[] };
  /** Sheet-scoped defined names. */
  readonly names?: readonly { readonly name: string; readonly formula: string }[];
  /** Worksheet protection (locked cells refuse writes). */
  readonly protected?: boolean;
}

/** A seeded table: its range includes the header row. */
export interface MemoryTableSeed {
  readonly name: string;
  readonly sheet: string;
  readonly range: string;
}

/** Everything a test can start a workbook with. With no sheets, there is one "Sheet1". */
export interface MemoryWorkbookSeed {
  readonly sheets?: readonly MemorySheetSeed[];
  readonly tables?: readonly MemoryTableSeed[];
  readonly names?: readonly { readonly name: string; readonly formula: string }[];
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Workbook structure protection (no sheet may be added, renamed or deleted). */
  readonly structureProtected?: boolean;
}

function seedError(message: string): never {
  throw new MemoryExcelError(ErrorCode.invalidArgument, 'seed', message);
}

function at(address: string): { row: number; column: number } {
  const parsed = parseAddress(address) ?? seedError(`Bad address in seed: ${address}`);
  return { row: parsed.rect.top, column: parsed.rect.left };
}

function seedCell(sheet: SheetModel, address: string, seed: MemoryCellSeed): void {
  const { row, column } = at(address);
  const cell = touchCell(sheet, row, column);
  if (typeof seed !== 'object') {
    cell.value = seed;
    return;
  }
  if (seed.value !== undefined) cell.value = seed.value;
  if (seed.formula !== undefined) cell.formula = seed.formula;
  if (seed.numberFormat !== undefined) cell.numberFormat = seed.numberFormat;
  if (seed.fill !== undefined) cell.fill = seed.fill.toUpperCase();
  if (seed.bold !== undefined) cell.bold = seed.bold;
  if (seed.error) cell.error = true;
  if (seed.locked !== undefined) cell.locked = seed.locked;
  if (seed.spill) seedSpill(sheet, row, column, cell, seed.spill);
}

/** Excel's error values: a spilled cell seeded with one of these holds that error. */
const EXCEL_ERRORS = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BUSY!',
  '#BLOCKED!',
  '#CONNECT!',
  '#UNKNOWN!',
]);

function seedSpill(
  sheet: SheetModel,
  row: number,
  column: number,
  anchor: CellModel,
  block: readonly (readonly ScalarValue[])[],
): void {
  const columns = block[0]?.length ?? 0;
  if (block.length === 0 || columns === 0 || block.some((r) => r.length !== columns))
    seedError(`A spill block must be a non-empty rectangle (at row ${row + 1})`);
  anchor.spill = {
    top: row,
    left: column,
    bottom: row + block.length - 1,
    right: column + columns - 1,
  };
  anchor.value = block[0]?.[0] ?? '';
  block.forEach((values, r) =>
    values.forEach((value, c) => {
      if (r === 0 && c === 0) return;
      const child = touchCell(sheet, row + r, column + c);
      child.value = value;
      delete child.formula;
      child.spillParent = { row, column };
      if (typeof value === 'string' && EXCEL_ERRORS.has(value)) child.error = true;
    }),
  );
}

function seedSheet(workbook: WorkbookModel, seed: MemorySheetSeed): void {
  const sheet = newSheet(workbook, seed.name);
  sheet.visibility = seed.visibility ?? 'Visible';
  workbook.sheets.push(sheet);
  const origin = at(seed.rows?.at ?? 'A1');
  seed.rows?.values.forEach((row, r) =>
    row.forEach((value, c) => {
      touchCell(sheet, origin.row + r, origin.column + c).value = value;
    }),
  );
  for (const [address, cell] of Object.entries(seed.cells ?? {})) seedCell(sheet, address, cell);
  sheet.names = (seed.names ?? []).map(nameModel);
  sheet.protected = seed.protected ?? false;
}

function nameModel(seed: { readonly name: string; readonly formula: string }): NameModel {
  const formula = seed.formula.startsWith('=') ? seed.formula : `=${seed.formula}`;
  return { name: seed.name, formula, visible: true, comment: '' };
}

function seedTable(workbook: WorkbookModel, seed: MemoryTableSeed): void {
  const sheet =
    findSheet(workbook, seed.sheet) ?? seedError(`No sheet ${seed.sheet} for table ${seed.name}`);
  const parsed = parseAddress(seed.range) ?? seedError(`Bad table range ${seed.range}`);
  const rect =
    parsed.rect.bottom > parsed.rect.top
      ? parsed.rect
      : { ...parsed.rect, bottom: parsed.rect.top + 1 };
  checkTableName(workbook, seed.name, 'seed');
  const header: ScalarValue[] = [];
  for (let c = rect.left; c <= rect.right; c++)
    header.push(peekCell(sheet, rect.top, c)?.value ?? '');
  tableHeaders(header).forEach((text, i) => {
    touchCell(sheet, rect.top, rect.left + i).value = text;
  });
  workbook.tables.push({
    id: workbook.nextId++,
    name: seed.name,
    sheet,
    rect,
    showTotals: false,
    style: 'TableStyleMedium2',
    deleted: false,
  });
}

/** Builds a workbook model from a seed. */
export function seedWorkbook(seed: MemoryWorkbookSeed = {}): WorkbookModel {
  const workbook: WorkbookModel = {
    sheets: [],
    tables: [],
    names: (seed.names ?? []).map(nameModel),
    settings: new Map(Object.entries(seed.settings ?? {})),
    calculations: 0,
    structureProtected: seed.structureProtected ?? false,
    cellEditMode: false,
    nextId: 1,
  };
  const sheets = seed.sheets && seed.sheets.length > 0 ? seed.sheets : [{ name: 'Sheet1' }];
  for (const sheet of sheets) seedSheet(workbook, sheet);
  for (const table of seed.tables ?? []) seedTable(workbook, table);
  workbook.activeSheet = workbook.sheets.find((s) => s.visibility === 'Visible');
  return workbook;
}

/**
 * Which sheets are the add-in's. Each sheet the add-in writes carries a hidden,
 * sheet-scoped defined name `BCF_OWNER` holding the constant "bcf". A defined name is
 * saved in the .xlsx (workbook.xml, `localSheetId`), survives save, reopen and renaming
 * the sheet, is invisible to the user in the Name Manager's default view, and the .xlsx
 * adapter reads and writes the same mark, so files move between Excel and the CLI.
 * (A copy of one of our sheets carries the mark too, and counts as ours: it holds our
 * layout.)
 */
import { SETTINGS_SHEET } from '../../ports/storage';
import type { SheetOwner } from '../../ports/workbook';
import { headerTexts } from './cellValues';

/** The sheet-scoped name that marks a sheet as the add-in's (the .xlsx adapter uses the same). */
export const OWNER_NAME = 'BCF_OWNER';
/** What the name refers to: a constant; only its presence matters. */
export const OWNER_FORMULA = '="bcf"';

/**
 * Whether a sheet's `names.getItemOrNullObject(OWNER_NAME)`, loaded with `scope` and
 * `formula`, is really the sheet's own mark. Excel on the web also finds workbook-scoped
 * names through a sheet's `names` (office-js issue 1011), so a workbook-level BCF_OWNER
 * (made by hand, or copied in) would otherwise make every user sheet look like the
 * add-in's and let it be replaced. Anything but a sheet-scoped name holding the mark's
 * constant counts as "not ours": a missing or doubtful mark never lets a sheet go.
 */
export function isOwnMark(mark: Excel.NamedItem): boolean {
  if (mark.isNullObject || mark.scope !== 'Worksheet') return false;
  const formula: unknown = mark.formula;
  return typeof formula === 'string' && formula.replace(/\s/g, '').toLowerCase() === OWNER_FORMULA;
}

/** Queues a sheet's mark lookup with what {@link isOwnMark} reads. */
export function loadMark(sheet: Excel.Worksheet): Excel.NamedItem {
  return sheet.names.getItemOrNullObject(OWNER_NAME).load('scope, formula');
}

/** What the writer needs to know of a sheet before replacing it. */
export interface SheetState {
  /** The sheet's name as the workbook has it (case may differ from what was asked). */
  readonly name: string;
  readonly owner: SheetOwner;
  /** Tables on the sheet, with where they are and their headers (kept or deleted on rewrite). */
  readonly tables: readonly TableShape[];
  /** Charts on the sheet, likewise. */
  readonly charts: readonly string[];
  /** Whether the sheet is protected (Review → Protect Sheet): then nothing may be written. */
  readonly protected: boolean;
  /** Its visibility, so that an unchanged one is not set again. */
  readonly visibility: string;
}

/** An existing table's place and header texts (0-based, as Office.js gives them). */
export interface TableShape {
  readonly name: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly headers: readonly string[];
}

/** What the writer needs to know of the workbook: target sheets and names in use elsewhere. */
export interface WorkbookState {
  /** Target sheets that exist, by lower-case name. */
  readonly sheets: ReadonlyMap<string, SheetState>;
  /** Every table in the workbook with its sheet. */
  readonly tables: readonly { readonly name: string; readonly sheet: string }[];
  /** Workbook-scoped defined names (a table may not share one). */
  readonly definedNames: readonly string[];
  /** Whether the workbook's structure is protected (no sheet may be added or renamed). */
  readonly structureProtected: boolean;
  /** Whether the settings sheet exists (a run saves its parameters there after writing). */
  readonly hasSettingsSheet: boolean;
}

/** Finds the target sheets, their owners, tables and charts (two syncs; one if none exists yet). */
export async function inspectWorkbook(
  context: Excel.RequestContext,
  targets: readonly string[],
): Promise<WorkbookState> {
  const sheets = context.workbook.worksheets.load(
    'items/name, items/visibility, items/protection/protected',
  );
  const tables = context.workbook.tables.load('items/name, items/worksheet/name');
  const names = context.workbook.names.load('items/name');
  const protection = context.workbook.protection.load('protected');
  await context.sync();
  const wanted = new Set(targets.map((name) => name.toLowerCase()));
  const existing = sheets.items.filter((sheet) => wanted.has(sheet.name.toLowerCase()));
  const marks = existing.map(loadMark);
  const charts = existing.map((sheet) => sheet.charts.load('items/name'));
  const onTargets = tables.items.filter((table) => wanted.has(table.worksheet.name.toLowerCase()));
  const shapes = onTargets.map((table) => ({
    table,
    range: table.getRange().load('rowIndex, columnIndex, rowCount, columnCount'),
    header: table.getHeaderRowRange().load('values'),
  }));
  await context.sync();
  const tableList = tables.items.map((table) => ({
    name: table.name,
    sheet: table.worksheet.name,
  }));
  const shapesOn = (sheet: string): TableShape[] =>
    shapes
      .filter(({ table }) => table.worksheet.name === sheet)
      .map(({ table, range, header }) => ({
        name: table.name,
        rowIndex: range.rowIndex,
        columnIndex: range.columnIndex,
        rowCount: range.rowCount,
        columnCount: range.columnCount,
        headers: headerTexts(header.values),
      }));
  const states = new Map<string, SheetState>();
  existing.forEach((sheet, i) => {
    const mark = marks[i];
    states.set(sheet.name.toLowerCase(), {
      name: sheet.name,
      owner: mark && isOwnMark(mark) ? 'addin' : 'user',
      tables: shapesOn(sheet.name),
      charts: (charts[i]?.items ?? []).map((chart) => chart.name),
      protected: sheet.protection.protected,
      visibility: sheet.visibility,
    });
  });
  return {
    sheets: states,
    tables: tableList,
    definedNames: names.items.map((name) => name.name),
    structureProtected: protection.protected,
    hasSettingsSheet: sheets.items.some(
      (sheet) => sheet.name.toLowerCase() === SETTINGS_SHEET.toLowerCase(),
    ),
  };
}

/** Whether a sheet exists and who made it (two syncs). */
export async function sheetOwner(
  context: Excel.RequestContext,
  sheet: string,
): Promise<SheetOwner> {
  const found = context.workbook.worksheets.getItemOrNullObject(sheet);
  await context.sync();
  if (found.isNullObject) return 'none';
  const mark = loadMark(found);
  await context.sync();
  return isOwnMark(mark) ? 'addin' : 'user';
}

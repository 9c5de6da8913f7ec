/**
 * The ports: the small interfaces through which everything outside the engine reaches
 * a workbook. Adapters implement them over Office.js (a live workbook in Excel) and
 * over .xlsx files; the in-memory Excel used by the tests sits under the Office.js
 * adapter, so one contract test suite can run against both adapters.
 *
 * Addresses are A1 style without the sheet (e.g. "B3", "A10:D20"); rows and columns in
 * these types are 1-based as Excel shows them to people.
 */

/** A cell's value as a workbook gives it. Office.js gives "" for a blank cell. */
export type CellValue = string | number | boolean | null;

/** What the reader knows of a table (an Excel table, ListObject) without its body. */
export interface TableInfo {
  /** The table's name, e.g. "Contracts". */
  readonly name: string;
  /** The worksheet it is on. */
  readonly sheet: string;
  /** Header texts as written, left to right. */
  readonly headers: readonly string[];
  /** Body rows (excluding header and totals rows). */
  readonly rowCount: number;
  /** Row number of the header row, e.g. 3 for a table starting at B3. */
  readonly headerRow: number;
  /** Column number of the table's first column, e.g. 2 for column B. */
  readonly firstColumn: number;
  /**
   * Set only for a plain range (cells under a header row, not an Excel table): its
   * cells from the header row to the last body row, e.g. "B6:L20". `headerRow` is then
   * the header's last row (a header merged over two rows ends on the second).
   */
  readonly range?: string;
}

/** A table with its body values, row by row, in header order. */
export interface TableData extends TableInfo {
  readonly rows: readonly (readonly CellValue[])[];
}

/**
 * The cells of one of the user's worksheets, for finding data that is not in an Excel
 * table (plain ranges, labelled cells): its used range's values and the formulas in it.
 */
export interface SheetCells {
  readonly sheet: string;
  /** Row and column (1-based) of the used range's top-left cell. */
  readonly top: number;
  readonly left: number;
  /** The used range's values row by row, "" for a blank cell (as `TableData.rows`). */
  readonly values: readonly (readonly CellValue[])[];
  /** The formulas in the used range ("=SUM(D7:D19)"), by address ("D20"). */
  readonly formulas: ReadonlyMap<string, string>;
  /**
   * Merged areas that meet the used range ("B5:B6"), where the host gives them cheaply
   * (the .xlsx adapter); a merge's value is in its first cell, the others are "".
   */
  readonly merges?: readonly string[];
  /** Formula cells with no value saved in the file (their value reads ""), by address. */
  readonly unsaved?: readonly string[];
}

/** Reads the input tables of a workbook. */
export interface WorkbookReader {
  /** Every table in the workbook, in sheet order. */
  listTables(): Promise<readonly TableInfo[]>;
  /** The named tables with their bodies, read in as few round trips as the host allows. */
  readTables(names: readonly string[]): Promise<readonly TableData[]>;
  /**
   * The used range of every visible or hidden worksheet the user made (not the add-in's
   * sheets, not very hidden ones), in sheet order, in as few round trips as the host
   * allows. Optional for readers that only hold tables (stand-ins, fakes).
   */
  readSheets?(): Promise<readonly SheetCells[]>;
}

/** Who made a sheet: nobody (it does not exist), this add-in, or the user. */
export type SheetOwner = 'none' | 'addin' | 'user';

/** Kinds of native chart the add-in draws. */
export type ChartKind = 'barClustered' | 'columnClustered' | 'columnStacked' | 'line';

/** A native chart over a range of the same sheet (header row = series names, first column = categories). */
export interface ChartWrite {
  readonly kind: ChartKind;
  readonly title: string;
  /** Source range including its header row, e.g. "A12:C17". */
  readonly sourceRange: string;
  /** Where the chart sits: the range it covers, e.g. "F2:M18". */
  readonly placement: string;
  /** Number format for the value axis, e.g. "£#,##0". */
  readonly valueAxisFormat: string;
  readonly categoryAxisTitle?: string;
  readonly valueAxisTitle?: string;
}

/** An Excel table to create over a written range. */
export interface TableWrite {
  readonly name: string;
  /** Range including the header row, e.g. "A12:D40". */
  readonly range: string;
}

/**
 * A drop-down list on input cells (`range`, an address on the same sheet). Its items are
 * given either literally (`list`: Excel holds at most 255 characters of items joined by
 * commas, and no item may contain a comma) or as a range of cells to read them from
 * (`source`: an absolute reference with its sheet, one column or one row, e.g.
 * `'BCF Lists'!$A$2:$A$17`), for a longer list. The source's sheet may be one written in
 * the same `writeSheets` call.
 */
export type ListValidation =
  | { readonly range: string; readonly list: readonly string[] }
  | { readonly range: string; readonly source: string };

/**
 * One whole sheet of output, laid out: a block of values from A1, number formats for the
 * same cells, the tables and charts to create over it. Strings are always written as
 * text (never interpreted as formulas), except cells listed in `formulas`.
 */
export interface SheetWrite {
  readonly sheet: string;
  /** Rectangular block of values from A1 (every row the same length). */
  readonly values: readonly (readonly CellValue[])[];
  /** Excel number formats, same shape as `values` ("General" where none). */
  readonly numberFormats: readonly (readonly string[])[];
  /** Cells that hold formulas the add-in writes on purpose (e.g. totals), by address. */
  readonly formulas?: readonly { readonly address: string; readonly formula: string }[];
  /** Rows (1-based) to show in bold: titles and headings. */
  readonly boldRows?: readonly number[];
  /** Column widths in characters, from column A. */
  readonly columnWidths?: readonly number[];
  /** Ranges the user fills in (planning template): shaded yellow and left unlocked. */
  readonly inputRanges?: readonly string[];
  /** Drop-down lists on input cells (scheme type, commissioner, source of funding...). */
  readonly validations?: readonly ListValidation[];
  /** Hidden sheets hold the add-in's records (e.g. the formulas converted for sharing). */
  readonly hidden?: boolean;
  readonly tables: readonly TableWrite[];
  readonly charts: readonly ChartWrite[];
}

/** Writes the add-in's own sheets. */
export interface WorkbookWriter {
  /** Whether a sheet exists and who made it. */
  sheetOwner(sheet: string): Promise<SheetOwner>;
  /**
   * Writes each sheet whole: an existing sheet of the add-in's is replaced; a user's
   * sheet is replaced only with `replaceUserSheets` (otherwise nothing is written and
   * an error names it). The written sheets are marked as the add-in's.
   */
  writeSheets(
    sheets: readonly SheetWrite[],
    options?: { readonly replaceUserSheets?: boolean },
  ): Promise<void>;
}

/** Key/value settings stored in the workbook, so they travel with the file. */
export interface WorkbookSettings {
  get(key: string): Promise<string | undefined>;
  /**
   * Several keys in one read (one round trip where the host counts them); the keys with
   * no value are absent. Optional: without it, readers ask key by key (see
   * settingsStore.readSettings).
   */
  getMany?(keys: readonly string[]): Promise<ReadonlyMap<string, string>>;
  set(entries: Readonly<Record<string, string>>): Promise<void>;
}

/** A cell holding a formula, with its current value. */
export interface FormulaCell {
  readonly sheet: string;
  /** The formula's cell (for a spilling formula, its anchor: the top-left of `spill`). */
  readonly address: string;
  readonly formula: string;
  readonly value: CellValue;
  /**
   * For a dynamic-array formula, the block its result spills into, anchor included
   * ("B2:C2"), with the values found there (absent when not known, as on restore).
   * Freezing writes the whole block; restoring clears it and writes the one formula.
   */
  readonly spill?: {
    readonly address: string;
    readonly values?: readonly (readonly CellValue[])[];
  };
  /** True when the host cannot tell whether or where the result spills (Excel without ExcelApi 1.12). */
  readonly spillUnknown?: boolean;
  /** The error the formula gives ("#VALUE!", "#BUSY!"), when its result is one: not a value to freeze. */
  readonly errorValue?: string;
}

/** Finds and rewrites formulas (prepare for sharing, restore). */
export interface WorkbookFormulas {
  /** Every cell whose formula calls a function whose name starts with `prefix` (e.g. "BCF."). */
  findFormulas(prefix: string): Promise<readonly FormulaCell[]>;
  /** Sets each cell to a constant value (text stays text). */
  setValues(cells: readonly FormulaCell[]): Promise<void>;
  /** Puts formulas back. */
  setFormulas(cells: readonly FormulaCell[]): Promise<void>;
}

/**
 * The cells the user has selected, as far as they are used: a whole-column selection
 * ("A:F") reads only its used rows.
 */
export interface SelectedCells {
  readonly sheet: string;
  /** The selection's address without the sheet, as Excel gives it ("B3:F40", "A:F"). */
  readonly address: string;
  /** Row and column (1-based) of `values`' top-left cell. */
  readonly top: number;
  readonly left: number;
  /** The used part's values row by row, "" for a blank cell; empty when none of it is used. */
  readonly values: readonly (readonly CellValue[])[];
}

/** A change to cells of one of the user's sheets, as the host reports it. */
export interface CellsChange {
  readonly sheet: string;
  /** The changed range without the sheet ("B3", "A1:C4"). */
  readonly address: string;
  /**
   * Who made it, as far as the host says: `other` when it says someone other than this
   * add-in did (the user, a co-author, another add-in); `unknown` when it cannot say
   * (Excel before ExcelApi 1.14 has no `triggerSource`), so it may be the add-in's own
   * write. Changes the host says this add-in made are never reported.
   */
  readonly origin: 'other' | 'unknown';
}

/** Everything an edge needs of a workbook. */
export interface Workbook extends WorkbookReader, WorkbookWriter {
  readonly settings: WorkbookSettings;
  readonly formulas: WorkbookFormulas;
  /** Selects a cell or range for the user (a no-op where there is no user, e.g. files). */
  select(sheet: string, address: string): Promise<void>;
  /**
   * The range the user has selected (one sync in Excel). Absent where there is no user
   * to select anything (a .xlsx file).
   */
  readSelection?(): Promise<SelectedCells>;
  /**
   * Calls `listener` after cells on one of the user's sheets change (not the add-in's
   * own sheets, nor writes the host says the add-in made); resolves to the function that
   * stops it. Absent where nobody else edits
   * the workbook while the pane has it (a .xlsx file).
   */
  onCellsChanged?(listener: (change: CellsChange) => void): Promise<() => Promise<void>>;
}

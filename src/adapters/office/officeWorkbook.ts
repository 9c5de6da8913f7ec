/**
 * The ports over the Excel JavaScript API. Takes an `Excel.run`-compatible function, so
 * the same code runs in Excel (`new OfficeWorkbook(Excel.run)`) and over the in-memory
 * Excel in tests. Every Office.js failure comes out as an {@link OfficeAdapterError}.
 */
import type {
  CellsChange,
  FormulaCell,
  SelectedCells,
  SheetCells,
  SheetOwner,
  SheetWrite,
  TableData,
  TableInfo,
  Workbook,
  WorkbookFormulas,
  WorkbookSettings,
} from '../../ports/workbook';
import { parseBox } from '../../ports/a1';
import { officeRequirements, type ExcelRun, type IsSetSupported } from './excelRun';
import { OfficeAdapterError, OfficeErrorCode, officeFail, whileDoing } from './errors';
import { onCellsChanged } from './changes';
import { findFormulas } from './formulaSearch';
import { setFormulas, setValues } from './formulaWrites';
import { sheetOwner } from './ownership';
import { OfficeSettings } from './settings';
import { listTables, readTables } from './tableReader';
import { readSheets } from './sheetReader';
import { readSelection } from './selection';
import { writeSheets, type WriteOptions } from './writeSheets';

/** Formulas of a live workbook. */
class OfficeFormulas implements WorkbookFormulas {
  constructor(
    private readonly run: ExcelRun,
    private readonly isSetSupported: IsSetSupported,
  ) {}

  findFormulas(prefix: string): Promise<readonly FormulaCell[]> {
    return whileDoing(`finding ${prefix} formulas`, () =>
      this.run((context) => findFormulas(context, prefix, this.isSetSupported)),
    );
  }

  setValues(cells: readonly FormulaCell[]): Promise<void> {
    return whileDoing('replacing formulas with their values', () =>
      this.run((context) => setValues(context, cells)),
    );
  }

  setFormulas(cells: readonly FormulaCell[]): Promise<void> {
    return whileDoing('putting formulas back', () =>
      this.run((context) => setFormulas(context, cells)),
    );
  }
}

/** A live workbook in Excel, through the Excel JavaScript API. */
export class OfficeWorkbook implements Workbook {
  readonly settings: WorkbookSettings;
  readonly formulas: WorkbookFormulas;

  /**
   * @param run `Excel.run`, or anything with its contract (the in-memory Excel's `run`).
   * @param host.isSetSupported the requirement-set check, for members newer than the
   *   manifest's minimum (default: `Office.context.requirements.isSetSupported`).
   */
  constructor(
    private readonly run: ExcelRun,
    private readonly host: { readonly isSetSupported?: IsSetSupported } = {},
  ) {
    this.settings = new OfficeSettings(run);
    this.formulas = new OfficeFormulas(run, this.supports);
  }

  private get supports(): IsSetSupported {
    return this.host.isSetSupported ?? officeRequirements;
  }

  /** Every table, in sheet order (two syncs). */
  listTables(): Promise<readonly TableInfo[]> {
    return whileDoing('listing the tables', () => this.run((context) => listTables(context)));
  }

  /**
   * The named tables with their bodies: two syncs, plus one per ~4 MB of values.
   *
   * @throws OfficeAdapterError `WORKBOOK.TABLE_NOT_FOUND` naming a missing table.
   */
  readTables(names: readonly string[]): Promise<readonly TableData[]> {
    return whileDoing(`reading the tables ${names.join(', ')}`, () =>
      this.run((context) => readTables(context, names)),
    );
  }

  /**
   * The used range of each of the user's worksheets: two syncs, more only when the
   * cells are over one response's payload limit (see sheetReader.ts).
   */
  readSheets(): Promise<readonly SheetCells[]> {
    return whileDoing('reading the sheets', () =>
      this.run((context) => readSheets(context, this.supports)),
    );
  }

  /** Whether a sheet exists and who made it. */
  sheetOwner(sheet: string): Promise<SheetOwner> {
    return whileDoing(`checking the sheet "${sheet}"`, () =>
      this.run((context) => sheetOwner(context, sheet)),
    );
  }

  /**
   * Writes each sheet whole (see writeSheets.ts).
   *
   * @throws OfficeAdapterError `WORKBOOK.SHEET_NOT_OURS` naming a user's sheet in the way,
   *   `WORKBOOK.BAD_LAYOUT` naming the sheet and fault; in both cases nothing is written.
   */
  writeSheets(sheets: readonly SheetWrite[], options?: WriteOptions): Promise<void> {
    const names = sheets.map((s) => `"${s.sheet}"`).join(', ');
    return whileDoing(`writing the sheets ${names}`, () =>
      this.run((context) => writeSheets(context, sheets, options, this.supports)),
    );
  }

  /** The range the user has selected, with the values of its used part (one sync). */
  readSelection(): Promise<SelectedCells> {
    return whileDoing('reading the selected cells', () =>
      this.run((context) => readSelection(context)),
    );
  }

  /**
   * Calls `listener` after the cells of a user's sheet change (ExcelApi 1.9; on an older
   * host, never). See changes.ts.
   */
  onCellsChanged(listener: (change: CellsChange) => void): Promise<() => Promise<void>> {
    return whileDoing('listening for changes to the cells', () =>
      onCellsChanged(this.run, this.supports, listener),
    );
  }

  /**
   * Selects a range for the user, activating its sheet.
   *
   * @throws OfficeAdapterError `WORKBOOK.SHEET_NOT_FOUND` or `WORKBOOK.BAD_ADDRESS`.
   */
  select(sheet: string, address: string): Promise<void> {
    if (!parseBox(address)) {
      const message = `"${address}" is not a cell or range address on sheet "${sheet}".`;
      return Promise.reject(new OfficeAdapterError(OfficeErrorCode.BAD_ADDRESS, message, sheet));
    }
    return whileDoing(`selecting ${address} on "${sheet}"`, () =>
      this.run(async (context) => {
        const target = context.workbook.worksheets.getItemOrNullObject(sheet);
        await context.sync();
        if (target.isNullObject)
          officeFail(
            OfficeErrorCode.SHEET_NOT_FOUND,
            `There is no sheet "${sheet}" to show ${address} on.`,
            sheet,
          );
        target.getRange(address).select();
        await context.sync();
      }),
    );
  }
}

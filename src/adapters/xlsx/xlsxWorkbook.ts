/**
 * The workbook ports over an .xlsx file held in memory (ExcelTS). Reading, writing the
 * add-in's sheets, settings and formulas all act on the in-memory workbook; nothing
 * touches a file until {@link XlsxWorkbook.saveAs}, which never overwrites the input.
 */
import type {
  SheetOwner,
  SheetWrite,
  TableData,
  TableInfo,
  Workbook,
  WorkbookFormulas,
  WorkbookSettings,
} from '../../ports/workbook';
import { parseBox } from './a1';
import { XlsxErrorCode, xlsxFail } from './errors';
import type { Workbook as Book } from './excelts';
import { beforeWrite } from './exceltsFixes';
import { XlsxFormulas } from './formulas';
import { writeOutputFile, type SaveOptions } from './outputFile';
import { readOwnedSheets, writeOwnerMarks } from './ownership';
import { promised } from './promised';
import { SheetSettings } from './settings';
import { listTables, readTables } from './tables';
import { writeSheets, type OwnedSheets } from './writeSheets';

/** An .xlsx workbook behind the ports. Make one with `openXlsx`. */
export class XlsxWorkbook implements Workbook {
  readonly settings: WorkbookSettings;
  readonly formulas: WorkbookFormulas;
  private readonly owned: OwnedSheets;

  /**
   * @param book - The loaded ExcelTS workbook.
   * @param source - The file it was read from (resolved path), if any: never written to.
   * @param restoreParts - Puts back the package parts ExcelTS drops (see carriedParts).
   */
  constructor(
    private readonly book: Book,
    readonly source: string | undefined,
    private readonly restoreParts: (bytes: Uint8Array) => Promise<Uint8Array> = (b) =>
      Promise.resolve(b),
  ) {
    this.owned = readOwnedSheets(book);
    this.settings = new SheetSettings(book, (sheet) => this.owned.add(sheet.toLowerCase()));
    this.formulas = new XlsxFormulas(book);
  }

  /** Every table in the workbook, in sheet order. */
  listTables(): Promise<readonly TableInfo[]> {
    return promised(() => listTables(this.book));
  }

  /** The named tables with their bodies (see tables.readTables for the errors). */
  readTables(names: readonly string[]): Promise<readonly TableData[]> {
    return promised(() => readTables(this.book, names, this.date1904));
  }

  /** Whether a sheet exists and who made it. */
  sheetOwner(sheet: string): Promise<SheetOwner> {
    return promised(() => {
      const worksheet = this.book.getWorksheet(sheet);
      if (!worksheet) return 'none';
      return this.owned.has(worksheet.name.toLowerCase()) ? 'addin' : 'user';
    });
  }

  /** Writes each sheet whole (see writeSheets.writeSheets for the rules and errors). */
  writeSheets(
    sheets: readonly SheetWrite[],
    options?: { readonly replaceUserSheets?: boolean },
  ): Promise<void> {
    return promised(() =>
      writeSheets(this.book, this.owned, sheets, options?.replaceUserSheets ?? false),
    );
  }

  /**
   * Nothing to show in a file, which has no user looking at it; the sheet and address are
   * still checked, as the Office adapter checks them.
   *
   * @throws XlsxError `WORKBOOK.BAD_ADDRESS` or `WORKBOOK.SHEET_NOT_FOUND`.
   */
  select(sheet: string, address: string): Promise<void> {
    return promised(() => {
      if (!parseBox(address)) {
        xlsxFail(
          XlsxErrorCode.BAD_ADDRESS,
          `"${address}" is not a cell or range address on sheet "${sheet}".`,
        );
      }
      if (!this.book.getWorksheet(sheet)) {
        xlsxFail(
          XlsxErrorCode.SHEET_NOT_FOUND,
          `There is no sheet "${sheet}" to show ${address} on.`,
        );
      }
    });
  }

  /**
   * The workbook as .xlsx bytes, with the add-in's sheets marked.
   *
   * @param options - `selfCheck` runs ExcelTS's OOXML self-check on the bytes it writes,
   *   which reports problems through `console.warn` and doubles the time: for tests only.
   *   Off by default, whatever NODE_ENV says, so the command line never prints it.
   */
  async save(options: { readonly selfCheck?: boolean } = {}): Promise<Uint8Array> {
    writeOwnerMarks(this.book, this.owned);
    beforeWrite(this.book);
    const bytes = await this.book.xlsx.writeBuffer({ validate: options.selfCheck === true });
    return this.restoreParts(new Uint8Array(bytes));
  }

  /**
   * Saves to a new file.
   *
   * @param path - Where to write; never the file the workbook was read from.
   * @param options - `force` to replace an existing file (other than the input).
   * @throws XlsxError `XLSX.SAME_AS_INPUT`, `XLSX.OUTPUT_EXISTS` or `XLSX.CANNOT_WRITE`,
   *   each naming the file; nothing is written then.
   */
  async saveAs(path: string, options: SaveOptions = {}): Promise<void> {
    await writeOutputFile(await this.save(), path, { ...options, input: this.source });
  }

  private get date1904(): boolean {
    return Boolean(this.book.properties.date1904);
  }
}

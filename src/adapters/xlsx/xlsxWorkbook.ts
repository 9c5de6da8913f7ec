/**
 * The workbook ports over an .xlsx file held in memory. Until an operation needs
 * ExcelTS's model, the workbook is the input package read lazily (FastBook): tables are
 * read straight from their sheets' XML, and the add-in's writes are kept as layouts and
 * settings until save. Formulas (prepare for sharing, restore), and anything the fast
 * path cannot do faithfully, load the model once and replay the pending writes into it;
 * from then on everything acts on the model, as before. Nothing touches a file until
 * {@link XlsxWorkbook.saveAs}, which never overwrites the input.
 */
import type {
  FormulaCell,
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
import { FastBook, NeedsModel, tabName, type Change } from './fastBook';
import { XlsxFormulas } from './formulas';
import { graftSave } from './graft';
import type { LoadedModel } from './loadModel';
import { refuseWrongExtension, writeOutputFile, type SaveOptions } from './outputFile';
import { readOwnedSheets, writeOwnerMarks } from './ownership';
import { promised } from './promised';
import { SheetSettings } from './settings';
import { listTables, readTables } from './tables';
import { writeSheets, type OwnedSheets } from './writeSheets';
import { packageFacts, type PackageFacts } from './packageFacts';
import { refuseAddedSheets, structureLocked } from './structureLock';
import { savedKind, workbookKind, type WorkbookKind } from './workbookKind';
import { UnsupportedZip } from './zipPackage';

type Restore = (bytes: Uint8Array) => Promise<Uint8Array>;

/** The loaded model with the add-in's view of it. */
interface Model {
  readonly book: Book;
  readonly owned: OwnedSheets;
  readonly restore: Restore;
  readonly settings: SheetSettings;
  readonly formulas: XlsxFormulas;
}

function modelOf(book: Book, restore: Restore): Model {
  const owned = readOwnedSheets(book);
  return {
    book,
    owned,
    restore,
    settings: new SheetSettings(book, (sheet) => owned.add(sheet.toLowerCase())),
    formulas: new XlsxFormulas(book),
  };
}

/** Whether the fast path gave up on an operation (the model then does it). */
function gaveUp(error: unknown): boolean {
  return error instanceof NeedsModel || error instanceof UnsupportedZip;
}

/** An .xlsx workbook behind the ports. Make one with `openXlsx`. */
export class XlsxWorkbook implements Workbook {
  readonly settings: WorkbookSettings;
  readonly formulas: WorkbookFormulas;
  private fast: FastBook | undefined;
  private model: Promise<Model> | undefined;
  private load: () => Promise<LoadedModel> = () => Promise.reject(new Error('no input'));
  private input: Uint8Array | undefined;
  private inputKind: WorkbookKind;
  private locked: boolean;
  private inputSheets: readonly string[];

  /**
   * A workbook over a loaded ExcelTS model (a new workbook, or a package the fast reader
   * does not handle).
   *
   * @param book - The loaded ExcelTS workbook.
   * @param source - The file it was read from (resolved path), if any: never written to.
   * @param restoreParts - Puts back the package parts ExcelTS drops (see carriedParts).
   * @param facts - The kind of workbook it was read from (default a plain workbook) and
   *   whether its structure is locked (default not).
   */
  constructor(
    book: Book | undefined,
    readonly source: string | undefined,
    restoreParts?: Restore,
    facts: Partial<PackageFacts> = {},
  ) {
    this.inputKind = facts.kind ?? 'xlsx';
    this.locked = facts.structureLocked ?? false;
    this.inputSheets = book?.worksheets.map((sheet) => sheet.name) ?? [];
    if (book)
      this.model = Promise.resolve(modelOf(book, restoreParts ?? ((b) => Promise.resolve(b))));
    this.settings = {
      get: (key) =>
        this.act(
          (f) => f.getSetting(key),
          (m) => m.settings.get(key),
        ),
      set: (entries) =>
        this.act(
          (f) => f.setSettings(entries),
          (m) => m.settings.set(entries),
        ),
    };
    this.formulas = {
      findFormulas: (prefix) => this.act(undefined, (m) => m.formulas.findFormulas(prefix)),
      setValues: (cells: readonly FormulaCell[]) =>
        this.act(undefined, (m) => m.formulas.setValues(cells)),
      setFormulas: (cells: readonly FormulaCell[]) =>
        this.act(undefined, (m) => m.formulas.setFormulas(cells)),
    };
  }

  /**
   * A workbook over an input package, read lazily (see the module comment).
   *
   * @param fast - The package with nothing pending yet.
   * @param source - The file it was read from (resolved path), if any.
   * @param load - Loads the model when an operation needs it.
   * @param input - The input bytes, saved as they are when nothing was written.
   */
  static lazy(
    fast: FastBook,
    source: string | undefined,
    load: () => Promise<LoadedModel>,
    input: Uint8Array,
  ): XlsxWorkbook {
    const workbook = new XlsxWorkbook(undefined, source);
    workbook.fast = fast;
    workbook.load = load;
    workbook.input = input;
    const types = fast.pkg.text('[Content_Types].xml') ?? '';
    workbook.inputKind = workbookKind(types, fast.pkg.workbookPart) ?? 'xlsx';
    workbook.locked = structureLocked(fast.pkg.text(fast.pkg.workbookPart) ?? '');
    workbook.inputSheets = fast.pkg.sheets.map((sheet) => sheet.name);
    return workbook;
  }

  /** The sheets the workbook has now that it did not have when it was read. */
  private async addedSheets(): Promise<string[]> {
    const names = this.fast
      ? this.fast.tabs.map(tabName)
      : (await this.loaded()).book.worksheets.map((sheet) => sheet.name);
    const had = new Set(this.inputSheets.map((name) => name.toLowerCase()));
    return names.filter((name) => !had.has(name.toLowerCase()));
  }

  /**
   * Refuses at once, before any work, to add sheets to a workbook whose structure is
   * locked (save refuses it anyway; this saves a long run that could not be saved).
   *
   * @param sheets - The sheets a run would write; those already there may be rewritten.
   * @throws XlsxError `WORKBOOK.STRUCTURE_PROTECTED` naming the sheets that are not there.
   */
  refuseAddingSheets(sheets: readonly string[]): void {
    if (!this.locked) return;
    const had = new Set(this.inputSheets.map((name) => name.toLowerCase()));
    refuseAddedSheets(sheets.filter((name) => !had.has(name.toLowerCase())));
  }

  /**
   * The kind of workbook {@link XlsxWorkbook.save} writes, which names the output file:
   * the input's kind, a template giving a workbook of the matching kind (.xltx → .xlsx,
   * .xltm → .xlsm), as Excel does when it saves a workbook made from a template.
   */
  get kind(): WorkbookKind {
    return savedKind(this.inputKind);
  }

  /** Does an operation on the fast path if it can, else on the model. */
  private async act<T>(
    fast: ((book: FastBook) => T) | undefined,
    slow: (model: Model) => T | Promise<T>,
  ): Promise<T> {
    const book = this.fast;
    if (book && fast) {
      try {
        return await promised(() => fast(book));
      } catch (error) {
        if (!gaveUp(error)) throw error;
      }
    }
    return slow(await this.loaded());
  }

  /** The model, loaded (once) with every pending change replayed into it. */
  private loaded(): Promise<Model> {
    if (!this.model) {
      // From here on the model is the workbook: no change may go to the fast path meanwhile.
      const changes = this.fast?.changes ?? [];
      this.fast = undefined;
      this.model = this.loadWithChanges(changes);
    }
    return this.model;
  }

  private async loadWithChanges(changes: readonly Change[]): Promise<Model> {
    const { book, restore } = await this.load();
    const model = modelOf(book, restore);
    for (const change of changes) {
      if (change.kind === 'sheets') {
        writeSheets(book, model.owned, change.sheets, change.replaceUserSheets);
      } else {
        await model.settings.set(change.entries);
      }
    }
    return model;
  }

  /** Every table in the workbook, in sheet order. */
  listTables(): Promise<readonly TableInfo[]> {
    return this.act(
      (f) => f.listTables(),
      (m) => listTables(m.book),
    );
  }

  /** The named tables with their bodies (see tables.readTables for the errors). */
  readTables(names: readonly string[]): Promise<readonly TableData[]> {
    return this.act(
      (f) => f.readTables(names),
      (m) => readTables(m.book, names, Boolean(m.book.properties.date1904)),
    );
  }

  /** Whether a sheet exists and who made it. */
  sheetOwner(sheet: string): Promise<SheetOwner> {
    return this.act(
      (f) => f.sheetOwner(sheet),
      (m) => {
        const worksheet = m.book.getWorksheet(sheet);
        if (!worksheet) return 'none';
        return m.owned.has(worksheet.name.toLowerCase()) ? 'addin' : 'user';
      },
    );
  }

  /** Writes each sheet whole (see writeSheets.writeSheets for the rules and errors). */
  writeSheets(
    sheets: readonly SheetWrite[],
    options?: { readonly replaceUserSheets?: boolean },
  ): Promise<void> {
    const replace = options?.replaceUserSheets ?? false;
    return this.act(
      (f) => f.writeSheets(sheets, replace),
      (m) => writeSheets(m.book, m.owned, sheets, replace),
    );
  }

  /**
   * Nothing to show in a file, which has no user looking at it; the sheet and address are
   * still checked, as the Office adapter checks them.
   *
   * @throws XlsxError `WORKBOOK.BAD_ADDRESS` or `WORKBOOK.SHEET_NOT_FOUND`.
   */
  async select(sheet: string, address: string): Promise<void> {
    if (!parseBox(address)) {
      xlsxFail(
        XlsxErrorCode.BAD_ADDRESS,
        `"${address}" is not a cell or range address on sheet "${sheet}".`,
      );
    }
    const exists = await this.act(
      (f) => f.worksheet(sheet) !== undefined,
      (m) => m.book.getWorksheet(sheet) !== undefined,
    );
    if (!exists) {
      xlsxFail(
        XlsxErrorCode.SHEET_NOT_FOUND,
        `There is no sheet "${sheet}" to show ${address} on.`,
      );
    }
  }

  /**
   * The workbook as .xlsx bytes, with the add-in's sheets marked: the input bytes
   * themselves when nothing was written; the input package with the add-in's sheets
   * grafted in when only those and settings were written (see graft.ts); otherwise
   * ExcelTS writes the model.
   *
   * @param options - `selfCheck` runs ExcelTS's OOXML self-check on the bytes it writes,
   *   which reports problems through `console.warn` and doubles the time: for tests only.
   *   Off by default, whatever NODE_ENV says, so the command line never prints it.
   * @throws XlsxError `WORKBOOK.STRUCTURE_PROTECTED` when the workbook's structure is
   *   locked and sheets were added to it (see structureLock.ts).
   */
  async save(options: { readonly selfCheck?: boolean } = {}): Promise<Uint8Array> {
    // Excel adds no sheet to a workbook whose structure is locked; nor does file mode.
    if (this.locked) refuseAddedSheets(await this.addedSheets());
    const fast = this.fast;
    // A template is saved as a workbook (its content type changes): never as it came.
    const asItCame = this.kind === this.inputKind;
    if (fast && this.input && fast.changes.length === 0 && asItCame) return this.input;
    if (fast) {
      try {
        return await graftSave(fast, options.selfCheck === true);
      } catch (error) {
        if (!gaveUp(error)) throw error;
      }
    }
    const { book, owned, restore } = await this.loaded();
    writeOwnerMarks(book, owned);
    beforeWrite(book);
    const bytes = await book.xlsx.writeBuffer({ validate: options.selfCheck === true });
    return restore(new Uint8Array(bytes));
  }

  /**
   * Saves to a new file, named for what it holds (see {@link XlsxWorkbook.kind}).
   *
   * @param path - Where to write; never the file the workbook was read from.
   * @param options - `force` to replace an existing file (other than the input).
   * @throws XlsxError `XLSX.WRONG_EXTENSION` when the name's extension is not the one the
   *   written package's content type needs (checked on the bytes written);
   *   `WORKBOOK.STRUCTURE_PROTECTED` (see {@link XlsxWorkbook.save});
   *   `XLSX.SAME_AS_INPUT`, `XLSX.OUTPUT_EXISTS` or `XLSX.CANNOT_WRITE`, each naming the
   *   file; nothing is written then.
   */
  async saveAs(path: string, options: SaveOptions = {}): Promise<void> {
    refuseWrongExtension(path, this.kind);
    const bytes = await this.save();
    refuseWrongExtension(path, (await packageFacts(bytes)).kind ?? this.kind);
    await writeOutputFile(bytes, path, { ...options, input: this.source });
  }
}

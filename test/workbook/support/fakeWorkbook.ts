import type {
  CellValue,
  FormulaCell,
  SheetOwner,
  SheetWrite,
  TableData,
  TableInfo,
  Workbook,
} from '../../../src/ports/workbook';

/**
 * A small in-test fake of the workbook ports, used until (and beside) the Office
 * adapter over the in-memory Excel: input tables, written sheets, settings and
 * formulas, with a log of calls so tests can check what was (not) written.
 */
export class FakeWorkbook implements Workbook {
  readonly tables: TableData[] = [];
  readonly owners = new Map<string, SheetOwner>();
  readonly written = new Map<string, SheetWrite>();
  readonly store = new Map<string, string>();
  readonly cells = new Map<string, FormulaCell>();
  readonly calls: string[] = [];

  constructor(tables: readonly TableData[] = []) {
    for (const t of tables) this.addTable(t);
  }

  addTable(table: TableData): void {
    this.tables.push(table);
    if (!this.owners.has(table.sheet)) this.owners.set(table.sheet, 'user');
  }

  listTables(): Promise<readonly TableInfo[]> {
    this.calls.push('listTables');
    return Promise.resolve(this.tables.map(({ rows: _rows, ...info }) => info));
  }

  readTables(names: readonly string[]): Promise<readonly TableData[]> {
    this.calls.push(`readTables:${names.join(',')}`);
    return Promise.resolve(this.tables.filter((t) => names.includes(t.name)));
  }

  sheetOwner(sheet: string): Promise<SheetOwner> {
    return Promise.resolve(this.owners.get(sheet) ?? 'none');
  }

  writeSheets(
    sheets: readonly SheetWrite[],
    options?: { readonly replaceUserSheets?: boolean },
  ): Promise<void> {
    this.calls.push(`writeSheets:${sheets.map((s) => s.sheet).join(',')}`);
    const blocked = sheets.find((s) => this.owners.get(s.sheet) === 'user');
    if (blocked !== undefined && options?.replaceUserSheets !== true) {
      return Promise.reject(new Error(`Sheet "${blocked.sheet}" was not made by the add-in.`));
    }
    for (const s of sheets) {
      this.written.set(s.sheet, s);
      this.owners.set(s.sheet, 'addin');
    }
    return Promise.resolve();
  }

  readonly settings = {
    get: (key: string): Promise<string | undefined> => Promise.resolve(this.store.get(key)),
    set: (entries: Readonly<Record<string, string>>): Promise<void> => {
      this.calls.push(`settings:${Object.keys(entries).join(',')}`);
      for (const [k, v] of Object.entries(entries)) this.store.set(k, v);
      return Promise.resolve();
    },
  };

  readonly formulas = {
    findFormulas: (prefix: string): Promise<readonly FormulaCell[]> =>
      Promise.resolve(
        [...this.cells.values()].filter((c) =>
          c.formula.toUpperCase().includes(`${prefix.toUpperCase()}`),
        ),
      ),
    setValues: (cells: readonly FormulaCell[]): Promise<void> => {
      this.calls.push('setValues');
      for (const c of cells) this.cells.set(`${c.sheet}!${c.address}`, { ...c, formula: '' });
      return Promise.resolve();
    },
    setFormulas: (cells: readonly FormulaCell[]): Promise<void> => {
      this.calls.push('setFormulas');
      for (const c of cells) this.cells.set(`${c.sheet}!${c.address}`, c);
      return Promise.resolve();
    },
  };

  select(): Promise<void> {
    return Promise.resolve();
  }
}

/** A table at `sheet`!B3 (or elsewhere) with these headers and rows. */
export function table(
  name: string,
  headers: readonly string[],
  rows: readonly (readonly CellValue[])[],
  where: { sheet?: string; headerRow?: number; firstColumn?: number } = {},
): TableData {
  return {
    name,
    sheet: where.sheet ?? name,
    headers,
    rows,
    rowCount: rows.length,
    headerRow: where.headerRow ?? 2,
    firstColumn: where.firstColumn ?? 1,
  };
}

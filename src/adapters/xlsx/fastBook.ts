/**
 * The workbook as the ports see it while nothing needs ExcelTS's model: the input
 * package (read lazily, see PackageBook) with the add-in's pending changes laid over it.
 * Sheets written by the add-in are kept as their layouts and settings as their entries
 * until save; reads see them as the ExcelTS path would (a written table reads back from
 * its layout). The sheets are kept in tab order, each the input's own, a layout, or the
 * settings sheet to render.
 */
import { CELL_CHARACTER_LIMIT, SETTINGS_SHEET } from '../../ports/storage';
import type { CellValue, SheetCells, SheetWrite, TableData, TableInfo } from '../../ports/workbook';
import { cellAddress, parseBox, sheetRef, type CellBox } from './a1';
import { tableNamed, XlsxErrorCode, xlsxFail } from './errors';
import { checkLayout, checkTableNames, layoutBox } from './layoutCheck';
import { OWNER_NAME } from './ownership';
import type { PackageBook, PackageSheet, PackageTable } from './packageBook';
import { scanCells, UNSAVED } from './sheetScan';
import { usedCellsFromXml } from './usedCells';

/** A sheet in tab order: the input's own, a written layout, or the settings sheet. */
export type Tab =
  | { readonly kind: 'input'; readonly sheet: PackageSheet }
  | { readonly kind: 'layout'; readonly layout: SheetWrite; readonly replaces?: PackageSheet }
  | { readonly kind: 'settings'; readonly replaces?: PackageSheet };

/** A pending change, in the order made (replayed into ExcelTS if its model is needed). */
export type Change =
  | {
      readonly kind: 'sheets';
      readonly sheets: readonly SheetWrite[];
      readonly replaceUserSheets: boolean;
    }
  | { readonly kind: 'settings'; readonly entries: Readonly<Record<string, string>> };

/** The fast path cannot do this faithfully: the caller loads the model and does it there. */
export class NeedsModel extends Error {
  override readonly name = 'NeedsModel';
}

interface Found {
  readonly info: TableInfo;
  readonly tab: Tab;
  readonly body: CellBox;
}

/** A settings row of the input's settings sheet: column A's value and column B's text. */
export interface SettingRow {
  readonly key: CellValue;
  readonly value: string;
}

export function tabName(tab: Tab): string {
  if (tab.kind === 'input') return tab.sheet.name;
  return tab.kind === 'layout' ? tab.layout.sheet : SETTINGS_SHEET;
}

function isWorksheet(tab: Tab): boolean {
  return tab.kind !== 'input' || tab.sheet.kind === 'worksheet';
}

function inputTable(table: PackageTable): { info: TableInfo; body: CellBox } {
  const box = parseBox(table.ref);
  if (!box) {
    xlsxFail(
      XlsxErrorCode.NOT_A_WORKBOOK,
      `Table ${table.name} on sheet ${sheetRef(table.sheet)} has no valid range ("${table.ref}").`,
    );
  }
  const headerRow = table.headerRow ? box.top : box.top - 1;
  const bodyBottom = box.bottom - (table.totalsRow ? 1 : 0);
  return {
    info: {
      name: table.name,
      sheet: table.sheet,
      headers: table.headers,
      rowCount: Math.max(0, bodyBottom - headerRow),
      headerRow,
      firstColumn: box.left,
    },
    body: { top: headerRow + 1, left: box.left, bottom: bodyBottom, right: box.right },
  };
}

function layoutTables(layout: SheetWrite): { info: TableInfo; body: CellBox }[] {
  return layout.tables.map(({ name, range }) => {
    const box = layoutBox(layout.sheet, range, `Table ${name} range`);
    const headers = (layout.values[box.top - 1] ?? [])
      .slice(box.left - 1, box.right)
      .map((header) => (header === null ? '' : String(header)));
    const bottom = Math.max(box.bottom, box.top + 1); // a header-only table gets one row
    return {
      info: {
        name,
        sheet: layout.sheet,
        headers,
        rowCount: bottom - box.top,
        headerRow: box.top,
        firstColumn: box.left,
      },
      body: { top: box.top + 1, left: box.left, bottom, right: box.right },
    };
  });
}

/** The input package with the pending changes over it. */
export class FastBook {
  readonly tabs: Tab[];
  readonly owned: Set<string>;
  readonly changes: Change[] = [];
  private readonly settings = new Map<string, string>();
  private baseSettings: SettingRow[] | undefined;
  private readonly usedCells = new Map<string, SheetCells>();

  constructor(readonly pkg: PackageBook) {
    this.tabs = pkg.sheets.map((sheet) => ({ kind: 'input', sheet }));
    const marked = new Set(
      pkg.names
        .filter((n) => n.name.toLowerCase() === OWNER_NAME.toLowerCase())
        .map((n) => n.localSheetId),
    );
    this.owned = new Set(
      pkg.sheets
        .filter((sheet, i) => sheet.kind === 'worksheet' && marked.has(i))
        .map((sheet) => sheet.name.toLowerCase()),
    );
  }

  /** The worksheet of that name (any case), as ExcelTS's getWorksheet finds it. */
  worksheet(name: string): Tab | undefined {
    const lower = name.toLowerCase();
    return this.tabs.find((tab) => isWorksheet(tab) && tabName(tab).toLowerCase() === lower);
  }

  private found(): Found[] {
    return this.tabs.flatMap((tab) => {
      let tables: { info: TableInfo; body: CellBox }[] = [];
      if (tab.kind === 'layout') tables = layoutTables(tab.layout);
      else if (tab.kind === 'input' && tab.sheet.kind === 'worksheet') {
        tables = this.pkg.tables(tab.sheet).map(inputTable);
      }
      return tables
        .map((t) => ({ ...t, tab }))
        .sort(
          (a, b) => a.info.headerRow - b.info.headerRow || a.info.firstColumn - b.info.firstColumn,
        );
    });
  }

  /** Every table, in sheet order, then top to bottom, then left to right. */
  listTables(): TableInfo[] {
    return this.found().map((f) => f.info);
  }

  /**
   * The named tables with their bodies (see tables.readTables).
   *
   * @throws NeedsModel when a body formula has no saved value (ExcelTS names it exactly).
   */
  readTables(names: readonly string[]): TableData[] {
    const tables = this.found();
    const chosen = names.map((name) => tableNamed(tables, name));
    const bodies = new Map<Found, CellValue[][]>();
    for (const tab of new Set(chosen.map((f) => f.tab))) {
      const mine = [...new Set(chosen.filter((f) => f.tab === tab))];
      const grids =
        tab.kind === 'input'
          ? this.scan(
              tab.sheet,
              mine.map((f) => f.body),
            )
          : mine.map((f) => (tab.kind === 'layout' ? layoutBody(tab.layout, f) : []));
      mine.forEach((f, i) => bodies.set(f, grids[i] ?? []));
    }
    return chosen.map((f) => ({ ...f.info, rows: bodies.get(f) ?? [] }));
  }

  private scan(sheet: PackageSheet, boxes: CellBox[]): CellValue[][][] {
    const xml = this.pkg.text(sheet.part) ?? '';
    const grids = scanCells(xml, boxes, () => this.pkg.sharedStrings(), this.pkg.date1904);
    if (grids === UNSAVED) throw new NeedsModel('a formula has no saved value');
    return grids;
  }

  /**
   * The used range of each of the user's worksheets in the input (not the add-in's
   * sheets, written or marked, and not very hidden ones), in tab order.
   */
  readSheets(): SheetCells[] {
    return this.tabs.flatMap((tab) => {
      if (tab.kind !== 'input' || tab.sheet.kind !== 'worksheet') return [];
      const { sheet } = tab;
      if (this.owned.has(sheet.name.toLowerCase())) return [];
      if (sheet.name.toLowerCase() === SETTINGS_SHEET.toLowerCase()) return [];
      if (/\sstate="veryHidden"/.test(sheet.element)) return [];
      // An input sheet never changes on this path (writes become layouts), so it is read once.
      let cells = this.usedCells.get(sheet.part);
      if (cells === undefined) {
        const xml = this.pkg.text(sheet.part) ?? '';
        cells = usedCellsFromXml(
          sheet.name,
          xml,
          () => this.pkg.sharedStrings(),
          this.pkg.date1904,
        );
        this.usedCells.set(sheet.part, cells);
      }
      return [cells];
    });
  }

  /** Whether a sheet exists and who made it. */
  sheetOwner(sheet: string): 'none' | 'addin' | 'user' {
    const tab = this.worksheet(sheet);
    if (!tab) return 'none';
    return this.owned.has(tabName(tab).toLowerCase()) ? 'addin' : 'user';
  }

  /**
   * Records sheets to write, after the same checks as writeSheets.ts.
   *
   * @throws NeedsModel for a layout named as the settings sheet or a chart sheet.
   */
  writeSheets(sheets: readonly SheetWrite[], replaceUserSheets: boolean): void {
    this.check(sheets, replaceUserSheets);
    for (const layout of sheets) {
      const at = this.tabs.findIndex(
        (tab) => isWorksheet(tab) && tabName(tab).toLowerCase() === layout.sheet.toLowerCase(),
      );
      const old = this.tabs[at];
      const replaces =
        old?.kind === 'input' ? old.sheet : old?.kind === 'layout' ? old.replaces : undefined;
      const tab: Tab = replaces ? { kind: 'layout', layout, replaces } : { kind: 'layout', layout };
      if (at < 0) this.tabs.push(tab);
      else this.tabs.splice(at, 1, tab);
      this.owned.add(layout.sheet.toLowerCase());
    }
    this.changes.push({ kind: 'sheets', sheets, replaceUserSheets });
  }

  private check(sheets: readonly SheetWrite[], replaceUserSheets: boolean): void {
    sheets.forEach(checkLayout);
    const names = sheets.map((s) => s.sheet.toLowerCase());
    const awkward = (name: string): boolean =>
      name === SETTINGS_SHEET.toLowerCase() ||
      this.tabs.some((tab) => !isWorksheet(tab) && tabName(tab).toLowerCase() === name);
    if (names.some(awkward)) throw new NeedsModel('a sheet ExcelTS must handle');
    const twice = sheets.find((s, i) => names.indexOf(s.sheet.toLowerCase()) !== i);
    if (twice) {
      xlsxFail(XlsxErrorCode.BAD_LAYOUT, `Sheet "${twice.sheet}" is laid out twice in one write.`);
    }
    const users = sheets.flatMap((s) => {
      const tab = this.worksheet(s.sheet);
      return tab && !this.owned.has(tabName(tab).toLowerCase()) ? [tabName(tab)] : [];
    });
    if (users.length > 0 && !replaceUserSheets) {
      xlsxFail(
        XlsxErrorCode.SHEET_NOT_OURS,
        `The sheet ${users.map((name) => `"${name}"`).join(', ')} was not made by the add-in, so it was left alone and nothing was written. Rename it, or choose to replace it.`,
      );
    }
    const kept = this.found()
      .filter((f) => !names.includes(tabName(f.tab).toLowerCase()))
      .map((f) => ({ name: f.info.name, sheet: f.info.sheet }));
    const workbookNames = this.pkg.names
      .filter((n) => n.localSheetId === undefined)
      .map((n) => n.name);
    checkTableNames(sheets, kept, workbookNames);
  }

  /** The value stored under a setting's key, or undefined. */
  getSetting(key: string): string | undefined {
    const pending = this.settings.get(key);
    if (pending !== undefined) return pending;
    return this.inputSettings().find((row) => row.key === key)?.value;
  }

  /** Records settings to store (refusing one longer than a cell holds, as settings.ts does). */
  setSettings(entries: Readonly<Record<string, string>>): void {
    for (const [key, value] of Object.entries(entries)) {
      if (value.length > CELL_CHARACTER_LIMIT || key.length > CELL_CHARACTER_LIMIT) {
        xlsxFail(
          XlsxErrorCode.BAD_SETTING,
          `The setting "${key.slice(0, 80)}" is longer than an Excel cell holds (${CELL_CHARACTER_LIMIT} characters).`,
        );
      }
    }
    if (Object.keys(entries).length === 0) return;
    const at = this.tabs.findIndex((tab) => tab.kind !== 'layout' && this.isSettings(tab));
    const old = this.tabs[at];
    if (old?.kind === 'input') this.tabs.splice(at, 1, { kind: 'settings', replaces: old.sheet });
    else if (!old) {
      this.tabs.push({ kind: 'settings' });
      this.owned.add(SETTINGS_SHEET.toLowerCase());
    }
    for (const [key, value] of Object.entries(entries)) this.settings.set(key, value);
    this.changes.push({ kind: 'settings', entries });
  }

  private isSettings(tab: Tab): boolean {
    return isWorksheet(tab) && tabName(tab).toLowerCase() === SETTINGS_SHEET.toLowerCase();
  }

  /** The rows of the input's settings sheet (none if it has none). */
  inputSettings(): SettingRow[] {
    if (this.baseSettings) return this.baseSettings;
    const sheet = this.pkg.worksheet(SETTINGS_SHEET);
    let rows: SettingRow[] = [];
    if (sheet) {
      const xml = this.pkg.text(sheet.part) ?? '';
      const lastRow = /<row\b[^>]*\sr="(\d+)"/.exec(xml.slice(xml.lastIndexOf('<row ')))?.[1];
      const bottom = Number(lastRow ?? 0);
      const grids = bottom === 0 ? [[]] : this.scan(sheet, [{ top: 1, left: 1, bottom, right: 2 }]);
      rows = (grids[0] ?? []).map(([key, value]) => ({
        key: key ?? '',
        value: value === null || value === undefined ? '' : String(value),
      }));
    }
    this.baseSettings = rows;
    return rows;
  }
}

function layoutBody(layout: SheetWrite, found: Found): CellValue[][] {
  const formulas = new Map(
    (layout.formulas ?? []).map(({ address, formula }) => {
      const box = layoutBox(layout.sheet, address, 'Formula cell');
      return [`${box.top}:${box.left}`, formula] as const;
    }),
  );
  const rows: CellValue[][] = [];
  for (let row = found.body.top; row <= found.body.bottom; row++) {
    const values: CellValue[] = [];
    for (let column = found.body.left; column <= found.body.right; column++) {
      const value = layout.values[row - 1]?.[column - 1];
      const formula = formulas.get(`${row}:${column}`);
      if (formula !== undefined && (value === null || value === undefined || value === '')) {
        const place = `${sheetRef(layout.sheet)}!${cellAddress(row, column)}`;
        const text = formula.startsWith('=') ? formula : `=${formula}`;
        xlsxFail(
          XlsxErrorCode.NO_SAVED_VALUE,
          `${place} (table ${found.info.name}) holds the formula ${text} with no value saved in the file; open the file in Excel, let it calculate and save it, then try again.`,
        );
      }
      values.push(value === null || value === undefined ? '' : value);
    }
    rows.push(values);
  }
  return rows;
}

/**
 * `Excel.Table` in memory: a named rectangle on a sheet whose first row is the header.
 * Excel keeps at least one body row, so a table made over a header alone gets an empty one.
 */
import {
  childCore,
  coreOf,
  MemoryClientObject,
  type LoadSpec,
  type ScalarGetters,
  type Loadable,
} from './clientObject';
import { overlaps, parseAddress } from './address';
import { CORE, requireExcelApi, type Core } from './core';
import { breakReferencesTo } from './references';
import type { FaithfulTo } from './driftGuard';
import { ErrorCode, officeError } from './errors';
import type { RangeModel } from './grid';
import { cellKey, findTable, type TableModel } from './model';
import { spawnRange } from './range';
import { aliveTable, MemoryTableColumnCollection, MemoryTableRowCollection } from './tableParts';

export { aliveTable } from './tableParts';
import { checkTableName } from './tableNames';
import { aliveSheet, worksheetProxy } from './worksheet';

/** An Excel table. */
export class MemoryTable extends MemoryClientObject<TableModel> {
  protected readonly scalars: ScalarGetters<TableModel> = {
    name: (t) => t.name,
    id: (t) => `{${String(t.id).padStart(8, '0')}-0000-0000-0000-00000000000T}`,
    showTotals: (t) => t.showTotals,
    showHeaders: () => true,
    style: (t) => t.style,
  };

  protected override navigation(name: string): Loadable | undefined {
    if (name === 'worksheet') return this.worksheet as unknown as Loadable;
    if (name === 'rows') return this.rows as unknown as Loadable;
    if (name === 'columns') return this.columns as unknown as Loadable;
    return undefined;
  }

  get name(): string {
    return this.get('name');
  }
  set name(name: string) {
    this.setProperty('name', name, (table, value) => {
      checkTableName(this[CORE].queue.model, value, 'Table.name', table);
      table.name = value;
    });
  }
  get id(): string {
    return this.get('id');
  }
  get showHeaders(): boolean {
    return this.get('showHeaders');
  }
  get showTotals(): boolean {
    return this.get('showTotals');
  }
  set showTotals(show: boolean) {
    this.setProperty('showTotals', show, (table, value) => {
      if (value !== table.showTotals) {
        table.rect = { ...table.rect, bottom: table.rect.bottom + (value ? 1 : -1) };
        table.showTotals = value;
      }
    });
  }
  get style(): string {
    return this.get('style');
  }
  set style(style: string) {
    this.setProperty('style', style, (table, value) => {
      table.style = value;
    });
  }

  get worksheet(): Excel.Worksheet {
    const sheet = this.child('worksheet', (parent) =>
      worksheetProxy(childCore(parent, 'Worksheet', (t) => t.sheet, aliveSheet)),
    );
    return sheet as unknown as Excel.Worksheet;
  }

  get rows(): Excel.TableRowCollection {
    const rows = this.child(
      'rows',
      (parent) =>
        new MemoryTableRowCollection(childCore(parent, 'TableRowCollection', (t) => t, aliveTable)),
    );
    return rows as unknown as Excel.TableRowCollection;
  }

  get columns(): Excel.TableColumnCollection {
    const columns = this.child(
      'columns',
      (parent) =>
        new MemoryTableColumnCollection(
          childCore(parent, 'TableColumnCollection', (t) => t, aliveTable),
        ),
    );
    return columns as unknown as Excel.TableColumnCollection;
  }

  /** The whole table, header (and totals) included. */
  getRange(): Excel.Range {
    return this.part('getRange', (t) => t.rect);
  }

  /** The header row. */
  getHeaderRowRange(): Excel.Range {
    return this.part('getHeaderRowRange', (t) => ({ ...t.rect, bottom: t.rect.top }));
  }

  /** The body rows, without header and totals. */
  getDataBodyRange(): Excel.Range {
    return this.part('getDataBodyRange', (t) => ({
      ...t.rect,
      top: t.rect.top + 1,
      bottom: t.rect.bottom - (t.showTotals ? 1 : 0),
    }));
  }

  /** The totals row (InvalidOperation when it is not shown). */
  getTotalRowRange(): Excel.Range {
    return this.part('getTotalRowRange', (t) => {
      if (!t.showTotals) officeError(ErrorCode.invalidOperation, 'Table.getTotalRowRange');
      return { ...t.rect, top: t.rect.bottom };
    });
  }

  /**
   * Resizes the table to a new range (ExcelApi 1.13). The header must stay in the same
   * row and the new range must overlap the old one; the table keeps its name, so
   * formulas referring to it keep working.
   */
  resize(newRange: Excel.Range | string): void {
    const location = 'Table.resize';
    requireExcelApi(this[CORE].queue, location, '1.13');
    this.invoke('resize', [typeof newRange === 'string' ? newRange : ''], (table) => {
      const rect =
        typeof newRange === 'string'
          ? (parseAddress(newRange)?.rect ??
            officeError(ErrorCode.invalidArgument, location, newRange))
          : coreOf<RangeModel>(newRange).require(location).rect;
      if (rect.top !== table.rect.top || !overlaps(rect, table.rect) || rect.bottom <= rect.top)
        officeError(ErrorCode.invalidArgument, location, 'The header must stay in its row.');
      const workbook = this[CORE].queue.model;
      const others = workbook.tables.filter((t) => t !== table && t.sheet === table.sheet);
      if (others.some((t) => overlaps(t.rect, rect)))
        officeError(ErrorCode.invalidOperation, location, 'A table cannot overlap another table.');
      if (table.sheet.protected) officeError(ErrorCode.accessDenied, location);
      table.rect = rect;
    });
  }

  /**
   * Deletes the table and its cells' contents, as Excel's Table.delete does; formulas
   * referring to it become #REF! (see references.ts).
   */
  delete(): void {
    this.invoke('delete', [], (table) => {
      if (table.sheet.protected) officeError(ErrorCode.accessDenied, 'Table.delete');
      table.deleted = true;
      const workbook = this[CORE].queue.model;
      workbook.tables = workbook.tables.filter((t) => t !== table);
      const { top, left, bottom, right } = table.rect;
      for (let r = top; r <= bottom; r++) {
        for (let c = left; c <= right; c++) table.sheet.cells.delete(cellKey(r, c));
      }
      breakReferencesTo(workbook, table.name);
    });
  }

  load(spec?: LoadSpec): Excel.Table {
    this.queueLoad(spec);
    return this as unknown as Excel.Table;
  }

  private part(method: string, rectOf: (table: TableModel) => RangeModel['rect']): Excel.Range {
    return spawnRange(this[CORE].queue, `Table.${method}`, () => {
      const table = this[CORE].resolve();
      return table && { sheet: table.sheet, rect: rectOf(table) };
    });
  }
}

/** A table proxy over a table binding. */
export function tableProxy(core: Core<TableModel>): MemoryTable {
  return new MemoryTable(core);
}

/** The live table of this name, or ItemNotFound. */
export function requireTable(core: Core<unknown>, name: string, location: string): TableModel {
  return findTable(core.queue.model, name) ?? officeError(ErrorCode.itemNotFound, location, name);
}

/** Drift guards. */
export type TableIsFaithful = FaithfulTo<Excel.Table, MemoryTable>;

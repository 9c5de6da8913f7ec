/**
 * `Excel.TableCollection` in memory, for the workbook (all tables, in sheet order) or one
 * sheet. `add` makes a table over a range whose first row becomes the header.
 */
import { overlaps, parseAddress, rectSize } from './address';
import { coreOf, spawn, type LoadSpec, type ScalarGetters } from './clientObject';
import { MemoryCollection } from './collection';
import { CORE, type Core } from './core';
import type { FaithfulTo } from './driftGuard';
import { ErrorCode, officeError } from './errors';
import type { RangeModel } from './grid';
import {
  findSheet,
  findTable,
  peekCell,
  touchCell,
  type SheetModel,
  type TableModel,
  type WorkbookModel,
} from './model';
import { aliveTable, MemoryTable, tableProxy } from './table';
import { checkTableName, defaultTableName, tableHeaders } from './tableNames';

/** The tables of a workbook, or of one sheet of it. */
export interface TableScope {
  readonly workbook: WorkbookModel;
  readonly sheet?: SheetModel;
}

/** A collection of tables. */
export class MemoryTableCollection extends MemoryCollection<TableScope, TableModel, MemoryTable> {
  protected readonly scalars: ScalarGetters<TableScope> = {
    count: (scope) => this.itemModels(scope).length,
  };
  protected readonly itemTypeName = 'Table';

  protected itemModels(scope: TableScope): readonly TableModel[] {
    const sheets = scope.workbook.sheets;
    return scope.workbook.tables
      .filter((t) => aliveTable(t) && (!scope.sheet || t.sheet === scope.sheet))
      .sort((a, b) => sheets.indexOf(a.sheet) - sheets.indexOf(b.sheet) || a.id - b.id);
  }
  protected makeItem(core: Core<TableModel>): MemoryTable {
    return tableProxy(core);
  }
  protected itemAlive(item: TableModel): boolean {
    return aliveTable(item);
  }

  get items(): Excel.Table[] {
    return this.loadedItems() as unknown as Excel.Table[];
  }
  get count(): number {
    return this.get('count');
  }

  /** Makes a table over a range (the first row is the header; hasHeaders false is not modelled). */
  add(address: Excel.Range | string, hasHeaders: boolean): Excel.Table {
    if (!hasHeaders) throw new Error('The memory Excel models tables with a header row only.');
    const location = 'TableCollection.add';
    const scope = this[CORE];
    const table = spawn(
      scope.queue,
      'Table',
      location,
      () => {
        const { workbook, sheet } = scope.require(location);
        const range =
          typeof address === 'string'
            ? rangeOf(workbook, sheet, address, location)
            : coreOf<RangeModel>(address).require(location);
        return createTable(workbook, range, location);
      },
      tableProxy,
      aliveTable,
    );
    return table as unknown as Excel.Table;
  }

  getItem(key: string): Excel.Table {
    return this.lookup('getItem', key, false);
  }

  getItemOrNullObject(key: string): Excel.Table {
    return this.lookup('getItemOrNullObject', key, true);
  }

  load(spec?: LoadSpec): Excel.TableCollection {
    this.queueLoad(spec);
    return this as unknown as Excel.TableCollection;
  }

  private lookup(method: string, key: string, orNull: boolean): Excel.Table {
    const location = `TableCollection.${method}`;
    const scope = this[CORE];
    const table = spawn(
      scope.queue,
      'Table',
      location,
      () => {
        const model = scope.resolve();
        const found = model && findTable(model.workbook, key);
        if (found && (!model.sheet || found.sheet === model.sheet)) return found;
        return orNull ? null : officeError(ErrorCode.itemNotFound, location, key);
      },
      tableProxy,
      aliveTable,
    );
    return table as unknown as Excel.Table;
  }
}

function rangeOf(
  workbook: WorkbookModel,
  sheet: SheetModel | undefined,
  address: string,
  location: string,
): RangeModel {
  const parsed = parseAddress(address);
  const target =
    parsed?.sheet !== undefined
      ? findSheet(workbook, parsed.sheet)
      : (sheet ?? workbook.activeSheet);
  if (!parsed || !target) return officeError(ErrorCode.invalidArgument, location, address);
  return { sheet: target, rect: parsed.rect };
}

function createTable(workbook: WorkbookModel, range: RangeModel, location: string): TableModel {
  if (range.sheet.protected)
    officeError(ErrorCode.accessDenied, location, 'The sheet is protected.');
  if (workbook.tables.some((t) => t.sheet === range.sheet && overlaps(t.rect, range.rect))) {
    officeError(ErrorCode.invalidOperation, location, 'A table cannot overlap another table.');
  }
  const rect =
    rectSize(range.rect).rows < 2 ? { ...range.rect, bottom: range.rect.top + 1 } : range.rect;
  const headerCells: (string | number | boolean)[] = [];
  for (let c = rect.left; c <= rect.right; c++)
    headerCells.push(peekCell(range.sheet, rect.top, c)?.value ?? '');
  tableHeaders(headerCells).forEach((text, i) => {
    const cell = touchCell(range.sheet, rect.top, rect.left + i);
    cell.value = text;
    delete cell.formula;
  });
  const name = defaultTableName(workbook);
  checkTableName(workbook, name, location);
  const table: TableModel = {
    id: workbook.nextId++,
    name,
    sheet: range.sheet,
    rect,
    showTotals: false,
    style: 'TableStyleMedium2',
    deleted: false,
  };
  workbook.tables.push(table);
  return table;
}

/** Drift guard. */
export type TableCollectionIsFaithful = FaithfulTo<Excel.TableCollection, MemoryTableCollection>;

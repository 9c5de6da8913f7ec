/**
 * `Excel.Worksheet` in memory: name, visibility, ranges by address or index, the used
 * range, and the sheet's tables, charts and names.
 */
import { parseAddress, type Rect } from './address';
import {
  childCore,
  MemoryClientObject,
  type LoadSpec,
  type ScalarGetters,
  type Loadable,
} from './clientObject';
import { CORE, type Core } from './core';
import type { FaithfulTo } from './driftGuard';
import { ErrorCode, officeError } from './errors';
import { checkSheetName, visibleCount } from './sheetNames';
import { deleteSheet, sameName, usedRect, type SheetModel, type WorkbookModel } from './model';
import { MemoryChartCollection } from './chartCollection';
import { MemoryNamedItemCollection, type NameOwner } from './namedItems';
import { spawnRange } from './range';
import { onGrid } from './rangeGeometry';
import { MemoryWorksheetProtection, refuseIfStructureProtected } from './protection';
import { MemoryTableCollection, type TableScope } from './tableCollection';

/** A worksheet proxy over a sheet binding. */
export function worksheetProxy(core: Core<SheetModel>): MemoryWorksheet {
  return new MemoryWorksheet(core);
}

/** Whether a sheet still exists. */
export function aliveSheet(sheet: SheetModel): boolean {
  return !sheet.deleted;
}

/** A worksheet. */
export class MemoryWorksheet extends MemoryClientObject<SheetModel> {
  protected readonly scalars: ScalarGetters<SheetModel> = {
    name: (s) => s.name,
    id: (s) => `{${String(s.id).padStart(8, '0')}-0000-0000-0000-000000000000}`,
    position: (s) => this.workbook().sheets.indexOf(s),
    visibility: (s) => s.visibility,
  };

  protected override navigation(name: string): Loadable | undefined {
    const children: Record<string, () => unknown> = {
      tables: () => this.tables,
      charts: () => this.charts,
      names: () => this.names,
      protection: () => this.protection,
    };
    return children[name]?.() as Loadable | undefined;
  }

  get name(): string {
    return this.get('name');
  }
  set name(name: string) {
    this.setProperty('name', name, (sheet, value) => {
      refuseIfStructureProtected(this.workbook(), 'Worksheet.name');
      checkSheetName(this.workbook(), value, 'Worksheet.name', sheet);
      sheet.name = value;
    });
  }

  get id(): string {
    return this.get('id');
  }

  get position(): number {
    return this.get('position');
  }

  get visibility(): Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden' {
    return this.get('visibility');
  }
  set visibility(visibility: Excel.SheetVisibility | 'Visible' | 'Hidden' | 'VeryHidden') {
    this.setProperty('visibility', visibility, (sheet, value) => {
      if (value !== sheet.visibility)
        refuseIfStructureProtected(this.workbook(), 'Worksheet.visibility');
      const hidesLastVisible =
        value !== 'Visible' &&
        sheet.visibility === 'Visible' &&
        visibleCount(this.workbook()) === 1;
      if (hidesLastVisible) officeError(ErrorCode.invalidOperation, 'Worksheet.visibility');
      sheet.visibility = value;
    });
  }

  get tables(): Excel.TableCollection {
    const workbook = this.workbook();
    const tables = this.child(
      'tables',
      (parent) =>
        new MemoryTableCollection(
          childCore(
            parent,
            'TableCollection',
            (sheet): TableScope => ({ workbook, sheet }),
            (scope) => !scope.sheet?.deleted,
          ),
        ),
    );
    return tables as unknown as Excel.TableCollection;
  }

  get charts(): Excel.ChartCollection {
    const charts = this.child(
      'charts',
      (parent) =>
        new MemoryChartCollection(childCore(parent, 'ChartCollection', (s) => s, aliveSheet)),
    );
    return charts as unknown as Excel.ChartCollection;
  }

  get protection(): Excel.WorksheetProtection {
    const protection = this.child(
      'protection',
      (parent) =>
        new MemoryWorksheetProtection(
          childCore(parent, 'WorksheetProtection', (s) => s, aliveSheet),
        ),
    );
    return protection as unknown as Excel.WorksheetProtection;
  }

  get names(): Excel.NamedItemCollection {
    const names = this.child(
      'names',
      (parent) =>
        new MemoryNamedItemCollection(
          childCore(
            parent,
            'NamedItemCollection',
            (s): NameOwner => s,
            (o) => !o.deleted,
          ),
        ),
    );
    return names as unknown as Excel.NamedItemCollection;
  }

  /** A range by A1 address; the whole sheet without one. */
  getRange(address?: string): Excel.Range {
    const location = 'Worksheet.getRange';
    return spawnRange(
      this[CORE].queue,
      location,
      () => {
        const sheet = this[CORE].resolve();
        if (!sheet) return null;
        if (address === undefined || address === '') {
          return {
            sheet,
            rect: onGrid({ top: 0, left: 0, bottom: 1_048_575, right: 16_383 }, location),
          };
        }
        const parsed = parseAddress(address);
        if (!parsed || (parsed.sheet !== undefined && !sameName(parsed.sheet, sheet.name))) {
          return officeError(ErrorCode.invalidArgument, location, address);
        }
        return { sheet, rect: parsed.rect };
      },
      [address ?? ''],
    );
  }

  /** A range by 0-based start row and column and a size. */
  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number,
  ): Excel.Range {
    const location = 'Worksheet.getRangeByIndexes';
    return spawnRange(
      this[CORE].queue,
      location,
      () => {
        const sheet = this[CORE].resolve();
        const rect: Rect = {
          top: startRow,
          left: startColumn,
          bottom: startRow + rowCount - 1,
          right: startColumn + columnCount - 1,
        };
        return sheet && { sheet, rect: onGrid(rect, location) };
      },
      [startRow, startColumn, rowCount, columnCount],
    );
  }

  /** One cell by 0-based row and column. */
  getCell(row: number, column: number): Excel.Range {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /** The used range; A1 on an empty sheet, as in Excel. */
  getUsedRange(valuesOnly?: boolean): Excel.Range {
    return spawnRange(this[CORE].queue, 'Worksheet.getUsedRange', () => {
      const sheet = this[CORE].resolve();
      if (!sheet) return null;
      return {
        sheet,
        rect: usedRect(sheet, valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 },
      };
    });
  }

  /** The used range, or a null object on an empty sheet. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): Excel.Range {
    return spawnRange(this[CORE].queue, 'Worksheet.getUsedRangeOrNullObject', () => {
      const sheet = this[CORE].resolve();
      const rect = sheet && usedRect(sheet, valuesOnly);
      return sheet && rect ? { sheet, rect } : null;
    });
  }

  /** Deletes the sheet with its tables, charts and names. */
  delete(): void {
    this.invoke('delete', [], (sheet) => {
      const workbook = this.workbook();
      refuseIfStructureProtected(workbook, 'Worksheet.delete');
      if (sheet.visibility === 'Visible' && visibleCount(workbook) === 1) {
        officeError(
          ErrorCode.invalidOperation,
          'Worksheet.delete',
          'A workbook must keep one visible sheet.',
        );
      }
      deleteSheet(workbook, sheet);
    });
  }

  /** Makes the sheet the active one. */
  activate(): void {
    this.invoke('activate', [], (sheet) => {
      if (sheet.visibility !== 'Visible')
        officeError(ErrorCode.invalidOperation, 'Worksheet.activate');
      this.workbook().activeSheet = sheet;
    });
  }

  load(spec?: LoadSpec): Excel.Worksheet {
    this.queueLoad(spec);
    return this as unknown as Excel.Worksheet;
  }

  private workbook(): WorkbookModel {
    return this[CORE].queue.model;
  }
}

/** Drift guard. */
export type WorksheetIsFaithful = FaithfulTo<Excel.Worksheet, MemoryWorksheet>;

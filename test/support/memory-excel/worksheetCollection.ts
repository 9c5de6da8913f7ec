/**
 * `Excel.WorksheetCollection` in memory: sheets by name, `add` (at the end), and the
 * active sheet.
 */
import { spawn, type LoadSpec, type ScalarGetters } from './clientObject';
import { MemoryCollection } from './collection';
import { CORE, requireExcelApi, type Core } from './core';
import { MemoryChangedEvent } from './events';
import type { FaithfulTo } from './driftGuard';
import { ErrorCode, officeError } from './errors';
import { findSheet, newSheet, type SheetModel, type WorkbookModel } from './model';
import { checkSheetName } from './sheetNames';
import { refuseIfStructureProtected } from './protection';
import { aliveSheet, MemoryWorksheet, worksheetProxy } from './worksheet';

function defaultSheetName(workbook: WorkbookModel): string {
  for (let n = workbook.sheets.length + 1; ; n++) {
    if (!findSheet(workbook, `Sheet${n}`)) return `Sheet${n}`;
  }
}

/** The workbook's worksheets. */
export class MemoryWorksheetCollection extends MemoryCollection<
  WorkbookModel,
  SheetModel,
  MemoryWorksheet
> {
  protected readonly scalars: ScalarGetters<WorkbookModel> = {};
  protected readonly itemTypeName = 'Worksheet';

  protected itemModels(workbook: WorkbookModel): readonly SheetModel[] {
    return workbook.sheets;
  }
  protected makeItem(core: Core<SheetModel>): MemoryWorksheet {
    return worksheetProxy(core);
  }
  protected itemAlive(item: SheetModel): boolean {
    return aliveSheet(item);
  }

  get items(): Excel.Worksheet[] {
    return this.loadedItems() as unknown as Excel.Worksheet[];
  }

  /** Adds a sheet at the end (named "SheetN" without a name). */
  add(name?: string): Excel.Worksheet {
    const location = 'WorksheetCollection.add';
    const owner = this[CORE];
    const sheet = spawn(
      owner.queue,
      'Worksheet',
      location,
      () => {
        const workbook = owner.require(location);
        refuseIfStructureProtected(workbook, location);
        const sheetName = name ?? defaultSheetName(workbook);
        checkSheetName(workbook, sheetName, location);
        const created = newSheet(workbook, sheetName);
        workbook.sheets.push(created);
        return created;
      },
      worksheetProxy,
      aliveSheet,
    );
    return sheet as unknown as Excel.Worksheet;
  }

  getItem(key: string): Excel.Worksheet {
    return this.lookup('getItem', key, false);
  }

  getItemOrNullObject(key: string): Excel.Worksheet {
    return this.lookup('getItemOrNullObject', key, true);
  }

  /**
   * Occurs when any worksheet's cells change (ExcelApi 1.9): by the user or by a batch.
   * Raises ApiNotFound on an older host, as office.js does.
   */
  get onChanged(): OfficeExtension.EventHandlers<Excel.WorksheetChangedEventArgs> {
    const owner = this[CORE];
    requireExcelApi(owner.queue, 'WorksheetCollection.onChanged', '1.9');
    return new MemoryChangedEvent(owner.queue.context, () => owner.queue.model);
  }

  /** The active sheet. */
  getActiveWorksheet(): Excel.Worksheet {
    const owner = this[CORE];
    const sheet = spawn(
      owner.queue,
      'Worksheet',
      'WorksheetCollection.getActiveWorksheet',
      () => {
        const workbook = owner.require('WorksheetCollection.getActiveWorksheet');
        return workbook.activeSheet ?? workbook.sheets[0] ?? null;
      },
      worksheetProxy,
      aliveSheet,
    );
    return sheet as unknown as Excel.Worksheet;
  }

  load(spec?: LoadSpec): Excel.WorksheetCollection {
    this.queueLoad(spec);
    return this as unknown as Excel.WorksheetCollection;
  }

  private lookup(method: string, key: string, orNull: boolean): Excel.Worksheet {
    const location = `WorksheetCollection.${method}`;
    const owner = this[CORE];
    const sheet = spawn(
      owner.queue,
      'Worksheet',
      location,
      () => {
        const workbook = owner.resolve();
        const found = workbook && findSheet(workbook, key);
        if (found) return found;
        return orNull ? null : officeError(ErrorCode.itemNotFound, location, key);
      },
      worksheetProxy,
      aliveSheet,
    );
    return sheet as unknown as Excel.Worksheet;
  }
}

/** Drift guard. */
export type WorksheetCollectionIsFaithful = FaithfulTo<
  Excel.WorksheetCollection,
  MemoryWorksheetCollection
>;

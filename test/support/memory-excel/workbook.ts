/**
 * `Excel.Workbook` and `Excel.Application` in memory: the roots from which the add-in
 * reaches worksheets, tables, names, settings and the selection.
 */
import {
  childCore,
  MemoryClientObject,
  spawn,
  type LoadSpec,
  type ScalarGetters,
  type Loadable,
} from './clientObject';
import { CORE } from './core';
import type { FaithfulTo } from './driftGuard';
import { ErrorCode, officeError } from './errors';
import type { WorkbookModel } from './model';
import { MemoryNamedItemCollection, type NameOwner } from './namedItems';
import { MemoryRange } from './range';
import { MemorySettingCollection } from './settings';
import { MemoryWorkbookProtection } from './protection';
import { MemoryTableCollection, type TableScope } from './tableCollection';
import { MemoryWorksheetCollection } from './worksheetCollection';

/** The application: calculation. Formulas are not evaluated; `calculate` is counted. */
export class MemoryApplication extends MemoryClientObject<WorkbookModel> {
  protected readonly scalars: ScalarGetters<WorkbookModel> = { calculationMode: () => 'Automatic' };

  get calculationMode(): Excel.Application['calculationMode'] {
    return this.get('calculationMode');
  }

  /** Recalculates (counted in the model; the fake does not evaluate formulas). */
  calculate(calculationType: Parameters<Excel.Application['calculate']>[0]): void {
    this.invoke('calculate', [calculationType], (workbook) => {
      workbook.calculations++;
    });
  }

  load(spec?: LoadSpec): Excel.Application {
    this.queueLoad(spec);
    return this as unknown as Excel.Application;
  }
}

/** The workbook. */
export class MemoryWorkbook extends MemoryClientObject<WorkbookModel> {
  protected readonly scalars: ScalarGetters<WorkbookModel> = { name: () => 'Book1.xlsx' };

  protected override navigation(name: string): Loadable | undefined {
    const children: Record<string, () => unknown> = {
      worksheets: () => this.worksheets,
      tables: () => this.tables,
      names: () => this.names,
      settings: () => this.settings,
      application: () => this.application,
      protection: () => this.protection,
    };
    return children[name]?.() as Loadable | undefined;
  }

  get name(): string {
    return this.get('name');
  }

  get worksheets(): Excel.WorksheetCollection {
    const sheets = this.child(
      'worksheets',
      (parent) => new MemoryWorksheetCollection(childCore(parent, 'WorksheetCollection', (w) => w)),
    );
    return sheets as unknown as Excel.WorksheetCollection;
  }

  get tables(): Excel.TableCollection {
    const tables = this.child(
      'tables',
      (parent) =>
        new MemoryTableCollection(
          childCore(parent, 'TableCollection', (workbook): TableScope => ({ workbook })),
        ),
    );
    return tables as unknown as Excel.TableCollection;
  }

  get names(): Excel.NamedItemCollection {
    const names = this.child(
      'names',
      (parent) =>
        new MemoryNamedItemCollection(
          childCore(parent, 'NamedItemCollection', (w): NameOwner => w),
        ),
    );
    return names as unknown as Excel.NamedItemCollection;
  }

  get protection(): Excel.WorkbookProtection {
    const protection = this.child(
      'protection',
      (parent) => new MemoryWorkbookProtection(childCore(parent, 'WorkbookProtection', (w) => w)),
    );
    return protection as unknown as Excel.WorkbookProtection;
  }

  get settings(): Excel.SettingCollection {
    const settings = this.child(
      'settings',
      (parent) => new MemorySettingCollection(childCore(parent, 'SettingCollection', (w) => w)),
    );
    return settings as unknown as Excel.SettingCollection;
  }

  get application(): Excel.Application {
    const application = this.child(
      'application',
      (parent) => new MemoryApplication(childCore(parent, 'Application', (w) => w)),
    );
    return application as unknown as Excel.Application;
  }

  /**
   * The selected range. Excel always has one: a workbook nobody has clicked in has A1
   * of its active sheet selected, so that is the selection until something selects
   * another. Several areas selected at once (Ctrl+click) fail, as @types/office-js says
   * ("If there are multiple ranges selected, this method will throw an error"), with
   * office.js's InvalidSelection.
   */
  getSelectedRange(): Excel.Range {
    const owner = this[CORE];
    const range = spawn(
      owner.queue,
      'Range',
      'Workbook.getSelectedRange',
      () => {
        const workbook = owner.require('Workbook.getSelectedRange');
        const { selection } = workbook;
        if (selection?.areas !== undefined && selection.areas.length > 1) {
          return officeError(ErrorCode.invalidSelection, 'Workbook.getSelectedRange');
        }
        if (selection !== undefined) return { sheet: selection.sheet, rect: selection.rect };
        const sheet = workbook.activeSheet ?? workbook.sheets[0];
        return sheet === undefined
          ? officeError(ErrorCode.itemNotFound, 'Workbook.getSelectedRange')
          : { sheet, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
      },
      (core) => new MemoryRange(core),
    );
    return range as unknown as Excel.Range;
  }

  /** The active cell: the top-left cell of the selection. */
  getActiveCell(): Excel.Range {
    const owner = this[CORE];
    const range = spawn(
      owner.queue,
      'Range',
      'Workbook.getActiveCell',
      () => {
        const workbook = owner.require('Workbook.getActiveCell');
        const { selection } = workbook;
        // As for the selection: A1 of the active sheet until something is selected.
        const sheet = selection?.sheet ?? workbook.activeSheet ?? workbook.sheets[0];
        if (!sheet) return officeError(ErrorCode.itemNotFound, 'Workbook.getActiveCell');
        const { top, left } = selection?.rect ?? { top: 0, left: 0 };
        return { sheet, rect: { top, left, bottom: top, right: left } };
      },
      (core) => new MemoryRange(core),
    );
    return range as unknown as Excel.Range;
  }

  load(spec?: LoadSpec): Excel.Workbook {
    this.queueLoad(spec);
    return this as unknown as Excel.Workbook;
  }
}

/** Drift guards. */
export type WorkbookIsFaithful = FaithfulTo<Excel.Workbook, MemoryWorkbook>;
export type ApplicationIsFaithful = FaithfulTo<Excel.Application, MemoryApplication>;

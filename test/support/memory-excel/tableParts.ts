/**
 * A table's row and column collections, in memory: only their counts are modelled.
 */
import { rectSize } from './address';
import { MemoryClientObject, type LoadSpec, type ScalarGetters } from './clientObject';
import type { FaithfulTo } from './driftGuard';
import type { TableModel } from './model';

/** Whether a table still exists. */
export function aliveTable(table: TableModel): boolean {
  return !table.deleted && !table.sheet.deleted;
}

/** The body rows of a table (its row collection; only `count` is modelled). */
export class MemoryTableRowCollection extends MemoryClientObject<TableModel> {
  protected readonly scalars: ScalarGetters<TableModel> = {
    count: (t) => rectSize(t.rect).rows - 1 - (t.showTotals ? 1 : 0),
  };

  get count(): number {
    return this.get('count');
  }

  load(spec?: LoadSpec): Excel.TableRowCollection {
    this.queueLoad(spec);
    return this as unknown as Excel.TableRowCollection;
  }
}

/** The columns of a table (only `count` is modelled). */
export class MemoryTableColumnCollection extends MemoryClientObject<TableModel> {
  protected readonly scalars: ScalarGetters<TableModel> = {
    count: (t) => rectSize(t.rect).columns,
  };

  get count(): number {
    return this.get('count');
  }

  load(spec?: LoadSpec): Excel.TableColumnCollection {
    this.queueLoad(spec);
    return this as unknown as Excel.TableColumnCollection;
  }
}

/** Drift guards. */
export type TableColumnCollectionIsFaithful = FaithfulTo<
  Excel.TableColumnCollection,
  MemoryTableColumnCollection
>;
export type TableRowCollectionIsFaithful = FaithfulTo<
  Excel.TableRowCollection,
  MemoryTableRowCollection
>;

import type { TableInfo, WorkbookReader } from '../ports/workbook';
import type { ColumnMapping } from './mapping';
import { plainRangesOf } from './readInputs';
import { savedMapping } from './settingsStore';
import { TABLE_KINDS } from './tableKinds';
import type { TableKindId } from './tableSchema';
import type { Workbook } from '../ports/workbook';
import { mergeMappings } from './mapping';

/** Where a workbook's input tables may be: its Excel tables, plain ranges and mapped kinds. */
export interface InputSources {
  readonly tables: readonly TableInfo[];
  /** Plain ranges some kind claims (found only when a kind has no table of its default name). */
  readonly ranges: readonly TableInfo[];
  /** Kinds a column mapping places (counted as present; a mapping that no longer fits is a finding on reading). */
  readonly mapped: ReadonlySet<TableKindId>;
}

/**
 * What a workbook has to read, for choosing what to run (`bcf run`, `bcf check`): one
 * `listTables`, and one `readSheets` only when some kind has no Excel table of its
 * default name (a completed planning template has them all, so it is never scanned).
 *
 * @param workbook - the workbook.
 * @param mapping - a `--map` file's mapping, over the one saved in the workbook.
 */
export async function inputSources(
  workbook: WorkbookReader & Partial<Pick<Workbook, 'settings'>>,
  mapping?: ColumnMapping,
): Promise<InputSources> {
  const tables = await workbook.listTables();
  const saved =
    workbook.settings === undefined ? undefined : (await savedMapping(workbook.settings)).mapping;
  const merged = mergeMappings(saved, mapping);
  const mapped = new Set(Object.keys(merged?.tables ?? {}) as TableKindId[]);
  const names = new Set(tables.map((t) => t.name.toLowerCase()));
  const unnamed = Object.values(TABLE_KINDS).some((k) => !names.has(k.defaultName.toLowerCase()));
  const sheets = unnamed && workbook.readSheets ? await workbook.readSheets() : [];
  const ranges = plainRangesOf(sheets, tables).map(({ data: { rows: _rows, ...info } }) => info);
  return { tables, ranges, mapped };
}

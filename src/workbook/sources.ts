import type { SheetCells, TableData, TableInfo, WorkbookReader } from '../ports/workbook';
import type { Finding } from './findings';
import { resolveMapping, type ColumnMapping } from './mapping';
import { plainRangesOf } from './readInputs';
import { savedMapping } from './settingsStore';
import { TABLE_KIND_ORDER, TABLE_KINDS } from './tableKinds';
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
  /** The ranges the mapping places by sheet and header row, by kind (those that still fit). */
  readonly mappedRanges: ReadonlyMap<TableKindId, TableInfo>;
  /** Why a mapping no longer fits (naming the header row), one finding each. */
  readonly mappingFindings: readonly Finding[];
}

/** A table's facts without its body. */
const infoOf = ({ rows: _rows, ...info }: TableData): TableInfo => info;

/**
 * The ranges a mapping places by sheet and header row (resolveMapping), and the findings
 * of those that no longer fit.
 */
export function mappedRangesOf(
  mapping: ColumnMapping | undefined,
  sheets: readonly SheetCells[],
  tables: readonly TableInfo[],
): { readonly ranges: Map<TableKindId, TableInfo>; readonly findings: Finding[] } {
  const ranges = new Map<TableKindId, TableInfo>();
  const findings: Finding[] = [];
  for (const id of TABLE_KIND_ORDER) {
    const entry = mapping?.tables[id];
    if (entry?.sheet === undefined) continue;
    const resolved = resolveMapping(TABLE_KINDS[id], entry, sheets, tables);
    findings.push(...resolved.findings);
    if (resolved.found === undefined) continue;
    ranges.set(id, infoOf(resolved.found.range.data));
  }
  return { ranges, findings };
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
  const bySheet = Object.values(merged?.tables ?? {}).some((e) => e?.sheet !== undefined);
  const sheets = (unnamed || bySheet) && workbook.readSheets ? await workbook.readSheets() : [];
  const placed = mappedRangesOf(merged, sheets, tables);
  const taken = [...placed.ranges.values()];
  const ranges = plainRangesOf(sheets, tables)
    .map(({ data: { rows: _rows, ...info } }) => info)
    // A mapped range is its kind's, not another range for the headers to claim.
    .filter((r) => !taken.some((t) => t.sheet === r.sheet && t.range === r.range));
  return {
    tables,
    ranges,
    mapped,
    mappedRanges: placed.ranges,
    mappingFindings: placed.findings,
  };
}

import type { CellValue, SheetCells, TableInfo } from '../ports/workbook';
import { boxAddress, sheetRef } from '../ports/a1';
import { FindingCode, tableFinding, type Finding } from './findings';
import { columnKeys } from './headers';
import { headerKey } from './headerText';
import { rangeAtRow, type PlainRange } from './plainRanges';
import { TABLE_KINDS } from './tableKinds';
import type { ColumnSpec, TableKind, TableKindId } from './tableSchema';

/**
 * Column mappings: where a workbook laid out by its owner keeps each table kind, said
 * once (in a `--map` file, or saved in the workbook's settings) rather than guessed.
 * A mapping names, per kind, either an Excel table, or a sheet and the column headers
 * of its fields: the header row is the row of that sheet holding those headers (found
 * by their text, never by a fixed address, so rows added above or below are read), and
 * the body runs down from it as for any plain range. One file serves a folder of
 * returns laid out alike. A mapping that no longer fits (a header renamed, a column
 * deleted, the sheet gone) is a finding naming the sheet and header row; nothing is
 * guessed in its place.
 *
 * @example
 * { "tables": {
 *     "schemes": { "sheet": "Expenditure", "columns": {
 *       "schemeId": "Scheme ID", "expenditure": "Expenditure (£)" } },
 *     "income": { "table": "IncomeTable" } },
 *   "cells": { "board": { "label": "Health and Wellbeing Board:" } } }
 */

/** Where one kind's table is. */
export interface TableMapping {
  /** An Excel table's name. */
  readonly table?: string;
  /** The sheet of a plain range. */
  readonly sheet?: string;
  /** Field (a column id such as `expenditure`, or its header "Expenditure") → the column's header as written. */
  readonly columns?: Readonly<Record<string, string>>;
}

/** A single cell found by its label: the cell right of it, or below it. */
export interface LabelMapping {
  readonly label: string;
  readonly sheet?: string;
}

/** A whole mapping, as the JSON file or setting holds it. */
export interface ColumnMapping {
  readonly tables: Partial<Record<TableKindId, TableMapping>>;
  readonly cells?: Readonly<Record<string, LabelMapping>>;
}

/** Settings key of the mapping saved in the workbook. */
export const MAPPING_KEY = 'bcf.mapping';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The kind a mapping key names: its id ("schemes") or default name ("Schemes"), any case. */
export function kindNamed(name: string): TableKind | undefined {
  const key = name.toLowerCase();
  return Object.values(TABLE_KINDS).find(
    (k) => k.id.toLowerCase() === key || k.defaultName.toLowerCase() === key,
  );
}

/** The column a mapping's field names: its id, or a header the column accepts. */
export function fieldNamed(kind: TableKind, field: string): ColumnSpec | undefined {
  const key = headerKey(field);
  return (
    kind.columns.find((c) => c.id.toLowerCase() === field.toLowerCase()) ??
    kind.columns.find((c) => columnKeys(c).has(key))
  );
}

/**
 * Reads a mapping from parsed JSON.
 *
 * @returns the mapping, or the problem with it in one sentence (naming the key and value).
 */
export function parseMapping(
  value: unknown,
):
  | { readonly ok: true; readonly mapping: ColumnMapping }
  | { readonly ok: false; readonly problem: string } {
  const fail = (problem: string): { ok: false; problem: string } => ({ ok: false, problem });
  if (!isRecord(value) || !isRecord(value.tables ?? {})) {
    return fail('a mapping is an object {"tables": {kind: {"sheet": ..., "columns": {...}}}}.');
  }
  const tables: Partial<Record<TableKindId, TableMapping>> = {};
  for (const [name, entry] of Object.entries((value.tables ?? {}) as Record<string, unknown>)) {
    const kind = kindNamed(name);
    if (kind === undefined) {
      const known = Object.keys(TABLE_KINDS).join(', ');
      return fail(`"${name}" is not a table kind (use one of ${known}).`);
    }
    if (!isRecord(entry)) return fail(`tables.${name} must be an object.`);
    const { table, sheet, columns } = entry;
    if (table !== undefined && typeof table !== 'string')
      return fail(`tables.${name}.table must be text.`);
    if (sheet !== undefined && typeof sheet !== 'string')
      return fail(`tables.${name}.sheet must be text.`);
    if ((table === undefined) === (sheet === undefined)) {
      return fail(
        `tables.${name} needs either "table" (an Excel table's name) or "sheet" with "columns".`,
      );
    }
    let fields: Record<string, string> | undefined;
    if (columns !== undefined) {
      if (!isRecord(columns))
        return fail(`tables.${name}.columns must be an object from field to header.`);
      fields = {};
      for (const [field, header] of Object.entries(columns)) {
        if (fieldNamed(kind, field) === undefined) {
          return fail(
            `tables.${name}.columns: "${field}" is not a field of ${kind.defaultName} (fields: ${kind.columns.map((c) => c.id).join(', ')}).`,
          );
        }
        if (typeof header !== 'string' || header.trim() === '') {
          return fail(`tables.${name}.columns.${field} must be the column's header text.`);
        }
        fields[field] = header;
      }
    }
    if (sheet !== undefined && (fields === undefined || Object.keys(fields).length === 0)) {
      return fail(`tables.${name} maps a sheet, so it needs "columns" (field → header text).`);
    }
    tables[kind.id] = {
      ...(typeof table === 'string' ? { table } : {}),
      ...(typeof sheet === 'string' ? { sheet } : {}),
      ...(fields === undefined ? {} : { columns: fields }),
    };
  }
  const cells: Record<string, LabelMapping> = {};
  if (value.cells !== undefined) {
    if (!isRecord(value.cells))
      return fail('"cells" must be an object from name to {"label": ...}.');
    for (const [name, entry] of Object.entries(value.cells)) {
      if (!isRecord(entry) || typeof entry.label !== 'string' || entry.label.trim() === '') {
        return fail(`cells.${name} needs "label", the text of the cell beside or above the value.`);
      }
      if (entry.sheet !== undefined && typeof entry.sheet !== 'string') {
        return fail(`cells.${name}.sheet must be text.`);
      }
      cells[name] = {
        label: entry.label,
        ...(typeof entry.sheet === 'string' ? { sheet: entry.sheet } : {}),
      };
    }
  }
  return { ok: true, mapping: { tables, ...(value.cells === undefined ? {} : { cells }) } };
}

/** Two mappings as one: the second's kinds and cells replace the first's. */
export function mergeMappings(
  base: ColumnMapping | undefined,
  over: ColumnMapping | undefined,
): ColumnMapping | undefined {
  if (base === undefined) return over;
  if (over === undefined) return base;
  return {
    tables: { ...base.tables, ...over.tables },
    cells: { ...(base.cells ?? {}), ...(over.cells ?? {}) },
  };
}

/** A mapped plain range, with the columns the mapping chose (0-based header indices). */
export interface MappedRange {
  readonly range: PlainRange;
  readonly mapped: ReadonlyMap<string, number>;
}

function cellText(value: CellValue | undefined): string {
  return typeof value === 'string'
    ? value
    : value === null || value === undefined
      ? ''
      : String(value);
}

/**
 * Finds a kind's mapped range on its sheet.
 *
 * @returns the range and its chosen columns, or the findings saying why the mapping no
 *   longer fits (nothing is read then).
 */
export function resolveMapping(
  kind: TableKind,
  mapping: TableMapping,
  sheets: readonly SheetCells[],
  tables: readonly TableInfo[],
): { readonly found?: MappedRange; readonly findings: readonly Finding[] } {
  const sheetName = mapping.sheet ?? '';
  const cells = sheets.find((s) => s.sheet.toLowerCase() === sheetName.toLowerCase());
  const what = `The column mapping for the ${kind.defaultName} table`;
  if (cells === undefined) {
    return {
      findings: [
        tableFinding(
          FindingCode.MAPPING_MISMATCH,
          { sheet: sheetName, table: kind.defaultName },
          `${what} names the sheet "${sheetName}", which this workbook does not have (or which is empty); nothing was read for it.`,
        ),
      ],
    };
  }
  const wanted = Object.entries(mapping.columns ?? {}).flatMap(([field, header]) => {
    const spec = fieldNamed(kind, field);
    return spec === undefined ? [] : [{ spec, header, key: headerKey(header) }];
  });
  let best: { row: number; hits: number } = { row: 0, hits: 0 };
  cells.values.forEach((line, i) => {
    const keys = new Set(line.map((v) => headerKey(cellText(v))));
    const hits = wanted.filter((w) => keys.has(w.key)).length;
    if (hits > best.hits) best = { row: cells.top + i, hits };
  });
  const quoted = wanted.map((w) => `"${w.header}"`).join(', ');
  if (best.hits === 0) {
    return {
      findings: [
        tableFinding(
          FindingCode.MAPPING_MISMATCH,
          { sheet: cells.sheet, table: kind.defaultName },
          `${what}: no row of ${sheetRef(cells.sheet)} has the headers ${quoted}; nothing was read for it (the mapping is not guessed at: fix the headers or the mapping).`,
        ),
      ],
    };
  }
  const range = rangeAtRow(cells, best.row, tables);
  if (range === undefined) {
    // The row is an Excel table's: such a table is mapped by its name ("table"), not by sheet.
    return {
      findings: [
        tableFinding(
          FindingCode.MAPPING_MISMATCH,
          { sheet: cells.sheet, table: kind.defaultName },
          `${what}: the headers ${quoted} on ${sheetRef(cells.sheet)} are an Excel table's; map the table by its name ("table": "...") instead; nothing was read for it.`,
        ),
      ],
    };
  }
  const { data } = range;
  const headerRow = boxAddress({
    top: best.row,
    left: data.firstColumn,
    bottom: best.row,
    right: data.firstColumn + data.headers.length - 1,
  });
  const keys = data.headers.map(headerKey);
  const mapped = new Map<string, number>();
  const findings: Finding[] = [];
  for (const w of wanted) {
    const index = keys.indexOf(w.key);
    if (index >= 0) {
      mapped.set(w.spec.id, index);
      continue;
    }
    const present = data.headers
      .filter((h) => h.trim() !== '')
      .map((h) => `"${h}"`)
      .join(', ');
    findings.push(
      tableFinding(
        FindingCode.MAPPING_MISMATCH,
        { sheet: cells.sheet, table: kind.defaultName, address: headerRow },
        `${sheetRef(cells.sheet)}!${headerRow} (${kind.defaultName} header row): the column mapping names "${w.header}" for ${w.spec.header}, but this header row has no such column (its headers: ${present}); nothing was read for the ${kind.defaultName} table.`,
      ),
    );
  }
  return findings.length > 0 ? { findings } : { found: { range, mapped }, findings };
}

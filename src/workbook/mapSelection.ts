/**
 * Mapping a range the user points at ("Use the selection as…" in the pane): the header
 * row of the selection, the column the add-in guesses for each field of the kind (the
 * same tolerant header matching as everywhere, headers.ts), the mapping entry the
 * user's choices make (by header text, so it follows the header row, as a `--map` file
 * does), a preview read exactly as a run reads it, and saving it with the workbook's
 * other mappings under `bcf.mapping`.
 */
import type {
  CellValue,
  SelectedCells,
  SheetCells,
  TableInfo,
  WorkbookReader,
  WorkbookSettings,
} from '../ports/workbook';
import { boxAddress, cellAddress, parseBox, sheetRef } from '../ports/a1';
import type { Step } from '../engine/explain';
import type { Finding } from './findings';
import { matchHeaders } from './headers';
import type { InputTable } from './inputTable';
import { mergeMappings, type ColumnMapping, type TableMapping } from './mapping';
import { rangeAtRow } from './plainRanges';
import { readInputTables } from './readInputs';
import { saveMapping, savedMapping } from './settingsStore';
import type { ColumnSpec, TableKind } from './tableSchema';

/** One header cell of the header row, as a column the user may choose. */
export interface MappingColumn {
  /** Column number (1-based) on the sheet. */
  readonly column: number;
  /** The header as written (a header merged over two rows reads as both, as runs read it). */
  readonly header: string;
  /** Its cell, e.g. "C3". */
  readonly address: string;
}

/** The header row found in a selection, its columns, and the add-in's guess per field. */
export interface MappingDraft {
  readonly kind: TableKind;
  readonly sheet: string;
  /** The header row's cells, e.g. "A3:C3". */
  readonly headerRow: string;
  readonly columns: readonly MappingColumn[];
  /** Each field of the kind with the column guessed for it (absent: none fits). */
  readonly fields: readonly { readonly spec: ColumnSpec; readonly guess?: number }[];
}

function text(value: CellValue | undefined): string {
  if (typeof value === 'string') return value.trim();
  return value === null || value === undefined ? '' : String(value);
}

/**
 * The cells at an address typed by the user (outside Excel, where nothing can be
 * selected): the same shape as a selection, cut from the sheet's used range.
 *
 * @returns the cells, or the problem in one sentence naming the sheet or address.
 */
export function cellsAt(
  sheets: readonly SheetCells[],
  sheet: string,
  address: string,
):
  | { readonly ok: true; readonly cells: SelectedCells }
  | { readonly ok: false; readonly problem: string } {
  const found = sheets.find((s) => s.sheet.toLowerCase() === sheet.trim().toLowerCase());
  if (found === undefined) {
    const names = sheets.map((s) => `"${s.sheet}"`).join(', ');
    return {
      ok: false,
      problem: `There is no sheet "${sheet.trim()}" with cells in this workbook (its sheets: ${names}).`,
    };
  }
  const box = parseBox(address.trim().replace(/\$/g, ''));
  if (box === undefined) {
    return {
      ok: false,
      problem: `"${address.trim()}" is not a cell or range address, e.g. A3:F3.`,
    };
  }
  const values = found.values
    .slice(Math.max(box.top - found.top, 0), box.bottom - found.top + 1)
    .map((row) => row.slice(Math.max(box.left - found.left, 0), box.right - found.left + 1));
  return {
    ok: true,
    cells: {
      sheet: found.sheet,
      address: boxAddress(box),
      top: Math.max(box.top, found.top),
      left: Math.max(box.left, found.left),
      values,
    },
  };
}

/**
 * The draft mapping of a selection as `kind`: its header row is the selected row whose
 * headers the kind's columns match most (the first filled-in row when none match), its
 * columns that row's headers as a run reads them (the range runs on past the selection
 * as far as the header row does), and the guesses the kind's header matching makes.
 *
 * @param sheets - the workbook's sheets (for the header row as runs read it).
 * @param tables - its Excel tables (a selection in one is refused: a table is found by name).
 * @returns the draft, or why the selection cannot be mapped, in one sentence.
 */
export function draftMapping(
  kind: TableKind,
  selected: SelectedCells,
  sheets: readonly SheetCells[],
  tables: readonly TableInfo[],
):
  | { readonly ok: true; readonly draft: MappingDraft }
  | { readonly ok: false; readonly problem: string } {
  const where = `${sheetRef(selected.sheet)}!${selected.address}`;
  const rows = selected.values.map((line) => line.map(text));
  let best: { row: number; hits: number } | undefined;
  rows.forEach((line, i) => {
    if (line.every((t) => t === '')) return;
    const hits = matchHeaders(kind, line).columns.length;
    if (best === undefined || hits > best.hits) best = { row: selected.top + i, hits };
  });
  if (best === undefined) {
    return {
      ok: false,
      problem: `The selection ${where} has nothing in it: select the range's header row and the rows under it.`,
    };
  }
  const table = tables.find(
    (t) =>
      t.range === undefined &&
      t.sheet.toLowerCase() === selected.sheet.toLowerCase() &&
      best !== undefined &&
      t.headerRow === best.row,
  );
  const cells = sheets.find((s) => s.sheet.toLowerCase() === selected.sheet.toLowerCase());
  const range = cells === undefined ? undefined : rangeAtRow(cells, best.row, tables);
  if (range === undefined) {
    return {
      ok: false,
      problem:
        table === undefined
          ? `The selection ${where} is not a header row with rows under it that the add-in can read.`
          : `The selection ${where} is in the Excel table ${table.name}, which is read by its name; select a plain range.`,
    };
  }
  const { data } = range;
  const headers = data.headers.map((h) => h.trim());
  const columns = headers.flatMap((header, i) =>
    header === ''
      ? []
      : [
          {
            column: data.firstColumn + i,
            header: data.headers[i] ?? header,
            address: cellAddress(data.headerRow, data.firstColumn + i),
          },
        ],
  );
  const match = matchHeaders(kind, data.headers);
  const fields = kind.columns.map((spec) => {
    const found = match.columns.find((c) => c.spec === spec);
    return found === undefined ? { spec } : { spec, guess: data.firstColumn + found.index };
  });
  const headerRow = boxAddress({
    top: best.row,
    left: data.firstColumn,
    bottom: best.row,
    right: data.firstColumn + data.headers.length - 1,
  });
  return { ok: true, draft: { kind, sheet: data.sheet, headerRow, columns, fields } };
}

/**
 * The mapping entry the user's choices make: field id → the chosen column's header.
 *
 * @param chosen - field id → column number (absent or undefined: not in this range).
 * @returns the entry, or the required fields left unmapped (nothing is saved then).
 */
export function mappingEntry(
  draft: MappingDraft,
  chosen: Readonly<Record<string, number | undefined>>,
):
  | { readonly ok: true; readonly entry: TableMapping }
  | { readonly ok: false; readonly missing: readonly ColumnSpec[] } {
  const columns: Record<string, string> = {};
  const missing: ColumnSpec[] = [];
  for (const { spec } of draft.fields) {
    const column = chosen[spec.id];
    const header = draft.columns.find((c) => c.column === column)?.header;
    if (header === undefined) {
      if (spec.required) missing.push(spec);
      continue;
    }
    columns[spec.id] = header;
  }
  return missing.length > 0
    ? { ok: false, missing }
    : { ok: true, entry: { sheet: draft.sheet, columns } };
}

/** What a run would read through a mapping entry. */
export interface MappingPreview {
  /** The table as typed (absent when the mapping does not fit: see the findings). */
  readonly table?: InputTable;
  readonly findings: readonly Finding[];
  /** How columns are read (£000 scaled, a plan year chosen). */
  readonly steps: readonly Step[];
}

/**
 * Reads `kind` through `entry` exactly as a run would (readInputTables with the mapping),
 * without saving anything.
 */
export async function previewMapping(
  reader: WorkbookReader,
  kind: TableKind,
  entry: TableMapping,
): Promise<MappingPreview> {
  const mapping: ColumnMapping = { tables: { [kind.id]: entry } };
  const read = await readInputTables(reader, [{ kind, required: true }], {}, new Map(), {
    mapping,
  });
  const table = read.tables[kind.id];
  return { ...(table === undefined ? {} : { table }), findings: read.findings, steps: read.steps };
}

/**
 * Saves `entry` as the workbook's mapping of `kind`, keeping its mappings of other kinds
 * and its labelled cells. A saved mapping that cannot be read is replaced (runs already
 * refuse it with a finding, so nothing readable is lost).
 */
export async function saveKindMapping(
  settings: WorkbookSettings,
  kind: TableKind,
  entry: TableMapping,
): Promise<ColumnMapping> {
  const { mapping } = await savedMapping(settings);
  const merged = mergeMappings(mapping, { tables: { [kind.id]: entry } }) ?? {
    tables: { [kind.id]: entry },
  };
  const tidy: ColumnMapping =
    merged.cells !== undefined && Object.keys(merged.cells).length === 0
      ? { tables: merged.tables }
      : merged;
  await saveMapping(settings, tidy);
  return tidy;
}

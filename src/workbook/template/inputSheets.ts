import type { CellValue, ListValidation, SheetWrite, TableData } from '../../ports/workbook';
import { rangeAddress } from '../../ports/a1';
import { TABLE_KINDS, TABLE_KIND_ORDER } from '../tableKinds';
import type { TableKind } from '../tableSchema';
import { dropDown } from './listsSheet';

/**
 * The input sheets of the planning template: one sheet per table kind (the two risk-share
 * tables side by side on one sheet), each with a title, a line on what the table is
 * for, the Excel table with its headers, number formats, example rows from DOMAIN.md's
 * worked examples and spare rows, the body shaded yellow as input, and drop-down lists
 * on option columns (a list too long for Excel to hold literally is read from the hidden
 * lists sheet, see listsSheet.ts).
 */

/** Row of every template table's header. */
export const TEMPLATE_HEADER_ROW = 5;
/** Blank rows left in each table below the examples, ready to fill. */
export const SPARE_ROWS = 5;

/** Where the template puts a kind's table. */
export interface TablePlacement {
  readonly kind: TableKind;
  readonly sheet: string;
  readonly firstColumn: number;
}

/** Every kind's table, by sheet, left to right with one empty column between. */
export function templatePlacements(): TablePlacement[] {
  const nextColumn = new Map<string, number>();
  return TABLE_KIND_ORDER.map((id) => {
    const kind = TABLE_KINDS[id];
    const firstColumn = nextColumn.get(kind.sheet) ?? 1;
    nextColumn.set(kind.sheet, firstColumn + kind.columns.length + 1);
    return { kind, sheet: kind.sheet, firstColumn };
  });
}

/** A placed table with its example rows, as a reader would see it (for the Checks sheet). */
export function exampleTableData(p: TablePlacement): TableData {
  return {
    name: p.kind.defaultName,
    sheet: p.sheet,
    headers: p.kind.columns.map((c) => c.header),
    rows: p.kind.examples,
    rowCount: p.kind.examples.length + SPARE_ROWS,
    headerRow: TEMPLATE_HEADER_ROW,
    firstColumn: p.firstColumn,
  };
}

function put(
  grid: CellValue[][],
  formats: string[][],
  row: number,
  column: number,
  value: CellValue,
  format?: string,
): void {
  while (grid.length < row) grid.push([]);
  while (formats.length < row) formats.push([]);
  const cells = grid[row - 1] ?? [];
  const fmts = formats[row - 1] ?? [];
  while (cells.length < column) cells.push(null);
  while (fmts.length < column) fmts.push('General');
  cells[column - 1] = value;
  if (format !== undefined) fmts[column - 1] = format;
  grid[row - 1] = cells;
  formats[row - 1] = fmts;
}

/** One input sheet with all its placed tables. */
function inputSheet(sheet: string, placements: readonly TablePlacement[]): SheetWrite {
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  const first = placements[0];
  put(values, formats, 1, 1, sheet, '@');
  if (first !== undefined) put(values, formats, 2, 1, first.kind.purpose, '@');
  put(
    values,
    formats,
    3,
    1,
    'Yellow cells are yours to fill in; add rows by typing below a table. The example rows come from published worked examples: replace them with your own.',
    '@',
  );
  const widths: number[] = [];
  const extra = {
    tables: [] as { name: string; range: string }[],
    inputs: [] as string[],
    lists: [] as ListValidation[],
  };
  for (const p of placements) {
    const { kind, firstColumn } = p;
    if (p !== first) put(values, formats, 2, firstColumn, kind.purpose, '@');
    const bodyFirst = TEMPLATE_HEADER_ROW + 1;
    const bodyLast = TEMPLATE_HEADER_ROW + kind.examples.length + SPARE_ROWS;
    kind.columns.forEach((spec, c) => {
      const column = firstColumn + c;
      put(values, formats, TEMPLATE_HEADER_ROW, column, spec.header, '@');
      for (let r = bodyFirst; r <= bodyLast; r++) {
        put(
          values,
          formats,
          r,
          column,
          kind.examples[r - bodyFirst]?.[c] ?? null,
          spec.format ?? 'General',
        );
      }
      widths[column - 1] = Math.max(
        widths[column - 1] ?? 0,
        spec.width ?? 0,
        spec.header.length + 4,
        12,
      );
      const list = dropDown(spec, rangeAddress(bodyFirst, column, bodyLast, column));
      if (list !== undefined) extra.lists.push(list);
    });
    const lastColumn = firstColumn + kind.columns.length - 1;
    extra.tables.push({
      name: kind.defaultName,
      range: rangeAddress(TEMPLATE_HEADER_ROW, firstColumn, bodyLast, lastColumn),
    });
    extra.inputs.push(rangeAddress(bodyFirst, firstColumn, bodyLast, lastColumn));
  }
  const width = Math.max(...values.map((r) => r.length));
  const pad = <T>(row: T[], fill: T): T[] => [...row, ...Array<T>(width - row.length).fill(fill)];
  return {
    sheet,
    values: values.map((r) => pad(r, null)),
    numberFormats: formats.map((r) => pad(r, 'General')),
    boldRows: [1, TEMPLATE_HEADER_ROW],
    columnWidths: Array.from({ length: width }, (_, i) => widths[i] ?? 12),
    inputRanges: extra.inputs,
    validations: extra.lists,
    tables: extra.tables,
    charts: [],
  };
}

/** The template's input sheets, in table-kind order. */
export function inputSheets(): SheetWrite[] {
  const bySheet = new Map<string, TablePlacement[]>();
  for (const p of templatePlacements()) bySheet.set(p.sheet, [...(bySheet.get(p.sheet) ?? []), p]);
  return [...bySheet.entries()].map(([sheet, placements]) => inputSheet(sheet, placements));
}

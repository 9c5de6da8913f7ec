import type { Step } from '../../engine/explain';
import type {
  CellValue,
  ChartKind,
  ChartWrite,
  SheetWrite,
  TableWrite,
} from '../../ports/workbook';
import { rangeAddress } from '../../ports/a1';
import { splitText, withCellsCapped } from '../../ports/cellText';
import { HEADER_LIMIT } from '../../ports/sheetLayout';
import { CELL_CHARACTER_LIMIT } from '../../ports/storage';

/**
 * The one layout of every result sheet: blocks stacked down from A1 with a blank row
 * between them (title, parameters, tables, explanation, timestamp), each chart to the
 * right of its table, starting level with it, and pushed down below the chart before
 * it when they would overlap. No cell holds more text than Excel allows: a step too long
 * for one cell goes on over the rows below it, and any other text is cut at the limit
 * (see ports/cellText). Pure: the caller passes the time of the run.
 */

/** A column of a result table: header, Excel number format and width. */
export interface ResultColumn {
  readonly header: string;
  /** Excel number format ("General" when left out). */
  readonly format?: string;
  readonly width?: number;
}

/** A chart over a result table: the columns it plots (the first column gives the categories). */
export interface ResultChart {
  readonly kind: ChartKind;
  readonly title: string;
  /** 0-based indexes of the value columns to plot, beside the category column 0. */
  readonly series: readonly number[];
  readonly valueAxisFormat: string;
  readonly categoryAxisTitle?: string;
  readonly valueAxisTitle?: string;
}

/** A block of a result sheet. */
export type ResultBlock =
  | { readonly kind: 'title'; readonly text: string; readonly subtitle?: string }
  | {
      readonly kind: 'parameters';
      readonly rows: readonly (readonly [label: string, value: CellValue, format?: string])[];
    }
  | {
      readonly kind: 'table';
      /** Heading above the table. */
      readonly heading: string;
      /** Excel table name, unique in the workbook (e.g. "BCF_GainShare_Parties"). */
      readonly name: string;
      readonly columns: readonly ResultColumn[];
      readonly rows: readonly (readonly CellValue[])[];
      /** Per-row number formats overriding the columns' (e.g. a percentage row in a money column). */
      readonly rowFormats?: readonly (readonly string[] | undefined)[];
      readonly chart?: ResultChart;
    }
  | { readonly kind: 'steps'; readonly heading: string; readonly steps: readonly Step[] }
  | { readonly kind: 'timestamp'; readonly at: Date };

/** Money: pounds with a thousands separator and pence. */
export const MONEY = '£#,##0.00';
/** Money on a chart axis: whole pounds. */
export const MONEY_AXIS = '£#,##0';
export const PERCENT = '0.00%';
export const COUNT = '#,##0';
export const QUANTITY = '#,##0.00';
export const TEXT = '@';

const CHART_COLUMNS = 8;
const CHART_MIN_ROWS = 16;

/** "2025-06-01 14:03:05 UTC": the run's time as unambiguous text. */
export function timestampText(at: Date): string {
  return `${at.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

interface Row {
  readonly values: CellValue[];
  readonly formats: string[];
  readonly bold?: boolean;
}

interface Draft {
  readonly rows: Row[];
  readonly tables: TableWrite[];
  readonly charts: { chart: ResultChart; firstRow: number; lastRow: number; columns: number }[];
}

const plain = (values: CellValue[], formats?: string[], bold?: boolean): Row => ({
  values,
  formats: formats ?? values.map(() => 'General'),
  bold,
});

function addBlock(draft: Draft, block: ResultBlock): void {
  const { rows } = draft;
  switch (block.kind) {
    case 'title':
      rows.push(plain([block.text], undefined, true));
      if (block.subtitle !== undefined) rows.push(plain([block.subtitle]));
      return;
    case 'parameters':
      rows.push(plain(['Scenario parameters'], undefined, true));
      for (const [label, value, format] of block.rows) {
        rows.push(
          plain(
            [label, value],
            ['General', format ?? (typeof value === 'string' ? TEXT : 'General')],
          ),
        );
      }
      return;
    case 'table': {
      rows.push(plain([block.heading], undefined, true));
      const headerRow = rows.length + 1;
      rows.push(
        plain(
          fitHeaders(block.columns.map((c) => c.header)),
          block.columns.map(() => TEXT),
          true,
        ),
      );
      const formats = block.columns.map((c) => c.format ?? 'General');
      block.rows.forEach((r, i) =>
        rows.push(plain([...r], [...(block.rowFormats?.[i] ?? formats)])),
      );
      const lastRow = headerRow + Math.max(block.rows.length, 1);
      if (block.rows.length === 0)
        rows.push(
          plain(
            block.columns.map(() => null),
            formats,
          ),
        );
      draft.tables.push({
        name: block.name,
        range: rangeAddress(headerRow, 1, lastRow, block.columns.length),
      });
      if (block.chart !== undefined) {
        draft.charts.push({
          chart: block.chart,
          firstRow: headerRow,
          lastRow,
          columns: block.columns.length,
        });
      }
      return;
    }
    case 'steps':
      rows.push(plain([block.heading], undefined, true));
      block.steps.forEach((s, i) => {
        for (const text of stepRows(i + 1, s.text)) rows.push(plain([text], [TEXT]));
      });
      return;
    case 'timestamp':
      rows.push(plain(['Calculated', timestampText(block.at)], ['General', TEXT]));
      return;
  }
}

/**
 * Table headers within Excel's 255 characters for a table column's name, still distinct:
 * a header built from a long name (a party's, with " amount" after it) is cut, ending
 * "…", and one that would then repeat another ends "… (2)", "… (3)".
 */
export function fitHeaders(headers: readonly string[]): string[] {
  const seen = new Set(headers.filter((h) => h.length <= HEADER_LIMIT).map((h) => h.toLowerCase()));
  return headers.map((header) => {
    if (header.length <= HEADER_LIMIT) return header;
    for (let n = 1; ; n++) {
      const end = n === 1 ? '…' : `… (${n})`;
      const fitted = `${header.slice(0, HEADER_LIMIT - end.length)}${end}`;
      if (!seen.has(fitted.toLowerCase())) {
        seen.add(fitted.toLowerCase());
        return fitted;
      }
    }
  });
}

/** Room left in a cell for a step's text after its number and "(continued)". */
const STEP_ROOM = CELL_CHARACTER_LIMIT - 32;

/**
 * A step's rows: "3. text", and when the text is longer than a cell holds, its pieces
 * (split after a comma where there is one) on the rows below, "3. (continued) …".
 */
function stepRows(number: number, text: string): string[] {
  return splitText(text, STEP_ROOM).map((piece, i) =>
    i === 0 ? `${number}. ${piece}` : `${number}. (continued) ${piece}`,
  );
}

/** The chart's source: its table's category column and the series beside it, one contiguous range. */
function sourceRange(c: Draft['charts'][number]): string {
  const first = Math.min(0, ...c.chart.series);
  const last = Math.max(0, ...c.chart.series);
  if (last - first + 1 !== c.chart.series.length + 1) {
    throw new Error(`Chart "${c.chart.title}" must plot the columns next to its category column.`);
  }
  return rangeAddress(c.firstRow, first + 1, c.lastRow, last + 1);
}

function placeCharts(draft: Draft, width: number): ChartWrite[] {
  const left = width + 2;
  let nextFree = 1;
  return draft.charts.map((c) => {
    const top = Math.max(c.firstRow, nextFree);
    const bottom = top + Math.max(CHART_MIN_ROWS, c.lastRow - c.firstRow + 1) - 1;
    nextFree = bottom + 2;
    return {
      kind: c.chart.kind,
      title: c.chart.title,
      sourceRange: sourceRange(c),
      placement: rangeAddress(top, left, bottom, left + CHART_COLUMNS - 1),
      valueAxisFormat: c.chart.valueAxisFormat,
      ...(c.chart.categoryAxisTitle === undefined
        ? {}
        : { categoryAxisTitle: c.chart.categoryAxisTitle }),
      ...(c.chart.valueAxisTitle === undefined ? {} : { valueAxisTitle: c.chart.valueAxisTitle }),
    };
  });
}

function columnWidths(blocks: readonly ResultBlock[], width: number): number[] {
  const widths = Array.from({ length: width }, (_, i): number => (i === 0 ? 28 : 16));
  for (const b of blocks) {
    if (b.kind !== 'table') continue;
    b.columns.forEach((c, i) => {
      widths[i] = Math.max(widths[i] ?? 0, c.width ?? Math.min(40, c.header.length + 4));
    });
  }
  return widths;
}

/**
 * Lays out a result sheet from its blocks.
 *
 * @param sheet - the sheet's name, e.g. "BCF Results - Gain share".
 * @param blocks - in order down the sheet.
 * @returns the sheet, ready for `writeSheets`: a rectangular block of values from A1,
 *   number formats of the same shape, bold title and heading rows, tables and charts;
 *   every text cell within Excel's 32,767 characters (cut, with a note, where longer).
 */
export function layoutSheet(sheet: string, blocks: readonly ResultBlock[]): SheetWrite {
  const draft: Draft = { rows: [], tables: [], charts: [] };
  blocks.forEach((block, i) => {
    if (i > 0) draft.rows.push(plain([]));
    addBlock(draft, block);
  });
  const width = Math.max(2, ...draft.rows.map((r) => r.values.length));
  const pad = <T>(cells: T[], fill: T): T[] => [
    ...cells,
    ...Array<T>(width - cells.length).fill(fill),
  ];
  return withCellsCapped({
    sheet,
    values: draft.rows.map((r) => pad<CellValue>(r.values, null)),
    numberFormats: draft.rows.map((r) => pad(r.formats, 'General')),
    boldRows: draft.rows.flatMap((r, i) => (r.bold === true ? [i + 1] : [])),
    columnWidths: columnWidths(blocks, width),
    tables: draft.tables,
    charts: placeCharts(draft, width),
  });
}

/**
 * Checking a laid-out sheet before anything is written (bad input → nothing written),
 * and the pure parts of writing it: which cells are text, the number formats that keep
 * text as text, column widths in points, chart types.
 *
 * Text stays text: Excel treats a string written to `Range.values` as if typed, so
 * "=x", "+44 20", "-" followed by text, "@x" or "0012" would become formulas or
 * numbers. A cell formatted as Text ("@") keeps whatever string is written into it, so
 * the writer sets "@" on every cell that receives a string, in the same request and
 * before the values. (For the add-in's own sheets the number format of a text cell has no
 * other effect.)
 */
import type { ChartKind, SheetWrite } from '../../ports/workbook';
import { parseBox, type Box } from './a1';
import { OfficeErrorCode, officeFail } from './errors';

/** The number format that makes Excel keep a written string as text. */
export const TEXT_FORMAT = '@';

/** The fill of input ranges the user fills in (light yellow; the .xlsx adapter uses the same). */
export const INPUT_FILL = '#FFF2CC';

/** Excel's chart type for each kind the ports name. */
export const CHART_TYPES: Readonly<
  Record<ChartKind, Excel.ChartType | 'BarClustered' | 'ColumnClustered' | 'ColumnStacked' | 'Line'>
> = {
  barClustered: 'BarClustered',
  columnClustered: 'ColumnClustered',
  columnStacked: 'ColumnStacked',
  line: 'Line',
};

/**
 * A column width in characters (as the ports and the .xlsx format give it) in points (as
 * Office.js sets it), for the default font Calibri 11 whose digits are 7 pixels wide:
 * pixels = characters × 7 + 5 padding, points = pixels × 0.75. So 8.43 → 48 points.
 */
export function widthInPoints(characters: number): number {
  if (characters <= 0) return 0;
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

function bad(sheet: string, message: string): never {
  return officeFail(OfficeErrorCode.BAD_LAYOUT, `Sheet "${sheet}": ${message}`, sheet);
}

/** A checked address of the layout. */
export function layoutBox(sheet: string, address: string, what: string): Box {
  return parseBox(address) ?? bad(sheet, `${what} "${address}" is not an A1 address.`);
}

/** Checks a sheet name as Excel does. */
export function checkSheetName(sheet: string): void {
  if (
    sheet.trim() === '' ||
    sheet.length > 31 ||
    /[[\]:*?/\\]/.test(sheet) ||
    /^'|'$/.test(sheet)
  ) {
    bad(
      sheet,
      'a sheet name must be 1 to 31 characters, without [ ] : * ? / \\ or a leading or trailing apostrophe.',
    );
  }
}

/** Checks a table name as Excel does. */
export function checkTableName(sheet: string, name: string): void {
  if (
    !/^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/.test(name) ||
    /^[A-Za-z]{1,3}[0-9]+$|^[RrCc]$/.test(name)
  ) {
    bad(
      sheet,
      `"${name}" is not a valid table name (letters, digits, _ and ., starting with a letter or _, not a cell address).`,
    );
  }
}

function checkShape(layout: SheetWrite): void {
  const width = layout.values[0]?.length ?? 0;
  layout.values.forEach((row, r) => {
    if (row.length !== width)
      bad(layout.sheet, `row ${r + 1} has ${row.length} values, not ${width}.`);
    const formats = layout.numberFormats[r];
    if (!formats || formats.length !== width) {
      bad(
        layout.sheet,
        `row ${r + 1} has ${formats?.length ?? 0} number formats for ${width} values.`,
      );
    }
  });
  if (layout.numberFormats.length !== layout.values.length) {
    bad(
      layout.sheet,
      `${layout.numberFormats.length} rows of number formats for ${layout.values.length} rows of values.`,
    );
  }
}

function checkTableHeaders(layout: SheetWrite): void {
  for (const table of layout.tables) {
    checkTableName(layout.sheet, table.name);
    const box = layoutBox(layout.sheet, table.range, `Table ${table.name} range`);
    const seen = new Set<string>();
    for (let column = box.left; column <= box.right; column++) {
      const header = layout.values[box.top - 1]?.[column - 1];
      if (typeof header !== 'string' || header.trim() === '' || seen.has(header.toLowerCase())) {
        bad(
          layout.sheet,
          `table ${table.name} needs a distinct header text in every column; row ${box.top}, column ${column} has ${JSON.stringify(header ?? null)}.`,
        );
      }
      seen.add(header.toLowerCase());
    }
  }
}

function checkLists(layout: SheetWrite): void {
  for (const { range, list } of layout.validations ?? []) {
    layoutBox(layout.sheet, range, 'Drop-down range');
    const source = list.join(',');
    if (
      list.length === 0 ||
      list.some((item) => item.includes(',') || item.trim() === '') ||
      source.length > 255
    ) {
      bad(
        layout.sheet,
        `the drop-down list on ${range} must have items without commas, 255 characters in all; got ${JSON.stringify(list)}.`,
      );
    }
  }
}

/** Checks one laid-out sheet; throws `WORKBOOK.BAD_LAYOUT` naming the sheet and the fault. */
export function checkLayout(layout: SheetWrite): void {
  checkSheetName(layout.sheet);
  checkShape(layout);
  for (const { address, formula } of layout.formulas ?? []) {
    layoutBox(layout.sheet, address, 'Formula cell');
    if (!formula.startsWith('='))
      bad(layout.sheet, `the formula for ${address} does not start with "=": ${formula}`);
  }
  for (const row of layout.boldRows ?? []) {
    if (!Number.isInteger(row) || row < 1)
      bad(layout.sheet, `bold row ${row} is not a row number.`);
  }
  for (const width of layout.columnWidths ?? []) {
    if (!(width >= 0 && width <= 255))
      bad(layout.sheet, `column width ${width} is not between 0 and 255 characters.`);
  }
  for (const range of layout.inputRanges ?? []) layoutBox(layout.sheet, range, 'Input range');
  checkLists(layout);
  checkTableHeaders(layout);
  for (const chart of layout.charts) {
    layoutBox(layout.sheet, chart.sourceRange, `Chart "${chart.title}" source`);
    layoutBox(layout.sheet, chart.placement, `Chart "${chart.title}" placement`);
    if (!(chart.kind in CHART_TYPES))
      bad(layout.sheet, `chart kind "${String(chart.kind)}" is unknown.`);
  }
}

/** The number formats to write: Text ("@") for every string, the layout's format otherwise. */
export function formatsToWrite(layout: SheetWrite): string[][] {
  const formulaBoxes = (layout.formulas ?? []).map((f) =>
    layoutBox(layout.sheet, f.address, 'Formula cell'),
  );
  const holdsFormula = (row: number, column: number): boolean =>
    formulaBoxes.some(
      (b) => row >= b.top && row <= b.bottom && column >= b.left && column <= b.right,
    );
  return layout.values.map((row, r) =>
    row.map((value, c) => {
      const format = layout.numberFormats[r]?.[c] ?? 'General';
      if (holdsFormula(r + 1, c + 1)) return format === TEXT_FORMAT ? 'General' : format;
      return typeof value === 'string' ? TEXT_FORMAT : format;
    }),
  );
}

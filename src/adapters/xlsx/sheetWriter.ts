/**
 * Writes one laid-out sheet (the port's SheetWrite) into a fresh ExcelTS worksheet:
 * values and number formats from A1, the add-in's formulas with their values saved,
 * bold rows, column widths, shaded unlocked input ranges, drop-down lists, tables,
 * native charts and visibility. Strings are always written as text, even when they
 * start with "=": only the cells listed in `formulas` hold formulas.
 */
import type { CellValue, SheetWrite } from '../../ports/workbook';
import { cellsOf } from './a1';
import { addChart } from './charts';
import type { Cell, Worksheet } from './excelts';
import { XlsxErrorCode, xlsxFail } from './errors';
import { layoutBox } from './layoutCheck';

/** The fill of input cells the user fills in (light yellow, as the Office adapter uses). */
export const INPUT_FILL = 'FFFFF2CC';
/** Excel's default table style, which Office.js also gives a new table. */
const TABLE_STYLE = 'TableStyleMedium2';

/** The number format that marks a cell as Text, as the Office adapter sets on every string. */
export const TEXT_FORMAT = '@';

function writeValue(cell: Cell, value: CellValue): void {
  if (value === null || value === '') return;
  cell.value = value; // ExcelTS stores a string as text; it never parses "=" as a formula
}

/**
 * The number format of a cell as the Office adapter writes it: Text ("@") for a string
 * (Excel would otherwise read "=x" or "0012" as typed), the layout's format otherwise,
 * and never Text for a formula cell (Excel would show the formula instead of its value).
 */
function formatOf(
  layout: SheetWrite,
  formulaCells: ReadonlySet<string>,
  r: number,
  c: number,
): string {
  const format = layout.numberFormats[r]?.[c] ?? 'General';
  if (formulaCells.has(`${r + 1}:${c + 1}`)) return format === TEXT_FORMAT ? 'General' : format;
  return typeof layout.values[r]?.[c] === 'string' ? TEXT_FORMAT : format;
}

function writeGrid(worksheet: Worksheet, layout: SheetWrite): void {
  const formulaCells = new Set(
    (layout.formulas ?? []).map(({ address }) => {
      const box = layoutBox(layout.sheet, address, 'Formula cell');
      return `${box.top}:${box.left}`;
    }),
  );
  layout.values.forEach((row, i) => {
    row.forEach((value, j) => {
      const format = formatOf(layout, formulaCells, i, j);
      if (value === null && format === 'General') return;
      const cell = worksheet.getCell(i + 1, j + 1);
      writeValue(cell, value);
      if (format !== 'General') cell.numFmt = format;
    });
  });
}

/** The value to save with a formula: the layout's value for that cell, when it has one. */
function savedResult(value: CellValue | undefined): string | number | boolean | undefined {
  return value === null || value === undefined || value === '' ? undefined : value;
}

function writeFormulas(worksheet: Worksheet, layout: SheetWrite): void {
  for (const { address, formula } of layout.formulas ?? []) {
    const box = layoutBox(layout.sheet, address, 'Formula cell');
    const cell = worksheet.getCell(box.top, box.left);
    const result = savedResult(layout.values[box.top - 1]?.[box.left - 1]);
    const text = formula.startsWith('=') ? formula.slice(1) : formula;
    cell.value = result === undefined ? { formula: text } : { formula: text, result };
  }
}

/** Excel's default font, for a workbook that names none (bold alone would lose the face). */
const DEFAULT_FONT = { name: 'Calibri', size: 11 };

function makeBold(cell: Cell): void {
  const base = cell.font ?? cell.workbook.defaultFont ?? DEFAULT_FONT;
  cell.font = { ...base, bold: true };
}

function writeLooks(worksheet: Worksheet, layout: SheetWrite): void {
  const width = layout.values[0]?.length ?? 0;
  for (const row of layout.boldRows ?? []) {
    for (let column = 1; column <= Math.max(width, 1); column++) {
      makeBold(worksheet.getCell(row, column));
    }
  }
  (layout.columnWidths ?? []).forEach((characters, i) => {
    worksheet.getColumn(i + 1).width = characters;
  });
  for (const range of layout.inputRanges ?? []) {
    for (const { row, column } of cellsOf(layoutBox(layout.sheet, range, 'Input range'))) {
      const cell = worksheet.getCell(row, column);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: INPUT_FILL } };
      cell.protection = { locked: false };
    }
  }
  for (const validation of layout.validations ?? []) {
    worksheet.dataValidations.add(validation.range, {
      type: 'list',
      allowBlank: true,
      showErrorMessage: true,
      // A literal list is a quoted string; a range source is the reference itself.
      formulae: [
        'list' in validation
          ? `"${validation.list.map((item) => item.replace(/"/g, '""')).join(',')}"`
          : validation.source,
      ],
    });
  }
}

type TableRow = Parameters<Worksheet['addTable']>[0]['rows'][number];

function writeTables(worksheet: Worksheet, layout: SheetWrite): void {
  for (const { name, range } of layout.tables) {
    const box = layoutBox(layout.sheet, range, `Table ${name} range`);
    const headers = (layout.values[box.top - 1] ?? [])
      .slice(box.left - 1, box.right)
      .map((header) => (header === null ? '' : String(header)));
    // A table needs a body row; like Excel, a header-only range gets one empty row.
    const rows: TableRow[] = [];
    for (let row = box.top + 1; row <= Math.max(box.bottom, box.top + 1); row++) {
      const values: TableRow = [];
      for (let column = box.left; column <= box.right; column++) {
        values.push(worksheet.getCell(row, column).value);
      }
      rows.push(values);
    }
    const table = worksheet.addTable({
      name,
      ref: `${range.split(':')[0] ?? range}`,
      headerRow: true,
      columns: headers.map((header) => ({ name: header })),
      rows,
      style: { theme: TABLE_STYLE, showRowStripes: true },
    });
    if (table.name !== name) {
      xlsxFail(
        XlsxErrorCode.BAD_LAYOUT,
        `Cannot write sheet "${layout.sheet}": table name ${name} was refused.`,
      );
    }
  }
}

/**
 * Writes a checked layout (see checkLayout) into an empty worksheet.
 *
 * @param worksheet - A new, empty worksheet named as the layout's sheet.
 * @param layout - The sheet to write.
 */
export function writeSheet(worksheet: Worksheet, layout: SheetWrite): void {
  writeGrid(worksheet, layout);
  writeFormulas(worksheet, layout);
  writeLooks(worksheet, layout);
  writeTables(worksheet, layout);
  for (const chart of layout.charts) addChart(worksheet, chart);
  worksheet.state = layout.hidden ? 'hidden' : 'visible';
  // Results print on pages as wide as the sheet, so a chart is not cut in two.
  worksheet.pageSetup.orientation = 'landscape';
  worksheet.pageSetup.fitToPage = true;
  worksheet.pageSetup.fitToWidth = 1;
  worksheet.pageSetup.fitToHeight = 0;
}

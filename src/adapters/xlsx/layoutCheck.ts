/**
 * Checks a laid-out sheet (the port's SheetWrite) before anything is written, so a bad
 * layout is refused whole with a message naming the sheet and the bad part, instead of
 * half a sheet being written or ExcelTS quietly renaming something.
 */
import type { SheetWrite } from '../../ports/workbook';
import { parseBox, type CellBox } from './a1';
import { XlsxErrorCode, xlsxFail } from './errors';

/** Excel's limit on the text of an in-cell drop-down list. */
const LIST_LIMIT = 255;

function bad(sheet: string, problem: string): never {
  xlsxFail(XlsxErrorCode.BAD_LAYOUT, `Cannot write sheet "${sheet}": ${problem}`);
}

/** A range of the layout, parsed, or a BAD_LAYOUT error naming what it is for. */
export function layoutBox(sheet: string, address: string, what: string): CellBox {
  return parseBox(address) ?? bad(sheet, `${what} "${address}" is not an A1 range.`);
}

/** Whether a name is one Excel accepts for a sheet. */
export function isSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 31 &&
    !/[:\\/?*[\]]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== 'history'
  );
}

/**
 * Whether a name is one Excel accepts for a table: a letter, underscore or backslash
 * first, then letters, digits, underscores and full stops; not a cell reference ("T1",
 * "R1C1") and not "R" or "C".
 */
export function isTableName(name: string): boolean {
  return (
    /^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/.test(name) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(name) &&
    !/^[Rr][0-9]*[Cc][0-9]*$/.test(name) &&
    !/^[RrCc]$/.test(name)
  );
}

function checkGrid(layout: SheetWrite): void {
  const width = layout.values[0]?.length ?? 0;
  layout.values.forEach((row, i) => {
    if (row.length !== width)
      bad(layout.sheet, `row ${i + 1} of values has ${row.length} cells, not ${width}.`);
    row.forEach((value, j) => {
      if (typeof value === 'number' && !Number.isFinite(value)) {
        bad(
          layout.sheet,
          `the value in row ${i + 1}, column ${j + 1} is ${value}, not a number Excel can hold.`,
        );
      }
    });
  });
  if (layout.numberFormats.length !== layout.values.length) {
    bad(
      layout.sheet,
      `numberFormats has ${layout.numberFormats.length} rows, values ${layout.values.length}.`,
    );
  }
  layout.numberFormats.forEach((row, i) => {
    if (row.length !== width)
      bad(layout.sheet, `row ${i + 1} of numberFormats has ${row.length} cells, not ${width}.`);
  });
}

function checkLists(layout: SheetWrite): void {
  for (const validation of layout.validations ?? []) {
    layoutBox(layout.sheet, validation.range, 'Drop-down range');
    const withComma = validation.list.find((item) => item.includes(','));
    if (withComma !== undefined) {
      bad(
        layout.sheet,
        `the drop-down item "${withComma}" holds a comma, which an Excel list cannot.`,
      );
    }
    if (validation.list.join(',').length > LIST_LIMIT) {
      bad(
        layout.sheet,
        `the drop-down list for ${validation.range} is longer than Excel's ${LIST_LIMIT} characters.`,
      );
    }
  }
}

function checkTables(layout: SheetWrite): void {
  for (const table of layout.tables) {
    if (!isTableName(table.name))
      bad(layout.sheet, `"${table.name}" is not a name Excel allows for a table.`);
    const box = layoutBox(layout.sheet, table.range, `Table ${table.name} range`);
    const headers = layout.values[box.top - 1]?.slice(box.left - 1, box.right) ?? [];
    const texts = headers.map((h) => (h === null ? '' : String(h)).trim().toLowerCase());
    if (texts.length !== box.right - box.left + 1 || texts.some((t) => t === '')) {
      bad(layout.sheet, `table ${table.name} needs a header in every column of ${table.range}.`);
    }
    if (new Set(texts).size !== texts.length) {
      bad(layout.sheet, `table ${table.name} has two columns with the same header.`);
    }
  }
}

function checkCharts(layout: SheetWrite): void {
  for (const chart of layout.charts) {
    const source = layoutBox(layout.sheet, chart.sourceRange, `Chart "${chart.title}" source`);
    layoutBox(layout.sheet, chart.placement, `Chart "${chart.title}" placement`);
    if (source.bottom <= source.top || source.right <= source.left) {
      bad(
        layout.sheet,
        `chart "${chart.title}" needs a header row, a category column and at least one row and one series in ${chart.sourceRange}.`,
      );
    }
  }
}

/**
 * Checks one laid-out sheet.
 *
 * @throws XlsxError `XLSX.BAD_LAYOUT` naming the sheet and the problem: a sheet name
 *   Excel refuses, ragged values or formats, a value Excel cannot hold, an address
 *   that is not A1, a table name Excel refuses or a table without headers, a drop-down
 *   list Excel cannot hold, a chart without data.
 */
export function checkLayout(layout: SheetWrite): void {
  if (!isSheetName(layout.sheet)) bad(layout.sheet, 'it is not a name Excel allows for a sheet.');
  checkGrid(layout);
  for (const formula of layout.formulas ?? [])
    layoutBox(layout.sheet, formula.address, 'Formula cell');
  for (const range of layout.inputRanges ?? []) layoutBox(layout.sheet, range, 'Input range');
  checkLists(layout);
  checkTables(layout);
  checkCharts(layout);
}

/**
 * Checks that table names are unique across the sheets written and the tables already in
 * the workbook on sheets that stay.
 *
 * @throws XlsxError `XLSX.BAD_LAYOUT` naming the table used twice.
 */
export function checkTableNames(
  layouts: readonly SheetWrite[],
  keptTables: readonly string[],
): void {
  const seen = new Set(keptTables.map((name) => name.toLowerCase()));
  for (const layout of layouts) {
    for (const table of layout.tables) {
      if (seen.has(table.name.toLowerCase())) {
        bad(layout.sheet, `the workbook already has a table named ${table.name}.`);
      }
      seen.add(table.name.toLowerCase());
    }
  }
}

/**
 * Checks a laid-out sheet (the port's SheetWrite) before anything is written, so a bad
 * layout is refused whole with a message naming the sheet and the fault, instead of
 * half a sheet being written or ExcelTS quietly renaming something. The rules and codes
 * are the Office adapter's (src/adapters/office/sheetLayout.ts), so both adapters refuse
 * the same layouts alike.
 */
import type { SheetWrite } from '../../ports/workbook';
import { parseBox, type CellBox } from './a1';
import { XlsxErrorCode, xlsxFail } from './errors';

/** Excel's limit on the text of an in-cell drop-down list. */
const LIST_LIMIT = 255;

function bad(sheet: string, problem: string): never {
  xlsxFail(XlsxErrorCode.BAD_LAYOUT, `Sheet "${sheet}": ${problem}`);
}

/** A range of the layout, parsed, or a BAD_LAYOUT error naming what it is for. */
export function layoutBox(sheet: string, address: string, what: string): CellBox {
  return parseBox(address) ?? bad(sheet, `${what} "${address}" is not an A1 address.`);
}

function checkSheetName(sheet: string): void {
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

/**
 * Whether a name is one Excel accepts for a table: a letter, underscore or backslash
 * first, then letters, digits, underscores, full stops and backslashes; not a cell
 * address ("T1") and not "R" or "C".
 */
export function isTableName(name: string): boolean {
  return (
    /^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$|^[RrCc]$/.test(name)
  );
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
    row.forEach((value, c) => {
      if (typeof value === 'number' && !Number.isFinite(value)) {
        bad(layout.sheet, `row ${r + 1}, column ${c + 1} holds ${value}, which a cell cannot.`);
      }
    });
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
    if (!isTableName(table.name)) {
      bad(
        layout.sheet,
        `"${table.name}" is not a valid table name (letters, digits, _ and ., starting with a letter or _, not a cell address).`,
      );
    }
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
      source.length > LIST_LIMIT
    ) {
      bad(
        layout.sheet,
        `the drop-down list on ${range} must have items without commas, ${LIST_LIMIT} characters in all; got ${JSON.stringify(list)}.`,
      );
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
        `chart "${chart.title}" needs a header row, a category column and at least one row and one series; ${chart.sourceRange} has not.`,
      );
    }
  }
}

/**
 * Checks one laid-out sheet.
 *
 * @throws XlsxError `WORKBOOK.BAD_LAYOUT` naming the sheet and the fault: a sheet name
 *   Excel refuses, ragged values or formats, a number a cell cannot hold, an address that
 *   is not A1, a formula not starting with "=", a bold row or column width out of range,
 *   a table name Excel refuses or headers that are not distinct text, a drop-down list
 *   Excel cannot hold, a chart without data.
 */
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
  checkCharts(layout);
}

/**
 * Checks that table names are free: not used twice among the sheets written, nor by a
 * table on a sheet that stays, nor by a workbook-scoped defined name.
 *
 * @throws XlsxError `WORKBOOK.BAD_LAYOUT` naming the table and what already uses the name.
 */
export function checkTableNames(
  layouts: readonly SheetWrite[],
  keptTables: readonly { readonly name: string; readonly sheet: string }[],
  definedNames: readonly string[],
): void {
  const taken = new Map<string, string>();
  for (const table of keptTables)
    taken.set(table.name.toLowerCase(), `a table on sheet "${table.sheet}"`);
  for (const name of definedNames) taken.set(name.toLowerCase(), 'a defined name');
  for (const layout of layouts) {
    for (const { name } of layout.tables) {
      const holder = taken.get(name.toLowerCase());
      if (holder) bad(layout.sheet, `the table name "${name}" is already used by ${holder}.`);
      taken.set(name.toLowerCase(), `a table on sheet "${layout.sheet}"`);
    }
  }
}

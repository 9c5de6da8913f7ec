/**
 * The one check of laid-out sheets (the port's SheetWrite) that every adapter runs before
 * writing anything, so a bad layout is refused whole, alike in Excel and in .xlsx files,
 * with a message naming the sheet and the fault. Pure: it returns the fault; each adapter
 * throws it as its own typed error (code `WORKBOOK.BAD_LAYOUT`).
 */
import { parseBox, parseRef } from './a1';
import { CELL_CHARACTER_LIMIT } from './storage';
import type { ChartKind, ChartWrite, ListValidation, SheetWrite, TableWrite } from './workbook';

/** Why a layout cannot be written: the sheet concerned and the message people see. */
export interface LayoutFault {
  readonly sheet: string;
  /** E.g. `Sheet "Results": row 3 has 2 values, not 4.` */
  readonly message: string;
}

/** Excel's limit on a table column's name, so on its header cell (MS-OI29500 2.1.681). */
export const HEADER_LIMIT = 255;

/** Excel's limit on the text of an in-cell drop-down list (items joined by commas). */
export const LIST_LIMIT = 255;

/** The chart kinds the ports name. */
export const CHART_KINDS: readonly ChartKind[] = [
  'barClustered',
  'columnClustered',
  'columnStacked',
  'line',
];

type Problem = string | undefined;

function fault(sheet: string, problem: string): LayoutFault {
  return { sheet, message: `Sheet "${sheet}": ${problem}` };
}

function firstProblem<T>(
  items: readonly T[] | undefined,
  check: (item: T, index: number) => Problem,
): Problem {
  for (const [index, item] of (items ?? []).entries()) {
    const problem = check(item, index);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function addressProblem(address: string, what: string): Problem {
  return parseBox(address) ? undefined : `${what} "${address}" is not an A1 address.`;
}

/** The fault of a layout's address that is not A1, e.g. `Input range "B0" is not an A1 address.` */
export function addressFault(sheet: string, address: string, what: string): LayoutFault {
  return fault(sheet, `${what} "${address}" is not an A1 address.`);
}

/** Whether Excel accepts a sheet name: 1 to 31 characters, none of [ ] : * ? / \, no apostrophe at either end. */
export function isSheetName(sheet: string): boolean {
  return (
    sheet.trim() !== '' && sheet.length <= 31 && !/[[\]:*?/\\]/.test(sheet) && !/^'|'$/.test(sheet)
  );
}

/**
 * Whether Excel accepts a table name: a letter, underscore or backslash first, then
 * letters, digits, underscores, full stops and backslashes; not a cell address ("T1")
 * and not "R" or "C".
 */
export function isTableName(name: string): boolean {
  return (
    /^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/.test(name) && !/^[A-Za-z]{1,3}[0-9]+$|^[RrCc]$/.test(name)
  );
}

function sheetNameProblem(sheet: string): Problem {
  return isSheetName(sheet)
    ? undefined
    : 'a sheet name must be 1 to 31 characters, without [ ] : * ? / \\ or a leading or trailing apostrophe.';
}

function shapeProblem(layout: SheetWrite): Problem {
  const width = layout.values[0]?.length ?? 0;
  const rowProblem = firstProblem(layout.values, (row, r) => {
    if (row.length !== width) return `row ${r + 1} has ${row.length} values, not ${width}.`;
    const formats = layout.numberFormats[r];
    if (!formats || formats.length !== width)
      return `row ${r + 1} has ${formats?.length ?? 0} number formats for ${width} values.`;
    return firstProblem(row, (value, c) =>
      typeof value === 'number' && !Number.isFinite(value)
        ? `row ${r + 1}, column ${c + 1} holds ${value}, which a cell cannot.`
        : typeof value === 'string' && value.length > CELL_CHARACTER_LIMIT
          ? `row ${r + 1}, column ${c + 1} holds ${value.length} characters of text, more than a cell holds (${CELL_CHARACTER_LIMIT}).`
          : undefined,
    );
  });
  if (rowProblem !== undefined) return rowProblem;
  return layout.numberFormats.length === layout.values.length
    ? undefined
    : `${layout.numberFormats.length} rows of number formats for ${layout.values.length} rows of values.`;
}

function formulaProblem({ address, formula }: { address: string; formula: string }): Problem {
  return (
    addressProblem(address, 'Formula cell') ??
    (formula.startsWith('=')
      ? undefined
      : `the formula for ${address} does not start with "=": ${formula}`)
  );
}

function literalListProblem(range: string, list: readonly string[]): Problem {
  const fits =
    list.length > 0 &&
    !list.some((item) => item.includes(',') || item.trim() === '') &&
    list.join(',').length <= LIST_LIMIT;
  return fits
    ? undefined
    : `the drop-down list on ${range} must have items without commas, ${LIST_LIMIT} characters in all; got ${JSON.stringify(list)}.`;
}

function listSourceProblem(range: string, source: string): Problem {
  const ref = parseRef(source);
  const line = ref && (ref.box.left === ref.box.right || ref.box.top === ref.box.bottom);
  return ref && line && isSheetName(ref.sheet)
    ? undefined
    : `the drop-down list on ${range} must come from one column or row of cells with its sheet, like 'BCF Lists'!$A$2:$A$20; got ${JSON.stringify(source)}.`;
}

function listProblem(validation: ListValidation): Problem {
  const { range } = validation;
  return (
    addressProblem(range, 'Drop-down range') ??
    ('list' in validation
      ? literalListProblem(range, validation.list)
      : listSourceProblem(range, validation.source))
  );
}

function tableProblem(layout: SheetWrite, table: TableWrite): Problem {
  if (!isTableName(table.name)) {
    return `"${table.name}" is not a valid table name (letters, digits, _ and ., starting with a letter or _, not a cell address).`;
  }
  const box = parseBox(table.range);
  if (!box) return addressProblem(table.range, `Table ${table.name} range`);
  const seen = new Set<string>();
  for (let column = box.left; column <= box.right; column++) {
    const header = layout.values[box.top - 1]?.[column - 1];
    if (typeof header !== 'string' || header.trim() === '' || seen.has(header.toLowerCase())) {
      return `table ${table.name} needs a distinct header text in every column; row ${box.top}, column ${column} has ${JSON.stringify(header ?? null)}.`;
    }
    if (header.length > HEADER_LIMIT) {
      return `table ${table.name}'s header in row ${box.top}, column ${column} has ${header.length} characters; Excel takes at most ${HEADER_LIMIT}.`;
    }
    seen.add(header.toLowerCase());
  }
  return undefined;
}

function chartProblem(chart: ChartWrite): Problem {
  const addresses =
    addressProblem(chart.sourceRange, `Chart "${chart.title}" source`) ??
    addressProblem(chart.placement, `Chart "${chart.title}" placement`);
  if (addresses !== undefined) return addresses;
  if (!CHART_KINDS.includes(chart.kind)) return `chart kind "${String(chart.kind)}" is unknown.`;
  const source = parseBox(chart.sourceRange);
  return source && source.bottom > source.top && source.right > source.left
    ? undefined
    : `chart "${chart.title}" needs a header row, a category column and at least one row and one series; ${chart.sourceRange} has not.`;
}

function layoutProblem(layout: SheetWrite): Problem {
  return (
    sheetNameProblem(layout.sheet) ??
    shapeProblem(layout) ??
    firstProblem(layout.formulas, formulaProblem) ??
    firstProblem(layout.boldRows, (row) =>
      Number.isInteger(row) && row >= 1 ? undefined : `bold row ${row} is not a row number.`,
    ) ??
    firstProblem(layout.columnWidths, (width) =>
      width >= 0 && width <= 255
        ? undefined
        : `column width ${width} is not between 0 and 255 characters.`,
    ) ??
    firstProblem(layout.inputRanges, (range) => addressProblem(range, 'Input range')) ??
    firstProblem(layout.validations, listProblem) ??
    firstProblem(layout.tables, (table) => tableProblem(layout, table)) ??
    firstProblem(layout.charts, chartProblem)
  );
}

/**
 * Checks one laid-out sheet.
 *
 * @param layout - The sheet as the workbook layer laid it out.
 * @returns The first fault, or undefined when the layout can be written: a sheet name
 *   Excel refuses, ragged values or formats, a number a cell cannot hold, text longer
 *   than a cell holds (32,767 characters; see cellText for cutting it), an address that
 *   is not A1, a formula not starting with "=", a bold row or column width out of range,
 *   a drop-down list Excel cannot hold or whose source is not one row or column of cells
 *   with its sheet, a table name Excel refuses or headers that are not
 *   distinct text of at most 255 characters, a chart of an unknown kind or without data.
 * @example
 *   sheetLayoutFault({ ...layout, boldRows: [0] })?.message
 *   // 'Sheet "Results": bold row 0 is not a row number.'
 */
export function sheetLayoutFault(layout: SheetWrite): LayoutFault | undefined {
  const problem = layoutProblem(layout);
  return problem === undefined ? undefined : fault(layout.sheet, problem);
}

/** The first of several layouts' faults, or the second layout of a sheet written twice in one write. */
export function sheetLayoutsFault(layouts: readonly SheetWrite[]): LayoutFault | undefined {
  const seen = new Set<string>();
  for (const layout of layouts) {
    const own = sheetLayoutFault(layout);
    if (own) return own;
  }
  for (const { sheet } of layouts) {
    if (seen.has(sheet.toLowerCase()))
      return { sheet, message: `Sheet "${sheet}" is laid out twice in one write.` };
    seen.add(sheet.toLowerCase());
  }
  return undefined;
}

/**
 * Checks that the layouts' table names are free: not used twice among the sheets
 * written, nor by a table on a sheet that stays, nor by a workbook-scoped defined name
 * (Excel compares names without regard to case).
 *
 * @param layouts - The sheets to write.
 * @param keptTables - The tables on sheets the write leaves alone.
 * @param definedNames - The workbook-scoped defined names.
 * @returns The fault naming the table and what already uses its name, or undefined.
 */
export function tableNamesFault(
  layouts: readonly SheetWrite[],
  keptTables: readonly { readonly name: string; readonly sheet: string }[],
  definedNames: readonly string[],
): LayoutFault | undefined {
  const taken = new Map<string, string>();
  for (const table of keptTables)
    taken.set(table.name.toLowerCase(), `a table on sheet "${table.sheet}"`);
  for (const name of definedNames) taken.set(name.toLowerCase(), 'a defined name');
  for (const layout of layouts) {
    for (const { name } of layout.tables) {
      const holder = taken.get(name.toLowerCase());
      if (holder)
        return fault(layout.sheet, `the table name "${name}" is already used by ${holder}.`);
      taken.set(name.toLowerCase(), `a table on sheet "${layout.sheet}"`);
    }
  }
  return undefined;
}

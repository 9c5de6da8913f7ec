/**
 * Queuing the writes of laid-out sheets on an Office.js request context, as steps that
 * the writer packs into payload-sized requests: set up the sheet (create it, or clear
 * our old one in place), write a run of rows, then finish (formulas, bold rows, widths,
 * input shading, drop-downs, tables, charts, visibility).
 *
 * An existing sheet is cleared in place rather than deleted and added again, so formulas
 * elsewhere that point at it (a summary sheet of the user's) keep working.
 */
import type { CellValue, SheetWrite } from '../../ports/workbook';
import { boxAddress, columnLetters } from '../../ports/a1';
import { OWNER_FORMULA, OWNER_NAME, type SheetState } from './ownership';
import { jsonBytes, RANGE_WRITE_BYTES } from './payload';
import { blocksAround, keptTables, type KeptTable } from './tableKeeping';
import { CHART_TYPES, formatsToWrite, INPUT_FILL, layoutBox, widthInPoints } from './sheetLayout';

/** Excel's standard column width in points (8.43 characters of Calibri 11). */
const STANDARD_WIDTH_POINTS = 48;
/** Rows of values go in runs of about this many bytes, so requests pack evenly. */
const ROW_RUN_BYTES = 1_000_000;

/** One step of writing a sheet. */
export type WriteStep =
  | {
      readonly kind: 'setup';
      readonly layout: SheetWrite;
      readonly existing?: SheetState;
      readonly kept: readonly KeptTable[];
    }
  | {
      readonly kind: 'rows';
      readonly layout: SheetWrite;
      /** 0-based row of the run's first row. */
      readonly start: number;
      readonly values: readonly (readonly CellValue[])[];
      readonly formats: readonly (readonly string[])[];
    }
  | {
      readonly kind: 'finish';
      readonly layout: SheetWrite;
      readonly existing?: SheetState;
      readonly kept: readonly KeptTable[];
    };

/** The worksheets being written, by layout sheet name, across the requests of one run. */
export type SheetProxies = Map<string, Excel.Worksheet>;

/**
 * The steps for one sheet, each with its request size. `canResize`: whether the host
 * has `Table.resize` (ExcelApi 1.13), to keep a table whose number of rows changes.
 */
export function stepsFor(
  layout: SheetWrite,
  existing: SheetState | undefined,
  canResize = false,
): { item: WriteStep; bytes: number }[] {
  const kept = keptTables(layout, existing, canResize);
  const steps: { item: WriteStep; bytes: number }[] = [
    { item: { kind: 'setup', layout, existing, kept }, bytes: setupBytes(existing, kept.length) },
  ];
  const formats = formatsToWrite(layout);
  const values = valuesToWrite(layout);
  let start = 0;
  let bytes = 0;
  for (let row = 0; row < values.length; row++) {
    bytes += jsonBytes(values[row]) + jsonBytes(formats[row]);
    if (bytes >= ROW_RUN_BYTES || row === values.length - 1) {
      const item: WriteStep = {
        kind: 'rows',
        layout,
        start,
        values: values.slice(start, row + 1),
        formats: formats.slice(start, row + 1),
      };
      steps.push({ item, bytes: bytes + RANGE_WRITE_BYTES });
      start = row + 1;
      bytes = 0;
    }
  }
  const finishing = { ...layout, values: [], numberFormats: [] };
  steps.push({
    item: { kind: 'finish', layout, existing, kept },
    bytes: jsonBytes(finishing) + RANGE_WRITE_BYTES * finishingWrites(layout),
  });
  return steps;
}

/**
 * Setting a sheet up: add it and mark it, or delete its tables and charts and clear it
 * (around each kept table: up to four blocks).
 */
function setupBytes(existing: SheetState | undefined, kept: number): number {
  const removals = existing ? existing.tables.length + existing.charts.length : 0;
  return (4 + removals + 4 * kept) * RANGE_WRITE_BYTES;
}

/** Objects the finishing step gets and sets, each costing about a range write on the wire. */
function finishingWrites(layout: SheetWrite): number {
  const CHART_WRITES = 7; // add, title, position, value axis format and title, category title
  return (
    1 + // visibility
    (layout.formulas ?? []).length +
    (layout.boldRows ?? []).length +
    (layout.columnWidths ?? []).length +
    2 * (layout.inputRanges ?? []).length +
    (layout.validations ?? []).length +
    2 * layout.tables.length +
    CHART_WRITES * layout.charts.length
  );
}

/** Values with formula cells left out (null leaves a cell as it is): formulas are written after. */
function valuesToWrite(layout: SheetWrite): CellValue[][] {
  const boxes = (layout.formulas ?? []).map((f) =>
    layoutBox(layout.sheet, f.address, 'Formula cell'),
  );
  return layout.values.map((row, r) =>
    row.map((value, c) =>
      boxes.some((b) => r + 1 >= b.top && r + 1 <= b.bottom && c + 1 >= b.left && c + 1 <= b.right)
        ? null
        : value,
    ),
  );
}

/** Queues one step; the ownership marks it adds go into `marks`, to be checked after. */
export function queueStep(
  context: Excel.RequestContext,
  proxies: SheetProxies,
  step: WriteStep,
  marks: Excel.NamedItem[] = [],
): void {
  if (step.kind === 'setup') {
    proxies.set(
      step.layout.sheet,
      queueSetup(context, step.layout, step.existing, step.kept, marks),
    );
    return;
  }
  const sheet = proxies.get(step.layout.sheet);
  if (!sheet) throw new Error(`Sheet ${step.layout.sheet} was written before it was set up.`);
  if (step.kind === 'rows') queueRows(sheet, step);
  else queueFinish(sheet, step.layout, step.existing, step.kept);
}

function queueSetup(
  context: Excel.RequestContext,
  layout: SheetWrite,
  existing: SheetState | undefined,
  kept: readonly KeptTable[],
  marks: Excel.NamedItem[],
): Excel.Worksheet {
  const worksheets = context.workbook.worksheets;
  if (!existing) {
    const added = worksheets.add(layout.sheet);
    marks.push(markAsOurs(added));
    return added;
  }
  const sheet = worksheets.getItem(existing.name);
  const keep = new Set(kept.map((table) => table.name));
  for (const { name } of existing.tables) if (!keep.has(name)) sheet.tables.getItem(name).delete();
  for (const chart of existing.charts) sheet.charts.getItem(chart).delete();
  const everything = sheet.getRange();
  if (kept.length === 0) everything.clear('All');
  else
    for (const [row, column, rows, columns] of blocksAround(kept))
      sheet.getRangeByIndexes(row, column, rows, columns).clear('All');
  everything.dataValidation.clear();
  everything.format.columnWidth = STANDARD_WIDTH_POINTS;
  if (existing.name !== layout.sheet) sheet.name = layout.sheet;
  if (existing.owner !== 'addin') marks.push(markAsOurs(sheet));
  return sheet;
}

function markAsOurs(sheet: Excel.Worksheet): Excel.NamedItem {
  const mark = sheet.names.add(OWNER_NAME, OWNER_FORMULA);
  mark.visible = false;
  return mark;
}

/**
 * Hides again any mark whose `visible = false` Excel ignored: a name hidden in the
 * request that adds it may stay visible (office-js issue 3878), while hiding it in a
 * later request works. `marks` were loaded with `visible` in the last write request, so
 * this costs a sync only when Excel did ignore it.
 */
export async function hideShownMarks(
  context: Excel.RequestContext,
  marks: readonly Excel.NamedItem[],
): Promise<void> {
  const shown = marks.filter((mark) => mark.visible);
  if (shown.length === 0) return;
  for (const mark of shown) mark.visible = false;
  await context.sync();
}

function queueRows(sheet: Excel.Worksheet, step: Extract<WriteStep, { kind: 'rows' }>): void {
  const width = step.values[0]?.length ?? 0;
  if (width === 0) return;
  const range = sheet.getRangeByIndexes(step.start, 0, step.values.length, width);
  range.numberFormat = step.formats.map((row) => [...row]);
  range.values = step.values.map((row) => [...row]);
}

function queueFinish(
  sheet: Excel.Worksheet,
  layout: SheetWrite,
  existing: SheetState | undefined,
  kept: readonly KeptTable[],
): void {
  const at = (address: string, what: string): Excel.Range =>
    sheet.getRange(boxAddress(layoutBox(layout.sheet, address, what)));
  for (const { address, formula } of layout.formulas ?? [])
    at(address, 'Formula cell').formulas = [[formula]];
  const lastColumn = columnLetters(Math.max(layout.values[0]?.length ?? 1, 1));
  for (const row of layout.boldRows ?? [])
    sheet.getRange(`A${row}:${lastColumn}${row}`).format.font.bold = true;
  (layout.columnWidths ?? []).forEach((characters, i) => {
    const column = columnLetters(i + 1);
    sheet.getRange(`${column}:${column}`).format.columnWidth = widthInPoints(characters);
  });
  for (const address of layout.inputRanges ?? []) {
    const input = at(address, 'Input range');
    input.format.fill.color = INPUT_FILL;
    input.format.protection.locked = false;
  }
  for (const validation of layout.validations ?? []) {
    const source = 'list' in validation ? validation.list.join(',') : `=${validation.source}`;
    at(validation.range, 'Drop-down range').dataValidation.rule = {
      list: { inCellDropDown: true, source },
    };
  }
  for (const { name, range } of layout.tables) {
    const keeping = kept.find((table) => table.name === name);
    // Guarded by isSetSupported('ExcelApi', '1.13') in writeSheets.ts: keptTables asks
    // for a resize only where the host has it.
    if (keeping?.resize) sheet.tables.getItem(name).resize(boxAddress(keeping.box));
    if (keeping) continue;
    const table = sheet.tables.add(at(range, `Table ${name} range`), true);
    table.name = name;
  }
  for (const chart of layout.charts) queueChart(sheet, layout, chart);
  // Set only when it changes: hiding or showing a sheet is a change of the workbook's
  // structure, which structure protection refuses.
  const visibility = layout.hidden ? 'Hidden' : 'Visible';
  if (visibility !== (existing?.visibility ?? 'Visible')) sheet.visibility = visibility;
}

function queueChart(
  sheet: Excel.Worksheet,
  layout: SheetWrite,
  spec: SheetWrite['charts'][number],
): void {
  const source = sheet.getRange(
    boxAddress(layoutBox(layout.sheet, spec.sourceRange, 'Chart source')),
  );
  const chart = sheet.charts.add(CHART_TYPES[spec.kind], source, 'Columns');
  chart.title.text = spec.title;
  const place = layoutBox(layout.sheet, spec.placement, 'Chart placement');
  chart.setPosition(
    `${columnLetters(place.left)}${place.top}`,
    `${columnLetters(place.right)}${place.bottom}`,
  );
  chart.axes.valueAxis.numberFormat = spec.valueAxisFormat;
  if (spec.valueAxisTitle !== undefined) chart.axes.valueAxis.title.text = spec.valueAxisTitle;
  if (spec.categoryAxisTitle !== undefined)
    chart.axes.categoryAxis.title.text = spec.categoryAxisTitle;
}

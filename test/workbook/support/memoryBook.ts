import { OfficeWorkbook } from '../../../src/adapters/office';
import { columnNumber } from '../../../src/ports/a1';
import { createMemoryExcel, type MemoryExcel, type SheetModel } from '../../support/memory-excel';
import { touchCell } from '../../support/memory-excel/model';

/** An in-memory Excel with the Office adapter over it: the real path of the add-in. */
export function memoryBook(): { excel: MemoryExcel; workbook: OfficeWorkbook } {
  const excel = createMemoryExcel();
  return { excel, workbook: new OfficeWorkbook(excel.run, excel) };
}

/** Every non-blank or formatted cell of a sheet, by address, with value, formula, format and fill. */
export function snapshotSheet(sheet: SheetModel): Record<string, unknown> {
  const entries: [string, unknown][] = [];
  sheet.cells.forEach((cell, key) => entries.push([String(key), { ...cell }]));
  return Object.fromEntries(entries);
}

/** Snapshots of the named sheets. */
export function snapshot(excel: MemoryExcel, sheets: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(
    sheets.map((name) => {
      const sheet = excel.sheet(name);
      return [
        name,
        sheet === undefined
          ? undefined
          : {
              cells: snapshotSheet(sheet),
              charts: sheet.charts.length,
              validations: sheet.validations.length,
            },
      ];
    }),
  );
}

/** Types a value into a cell as a user would (through the model, outside the add-in). */
export function typeInto(
  excel: MemoryExcel,
  sheet: string,
  address: string,
  value: string | number,
): void {
  const model = excel.sheet(sheet);
  if (model === undefined) throw new Error(`no sheet ${sheet}`);
  const match = /^([A-Z]+)(\d+)$/.exec(address);
  if (match === null) throw new Error(`bad address ${address}`);
  const cell = touchCell(model, Number(match[2]) - 1, columnNumber(match[1] ?? '') - 1);
  cell.value = value;
}

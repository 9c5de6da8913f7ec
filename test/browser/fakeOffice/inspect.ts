/**
 * What the browser tests read from (and type into) the fake workbook through
 * `page.evaluate`: plain JSON views of sheets, tables, charts and the selection.
 */
import { cellAddress, rectAddress } from '../../support/memory-excel/address';
import type { MemoryExcel, ScalarValue } from '../../support/memory-excel';
import { findSheet, touchCell } from '../../support/memory-excel/model';
import { parseAddress } from '../../support/memory-excel/address';

export interface ChartView {
  readonly type: string;
  readonly title: string;
  readonly source: string;
  readonly valueAxisFormat: string;
}

export interface SheetView {
  readonly name: string;
  readonly visibility: string;
  readonly charts: readonly ChartView[];
}

export interface WorkbookView {
  readonly sheets: readonly SheetView[];
  readonly tables: readonly {
    readonly name: string;
    readonly sheet: string;
    readonly range: string;
  }[];
  readonly selection?: { readonly sheet: string; readonly address: string };
}

/** The inspection handle the fake office.js puts on `window.bcfFake`. */
export interface FakeWorkbookHandle {
  view(): WorkbookView;
  values(sheet: string, address: string): ScalarValue[][];
  /** Every non-blank cell of a sheet as "A1" → value (the tests search result sheets with it). */
  cells(sheet: string): Record<string, ScalarValue>;
  /** Types values into cells as a user would (no formulas), e.g. { B4: 26500000 }. */
  type(sheet: string, values: Readonly<Record<string, ScalarValue>>): void;
  /** A cell's formula, if it has one. */
  formula(sheet: string, address: string): string | undefined;
  /** The user selects cells with the mouse ("A3:D5"; several areas "A3:A5,C3:C5"). */
  select(sheet: string, address: string): void;
  /** How many syncs Excel.run has made. */
  syncCount(): number;
}

export function inspect(excel: MemoryExcel): FakeWorkbookHandle {
  const model = excel.model;
  return {
    view: () => ({
      sheets: model.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        charts: s.charts
          .filter((c) => !c.deleted)
          .map((c) => ({
            type: c.type,
            title: c.title,
            source: rectAddress(c.source),
            valueAxisFormat: c.valueAxis.numberFormat,
          })),
      })),
      tables: model.tables.map((t) => ({
        name: t.name,
        sheet: t.sheet.name,
        range: rectAddress(t.rect),
      })),
      ...(model.selection === undefined
        ? {}
        : {
            selection: {
              sheet: model.selection.sheet.name,
              address: rectAddress(model.selection.rect),
            },
          }),
    }),
    values: (sheet, address) => excel.values(sheet, address),
    cells: (sheet) => {
      const found = findSheet(model, sheet);
      if (found === undefined) throw new Error(`No sheet ${sheet}`);
      const result: Record<string, ScalarValue> = {};
      for (const [key, cell] of found.cells) {
        if (cell.value === '') continue;
        result[cellAddress(Math.floor(key / 16_384), key % 16_384)] = cell.value;
      }
      return result;
    },
    type: (sheet, values) => {
      const found = findSheet(model, sheet);
      if (found === undefined) throw new Error(`No sheet ${sheet}`);
      for (const [address, value] of Object.entries(values)) {
        const parsed = parseAddress(address);
        if (parsed === undefined) throw new Error(`Bad address ${address}`);
        const cell = touchCell(found, parsed.rect.top, parsed.rect.left);
        cell.value = value;
        delete cell.formula;
      }
    },
    formula: (sheet, address) => excel.cell(sheet, address)?.formula,
    select: (sheet, address) => excel.userSelects(sheet, address),
    syncCount: () => excel.syncCount,
  };
}

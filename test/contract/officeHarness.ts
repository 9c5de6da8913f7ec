/**
 * The Office adapter's side of the contract: a contract seed as an in-memory Excel, and
 * a snapshot read back from the in-memory model.
 */
import { OfficeWorkbook } from '../../src/adapters/office';
import type { ChartKind } from '../../src/ports/workbook';
import {
  createMemoryExcel,
  type MemoryCellSeed,
  type MemoryExcel,
  type MemoryWorkbookSeed,
  type SheetModel,
} from '../support/memory-excel';
import {
  cellAddress,
  columnLetters,
  parseAddress,
  rectAddress,
} from '../support/memory-excel/address';
import type { ContractSubject } from './subject';
import type { WorkbookSeed } from './seed';
import type { SnapshotCell, SnapshotSheet, WorkbookSnapshot } from './snapshot';

const OWNER_MARK = { name: 'BCF_OWNER', formula: '="bcf"' };

/** The in-memory Excel seed for a contract seed. */
export function memorySeed(seed: WorkbookSeed): MemoryWorkbookSeed {
  return {
    sheets: seed.sheets.map((sheet) => {
      const origin = parseAddress(sheet.at ?? 'A1')?.rect ?? { top: 0, left: 0 };
      const cells: Record<string, MemoryCellSeed> = {};
      (sheet.rows ?? []).forEach((row, r) =>
        row.forEach((value, c) => {
          if (value !== null) cells[cellAddress(origin.top + r, origin.left + c)] = value;
        }),
      );
      for (const { address, formula, value } of sheet.formulas ?? [])
        cells[address] = { formula, value: value ?? '' };
      return {
        name: sheet.name,
        visibility: sheet.hidden ? 'Hidden' : 'Visible',
        cells,
        names: sheet.ownedByAddin ? [OWNER_MARK] : [],
      };
    }),
    tables: seed.tables ?? [],
  };
}

const kinds: Readonly<Record<string, ChartKind>> = {
  BarClustered: 'barClustered',
  ColumnClustered: 'columnClustered',
  ColumnStacked: 'columnStacked',
  Line: 'line',
};

/** Points back to characters (the inverse of the adapter's conversion for Calibri 11). */
function characters(points: number): number {
  return Math.round(((points / 0.75 - 5) / 7) * 100) / 100;
}

function snapshotSheet(sheet: SheetModel): SnapshotSheet {
  const cells: Record<string, SnapshotCell> = {};
  for (const [key, cell] of sheet.cells) {
    if (cell.value === '' && cell.formula === undefined && !cell.fill && !cell.bold) continue;
    const address = cellAddress(Math.floor(key / 16_384), key % 16_384);
    cells[address] = {
      value: cell.value,
      ...(cell.formula !== undefined ? { formula: cell.formula } : {}),
      numberFormat: cell.numberFormat,
      bold: cell.bold ?? false,
      ...(cell.fill ? { fill: cell.fill } : {}),
    };
  }
  const columnWidths: Record<string, number> = {};
  for (const [column, points] of sheet.columnWidths) {
    if (points !== 48) columnWidths[columnLetters(column)] = characters(points);
  }
  return {
    name: sheet.name,
    hidden: sheet.visibility !== 'Visible',
    cells,
    columnWidths,
    validations: sheet.validations.map((v) =>
      v.source.startsWith('=')
        ? { range: rectAddress(v.rect), source: v.source.slice(1) }
        : { range: rectAddress(v.rect), list: v.source.split(',') },
    ),
    ownedByAddin: sheet.names.some((n) => n.name.toLowerCase() === 'bcf_owner'),
  };
}

/** A snapshot of the in-memory workbook. */
export function snapshotOf(excel: MemoryExcel): WorkbookSnapshot {
  const model = excel.model;
  return {
    sheets: model.sheets.map(snapshotSheet),
    tables: model.tables.map((t) => ({
      name: t.name,
      sheet: t.sheet.name,
      range: rectAddress(t.rect),
    })),
    charts: model.sheets.flatMap((sheet) =>
      sheet.charts.map((chart) => ({
        sheet: sheet.name,
        kind: kinds[chart.type] ?? 'line',
        title: chart.title,
        sourceRange: rectAddress(chart.source),
        placement: chart.position
          ? `${chart.position.from}:${chart.position.to ?? chart.position.from}`
          : '',
        valueAxisFormat: chart.valueAxis.numberFormat,
      })),
    ),
  };
}

/** A contract subject: the Office adapter over a fresh in-memory Excel. */
export function officeSubject(
  seed: WorkbookSeed,
): Promise<ContractSubject & { excel: MemoryExcel }> {
  const excel = createMemoryExcel(memorySeed(seed));
  return Promise.resolve({
    excel,
    workbook: new OfficeWorkbook(excel.run, excel),
    inspect: () => Promise.resolve(snapshotOf(excel)),
  });
}

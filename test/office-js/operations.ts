/**
 * The adapter operations whose requests are recorded with the real office.js and
 * replayed against the in-memory Excel: result sheets (small and 50,000 rows), and
 * prepare for sharing / restore over 30,000 formula cells.
 */
import { OfficeWorkbook } from '../../src/adapters/office';
import type { ExcelRun } from '../../src/adapters/office/excelRun';
import type { FormulaCell, SheetWrite } from '../../src/ports/workbook';
import type { MemoryWorkbookSeed } from '../support/memory-excel';

/** One operation and the workbook it starts from. */
export interface Operation {
  readonly name: string;
  readonly seed: MemoryWorkbookSeed;
  run(excel: ExcelRun): Promise<void>;
}

/** A result sheet like the gain/loss share's: text, money with a £ format, a total, a table. */
export function resultSheet(rows: number): SheetWrite {
  const values = [
    ['Contract', 'Party', 'Amount'],
    ...Array.from({ length: rows }, (_, i) => [`C-${i}`, `Provider ${i % 37}`, 1000 + i * 1.25]),
  ];
  return {
    sheet: 'Gain share results',
    values,
    numberFormats: values.map((row) => row.map((_, c) => (c === 2 ? '£#,##0.00' : 'General'))),
    formulas: [{ address: `C${rows + 2}`, formula: `=SUM(C2:C${rows + 1})` }],
    boldRows: [1, rows + 2],
    columnWidths: [12, 20, 14],
    tables: [{ name: 'BCF_GainShare', range: `A1:C${rows + 1}` }],
    charts: [],
  };
}

/** `count` BCF formula cells down columns B to D of sheet "Plan", as prepare for sharing finds them. */
export function formulaCells(count: number): FormulaCell[] {
  return Array.from({ length: count }, (_, i) => ({
    sheet: 'Plan',
    address: `${'BCD'[i % 3]}${Math.floor(i / 3) + 2}`,
    formula: `=BCF.POOLSHARE(Contributions!A2:B40,"B&NES CCG")`,
    value: 0.4094,
  }));
}

const PLAN: MemoryWorkbookSeed = { sheets: [{ name: 'Plan', cells: { A1: 'Scheme' } }] };

/** Every recorded operation. */
export const OPERATIONS: readonly Operation[] = [
  {
    name: 'writeSheets-new-10-rows',
    seed: {},
    run: (excel) => new OfficeWorkbook(excel).writeSheets([resultSheet(10)]),
  },
  {
    name: 'writeSheets-new-50000-rows',
    seed: {},
    run: (excel) => new OfficeWorkbook(excel).writeSheets([resultSheet(50_000)]),
  },
  {
    name: 'prepareForSharing-3-cells',
    seed: PLAN,
    run: (excel) => new OfficeWorkbook(excel).formulas.setValues(formulaCells(3)),
  },
  {
    name: 'restore-3-cells',
    seed: PLAN,
    run: (excel) => new OfficeWorkbook(excel).formulas.setFormulas(formulaCells(3)),
  },
  {
    name: 'prepareForSharing-30000-cells',
    seed: PLAN,
    run: (excel) => new OfficeWorkbook(excel).formulas.setValues(formulaCells(30_000)),
  },
  {
    name: 'restore-30000-cells',
    seed: PLAN,
    run: (excel) => new OfficeWorkbook(excel).formulas.setFormulas(formulaCells(30_000)),
  },
];

/**
 * The seed format of the workbook contract: a small, adapter-neutral description of a
 * workbook to start from. Each adapter's test builds its workbook from it (the Office
 * adapter's over the in-memory Excel; the .xlsx adapter's as a file).
 *
 * ```ts
 * const seed: WorkbookSeed = {
 *   sheets: [{ name: 'Inputs', rows: [['Scheme', 'Budget'], ['Falls', 1200]] }],
 *   tables: [{ name: 'Schemes', sheet: 'Inputs', range: 'A1:B2' }],
 * };
 * ```
 */
import type { CellValue } from '../../src/ports/workbook';

/** A formula cell with the value Excel last calculated for it (formulas are not evaluated). */
export interface SeedFormula {
  readonly address: string;
  readonly formula: string;
  readonly value: CellValue;
}

/** A sheet: rows of values from `at` (A1 by default; null = blank), formula cells, owner, visibility. */
export interface SeedSheet {
  readonly name: string;
  readonly rows?: readonly (readonly CellValue[])[];
  /** Where `rows` start, e.g. "B3". */
  readonly at?: string;
  readonly formulas?: readonly SeedFormula[];
  /** Marked as made by the add-in (the BCF_OWNER mark both adapters use). */
  readonly ownedByAddin?: boolean;
  readonly hidden?: boolean;
}

/** An Excel table over a seeded range; the range includes the header row. */
export interface SeedTable {
  readonly name: string;
  readonly sheet: string;
  readonly range: string;
}

/** A whole seeded workbook. */
export interface WorkbookSeed {
  readonly sheets: readonly SeedSheet[];
  readonly tables?: readonly SeedTable[];
}

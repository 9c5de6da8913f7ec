/**
 * What the contract inspects after an operation: a plain snapshot of the workbook that
 * each adapter's harness reads back its own way (the in-memory model; the saved file).
 */
import type { CellValue, ChartKind, ListValidation } from '../../src/ports/workbook';

/** A non-blank or formatted cell. */
export interface SnapshotCell {
  readonly value: CellValue;
  readonly formula?: string;
  readonly numberFormat: string;
  readonly bold: boolean;
  /** "#RRGGBB" if filled. */
  readonly fill?: string;
}

/** A sheet. */
export interface SnapshotSheet {
  readonly name: string;
  readonly hidden: boolean;
  /** Cells by A1 address. */
  readonly cells: Readonly<Record<string, SnapshotCell>>;
  /** Widths in characters by column letter, for columns given a width. */
  readonly columnWidths: Readonly<Record<string, number>>;
  /** Drop-downs: their items, or the reference they read them from (no leading "="). */
  readonly validations: readonly ListValidation[];
  /** Marked as the add-in's. */
  readonly ownedByAddin: boolean;
}

/** A chart. */
export interface SnapshotChart {
  readonly sheet: string;
  readonly kind: ChartKind;
  readonly title: string;
  readonly sourceRange: string;
  readonly placement: string;
  readonly valueAxisFormat: string;
}

/** The whole workbook. */
export interface WorkbookSnapshot {
  readonly sheets: readonly SnapshotSheet[];
  readonly tables: readonly {
    readonly name: string;
    readonly sheet: string;
    readonly range: string;
  }[];
  readonly charts: readonly SnapshotChart[];
}

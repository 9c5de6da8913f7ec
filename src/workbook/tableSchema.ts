import type { CellValue } from '../ports/workbook';
import type { EnumOption } from './cells';

/**
 * The shape of an input table kind: its columns (canonical id, header, aliases, type,
 * required or not), the key that must not repeat, the default table name and the
 * example rows the planning template writes.
 */

/** What a column holds, and so how its cells are read (see cells.ts). */
export type ColumnType =
  | { readonly kind: 'amount'; readonly nonNegative?: boolean }
  | { readonly kind: 'number'; readonly nonNegative?: boolean }
  /** A percentage from 0% to 100%, or from −100% to 100% when `signed` (an annual change). */
  | { readonly kind: 'fraction'; readonly signed?: boolean }
  | { readonly kind: 'integer'; readonly min?: number; readonly max?: number }
  /** Text of at most `maxLength` characters (names: {@link NAME_LIMIT}). */
  | { readonly kind: 'text'; readonly maxLength?: number }
  | { readonly kind: 'enum'; readonly options: readonly EnumOption[] };

/** One column of a table kind. */
export interface ColumnSpec {
  /** Canonical id the code uses, e.g. `amount`. */
  readonly id: string;
  /** The header the planning template writes, e.g. "Amount". */
  readonly header: string;
  /** Other headers accepted for it (matched case- and space-insensitively). */
  readonly aliases: readonly string[];
  readonly type: ColumnType;
  /** Whether every row must fill it in (and the table must have the column). */
  readonly required: boolean;
  /** Excel number format for the template's cells, e.g. "£#,##0.00". */
  readonly format?: string;
  /** Column width in characters in the template. */
  readonly width?: number;
}

/** Identifies a table kind. */
export type TableKindId =
  | 'contributions'
  | 'schemes'
  | 'income'
  | 'contracts'
  | 'population'
  | 'metrics'
  | 'riskShareBands'
  | 'riskShareTerms'
  | 'activity'
  | 'plannedSpend';

/** One kind of input table. */
export interface TableKind {
  readonly id: TableKindId;
  /** The table's default Excel name, e.g. "Contributions". */
  readonly defaultName: string;
  /** The sheet the planning template puts it on. */
  readonly sheet: string;
  /** What the table is for, one sentence, for the README and the template. */
  readonly purpose: string;
  readonly columns: readonly ColumnSpec[];
  /** Column ids whose values together must not repeat in two rows (empty: none). */
  readonly key: readonly string[];
  /** Example rows (in column order) from DOMAIN.md's worked examples, for the template. */
  readonly examples: readonly (readonly CellValue[])[];
}

/**
 * The most characters a name read from a table may have (a party, partner, scheme,
 * contract, metric, segment, period or ID): Excel's own limit on a table column's name
 * (MS-OI29500 2.1.681), so a name can head a result table's column, and far more than any
 * real name needs. A longer one is a finding (`INPUT.TOO_LONG`) naming the cell.
 */
export const NAME_LIMIT = 255;

/**
 * The most characters of a list of names in one cell (a contract's Parties): room for a
 * handful of names, each of which must still match a name of its own table.
 */
export const NAME_LIST_LIMIT = 1_024;

/** Money in pounds with a thousands separator and pence. */
export const MONEY_FORMAT = '£#,##0.00';
/** Percentages to two decimals. */
export const PERCENT_FORMAT = '0.00%';
/** Plain counts with a thousands separator. */
export const COUNT_FORMAT = '#,##0';
/** Quantities that may have decimals. */
export const NUMBER_FORMAT = '#,##0.##';

/** Shorthands for column specs. */
export const column = {
  text: (
    id: string,
    header: string,
    aliases: string[],
    required = true,
    maxLength = NAME_LIMIT,
  ): ColumnSpec => ({
    id,
    header,
    aliases,
    type: { kind: 'text', maxLength },
    required,
    format: '@',
  }),
  amount: (id: string, header: string, aliases: string[], required = true): ColumnSpec => ({
    id,
    header,
    aliases,
    type: { kind: 'amount', nonNegative: true },
    required,
    format: MONEY_FORMAT,
    width: 16,
  }),
  fraction: (
    id: string,
    header: string,
    aliases: string[],
    required = true,
    signed = false,
  ): ColumnSpec => ({
    id,
    header,
    aliases,
    type: { kind: 'fraction', signed },
    required,
    format: PERCENT_FORMAT,
    width: 12,
  }),
  number: (
    id: string,
    header: string,
    aliases: string[],
    required = true,
    nonNegative = true,
  ): ColumnSpec => ({
    id,
    header,
    aliases,
    type: { kind: 'number', nonNegative },
    required,
    format: NUMBER_FORMAT,
    width: 14,
  }),
  integer: (
    id: string,
    header: string,
    aliases: string[],
    min: number,
    required = true,
  ): ColumnSpec => ({
    id,
    header,
    aliases,
    type: { kind: 'integer', min },
    required,
    format: '0',
    width: 8,
  }),
  option: (
    id: string,
    header: string,
    aliases: string[],
    options: readonly EnumOption[],
    required = true,
  ): ColumnSpec => ({
    id,
    header,
    aliases,
    type: { kind: 'enum', options },
    required,
    format: '@',
  }),
};

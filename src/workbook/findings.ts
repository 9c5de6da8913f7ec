import type { CellValue } from '../ports/workbook';
import { sheetRef } from '../ports/a1';

/**
 * Findings: what is wrong with the input of a run, each naming the place (sheet, table,
 * body row, column, cell) and the bad value, so a finance reviewer can go straight to
 * it. A run collects every finding before deciding anything; with any finding it
 * writes nothing.
 */

/** Stable codes of findings; edges and tests match on them. */
export const FindingCode = {
  /** Text (or TRUE/FALSE) where an amount of money belongs. */
  NOT_AN_AMOUNT: 'INPUT.NOT_AN_AMOUNT',
  /** Text where a plain number (population, activity, a metric value) belongs. */
  NOT_A_NUMBER: 'INPUT.NOT_A_NUMBER',
  /** Text where a percentage belongs. */
  NOT_A_PERCENTAGE: 'INPUT.NOT_A_PERCENTAGE',
  /** A fraction above 1 (100%). */
  OVER_100_PERCENT: 'INPUT.OVER_100_PERCENT',
  /** A number with a fraction, or text, where a whole number belongs. */
  NOT_A_WHOLE_NUMBER: 'INPUT.NOT_A_WHOLE_NUMBER',
  /** A whole number above its limit (a plan of more years than the add-in projects). */
  TOO_LARGE: 'INPUT.TOO_LARGE',
  /** A negative value where only zero or more makes sense. */
  NEGATIVE: 'INPUT.NEGATIVE',
  /** A value outside a drop-down list. */
  NOT_AN_OPTION: 'INPUT.NOT_AN_OPTION',
  /** A required cell left blank. */
  BLANK: 'INPUT.BLANK',
  /** Text longer than its column takes (a name over tableSchema.NAME_LIMIT characters). */
  TOO_LONG: 'INPUT.TOO_LONG',
  /** The same ID (key) in two rows. */
  DUPLICATE: 'INPUT.DUPLICATE',
  /** Shares that must make 100% (% NHS + % LA, a band's shares) do not. */
  SHARES_NOT_100: 'INPUT.SHARES_NOT_100',
  /** Rows that must agree (a band's upper limit on each of its rows) do not. */
  INCONSISTENT: 'INPUT.INCONSISTENT',
  /** A name that the table defining it does not list (a scheme, party, contract). */
  UNKNOWN_NAME: 'INPUT.UNKNOWN_NAME',
  /** A required table that is not in the workbook. */
  MISSING_TABLE: 'TABLE.MISSING',
  /** More than one table could be the one wanted. */
  AMBIGUOUS_TABLE: 'TABLE.AMBIGUOUS',
  /** A required column not found in a table. */
  MISSING_COLUMN: 'TABLE.MISSING_COLUMN',
  /** Two columns of a table answer to the same header. */
  DUPLICATE_COLUMN: 'TABLE.DUPLICATE_COLUMN',
  /** A required table with no filled-in rows. */
  EMPTY_TABLE: 'TABLE.EMPTY',
  /** A column given for several plan years, and no year (or a year it lacks) chosen. */
  YEAR_NOT_CHOSEN: 'TABLE.YEAR_NOT_CHOSEN',
  /** A formula in a plain range's body with no value saved in the file. */
  NO_SAVED_VALUE: 'INPUT.NO_SAVED_VALUE',
  /** A column mapping (a --map file or one saved in the workbook) that no longer fits. */
  MAPPING_MISMATCH: 'MAPPING.MISMATCH',
  /** A column mapping that cannot be read (not JSON, an unknown kind or field). */
  BAD_MAPPING: 'MAPPING.INVALID',
  /** A workbook like an official-style return whose version no datamap knows: not read. */
  UNKNOWN_VERSION: 'DATAMAP.UNKNOWN_VERSION',
  /** A scenario parameter that is missing or out of range. */
  BAD_PARAMETER: 'PARAMETER.INVALID',
} as const;
export type FindingCode = (typeof FindingCode)[keyof typeof FindingCode];

/**
 * One thing wrong with the input. Cell findings carry every place field; table
 * findings carry sheet and table (and the header cell where there is one); parameter
 * and engine findings may carry none. `message` is complete on its own, e.g.
 * `Contracts!D14 (Contracts table, row 12, column "Annual value"): "tbc" is not an amount.`
 */
export interface Finding {
  /** A {@link FindingCode}, or `ENGINE.<engine code>` for a refusal by the engine. */
  readonly code: string;
  readonly sheet?: string;
  readonly table?: string;
  /** Table body row, 1-based (the first row under the headers is row 1). */
  readonly row?: number;
  /** The column's header as written in the table. */
  readonly column?: string;
  /** For a plain range (not an Excel table): its cells, e.g. "B6:L20"; `table` is then its kind. */
  readonly range?: string;
  /** Cell address on `sheet`, e.g. "D14". */
  readonly address?: string;
  /** The bad value as the cell holds it. */
  readonly value?: CellValue;
  /** For a finding about a scenario parameter: the parameter's id (e.g. `socialCareMinimum`). */
  readonly parameter?: string;
  readonly message: string;
}

/** Where a cell of a table body is. */
export interface CellPlace {
  readonly sheet: string;
  readonly table: string;
  readonly row: number;
  readonly column: string;
  readonly address: string;
  /** Set for a plain range: its cells, e.g. "B6:L20" (`table` is then the kind's name). */
  readonly range?: string;
}

/**
 * A value as a message shows it: text in double quotes, numbers as the cell holds
 * them, TRUE/FALSE as Excel shows them, a blank as "blank".
 */
export function quoteCell(value: CellValue | undefined): string {
  if (value === null || value === undefined || value === '') return 'blank';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}

/**
 * The place prefix of a cell finding: `Contracts!D14 (Contracts table, row 12, column
 * "Annual value")`, or for a plain range `Expenditure!H9 (Schemes range B6:L20, row 3,
 * column "Expenditure (£)")`.
 */
export function placeText(place: CellPlace): string {
  const what =
    place.range === undefined ? `${place.table} table` : `${place.table} range ${place.range}`;
  return `${sheetRef(place.sheet)}!${place.address} (${what}, row ${place.row}, column "${place.column}")`;
}

/** A finding about one cell; `problem` is the sentence after the place, ending in a full stop. */
export function cellFinding(
  code: string,
  place: CellPlace,
  value: CellValue,
  problem: string,
): Finding {
  return { code, ...place, value, message: `${placeText(place)}: ${problem}` };
}

/** A finding about a whole table (a missing column, no rows), placed at its header row where known. */
export function tableFinding(
  code: string,
  where: { readonly sheet?: string; readonly table?: string; readonly address?: string },
  message: string,
): Finding {
  return { code, ...where, message };
}

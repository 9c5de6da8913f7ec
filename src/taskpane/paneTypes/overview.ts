/** What the pane knows of a workbook before a run: its tables, mechanisms, contracts, saved parameters. */
import type { TableInfo } from '../../ports/workbook';
import type { MechanismId } from '../../workbook/mechanisms/index';
import type { BandTerms, PlanChecksParams } from './mechanismParams';

/** A place in the workbook. `address` is A1 style without the sheet, e.g. "C5". */
export interface CellRef {
  readonly sheet: string;
  readonly address: string;
}

/** Whether a mechanism can run on this workbook, and if not which tables it lacks. */
export interface MechanismStatus {
  readonly mechanism: MechanismId;
  readonly ready: boolean;
  /** Names of the tables that are missing or empty, e.g. ["Contracts"]. */
  readonly missing: readonly string[];
  /** Why it cannot run other than missing tables, e.g. not in this version of the add-in. */
  readonly reason?: string;
}

/** A contract of the contracts table, as the pane offers it. */
export interface ContractSummary {
  /** Its Contract ID, e.g. "MSK1". */
  readonly id: string;
  readonly name?: string;
  readonly model?: string;
  readonly provider?: string;
  readonly commissioner?: string;
  /** The parties to its risk share, in the order the workbook layer uses (its Parties cell, or provider then commissioner). */
  readonly parties: readonly string[];
  /** Whether the RiskShareBands table has bands for it. */
  readonly hasBands: boolean;
  /** Those bands, for the pane's editor to start from (absent when it has none). */
  readonly bands?: WorkbookBands;
}

/** A contract's bands from the RiskShareBands table: limits and shares as fractions or pounds (decimal strings). */
export interface WorkbookBands {
  readonly bandLimits: 'fraction' | 'amount';
  readonly gainBands: readonly BandTerms[];
  /** Absent when the table gives no loss bands. */
  readonly lossBands?: readonly BandTerms[];
}

/** What the pane shows of a workbook before anything runs. */
export interface WorkbookOverview {
  /** The input tables found, in sheet order. */
  readonly tables: readonly TableInfo[];
  readonly mechanisms: readonly MechanismStatus[];
  /** The contracts, in table order. */
  readonly contracts: readonly ContractSummary[];
  /** Partner names from the contributions table (a pooled fund's partners), in table order. */
  readonly partners: readonly string[];
  /** The plan checks' minima used last time in this workbook (kept in its settings), if any. */
  readonly savedPlanChecks?: PlanChecksParams;
  /**
   * Each mechanism's parameters as its last run in this workbook saved them (kept in its
   * settings), for the forms to start from; absent for a mechanism never run here.
   */
  readonly savedParams?: Readonly<Partial<Record<MechanismId, SavedParams>>>;
  /** The workbook's last run, when it recorded one. */
  readonly lastRun?: SavedRun;
  /** Whether prepare for sharing recorded formulas that Restore formulas can put back. */
  readonly canRestore?: boolean;
  /** The kinds the column mapping saved in the workbook places, with the range each reads. */
  readonly mappings?: readonly MappedInput[];
  /** The official-style return a shipped datamap recognised the workbook as, if any. */
  readonly readAs?: { readonly datamap: string; readonly title: string };
  /** Why the saved mapping (or part of it) no longer fits, each naming its header row. */
  readonly mappingFindings?: readonly Finding[];
}

/**
 * A mechanism's parameters as a run saved them in the workbook: plain JSON by the
 * workbook layer's parameter ids (as `bcf run --params` takes them). Untrusted: the
 * file may have been edited or written by another version.
 */
export type SavedParams = Readonly<Record<string, unknown>>;

/** Which mechanism the workbook's last run was, and when. */
export interface SavedRun {
  readonly mechanism: MechanismId;
  readonly at: Date;
}

/** One problem with the workbook's input, placed where the user can fix it. */
export interface Finding {
  /** A stable code, e.g. "GAINSHARE.SHARES_NOT_ONE" or "TABLE.NOT_A_NUMBER". */
  readonly code: string;
  /** For people: names the field and the bad value. */
  readonly message: string;
  /** The offending cell, when there is one. */
  readonly cell?: CellRef;
}

/** A kind of input table placed by the saved column mapping, and where it reads. */
export interface MappedInput {
  /** The kind's id, e.g. "contributions". */
  readonly kind: string;
  /** The kind's name, e.g. "Contributions". */
  readonly kindName: string;
  readonly sheet: string;
  /** Header row to last body row, e.g. "A3:C5". */
  readonly range: string;
  readonly rowCount: number;
}

/** A header cell the user may map a field to. */
export interface MappingColumn {
  /** Its column on the sheet (1-based). */
  readonly column: number;
  /** The header as written. */
  readonly header: string;
  /** Its cell, e.g. "C3". */
  readonly address: string;
}

/** A field of a table kind, with the column the add-in guessed for it. */
export interface MappingField {
  /** The field's id, e.g. "amount". */
  readonly id: string;
  /** Its name as the planning template heads it, e.g. "Amount". */
  readonly header: string;
  readonly required: boolean;
  /** The column guessed (a {@link MappingColumn.column}); absent when no header fits. */
  readonly guess?: number;
}

/** The mapping step's starting point: a header row and a guess for every field. */
export interface MappingDraft {
  readonly kind: string;
  readonly kindName: string;
  readonly sheet: string;
  /** The header row's cells, e.g. "A3:C3". */
  readonly headerRow: string;
  readonly columns: readonly MappingColumn[];
  readonly fields: readonly MappingField[];
}

/** A draft, or why the cells cannot be mapped (one sentence naming them). */
export type MappingDraftOutcome =
  | { readonly ok: true; readonly draft: MappingDraft }
  | { readonly ok: false; readonly problem: string };

/** The user's mapping of one kind: field id → the column's header as written. */
export interface MappingChoice {
  readonly kind: string;
  readonly sheet: string;
  readonly columns: Readonly<Record<string, string>>;
}

/** One body row as a run reads it. */
export interface MappingPreviewRow {
  /** The row on the sheet. */
  readonly row: number;
  /** Field id → its value for people ("£28,348,000.00", "5.00%"); absent when blank or bad. */
  readonly values: Readonly<Record<string, string>>;
}

/** The first rows of a mapping as a run reads them, and what is wrong. */
export interface MappingPreview {
  /** The range read, e.g. { sheet: "Pool", address: "A3:C5" }; absent when the mapping does not fit. */
  readonly range?: CellRef;
  /** How many body rows are filled in. */
  readonly rowCount: number;
  /** The fields read, in the kind's order, with the header each is read from. */
  readonly columns: readonly {
    readonly id: string;
    readonly name: string;
    readonly header: string;
  }[];
  readonly rows: readonly MappingPreviewRow[];
  readonly findings: readonly Finding[];
  /** How columns are read, e.g. "Amount read from the column "Contribution (£000)" … multiplied by 1,000." */
  readonly notes: readonly string[];
}

/** What the pane knows of a workbook before a run: its tables, mechanisms, contracts, saved parameters. */
import type { TableInfo } from '../../ports/workbook';
import type { PaneMechanismId as MechanismId } from '../layer/mechanismIds';
import type { PlanChecksParams } from './mechanismParams';

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

/**
 * What the task pane needs of a workbook, as one interface. The pane's components receive
 * an implementation through {@link OperationsProvider} (see `operationsContext.tsx`) and
 * never call `Excel.run` themselves: `officeOperations.ts` implements it over the
 * workbook layer and the Office adapter in Excel; the file mode implements it over a
 * .xlsx file; the component tests implement it in memory.
 *
 * Money and fractions cross this interface as decimal strings ("1716875.00", "0.05"),
 * never as JavaScript numbers.
 */

import { MECHANISM_LIST, type MechanismId } from '../workbook/mechanisms/index';
import type {
  CellRef,
  MappingChoice,
  MappingDraftOutcome,
  MappingPreview,
  WorkbookOverview,
} from './paneTypes/overview';
import type { MechanismRequest, PlanChecksParams } from './paneTypes/mechanismParams';
import type {
  ComparisonOutcome,
  KeepOutcome,
  RunControl,
  RunOutcome,
  ScenarioSummary,
} from './paneTypes/run';

/** The calculations the pane offers, in the order it lists them (the registry's). */
export const MECHANISM_IDS: readonly MechanismId[] = MECHANISM_LIST.map((m) => m.id);

/** A mechanism by its one id, the registry's (`gainshare`, `pool`...). */
export type { MechanismId };

export type * from './paneTypes/overview';
export type * from './paneTypes/run';
export type * from './paneTypes/mechanismParams';

/** The planning template was written. */
export interface TemplateCreated {
  readonly sheets: readonly string[];
  /** The first cell the user fills in. */
  readonly firstInput: CellRef;
}

/** Outcome of prepare for sharing / restore formulas. */
export interface SharingOutcome {
  /** How many formula cells were changed. */
  readonly cells: number;
  /** The sheet recording the formulas replaced, e.g. "BCF Shared formulas". */
  readonly recordSheet: string;
  /** Formulas prepare for sharing left as they are, and why (e.g. "its result is #BUSY!, not a figure"). */
  readonly notConverted?: readonly {
    readonly sheet: string;
    readonly address: string;
    readonly reason: string;
  }[];
}

/**
 * Everything the pane does to a workbook. Methods reject only for unexpected failures
 * (the host went away, a sheet is protected); bad input comes back as findings.
 */
export interface PaneOperations {
  /** Whether selecting a cell shows it to the user (in Excel) or does nothing (a file). */
  readonly canSelectCells: boolean;
  overview(): Promise<WorkbookOverview>;
  createTemplate(): Promise<TemplateCreated>;
  run(request: MechanismRequest, control: RunControl): Promise<RunOutcome>;
  runPlanChecks(params: PlanChecksParams, control: RunControl): Promise<RunOutcome>;
  /**
   * Runs `request` and keeps it as a scenario called `name` (its parameters in the
   * workbook's settings, its own result sheet). `replace` replaces a scenario of that name.
   */
  keepScenario(
    request: MechanismRequest,
    scenario: { readonly name: string; readonly replace?: boolean },
    control: RunControl,
  ): Promise<KeepOutcome>;
  /** The scenarios the workbook keeps, in the order they were kept. */
  scenarios(): Promise<readonly ScenarioSummary[]>;
  /** Runs two or more kept scenarios again and writes the comparison sheet. */
  compareScenarios(names: readonly string[]): Promise<ComparisonOutcome>;
  prepareForSharing(): Promise<SharingOutcome>;
  restoreFormulas(): Promise<SharingOutcome>;
  selectCell(cell: CellRef): Promise<void>;
  /**
   * Whether "Use the selection as…" can read the user's selection (in Excel); otherwise
   * why not (a file: the user types the sheet and header row instead).
   */
  readonly selection:
    { readonly available: true } | { readonly available: false; readonly reason: string };
  /** Drafts a mapping as `kind` of the selection, or (`at`) of cells the user typed. */
  draftMapping(kind: string, at?: CellRef): Promise<MappingDraftOutcome>;
  /** The first rows of `choice` as a run reads them, with its findings; saves nothing. */
  previewMapping(choice: MappingChoice): Promise<MappingPreview>;
  /** Saves `choice` as the workbook's mapping of its kind (settings `bcf.mapping`). */
  saveMapping(choice: MappingChoice): Promise<void>;
  /**
   * Calls `listener` after cells change on one of the user's sheets (in Excel; not the
   * add-in's own sheets, nor writes Excel says the add-in made); resolves to the function
   * that stops it. Absent where the workbook cannot change under the pane (a file opened
   * outside Excel).
   */
  onWorkbookChanged?(listener: (change: WorkbookChange) => void): Promise<() => Promise<void>>;
}

/** Cells changed on one of the user's sheets. */
export interface WorkbookChange extends CellRef {
  /**
   * `other`: Excel says someone other than the add-in made it (the user). `unknown`:
   * Excel cannot say (before ExcelApi 1.14), so it may be the add-in's own write.
   */
  readonly origin: 'other' | 'unknown';
}

/** A workbook opened from a .xlsx file outside Excel. */
export interface FileSession extends PaneOperations {
  readonly fileName: string;
  /** The workbook as it is now, as .xlsx bytes. */
  save(): Promise<Blob>;
}

/** The file mode, for a plain browser. */
export type FileMode =
  | { readonly available: false; readonly reason: string }
  | {
      readonly available: true;
      open(fileName: string, bytes: ArrayBuffer): Promise<FileSession>;
    };

/** A run as the pane controls and shows it: progress, control, headline figures, outcomes. */
import type { CellRef, Finding } from './overview';

/** The step a run is doing. `done` of `total` steps are finished. */
export interface Progress {
  readonly step: string;
  readonly done: number;
  readonly total: number;
  /** False once writing has begun: a run can be cancelled only before it writes. Default true. */
  readonly cancellable?: boolean;
}

/** How the pane controls a run. */
export interface RunControl {
  /** Aborting it before the run writes leaves the workbook as it was. */
  readonly signal: AbortSignal;
  readonly onProgress: (progress: Progress) => void;
  /** The user agreed to replace a sheet of theirs that has the result sheet's name. */
  readonly replaceUserSheets?: boolean;
}

/** How a headline figure is shown: money as "£1,234.50", a fraction as "5.5%". */
export type FigureKind = 'money' | 'fraction' | 'count' | 'text';

/** One figure for the pane's compact list, e.g. { label: "Provider", value: "1716875.00", kind: "money" }. */
export interface HeadlineFigure {
  readonly label: string;
  /** A decimal string for money, fractions and counts; plain text for `text`. */
  readonly value: string;
  readonly kind: FigureKind;
}

/** A run that wrote its results. */
export interface RunSuccess {
  readonly ok: true;
  /** The mechanism's title as shown, e.g. "Gain/loss share". */
  readonly title: string;
  readonly headline: readonly HeadlineFigure[];
  /** How the figures were reached, one plain-English step a line. */
  readonly explanation: readonly string[];
  /** Where the results are: the pane's link selects it. */
  readonly resultSheet: CellRef;
  /** Every sheet written (result sheet first). */
  readonly sheetsWritten: readonly string[];
  /** Domain outcomes to act on that are not input errors, e.g. failed plan checks. */
  readonly notes?: readonly Finding[];
  readonly completedAt: Date;
}

/** A run stopped by bad input: nothing was written. */
export interface RunRejected {
  readonly ok: false;
  readonly reason: 'invalid';
  readonly findings: readonly Finding[];
}

/** A run cancelled before it wrote anything. */
export interface RunCancelled {
  readonly ok: false;
  readonly reason: 'cancelled';
}

/** The result sheet's name is taken by a sheet the user made: nothing was written. */
export interface RunBlocked {
  readonly ok: false;
  readonly reason: 'userSheet';
  readonly sheet: string;
  readonly message: string;
}

export type RunOutcome = RunSuccess | RunRejected | RunCancelled | RunBlocked;

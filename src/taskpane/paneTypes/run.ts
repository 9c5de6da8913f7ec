/** A run as the pane controls and shows it: progress, control, headline figures, outcomes. */
import type { MechanismId } from '../../workbook/mechanisms/index';
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
  /** The outturn curve, when the run asked for one (a gain/loss share with `curve`). */
  readonly curve?: OutturnCurve;
  /** The scenario the run was kept as, when it was. */
  readonly scenario?: string;
  /** The result sheet's charts, with their figures, for the pane to draw (none for a mechanism whose sheet has none). */
  readonly charts?: readonly PaneChart[];
  /** A funding envelope's years: envelope, planned spend and headroom (+) or shortfall (−). */
  readonly envelopeYears?: readonly EnvelopeYear[];
  /** Plan checks that passed only because their minimum was £0 (their titles). */
  readonly zeroMinima?: readonly string[];
  /** What a gain/loss share's gate did, in a sentence ("Saving 2.9% is below the 3.3% gate: no sharing …"). */
  readonly gate?: string;
}

/** How a chart's figures are shown: money, fractions (as percentages) or plain numbers. */
export type ChartFigure = 'money' | 'fraction' | 'number';

/** One of the result sheet's charts as the pane draws it; the figures are decimal strings. */
export interface PaneChart {
  /** As on the sheet: horizontal bars, columns, stacked columns, or lines. */
  readonly kind: 'bar' | 'column' | 'stacked' | 'line';
  readonly title: string;
  readonly categoryTitle?: string;
  readonly valueTitle?: string;
  /** How the category column reads: text, or figures (a line against actual spend). */
  readonly categoryFigure?: ChartFigure;
  /** The categories (the table's first column), as text or decimal strings. */
  readonly categories: readonly string[];
  readonly figure: ChartFigure;
  /** One series a plotted column: its header and a value per category (null for a blank cell). */
  readonly series: readonly {
    readonly name: string;
    readonly values: readonly (string | null)[];
  }[];
}

/** One plan year of a funding envelope (decimal strings, pounds). */
export interface EnvelopeYear {
  readonly year: number;
  readonly envelope: string;
  /** Planned spend, when the PlannedSpend table covers the year. */
  readonly planned?: string;
  /** Envelope − planned: headroom when positive, shortfall when negative. */
  readonly headroom?: string;
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

/** An outturn curve: what each party gets (+) or bears (−) at each actual spend. */
export interface OutturnCurve {
  /** The parties, in the order of each point's `amounts`. */
  readonly parties: readonly string[];
  readonly points: readonly {
    /** Actual spend, a decimal string in pounds. */
    readonly actual: string;
    /** Expected − actual. */
    readonly variance: string;
    /** Each party's amount, by `parties`. */
    readonly amounts: readonly string[];
  }[];
}

/** A scenario name that cannot be kept (empty, too long, a character a sheet name cannot hold). */
export interface ScenarioNameRefused {
  readonly ok: false;
  readonly reason: 'scenarioName';
  readonly message: string;
}

/** The workbook keeps a scenario of that name already: nothing was written. */
export interface ScenarioExists {
  readonly ok: false;
  readonly reason: 'scenarioExists';
  readonly name: string;
  readonly message: string;
}

/** The outcome of keeping a run as a scenario. */
export type KeepOutcome = RunOutcome | ScenarioNameRefused | ScenarioExists;

/** A scenario kept in the workbook. */
export interface ScenarioSummary {
  readonly name: string;
  /** Undefined for a calculation this version of the pane does not offer. */
  readonly mechanism?: MechanismId;
  /** The mechanism's title, e.g. "Gain/loss share". */
  readonly title: string;
  /** Its result sheet. */
  readonly sheet: string;
  /** When the run that kept it ran. */
  readonly at: Date;
}

/** One row of the comparison: a figure under each scenario, and its differences from the first. */
export interface ComparedFigure {
  readonly label: string;
  readonly kind: FigureKind;
  /** By scenario, in the comparison's order; "" where a scenario has no such figure. */
  readonly values: readonly string[];
  /** Each later scenario's value less the first's (money); empty for text figures. */
  readonly differences: readonly string[];
}

/** Kept scenarios run again and set side by side on the comparison sheet. */
export interface ComparisonSuccess {
  readonly ok: true;
  /** The scenarios, in order; the first is the base of the differences. */
  readonly names: readonly string[];
  readonly figures: readonly ComparedFigure[];
  readonly sheet: CellRef;
}

/** A comparison that could not be made: nothing was written. */
export interface ComparisonRefused {
  readonly ok: false;
  readonly findings: readonly Finding[];
}

export type ComparisonOutcome = ComparisonSuccess | ComparisonRefused;

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
import type { TableInfo } from '../ports/workbook';

/** The calculations the pane offers, in the order it lists them. */
export const MECHANISM_IDS = [
  'pooledFund',
  'capitation',
  'gainLossShare',
  'payForPerformance',
  'bcfPaymentForPerformance',
  'activityPayment',
  'fundingEnvelope',
  'planChecks',
] as const;

export type MechanismId = (typeof MECHANISM_IDS)[number];

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
  /** Whether prepare for sharing recorded formulas that Restore formulas can put back. */
  readonly canRestore?: boolean;
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
}

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

/** A party's share of one band, by party name, as a fraction string ("0.5"). */
export type PartyShares = Readonly<Record<string, string>>;

/** One gain/loss band; the last band of a list is open-ended and gives no limit. */
export interface BandTerms {
  /** Where the band ends: a fraction of expected spend or an amount, per `GainLossParams.bandLimits`. */
  readonly upTo?: string;
  readonly shares: PartyShares;
}

/**
 * A gain/loss share of one contract (expected and actual spend come from the Contracts
 * table). Bands, caps and quality scores come from the workbook's RiskShareBands and
 * RiskShareTerms tables (`terms: 'workbook'`) or from the pane's editor (`terms: 'pane'`).
 */
export interface GainLossParams {
  /**
   * The Contract ID; may be left out when there is one contract. Left out with several
   * contracts, the layer shares every contract's variance under its own terms.
   */
  readonly contract?: string;
  readonly terms: 'workbook' | 'pane';
  /** The contract's parties, in the layer's order. */
  readonly parties: readonly string[];
  /** The editor's terms (`terms: 'pane'`). */
  readonly editor?: {
    /** Whether band limits are fractions of expected spend or amounts in pounds. */
    readonly bandLimits: 'fraction' | 'amount';
    readonly gainBands: readonly BandTerms[];
    /** Absent when losses are shared like gains (symmetric terms). */
    readonly lossBands?: readonly BandTerms[];
    /** Per-party multipliers (fractions) on its share of a gain. */
    readonly quality?: PartyShares;
    /** Per-party caps in pounds on the gain received and the loss borne. */
    readonly caps?: {
      readonly gain: Readonly<Record<string, string>>;
      readonly loss: Readonly<Record<string, string>>;
    };
  };
  readonly gate?: {
    readonly fraction: string;
    /** Absent: each contract's default holder (a run over every contract). */
    readonly holder?: string;
    readonly appliesTo: 'both' | 'gains' | 'losses';
  };
  /** Who receives what quality multipliers do not earn. */
  readonly unearnedTo?: string;
  /** Who takes what a capped party cannot. */
  readonly overflowTo?: string;
  /** When expected and actual spend are per unit (e.g. member months), the number of units. */
  readonly units?: string;
  /**
   * An outturn curve: actual spend from expected × (1 + from) to expected × (1 + to) in
   * `points` equal steps, both ends included (one contract only).
   */
  readonly curve?: { readonly from: string; readonly to: string; readonly points: number };
  /** An exposure simulation of `draws` random outturns (one contract only). */
  readonly simulation?: {
    readonly draws: number;
    /** The coefficient of variation of actual spend, a fraction ("0.05"). */
    readonly cv: string;
    readonly distribution: 'normal' | 'lognormal';
    readonly seed: number;
    /** A loss in pounds whose chance of being exceeded is shown. */
    readonly lossThreshold?: string;
  };
}

/** The pooled fund's parameters (the workbook layer's `pool` parameters, same ids). */
export interface PooledFundParams {
  readonly rule: 'proportional' | 'fixed' | 'commissioner';
  /** Agreed shares by partner (fractions), for the `fixed` rule. */
  readonly fixedShares?: PartyShares;
  /** The `commissioner` rule: the partners bearing NHS- and LA-commissioned schemes. */
  readonly nhsPartner?: string;
  readonly laPartner?: string;
  /** Caps in pounds on the overspend a partner bears; the excess goes to `excessTo`. */
  readonly overspendCaps?: Readonly<Record<string, string>>;
  readonly excessTo?: string;
  /** Spend on a scheme with no budget: an error (usually a misspelt scheme) or an overspend. */
  readonly unbudgetedSpend: 'error' | 'overspend';
}

/** Capitation (the layer's `capitation` parameters). */
export interface CapitationParams {
  readonly years: number;
  readonly uplift: string;
  readonly efficiency: string;
  readonly populationGrowth: string;
  /** Population tolerance as a fraction of the projection; absent for none. */
  readonly toleranceBand?: string;
  readonly toleranceBasis: 'excess' | 'full';
  /** The plan year the actual population is for (with a tolerance). */
  readonly actualYear?: number;
}

/** Pay for performance (the layer's `p4p` parameters). */
export interface PayForPerformanceParams {
  readonly contract?: string;
  /** A label for the period measured, e.g. "Year 2". */
  readonly period: string;
  /** Absent: the contract's own at-risk rate. */
  readonly atRiskRate?: string;
  readonly phasing: 'applied' | 'shadow';
  /** For a ramp; absent in shadow phasing. */
  readonly appliedFraction?: string;
}

/** BCF 2015/16 payment for performance (the layer's `bcf-p4p` parameters). */
export interface BcfPaymentForPerformanceParams {
  readonly contract?: string;
  /** The reduction in non-elective admissions aimed for, as a fraction (default 0.035). */
  readonly ambition: string;
  /** The national unit cost of an admission, where the Activity rows give no price. */
  readonly unitCost?: string;
}

/** Activity payments (the layer's `activity` parameters). */
export interface ActivityPaymentParams {
  readonly model: 'block' | 'marginal' | 'blended' | 'aligned' | 'corridor';
  readonly contract?: string;
  readonly price?: string;
  readonly fixed?: string;
  readonly marginalRate?: string;
  readonly variableRate?: string;
  readonly band?: string;
  readonly refundRate?: string;
  readonly blockValue?: string;
  readonly years?: number;
  readonly inflator?: string;
}

/** One change to the funding envelope, e.g. a 7% reduction to net budgets over four years (B&NES). */
export interface EnvelopeChange {
  readonly name: string;
  /** Only this partner's lines; absent for all. */
  readonly partner?: string;
  /** A yearly change (fraction, negative for a reduction), compounding. */
  readonly annualRate?: string;
  /** Or a total change reached over `overYears`. */
  readonly totalOverYears?: string;
  readonly overYears?: number;
  readonly phasing?: 'compound' | 'straightLine';
}

/** The funding envelope (the layer's `envelope` parameters). */
export interface FundingEnvelopeParams {
  /** Plan years after the baseline year. */
  readonly years: number;
  readonly changes: readonly EnvelopeChange[];
}

/** BCF plan checks (the layer's `checks` parameters), in pounds. */
export interface PlanChecksParams {
  /** The required adult social care spend from the minimum NHS contribution. */
  readonly socialCareMinimum: string;
  /** The required NHS-commissioned out-of-hospital spend from the minimum NHS contribution. */
  readonly nhsOutOfHospitalMinimum: string;
}

/** The parameters of each mechanism, by id. */
export interface MechanismParamsMap {
  readonly pooledFund: PooledFundParams;
  readonly capitation: CapitationParams;
  readonly gainLossShare: GainLossParams;
  readonly payForPerformance: PayForPerformanceParams;
  readonly bcfPaymentForPerformance: BcfPaymentForPerformanceParams;
  readonly activityPayment: ActivityPaymentParams;
  readonly fundingEnvelope: FundingEnvelopeParams;
  readonly planChecks: PlanChecksParams;
}

/** A mechanism with its parameters, as one value the pane can hold in state. */
export type MechanismRequest = {
  [M in MechanismId]: { readonly mechanism: M; readonly params: MechanismParamsMap[M] };
}[MechanismId];

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

/**
 * Each mechanism's parameters as the pane's forms give them (money and fractions as
 * decimal strings), and a request: a mechanism with its parameters.
 */
import type { PaneMechanismId as MechanismId } from '../layer/mechanismIds';

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
  /**
   * The editor's terms (`terms: 'pane'`), sent to the layer as the gain share's `terms`
   * parameter shaped like the engine's terms (paneTerms.ts).
   */
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

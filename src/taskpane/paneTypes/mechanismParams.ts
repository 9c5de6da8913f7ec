/**
 * Each mechanism's parameters as the pane's forms give them (money and fractions as
 * decimal strings, by the workbook layer's ids), and a request: a mechanism with its
 * parameters.
 */
import type { ScenarioParams } from '../../workbook/params';
import type { MechanismId } from '../../workbook/mechanisms/index';

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

/** BCF plan checks (the layer's `checks` parameters), in pounds. */
export interface PlanChecksParams {
  /** The required adult social care spend from the minimum NHS contribution. */
  readonly socialCareMinimum: string;
  /** The required NHS-commissioned out-of-hospital spend from the minimum NHS contribution. */
  readonly nhsOutOfHospitalMinimum: string;
}

/**
 * The parameters of each mechanism, by id: the gain/loss editor's own, the plan checks'
 * two minima (which the pane also reads back for its overview), and for every other
 * mechanism the scenario parameters its descriptor's form gives (forms/descriptorForm.ts).
 */
export type MechanismParamsMap = {
  readonly [M in MechanismId]: M extends 'gainshare'
    ? GainLossParams
    : M extends 'checks'
      ? PlanChecksParams
      : ScenarioParams;
};

/** A mechanism with its parameters, as one value the pane can hold in state. */
export type MechanismRequest = {
  [M in MechanismId]: { readonly mechanism: M; readonly params: MechanismParamsMap[M] };
}[MechanismId];

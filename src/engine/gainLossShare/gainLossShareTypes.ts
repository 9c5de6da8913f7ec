import type { Amount, Dec } from '../decimal';
import type { Step } from '../explain';

/**
 * One party's share of a band, either by name (`{ "Provider": 1 }`; a party left out
 * takes 0) or as a list in the order of `parties` (`[1, 0]`).
 */
export type BandShares = Readonly<Record<string, Amount>> | readonly Amount[];

/**
 * One band of a gain (or loss), counted from the first pound of the variance.
 * Every band but the last ends at `upToFraction` of expected spend or at `upToAmount`
 * (one of the two, ascending); the last band is open-ended and gives neither.
 */
export interface GainLossBandInput {
  readonly upToFraction?: Amount;
  readonly upToAmount?: Amount;
  readonly shares: BandShares;
}

/** A cap on what one party receives (gain) or bears (loss): an amount or a fraction of expected. */
export interface GainLossCapInput {
  readonly amount?: Amount;
  readonly fraction?: Amount;
}

/**
 * Terms of a gain/loss (risk) share of the variance between expected and actual spend.
 * Optional parts left out have no effect. See {@link gainLossShare}.
 */
export interface GainLossShareInput {
  /** Expected spend (the contract value, benchmark or target), zero or more. */
  readonly expected: Amount;
  /** Actual spend, zero or more. */
  readonly actual: Amount;
  /**
   * Optional multiplier of `expected` and `actual` when they are per-unit figures, e.g.
   * 125,000 member months for a per-member-per-month target. Default 1.
   */
  readonly units?: Amount;
  /** The parties, unique names; results come back in this order. */
  readonly parties: readonly string[];
  /** Bands of a gain (variance above zero), at least one. */
  readonly gainBands: readonly GainLossBandInput[];
  /** Bands of a loss; when left out the gain bands apply (symmetric terms). */
  readonly lossBands?: readonly GainLossBandInput[];
  /**
   * No sharing unless |variance| / expected reaches `fraction`; below it `holder` takes
   * the whole variance. At or above it sharing applies from the first pound.
   * `appliesTo` (default `both`) limits the gate to gains or to losses.
   */
  readonly gate?: {
    readonly fraction: Amount;
    readonly holder: string;
    readonly appliesTo?: 'both' | 'gains' | 'losses';
  };
  /**
   * Per-party multipliers (0–1) on each party's share of a gain; what a party does not
   * earn goes to `unearnedTo`. Parties not listed earn in full.
   */
  readonly quality?: {
    readonly multipliers: Readonly<Record<string, Amount>>;
    readonly unearnedTo: string;
  };
  /**
   * Per-party caps on the gain a party receives and the loss it bears; what a capped
   * party cannot take goes to `overflowTo`, which must not be capped the same way.
   */
  readonly caps?: {
    readonly gain?: Readonly<Record<string, GainLossCapInput>>;
    readonly loss?: Readonly<Record<string, GainLossCapInput>>;
    readonly overflowTo: string;
  };
}

/** Terms shared by every row of a contract table: a {@link GainLossShareInput} without the spend. */
export type GainLossTermsInput = Omit<GainLossShareInput, 'expected' | 'actual' | 'units'>;

/** One contract row under shared terms: its spend (see {@link GainLossShareInput}). */
export interface GainLossRowInput {
  readonly expected: Amount;
  readonly actual: Amount;
  readonly units?: Amount;
  /**
   * How a refusal's message names the row, e.g. "Contract MSK1" ("Contract MSK1: actual
   * is …"); the field is still its path (`rows[2].actual`). Absent: the path names it.
   */
  readonly label?: string;
}

/** Whether the variance is a gain (underspend), a loss (overspend) or nothing. */
export type VarianceDirection = 'gain' | 'loss' | 'none';

/** One band of the direction that applied, with the part of the variance that fell in it. */
export interface GainLossBandResult {
  /** 1-based band number. */
  readonly band: number;
  /** Where the band starts, as an amount of variance. */
  readonly from: Dec;
  /** Where it ends; absent for the open-ended last band. */
  readonly to?: Dec;
  /** The part of the variance in this band, signed (negative for a loss), in pence. */
  readonly amount: Dec;
}

/** One party's outcome. Every figure is in pence; a loss is negative. */
export interface GainLossPartyResult {
  readonly party: string;
  /** Its amount in each band, in band order (empty when the gate was not met). */
  readonly bandAmounts: readonly Dec[];
  /** Its share before quality and caps: the sum of `bandAmounts`, or the whole variance for the below-gate holder. */
  readonly sharedAmount: Dec;
  /** Moved by quality multipliers: negative for what it did not earn, positive for the recipient. */
  readonly qualityAdjustment: Dec;
  /** Moved by caps: what it could not take (sign opposite to its share), or overflow received. */
  readonly capAdjustment: Dec;
  /** What it finally receives (gain) or bears (loss). */
  readonly amount: Dec;
}

/** The outcome of {@link gainLossShare}. Party amounts sum exactly to `variance`. */
export interface GainLossShareResult {
  /** Expected spend (× units), in pence. */
  readonly expected: Dec;
  /** Actual spend (× units), in pence. */
  readonly actual: Dec;
  /** expected − actual, in pence: positive a gain, negative a loss. */
  readonly variance: Dec;
  readonly direction: VarianceDirection;
  /** |variance| / expected; absent when expected is 0. */
  readonly varianceFraction?: Dec;
  /** Whether the gate was met; absent when there is no gate for this direction. */
  readonly gateMet?: boolean;
  /** The bands of the direction that applied (empty for `none` or a gate not met). */
  readonly bands: readonly GainLossBandResult[];
  readonly parties: readonly GainLossPartyResult[];
  readonly steps: readonly Step[];
}

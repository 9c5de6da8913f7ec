import type { Amount, Dec } from '../decimal';
import type { Step } from '../explain';

/** A block contract: a fixed annual value, uplifted (or deflated) year on year. */
export interface BlockPaymentInput {
  readonly model: 'block';
  /** The value in year 1. */
  readonly value: Amount;
  /** How many years to show, a whole number of at least 1. Default 1. */
  readonly years?: Amount;
  /**
   * The annual inflator from each year to the next (negative for a deflator, e.g. a
   * tariff uplift net of efficiency): one rate for every year, or a list of
   * `years − 1` rates. Each from −1 to 1. Default 0.
   */
  readonly inflator?: Amount | readonly Amount[];
}

/** The former emergency marginal rate rule: activity above a baseline paid at a reduced rate. */
export interface MarginalPaymentInput {
  readonly model: 'marginal';
  /** Price per unit of activity. */
  readonly price: Amount;
  /** Activity paid at full price. */
  readonly baseline: Amount;
  /** Actual activity. */
  readonly actual: Amount;
  /** Fraction of the price paid above the baseline. Default 0.70. */
  readonly marginalRate?: Amount;
}

/** Fixed payment for planned activity plus a variable element on the difference from plan. */
interface PlannedActivityInput {
  /** The fixed payment, for the planned activity. */
  readonly fixed: Amount;
  /** Planned activity. */
  readonly planned: Amount;
  /** Price per unit of activity. */
  readonly price: Amount;
  /** Actual activity. */
  readonly actual: Amount;
}

/** 2019/20 blended payment: `fixed + variableRate × price × (actual − planned)`, negative below plan. */
export interface BlendedPaymentInput extends PlannedActivityInput {
  readonly model: 'blended';
  /** Default 0.20. */
  readonly variableRate?: Amount;
}

/** 2022/23 aligned payment (elective): `fixed + variableRate × price × max(actual − planned, 0)`. */
export interface AlignedPaymentInput extends PlannedActivityInput {
  readonly model: 'aligned';
  /** Default 0.75. */
  readonly variableRate?: Amount;
}

/**
 * A corridor: within `planned × (1 ± band)` the fixed payment; activity above the
 * corridor paid at `marginalRate` × price, activity below it refunded at `refundRate` × price.
 */
export interface CorridorPaymentInput extends PlannedActivityInput {
  readonly model: 'corridor';
  /** Half-width of the corridor as a fraction of planned activity (0.03 for ±3%). */
  readonly band: Amount;
  /** Fraction of the price paid for activity above the corridor. Default 0.70. */
  readonly marginalRate?: Amount;
  /** Fraction of the price refunded for activity below the corridor. Default 0 (no refund). */
  readonly refundRate?: Amount;
}

/** The activity payment models, told apart by `model`. */
export type ActivityPaymentInput =
  | BlockPaymentInput
  | MarginalPaymentInput
  | BlendedPaymentInput
  | AlignedPaymentInput
  | CorridorPaymentInput;

export type ActivityModel = ActivityPaymentInput['model'];

/** One part of the payment (e.g. `fixed`, `variable`, `base`, `marginal`, `excess`, `refund`, `year 2`). */
export interface PaymentComponent {
  readonly component: string;
  /** In pence; the components sum exactly to the payment. */
  readonly amount: Dec;
}

/** A block contract's payment in one year. */
export interface BlockYear {
  readonly year: number;
  /** The product of the inflators applied so far (1 in year 1). */
  readonly upliftFactor: Dec;
  readonly payment: Dec;
}

/** The outcome of {@link activityPayment}. */
export interface ActivityPaymentResult {
  readonly model: ActivityModel;
  /** The payment in pence (for a block, all years together); may be negative below plan (blended). */
  readonly payment: Dec;
  /** Its parts, summing exactly to `payment`. */
  readonly components: readonly PaymentComponent[];
  /** Block only: each year's payment. */
  readonly years?: readonly BlockYear[];
  readonly steps: readonly Step[];
}

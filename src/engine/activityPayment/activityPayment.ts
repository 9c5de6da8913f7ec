import { roundParts } from '../allocate';
import { type Amount, type Dec, ZERO, moneyText, sum } from '../decimal';
import { ErrorKind, fail } from '../errors';
import { step, type Step } from '../explain';
import { blockSchedule } from './activityBlock';
import type {
  ActivityModel,
  ActivityPaymentInput,
  ActivityPaymentResult,
  PaymentComponent,
} from './activityPaymentTypes';
import {
  SCOPE,
  alignedPriced,
  blendedPriced,
  corridorPriced,
  marginalPriced,
  type Priced,
} from './activityVolume';
import { option } from '../validate';

export type * from './activityPaymentTypes';

const MODELS: readonly ActivityModel[] = ['block', 'marginal', 'blended', 'aligned', 'corridor'];

/**
 * Works out an activity-based payment under one of the NHS contract payment models.
 *
 * - `block`: a fixed value in year 1, uplifted each later year by an inflator (negative
 *   for a deflator); `years` lists each year, `payment` is all years together.
 * - `marginal`: `price × min(A, B) + marginalRate × price × max(A − B, 0)`, marginal rate
 *   default 0.70 (the former emergency tariff rule). Baseline 0 pays all at the marginal rate.
 * - `blended`: `fixed + variableRate × price × (A − planned)`, default rate 0.20; below
 *   plan the variable element is negative (the payment may in principle go below 0).
 * - `aligned`: `fixed + variableRate × price × max(A − planned, 0)`, default rate 0.75.
 * - `corridor`: the fixed amount within `planned × (1 ± band)`; beyond the upper edge,
 *   `marginalRate` (default 0.70) × price per unit; short of the lower edge, `refundRate`
 *   (default 0, i.e. no refund unless agreed) × price per unit back. Excess and shortfall
 *   are counted from the corridor's edges, not from plan. Planned 0 makes a corridor of 0.
 *
 * Components are computed exactly and rounded together with `roundParts`, so they sum
 * exactly to the payment rounded to pence.
 *
 * @param input - the model and its figures (untrusted numbers or numeric strings).
 * @returns the payment, its components, block years if any, and the steps.
 * @throws EngineError `ACTIVITY.*`: UNKNOWN_OPTION for an unknown model, MISSING,
 *   NOT_A_NUMBER, NEGATIVE, NOT_A_FRACTION, OUT_OF_RANGE, NOT_AN_INTEGER, INCONSISTENT.
 * @example
 * penceString(
 *   activityPayment({ model: 'marginal', price: 2000, baseline: 10000, actual: 10500 }).payment,
 * ) // → '20700000.00'
 */
export function activityPayment(input: ActivityPaymentInput): ActivityPaymentResult {
  if (input === null || typeof input !== 'object') {
    fail(SCOPE, ErrorKind.MISSING, 'input', input, 'The activity payment input is missing.');
  }
  const model = option(SCOPE, 'model', input.model, MODELS);
  if (model === 'block')
    return blockResult(input as Extract<ActivityPaymentInput, { model: 'block' }>);
  return pricedResult(model, priced({ ...input, model } as ActivityPaymentInput));
}

function priced(input: ActivityPaymentInput): Priced {
  switch (input.model) {
    case 'marginal':
      return marginalPriced(input);
    case 'blended':
      return blendedPriced(input);
    case 'aligned':
      return alignedPriced(input);
    case 'corridor':
      return corridorPriced(input);
    case 'block':
      throw new Error('block is handled by blockSchedule');
  }
}

function pricedResult(model: ActivityModel, figures: Priced): ActivityPaymentResult {
  const rounded = roundParts(figures.components.map((c) => c.exact));
  const components: PaymentComponent[] = figures.components.map((c, i) => ({
    component: c.component,
    amount: rounded[i] ?? ZERO,
  }));
  const payment = sum(rounded);
  const steps: Step[] = [
    ...figures.explain(rounded),
    step(
      'rounding',
      'Each component is rounded to pence so that they add up exactly to the payment.',
    ),
    step('result', `Payment: ${moneyText(payment)}.`),
  ];
  return { model, payment, components, steps };
}

function blockResult(
  input: Extract<ActivityPaymentInput, { model: 'block' }>,
): ActivityPaymentResult {
  const schedule = blockSchedule(input);
  const payment = sum(schedule.years.map((y) => y.payment));
  const components = schedule.years.map((y) => ({
    component: `year ${y.year}`,
    amount: y.payment,
  }));
  const total =
    schedule.years.length > 1
      ? [step('result', `Total over ${schedule.years.length} years: ${moneyText(payment)}.`)]
      : [];
  return {
    model: 'block',
    payment,
    components,
    years: schedule.years,
    steps: [...schedule.steps, ...total],
  };
}

/**
 * The marginal rate rule as one figure, for the worksheet function
 * `=BCF.MARGINALRATE(price, baseline, actual, marginalRate)`:
 * `price × min(actual, baseline) + marginalRate × price × max(actual − baseline, 0)`,
 * rounded to pence.
 *
 * @param marginalRate - fraction of the price paid above the baseline; default 0.70.
 * @returns the payment in pence.
 * @throws EngineError `ACTIVITY.*` naming the bad argument.
 * @example penceString(marginalRatePayment(2000, 10000, 10500)) // → '20700000.00'
 */
export function marginalRatePayment(
  price: Amount,
  baseline: Amount,
  actual: Amount,
  marginalRate?: Amount,
): Dec {
  const parts = marginalPriced({ model: 'marginal', price, baseline, actual, marginalRate });
  return sum(roundParts(parts.components.map((c) => c.exact)));
}

import { marginalRatePayment } from '../engine/activityPayment/activityPayment';
import { amount, optionalAmount } from './coerce';
import { excelCall } from './excelErrors';

/**
 * Activity payment under a marginal rate above a baseline: full price for activity up to the baseline, and the marginal rate of the price for each unit above it (the former emergency tariff rule). To the penny.
 * @customfunction MARGINALRATE
 * @param price Price of one unit of activity.
 * @param baseline Baseline activity: units paid at full price.
 * @param actual Actual activity.
 * @param [marginalRate] Fraction of the price paid for each unit above the baseline. Default 70%.
 * @returns The payment in pounds: price × MIN(actual, baseline) + marginalRate × price × MAX(actual − baseline, 0).
 * @example =BCF.MARGINALRATE(2000, 10000, 10500, 70%) gives 20,700,000.00: 10,000 at £2,000 and 500 at £1,400.
 */
export function MARGINALRATE(
  price: unknown,
  baseline: unknown,
  actual: unknown,
  marginalRate?: unknown,
): number {
  const input = excelCall(() => ({
    price: amount('price', price),
    baseline: amount('baseline', baseline),
    actual: amount('actual', actual),
    marginalRate: optionalAmount('marginalRate', marginalRate),
  }));
  return excelCall(() =>
    marginalRatePayment(input.price, input.baseline, input.actual, input.marginalRate).toNumber(),
  );
}

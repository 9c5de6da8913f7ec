import Decimal from 'decimal.js';

/**
 * The engine's one configured decimal type. Every money figure, rate and share in
 * `src/engine` is a `Dec`; JavaScript numbers never take part in money arithmetic.
 *
 * - 40 significant digits: enough for £1bn × (1.05)^10 × weights without loss.
 * - ROUND_HALF_UP: decimal.js rounds a half away from zero (2.345 → 2.35,
 *   −2.345 → −2.35), the usual accounting reading of "half-up", and symmetric, so an
 *   equal gain and loss round to mirror-image pence.
 * - No exponent notation within ±10^40, so `toString()` always gives plain digits.
 *
 * A clone, never `Decimal.set`: the task pane and the custom functions share one
 * JavaScript runtime with any other code that may configure the global Decimal.
 */
export const Dec = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type Dec = Decimal;

/** A numeric input as it arrives from a cell, JSON or a caller: a number, a numeric string or a decimal. */
export type Amount = number | string | Decimal;

export const ZERO: Dec = new Dec(0);
export const ONE: Dec = new Dec(1);
export const HUNDRED: Dec = new Dec(100);

/** Rounds to pence (2 dp, half away from zero): the last step of every money figure. */
export function roundPence(value: Dec): Dec {
  return value.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
}

/** Sum of decimals; zero for an empty list. */
export function sum(values: readonly Dec[]): Dec {
  return values.reduce<Dec>((acc, v) => acc.plus(v), ZERO);
}

/** The larger of two decimals. */
export function max(a: Dec, b: Dec): Dec {
  return a.greaterThanOrEqualTo(b) ? a : b;
}

/** The smaller of two decimals. */
export function min(a: Dec, b: Dec): Dec {
  return a.lessThanOrEqualTo(b) ? a : b;
}

/** `value` clamped to `[low, high]`. */
export function clamp(value: Dec, low: Dec, high: Dec): Dec {
  return min(max(value, low), high);
}

/**
 * Money as plain text with exactly two decimals and no separators, e.g. "1716875.00",
 * "-0.50": the form the CLI and golden files use. Rounds half-up first.
 */
export function penceString(value: Dec): string {
  const rounded = roundPence(value);
  const negative = rounded.isNegative() && !rounded.isZero();
  const [whole = '0', fraction = ''] = rounded.abs().toString().split('.');
  return `${negative ? '-' : ''}${whole}.${fraction.padEnd(2, '0')}`;
}

/** Money for people: "£1,716,875.00", "−£8,000,000.00" (a true minus sign). */
export function moneyText(value: Dec): string {
  const plain = penceString(value);
  const negative = plain.startsWith('-');
  const [whole = '0', fraction = '00'] = plain.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '−' : ''}£${grouped}.${fraction}`;
}

/**
 * A fraction as a percentage for people, up to 4 decimals, trailing zeros dropped:
 * 0.0594 → "5.94%", −0.2 → "−20%" (a true minus sign, as in {@link moneyText}).
 */
export function percentText(fraction: Dec): string {
  const percent = fraction.times(100).toDecimalPlaces(4, Dec.ROUND_HALF_UP);
  const sign = percent.isNegative() && !percent.isZero() ? '−' : '';
  return `${sign}${percent.abs().toString()}%`;
}

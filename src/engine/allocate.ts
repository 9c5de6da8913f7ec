import { Dec, HUNDRED, ZERO, roundPence, sum } from './decimal';
import { ErrorKind, fail } from './errors';

const PENNY = new Dec('0.01');
/** The engine's precision: every result of Dec arithmetic has at most this many significant digits. */
const PRECISION = Dec.precision;

/**
 * Rounds exact parts of a whole to pence so that they add up exactly to the whole
 * rounded to pence: the one remainder-aware rounding every split in the engine uses.
 *
 * Each part is first cut to whole pence towards zero (relative to the sign of the
 * whole); the pence left over go one each to the parts with the largest cut-off
 * remainders, ties to the party listed first. The rule is symmetric: negating every
 * part negates every result, so an equal gain and loss split as mirror images.
 *
 * @param parts - exact (unrounded) parts; they may differ in sign.
 * @returns the parts in pence, in the same order; their sum equals `roundPence(sum(parts))`.
 * @example roundParts([1/3, 1/3, 1/3] of £100) → [33.34, 33.33, 33.33]
 */
export function roundParts(parts: readonly Dec[]): Dec[] {
  const total = sum(parts);
  // A sum already in whole pence is its own rounding (parts that share out a variance in
  // pence add up to it), which saves the dearest decimal operation here.
  const whole = total.decimalPlaces() <= 2 ? total : roundPence(total);
  // Work on the parts as seen from the whole's side of zero, so that "towards zero" is
  // always a floor; the results are turned back at the end. negated() is exact.
  const negative = whole.isNegative();
  // Shaped for speed (this runs for every row of a bulk gain/loss share), with exactly the
  // figures of scaling to pence, flooring and scaling back: cutting to 2 places directly
  // saves a multiplication and a division per part, and a part already in whole pence is
  // its own cut. A part of more than 40 significant digits (only a raw input can be one)
  // is first rounded to 40, as the multiplication by 100 in the scaled form rounded it.
  const exact = parts.map((p) => {
    const digits = p.precision() > PRECISION ? p.toSignificantDigits(PRECISION) : p;
    return negative ? digits.negated() : digits;
  });
  const cuts = exact.map((e) =>
    e.decimalPlaces() <= 2 ? e : e.toDecimalPlaces(2, Dec.ROUND_FLOOR),
  );
  // Whole pence, so a small exact integer (at most one per part).
  const wholeTowards = negative ? whole.negated() : whole;
  let leftover = wholeTowards.minus(sum(cuts)).times(HUNDRED).toNumber();
  const pence = [...cuts];
  if (leftover > 0) {
    const remainders = exact.map((e, index) => {
      const cut = cuts[index] ?? ZERO;
      return cut === e ? ZERO : e.minus(cut);
    });
    for (const index of largestFirst(remainders)) {
      if (leftover <= 0) break;
      pence[index] = (pence[index] ?? ZERO).plus(PENNY);
      leftover -= 1;
    }
  }
  return negative ? pence.map((p) => p.negated()) : pence;
}

/** From this many parts on, {@link largestFirst} sorts on approximate keys first. */
const APPROXIMATE_KEYS_FROM = 16;

/**
 * The indices of `remainders` from the largest remainder down, ties in index order: the
 * order in which leftover pence are handed out.
 *
 * A long list (a period's metrics, a fund's partners) is sorted on each remainder as a
 * JavaScript number first, which is far cheaper to compare than a decimal. That is only
 * a shortcut to the same order: turning a decimal into the nearest number never reverses
 * two values (a larger decimal never becomes a smaller number), so unequal numbers are
 * ordered as their decimals are; equal numbers are compared as decimals, exactly.
 */
export function largestFirst(remainders: readonly Dec[]): number[] {
  const order = remainders.map((_, index) => index);
  // Comparators passed in place, not named: under tsx (the benchmark) a named arrow
  // function is given its name afresh on every call, which costs more than the sort.
  if (remainders.length < APPROXIMATE_KEYS_FROM) {
    return order.sort((a, b) => exactlyLargestFirst(remainders, a, b));
  }
  const keys = remainders.map((r) => r.toNumber());
  return order.sort(
    (a, b) => (keys[b] ?? 0) - (keys[a] ?? 0) || exactlyLargestFirst(remainders, a, b),
  );
}

function exactlyLargestFirst(remainders: readonly Dec[], a: number, b: number): number {
  return (remainders[b] ?? ZERO).comparedTo(remainders[a] ?? ZERO) || a - b;
}

/**
 * Splits `total` among parties in proportion to `ratios` (shares, contributions,
 * weights), rounded to pence with {@link roundParts}: the parts sum exactly to
 * `roundPence(total)`.
 *
 * @param total - the amount to split; may be negative (a loss).
 * @param ratios - one non-negative ratio per party, not all zero; need not sum to 1.
 * @throws EngineError `ALLOCATE.NEGATIVE` for a negative ratio, `ALLOCATE.ZERO_TOTAL` if all are zero.
 * @example allocate(new Dec(100), [1, 1, 1].map((r) => new Dec(r))) → [33.34, 33.33, 33.33]
 */
export function allocate(total: Dec, ratios: readonly Dec[]): Dec[] {
  ratios.forEach((r, i) => {
    if (r.isNegative() && !r.isZero()) {
      fail(
        'ALLOCATE',
        ErrorKind.NEGATIVE,
        `ratios[${i}]`,
        r.toString(),
        `Ratio ${i + 1} is ${r.toString()}; ratios cannot be negative.`,
      );
    }
  });
  const totalRatio = sum(ratios);
  if (totalRatio.isZero()) {
    if (roundPence(total).isZero()) return ratios.map(() => ZERO);
    fail(
      'ALLOCATE',
      ErrorKind.ZERO_TOTAL,
      'ratios',
      '0',
      `All ratios are 0, so ${total.toString()} cannot be split.`,
    );
  }
  return roundParts(ratios.map((r) => total.times(r).dividedBy(totalRatio)));
}

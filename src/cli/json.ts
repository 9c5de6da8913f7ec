import { Dec, penceString } from '../engine/decimal';

/**
 * Result → JSON for the CLI, golden files and file exports. Engine results hold every
 * figure as a decimal; the key says what kind of figure it is:
 * - keys ending in Rate, Share, Fraction, Achievement, Weight, Multiplier, Ratio,
 *   Factor, Population, Count, Index, Year or Cv (or exactly those words), and keys
 *   starting with probability, are quantities, written as JSON numbers (15 significant
 *   digits);
 * - every other decimal is money, written as a string with exactly two decimals.
 * Engine modules name their result fields to fit this rule.
 */
const QUANTITY_KEY =
  /(?:^|[a-z])(?:rate|share|fraction|achievement|weight|multiplier|ratio|factor|population|count|index|year|cv)s?$/i;
/** Probabilities (`probabilityOfLoss`) are quantities too, whatever they end with. */
const PROBABILITY_KEY = /^probability/i;

export function isQuantityKey(key: string): boolean {
  return QUANTITY_KEY.test(key) || PROBABILITY_KEY.test(key);
}

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Converts an engine result to plain JSON, following the key rule above. */
export function toJson(value: unknown, key = ''): Json {
  if (Dec.isDecimal(value)) {
    return isQuantityKey(key)
      ? Number(value.toSignificantDigits(15).toString())
      : penceString(value);
  }
  if (Array.isArray(value)) return value.map((item) => toJson(item, key));
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) out[k] = toJson(v, k);
    }
    return out;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  return null;
}

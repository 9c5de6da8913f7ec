import { Dec, ONE, ZERO, sum, type Amount } from './decimal';
import { ErrorKind, fail, quote } from './errors';

/**
 * Checked conversions from raw input to `Dec`. Each names the scope (the mechanism,
 * e.g. `CAPITATION`) and the field path, so the error says exactly what to fix.
 */

/** Tolerance for "sums to 1": shares are typed as percentages with up to 4 decimals. */
const SUM_TOLERANCE = new Dec('0.000001');

/** Converts a number, numeric string or decimal; anything else (NaN, "tbc", blank) fails. */
export function decimal(scope: string, field: string, value: Amount | null | undefined): Dec {
  if (value === undefined || value === null || value === '') {
    fail(scope, ErrorKind.MISSING, field, value, `${field} is missing.`);
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    fail(scope, ErrorKind.NOT_A_NUMBER, field, value, `${field} is ${quote(value)}, not a number.`);
  }
  try {
    const result = new Dec(typeof value === 'string' ? value.trim() : value);
    if (!result.isFinite()) throw new Error('not finite');
    return result;
  } catch {
    return fail(
      scope,
      ErrorKind.NOT_A_NUMBER,
      field,
      value,
      `${field} is ${quote(value)}, not a number.`,
    );
  }
}

/** An optional number: `fallback` when absent. */
export function optionalDecimal(
  scope: string,
  field: string,
  value: Amount | null | undefined,
  fallback: Dec,
): Dec {
  return value === undefined || value === null || value === ''
    ? fallback
    : decimal(scope, field, value);
}

/** A number that must be zero or more (population, amounts that cannot be negative). */
export function nonNegative(scope: string, field: string, value: Amount | null | undefined): Dec {
  const result = decimal(scope, field, value);
  if (result.isNegative() && !result.isZero()) {
    fail(
      scope,
      ErrorKind.NEGATIVE,
      field,
      value,
      `${field} is ${quote(value)}; it cannot be negative.`,
    );
  }
  return result;
}

/** A number that must be more than zero. */
export function positive(scope: string, field: string, value: Amount | null | undefined): Dec {
  const result = decimal(scope, field, value);
  if (!result.greaterThan(ZERO)) {
    fail(
      scope,
      ErrorKind.NOT_POSITIVE,
      field,
      value,
      `${field} is ${quote(value)}; it must be more than 0.`,
    );
  }
  return result;
}

/** A fraction between 0 and 1 inclusive (a rate or share as Excel stores a percentage). */
export function fraction(scope: string, field: string, value: Amount | null | undefined): Dec {
  const result = decimal(scope, field, value);
  if (result.lessThan(ZERO) || result.greaterThan(ONE)) {
    fail(
      scope,
      ErrorKind.NOT_A_FRACTION,
      field,
      value,
      `${field} is ${quote(value)}; it must be a fraction from 0 to 1 (0.05 means 5%).`,
    );
  }
  return result;
}

/** A number within `[low, high]`. */
export function inRange(
  scope: string,
  field: string,
  value: Amount | null | undefined,
  low: Dec,
  high: Dec,
): Dec {
  const result = decimal(scope, field, value);
  if (result.lessThan(low) || result.greaterThan(high)) {
    fail(
      scope,
      ErrorKind.OUT_OF_RANGE,
      field,
      value,
      `${field} is ${quote(value)}; it must be from ${low.toString()} to ${high.toString()}.`,
    );
  }
  return result;
}

/** A whole number of at least `low` (a year index, a count). */
export function integer(
  scope: string,
  field: string,
  value: Amount | null | undefined,
  low = 0,
): number {
  const result = decimal(scope, field, value);
  if (!result.isInteger() || result.lessThan(low)) {
    fail(
      scope,
      ErrorKind.NOT_AN_INTEGER,
      field,
      value,
      `${field} is ${quote(value)}; it must be a whole number of at least ${low}.`,
    );
  }
  return result.toNumber();
}

/** Checks that fractions (shares, weights) sum to 1, within a millionth. */
export function sumsToOne(
  scope: string,
  kind: typeof ErrorKind.SHARES_NOT_ONE | typeof ErrorKind.WEIGHTS_NOT_ONE,
  field: string,
  values: readonly Dec[],
  what: string,
): void {
  const total = sum(values);
  if (total.minus(ONE).abs().greaterThan(SUM_TOLERANCE)) {
    fail(scope, kind, field, total.toString(), `${what} sum to ${total.toString()}, not 1.`);
  }
}

/** A non-empty name (party, scheme, metric). */
export function requireName(scope: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    fail(scope, ErrorKind.MISSING, field, value, `${field} must be a name; it is ${quote(value)}.`);
  }
  return value.trim();
}

/** Fails if a list holds the same name twice (case-insensitive). */
export function unique(scope: string, field: string, names: readonly string[]): void {
  const seen = new Set<string>();
  for (const n of names) {
    const key = n.toLowerCase();
    if (seen.has(key))
      fail(scope, ErrorKind.DUPLICATE, field, n, `${field} lists ${quote(n)} twice.`);
    seen.add(key);
  }
}

/** One of a fixed set of options, e.g. a scoring method. */
export function option<T extends string>(
  scope: string,
  field: string,
  value: unknown,
  options: readonly T[],
  fallback?: T,
): T {
  if ((value === undefined || value === null || value === '') && fallback !== undefined)
    return fallback;
  const found = options.find(
    (o) => typeof value === 'string' && o.toLowerCase() === value.trim().toLowerCase(),
  );
  if (found === undefined) {
    fail(
      scope,
      ErrorKind.UNKNOWN_OPTION,
      field,
      value,
      `${field} is ${quote(value)}; it must be one of ${options.join(', ')}.`,
    );
  }
  return found;
}

/** A non-empty list. */
export function nonEmpty<T>(
  scope: string,
  field: string,
  values: readonly T[] | undefined,
): readonly T[] {
  if (!Array.isArray(values) || values.length === 0) {
    fail(scope, ErrorKind.EMPTY, field, values, `${field} is empty; at least one is needed.`);
  }
  return values as readonly T[];
}

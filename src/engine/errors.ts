/**
 * Invalid input to the engine. Domain outcomes (a gain below the gate, a metric not
 * met) are values in the results; this error is only for input that no figure can be
 * computed from. `code` is stable (edges and tests match on it); `message` names the
 * field and the bad value so a finance reviewer can find and fix it.
 */
export class EngineError extends Error {
  override readonly name = 'EngineError';

  constructor(
    /** Stable code, `SCOPE.KIND`, e.g. `GAINSHARE.SHARES_NOT_ONE`. */
    readonly code: string,
    message: string,
    /** Dotted path of the offending input field, e.g. `gainBands[1].shares`. */
    readonly field: string,
    /** The bad value as given. */
    readonly value?: unknown,
  ) {
    super(message);
  }
}

/**
 * The kinds of invalid input, one message template each. A code is the mechanism's
 * scope and the kind joined by a dot (`CAPITATION.NEGATIVE`), so an edge can map a
 * kind to its own wording while the scope tells which calculation refused.
 */
export const ErrorKind = {
  NOT_A_NUMBER: 'NOT_A_NUMBER',
  NEGATIVE: 'NEGATIVE',
  NOT_POSITIVE: 'NOT_POSITIVE',
  OUT_OF_RANGE: 'OUT_OF_RANGE',
  NOT_A_FRACTION: 'NOT_A_FRACTION',
  NOT_AN_INTEGER: 'NOT_AN_INTEGER',
  MISSING: 'MISSING',
  EMPTY: 'EMPTY',
  DUPLICATE: 'DUPLICATE',
  UNKNOWN_PARTY: 'UNKNOWN_PARTY',
  /** A scheme, segment or category named in one table that is not in the table that defines it. */
  UNKNOWN_NAME: 'UNKNOWN_NAME',
  UNKNOWN_OPTION: 'UNKNOWN_OPTION',
  SHARES_NOT_ONE: 'SHARES_NOT_ONE',
  WEIGHTS_NOT_ONE: 'WEIGHTS_NOT_ONE',
  TARGET_EQUALS_BASELINE: 'TARGET_EQUALS_BASELINE',
  BANDS_NOT_ASCENDING: 'BANDS_NOT_ASCENDING',
  ZERO_TOTAL: 'ZERO_TOTAL',
  INCONSISTENT: 'INCONSISTENT',
} as const;
export type ErrorKind = (typeof ErrorKind)[keyof typeof ErrorKind];

/** Quotes a bad value for a message: strings in quotes, everything else as written. */
export function quote(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (value === undefined) return 'nothing';
  if (value === null) return 'blank';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
    return String(value);
  }
  if (value instanceof Object && value.toString !== Object.prototype.toString) {
    return (value as { toString(): string }).toString();
  }
  return JSON.stringify(value) ?? typeof value;
}

/** Throws an `EngineError` with code `${scope}.${kind}`. */
export function fail(
  scope: string,
  kind: ErrorKind,
  field: string,
  value: unknown,
  message: string,
): never {
  throw new EngineError(`${scope}.${kind}`, message, field, value);
}

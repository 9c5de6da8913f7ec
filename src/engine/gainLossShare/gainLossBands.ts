import { type Dec, ONE, ZERO, moneyText } from '../decimal';
import { ErrorKind, fail, quote } from '../errors';
import { fractionsByParty, type PartyList } from './gainLossParties';
import type { GainLossBandInput } from './gainLossShareTypes';
import { nonEmpty, positive, sumsToOne } from '../validate';

const SCOPE = 'GAINSHARE';

/** A band's checked terms, before its bound is turned into an amount for one row's expected spend. */
export interface BandTemplate {
  readonly field: string;
  readonly upToFraction: Dec | undefined;
  readonly upToAmount: Dec | undefined;
  readonly shares: readonly Dec[];
  readonly wholeShares: readonly boolean[];
}

/** A validated band: where it ends as an amount of variance (none for the last) and each party's share. */
export interface Band {
  readonly end: Dec | undefined;
  /** The bound as given, when it was a fraction of expected (for the explanation). */
  readonly endFraction: Dec | undefined;
  readonly shares: readonly Dec[];
  /**
   * Per party, whether its share is exactly 1 (it takes the whole band): found once with
   * the terms, so that sharing a row's band need not compare decimals again.
   */
  readonly wholeShares: readonly boolean[];
}

/** Which shares are exactly 1: see {@link Band.wholeShares}. */
export function wholeSharesOf(shares: readonly Dec[]): boolean[] {
  return shares.map((share) => share.equals(ONE));
}

/**
 * Checks a list of bands against the parties: everything about them that does not
 * depend on expected spend ({@link bandsFor} checks the rest for each row).
 * @throws EngineError naming the band field (EMPTY, MISSING, INCONSISTENT, NOT_POSITIVE,
 *   NOT_A_FRACTION, UNKNOWN_PARTY, SHARES_NOT_ONE).
 */
export function bandTemplates(
  field: string,
  label: string,
  raw: readonly GainLossBandInput[] | undefined,
  parties: PartyList,
): BandTemplate[] {
  const list = nonEmpty(SCOPE, field, raw);
  return list.map((band, i) => {
    const at = `${field}[${i}]`;
    if (band === null || typeof band !== 'object') {
      fail(SCOPE, ErrorKind.MISSING, at, band, `${at} is missing.`);
    }
    const bound = bandBound(at, band, i === list.length - 1);
    const shares = fractionsByParty(SCOPE, `${at}.shares`, parties, band.shares, ZERO) as Dec[];
    sumsToOne(
      SCOPE,
      ErrorKind.SHARES_NOT_ONE,
      `${at}.shares`,
      shares,
      `${label} band ${i + 1} shares`,
    );
    return { field: at, ...bound, shares, wholeShares: wholeSharesOf(shares) };
  });
}

function bandBound(at: string, band: GainLossBandInput, last: boolean) {
  const { upToFraction, upToAmount } = band;
  const hasFraction = upToFraction !== undefined && upToFraction !== null;
  const hasAmount = upToAmount !== undefined && upToAmount !== null;
  if (hasFraction && hasAmount) {
    fail(
      SCOPE,
      ErrorKind.INCONSISTENT,
      at,
      band,
      `${at} gives both upToFraction and upToAmount; give one.`,
    );
  }
  if (last && (hasFraction || hasAmount)) {
    const field = `${at}.${hasFraction ? 'upToFraction' : 'upToAmount'}`;
    const value = hasFraction ? upToFraction : upToAmount;
    fail(
      SCOPE,
      ErrorKind.INCONSISTENT,
      field,
      value,
      `${field} is ${quote(value)}, but the last band is open-ended: leave its bound out.`,
    );
  }
  if (!last && !hasFraction && !hasAmount) {
    fail(
      SCOPE,
      ErrorKind.MISSING,
      `${at}.upToFraction`,
      undefined,
      `${at} needs upToFraction or upToAmount; only the last band is open-ended.`,
    );
  }
  return {
    upToFraction: hasFraction ? positive(SCOPE, `${at}.upToFraction`, upToFraction) : undefined,
    upToAmount: hasAmount ? positive(SCOPE, `${at}.upToAmount`, upToAmount) : undefined,
  };
}

/**
 * The bands for one row: bounds as amounts of variance for this `expected`.
 * @throws EngineError `INCONSISTENT` for a fraction bound when expected is 0,
 *   `BANDS_NOT_ASCENDING` when a bound is not above the one before.
 */
export function bandsFor(checked: readonly BandTemplate[], label: string, expected: Dec): Band[] {
  let previous: Dec | undefined;
  return checked.map((band, i) => {
    const end = bandEnd(band, expected);
    if (end !== undefined && previous !== undefined && !end.greaterThan(previous)) {
      const field = `${band.field}.${band.upToFraction === undefined ? 'upToAmount' : 'upToFraction'}`;
      fail(
        SCOPE,
        ErrorKind.BANDS_NOT_ASCENDING,
        field,
        end.toString(),
        `${label} band ${i + 1} ends at ${moneyText(end)}, not above where band ${i} ends (${moneyText(previous)}).`,
      );
    }
    previous = end;
    return {
      end,
      endFraction: band.upToFraction,
      shares: band.shares,
      wholeShares: band.wholeShares,
    };
  });
}

function bandEnd(band: BandTemplate, expected: Dec): Dec | undefined {
  if (band.upToFraction === undefined) return band.upToAmount;
  if (expected.isZero()) {
    const field = `${band.field}.upToFraction`;
    fail(
      SCOPE,
      ErrorKind.INCONSISTENT,
      field,
      band.upToFraction.toString(),
      `${field} is ${band.upToFraction.toString()} of expected spend, but expected is 0; give upToAmount instead.`,
    );
  }
  return band.upToFraction.times(expected);
}

import { type Amount, type Dec, ONE, ZERO } from '../decimal';
import { ErrorKind, fail, quote } from '../errors';
import { shareVariance } from './gainLossCore';
import { gainLossResult } from './gainLossShare';
import type { GainLossShareResult } from './gainLossShareTypes';
import { wholeSharesOf } from './gainLossBands';
import { SCOPE, type Band } from './gainLossTerms';
import { fraction, requireName, nonNegative } from '../validate';

/** The common two-party tiered terms: the provider keeps a first slice, the rest is split. */
export interface TieredShareInput {
  readonly expected: Amount;
  readonly actual: Amount;
  /** The first slice of the variance, as a fraction of expected, that the provider takes whole (0 for none). */
  readonly retainedBandFraction: Amount;
  /** The provider's share of the variance beyond the retained slice (0.5 for 50/50). */
  readonly splitBeyond: Amount;
  /** The provider's share of every loss; when left out, losses mirror the gain terms. */
  readonly providerLossShare?: Amount;
  /** Party names; default "Provider" and "Commissioner". */
  readonly provider?: string;
  readonly commissioner?: string;
}

/**
 * The cheap path for the usual two-party tiered gain/loss share (the worksheet's
 * `=BCF.TIEREDSHARE(expected, actual, retainedBand, splitBeyond)`): the provider takes
 * the first `retainedBandFraction` of expected of the variance whole, then
 * `splitBeyond` of the rest; the commissioner the remainder. It builds the terms
 * directly and runs the same core as {@link gainLossShare}, so the figures are identical.
 *
 * Losses mirror the gains (symmetric terms) unless `providerLossShare` is given, in
 * which case the provider bears that share of every loss (1 for a full-risk contract).
 * Expected 0 with a retained band above 0 is an error (a fraction of nothing).
 *
 * @param input - untrusted numbers or numeric strings; every field is checked.
 * @returns the full gain/loss share result; `parties[0]` is the provider.
 * @throws EngineError `GAINSHARE.*` naming the bad field.
 * @example
 * penceString(
 *   tieredShare({ expected: 25175000, actual: 23000000, retainedBandFraction: 0.05, splitBeyond: 0.5 })
 *     .parties[0].amount,
 * ) // → '1716875.00' (King's Fund 2014, Bedfordshire MSK)
 */
export function tieredShare(input: TieredShareInput): GainLossShareResult {
  const expected = nonNegative(SCOPE, 'expected', input.expected);
  const actual = nonNegative(SCOPE, 'actual', input.actual);
  const retained = fraction(SCOPE, 'retainedBandFraction', input.retainedBandFraction);
  const split = fraction(SCOPE, 'splitBeyond', input.splitBeyond);
  const provider =
    input.provider === undefined ? 'Provider' : requireName(SCOPE, 'provider', input.provider);
  const commissioner =
    input.commissioner === undefined
      ? 'Commissioner'
      : requireName(SCOPE, 'commissioner', input.commissioner);
  if (provider.toLowerCase() === commissioner.toLowerCase()) {
    fail(
      SCOPE,
      ErrorKind.DUPLICATE,
      'commissioner',
      commissioner,
      `commissioner is ${quote(commissioner)}, the same name as provider.`,
    );
  }
  if (!retained.isZero() && expected.isZero()) {
    fail(
      SCOPE,
      ErrorKind.INCONSISTENT,
      'retainedBandFraction',
      input.retainedBandFraction,
      `retainedBandFraction is ${retained.toString()} of expected spend, but expected is 0; use 0.`,
    );
  }
  const gainBands = tiers(retained, split, expected);
  const lossShare = input.providerLossShare;
  const mirror = lossShare === undefined || lossShare === null;
  const lossBands = mirror ? gainBands : [flat(fraction(SCOPE, 'providerLossShare', lossShare))];
  const terms = {
    units: undefined,
    expected,
    actual,
    parties: [provider, commissioner],
    gainBands,
    lossBands,
    lossBandsMirrorGains: mirror,
  };
  return gainLossResult(terms, shareVariance(terms));
}

function tiers(retained: Dec, split: Dec, expected: Dec): Band[] {
  const beyond = flat(split);
  if (retained.isZero()) return [beyond];
  const retainedBand = {
    end: retained.times(expected),
    endFraction: retained,
    shares: [ONE, ZERO],
    wholeShares: [true, false],
  };
  return [retainedBand, beyond];
}

function flat(providerShare: Dec): Band {
  const shares = [providerShare, ONE.minus(providerShare)];
  return { end: undefined, endFraction: undefined, shares, wholeShares: wholeSharesOf(shares) };
}

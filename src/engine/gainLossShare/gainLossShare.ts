import { ZERO } from '../decimal';
import { shareVariance, toPence, varianceFraction, type Sharing } from './gainLossCore';
import { gainLossSteps } from './gainLossSteps';
import { withLazyFields } from '../lazyFields';
import { ErrorKind, fail } from '../errors';
import {
  SCOPE,
  gainLossTerms,
  rowTerms,
  sharedTerms,
  type GainLossTerms,
  type SharedTerms,
} from './gainLossTerms';
import type {
  GainLossPartyResult,
  GainLossRowInput,
  GainLossShareInput,
  GainLossShareResult,
  GainLossTermsInput,
} from './gainLossShareTypes';

export type {
  BandShares,
  GainLossBandInput,
  GainLossBandResult,
  GainLossCapInput,
  GainLossPartyResult,
  GainLossRowInput,
  GainLossShareInput,
  GainLossShareResult,
  GainLossTermsInput,
  VarianceDirection,
} from './gainLossShareTypes';

/**
 * Shares the variance between expected and actual spend (a gain/loss or risk share)
 * among the parties to a pooled budget or integrated-care contract.
 *
 * `variance = expected − actual`: positive is a gain (underspend), negative a loss.
 * In order:
 * 1. Gate (optional): if |variance| / expected is below `gate.fraction`, the whole
 *    variance goes to `gate.holder`; at or above it, sharing applies from the first pound.
 * 2. Bands: the variance is cut into the gain (or loss) bands, each band's part split by
 *    its shares. Bounds are fractions of expected or amounts, ascending; the last band is
 *    open-ended. Loss bands default to the gain bands (symmetric terms).
 * 3. Quality (gains only): a party keeps `multiplier` × its share; the rest goes to
 *    `quality.unearnedTo` (whose own multiplier therefore has no effect).
 * 4. Caps: no party receives more gain or bears more loss than its cap (an amount, or a
 *    fraction of expected cut down to whole pence); the excess goes to `caps.overflowTo`.
 *    Caps apply to the below-gate holder too. A cap of 0 passes everything on.
 *
 * Rounding: band parts are rounded together and each band split with `allocate`;
 * quality and caps move whole pence, so party amounts sum exactly to the variance
 * rounded to pence, and an equal gain and loss under symmetric terms give mirror images.
 *
 * Edge cases: actual equal to expected gives direction `none` and every party £0.00.
 * Expected 0 is allowed with amount bands, but a band bound, gate or cap given as a
 * fraction of expected is then an error (a fraction of nothing means nothing).
 *
 * The steps are written out when first read, so bulk runs that use only the figures
 * do not pay for the prose.
 *
 * @param input - the terms and the spend; untrusted JSON is fine, every field is checked.
 * @returns the variance, its direction, the bands, each party's amounts, and the steps.
 * @throws EngineError `GAINSHARE.*`, e.g. `GAINSHARE.SHARES_NOT_ONE` ("Gain band 2 shares
 *   sum to 0.95, not 1."), `UNKNOWN_PARTY`, `BANDS_NOT_ASCENDING`, `INCONSISTENT`, `MISSING`.
 * @example
 * gainLossShare({
 *   expected: '25175000', actual: '23000000', parties: ['Provider', 'CCG'],
 *   gainBands: [
 *     { upToFraction: 0.05, shares: { Provider: 1 } },
 *     { shares: { Provider: 0.5, CCG: 0.5 } },
 *   ],
 *   lossBands: [{ shares: { Provider: 1 } }],
 * }).parties.map((p) => penceString(p.amount)) // → ['1716875.00', '458125.00']
 */
export function gainLossShare(input: GainLossShareInput): GainLossShareResult {
  const terms = gainLossTerms(input);
  return gainLossResult(terms, shareVariance(terms));
}

/**
 * Shares the variance of every row of a contract table under one set of terms: for each
 * row the same result as `gainLossShare({ ...terms, ...row })` would give, figures and
 * steps alike, with the terms checked once for the table rather than once a row.
 *
 * The results come one row at a time as they are read (spread them, or `Array.from`,
 * for a list), so a large table need not be held in memory at once. The terms are
 * checked at the call; each row when it is reached. An empty table gives no results.
 *
 * @param terms - everything {@link gainLossShare} takes apart from the spend.
 * @param rows - each row's expected and actual spend (and units, for per-unit figures).
 * @returns the rows' results, in the order of the rows.
 * @throws EngineError as {@link gainLossShare}: bad terms, at the call, named as there
 *   (`gainBands[1].shares`); when its row is reached, a bad row figure named with its
 *   row (`rows[2].actual`), or terms that do not fit the row's expected spend (a
 *   fraction of expected spend when it is 0) named as terms, the message starting with
 *   the row: its `label` when it has one (`Contract K2: gainBands[0].upToFraction is …`,
 *   `Contract K2: actual is …` with field `rows[2].actual`), else its path
 *   (`rows[2]: gainBands[0].upToFraction is 0.05 of expected spend, but…`).
 * @example
 * [...gainLossShareRows(
 *   { parties: ['Provider', 'CCG'], gainBands: [{ upToFraction: 0.05, shares: [1, 0] }, { shares: [0.5, 0.5] }] },
 *   [{ expected: '25175000', actual: '23000000' }, { expected: '1000000', actual: '1100000' }],
 * )].map((r) => penceString(r.parties[0].amount)) // → ['1716875.00', '-100000.00']
 */
export function gainLossShareRows(
  terms: GainLossTermsInput,
  rows: readonly GainLossRowInput[],
): IterableIterator<GainLossShareResult> {
  const shared = sharedTerms(terms);
  if (!Array.isArray(rows)) {
    fail(
      SCOPE,
      ErrorKind.MISSING,
      'rows',
      rows,
      'rows must be a list of expected and actual spend.',
    );
  }
  return shareRows(shared, rows);
}

function* shareRows(
  shared: SharedTerms,
  rows: readonly GainLossRowInput[],
): IterableIterator<GainLossShareResult> {
  for (let i = 0; i < rows.length; i += 1) {
    const termsOfRow = rowTerms(shared, rows[i] as GainLossRowInput, `rows[${i}]`);
    yield gainLossResult(termsOfRow, shareVariance(termsOfRow));
  }
}

/** Builds the public result from validated terms and their sharing. */
export function gainLossResult(terms: GainLossTerms, sharing: Sharing): GainLossShareResult {
  const parties: GainLossPartyResult[] = terms.parties.map((party, p) => ({
    party,
    bandAmounts: sharing.bandAmounts[p] ?? [],
    sharedAmount: sharing.shared[p] ?? ZERO,
    qualityAdjustment: sharing.quality[p] ?? ZERO,
    capAdjustment: sharing.capped[p] ?? ZERO,
    amount: sharing.amounts[p] ?? ZERO,
  }));
  const result = {
    expected: toPence(terms.expected),
    actual: toPence(terms.actual),
    variance: sharing.variance,
    direction: sharing.direction,
    gateMet: sharing.gateMet,
    bands: sharing.bands.map((band, b) => ({
      band: b + 1,
      from: band.from,
      to: band.to,
      amount: band.amount,
    })),
    parties,
  };
  // Methods, not arrow functions: under tsx (`npm run bench`) an arrow function held in
  // an object property is given its name afresh on every call, a cost per contract row.
  type Lazy = Pick<GainLossShareResult, 'varianceFraction' | 'steps'>;
  return withLazyFields<typeof result, Lazy>(result, {
    varianceFraction() {
      return varianceFraction(terms);
    },
    steps() {
      return gainLossSteps(terms, sharing);
    },
  });
}

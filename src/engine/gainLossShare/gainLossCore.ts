import { allocate, roundParts } from '../allocate';
import { Dec, ONE, ZERO, min, roundPence } from '../decimal';
import type { Band, GainLossTerms } from './gainLossTerms';
import type { VarianceDirection } from './gainLossShareTypes';

/** A band of the applied direction: where it starts and ends and its part of the variance (pence). */
export interface BandShare {
  readonly from: Dec;
  readonly to: Dec | undefined;
  readonly amount: Dec;
}

/** The figures of a share, party by party in the order of the terms, all in pence. */
export interface Sharing {
  readonly variance: Dec;
  readonly direction: VarianceDirection;
  readonly gateMet: boolean | undefined;
  readonly bands: readonly BandShare[];
  readonly bandAmounts: readonly (readonly Dec[])[];
  readonly shared: readonly Dec[];
  readonly quality: readonly Dec[];
  readonly capped: readonly Dec[];
  readonly amounts: readonly Dec[];
}

type Shared = Pick<
  Sharing,
  'variance' | 'direction' | 'gateMet' | 'bands' | 'bandAmounts' | 'shared'
>;

/**
 * Shares the variance under validated terms: gate, then bands (or the below-gate
 * holder), then quality multipliers on a gain, then caps.
 *
 * Rounding: every party's exact part of every band goes through one `roundParts`, so
 * the parts sum exactly to the variance rounded to pence; band totals and party totals
 * are sums of those parts, so they reconcile too. Quality uses `allocate` and caps move
 * whole pence between parties, which keeps the sum.
 */
export function shareVariance(terms: GainLossTerms): Sharing {
  const exact = terms.expected.minus(terms.actual);
  const variance = toPence(exact);
  const direction: VarianceDirection = variance.isZero()
    ? 'none'
    : variance.isPositive()
      ? 'gain'
      : 'loss';
  const zeros = terms.parties.map(() => ZERO);
  const gate = terms.gate;
  const gated =
    gate !== undefined && direction !== 'none' && (direction === 'gain' ? gate.gains : gate.losses);
  const magnitude = exact.abs();
  const gateMet = gated
    ? magnitude.greaterThanOrEqualTo(gate.fraction.times(terms.expected))
    : undefined;
  if (direction === 'none' || gateMet === false) {
    const holder = gateMet === false ? gate?.holder : undefined;
    const shared = zeros.map((zero, p) => (p === holder ? variance : zero));
    const base = {
      variance,
      direction,
      gateMet,
      bands: [],
      bandAmounts: zeros.map(() => []),
      shared,
    };
    return finish(terms, base, zeros);
  }
  const defs = direction === 'gain' ? terms.gainBands : terms.lossBands;
  const { bands, bandAmounts, shared } = shareBands(defs, magnitude, direction === 'loss', zeros);
  return finish(terms, { variance, direction, gateMet, bands, bandAmounts, shared }, zeros);
}

/** |variance| / expected, the measure the gate tests; undefined when expected is 0. */
export function varianceFraction(terms: GainLossTerms): Dec | undefined {
  return terms.expected.isZero()
    ? undefined
    : terms.expected.minus(terms.actual).abs().div(terms.expected);
}

/** Rounds to pence; a figure already in whole pence is returned as it is (the same value). */
export function toPence(value: Dec): Dec {
  return value.decimalPlaces() <= 2 ? value : roundPence(value);
}

/** a + b, skipping the arithmetic when either is zero (same value, fewer decimal operations). */
function add(a: Dec, b: Dec): Dec {
  return a.isZero() ? b : b.isZero() ? a : a.plus(b);
}

/**
 * How much of the variance a band holds: from where it starts to where it ends. Band 1
 * starts at 0, and an end of at most 40 digits less 0 is that end (subtracting would only
 * round to 40 digits), so the subtraction is skipped then.
 */
function room(end: Dec, start: Dec): Dec {
  return start.isZero() && end.precision() <= Dec.precision ? end : end.minus(start);
}

function shareBands(defs: readonly Band[], magnitude: Dec, loss: boolean, zeros: readonly Dec[]) {
  const cells: Dec[] = [];
  const cellBand: number[] = [];
  const cellParty: number[] = [];
  const froms: Dec[] = [];
  let from = ZERO;
  defs.forEach((band, b) => {
    froms.push(from);
    // magnitude.minus(ZERO) is magnitude (a result of Dec arithmetic), so band 1 skips it.
    const above = from.isZero() ? magnitude : magnitude.minus(from);
    const start = from;
    from = band.end ?? from;
    if (!above.isPositive() || above.isZero()) return;
    const inBand = band.end === undefined ? above : min(above, room(band.end, start));
    const signed = loss ? inBand.negated() : inBand;
    band.shares.forEach((share, p) => {
      if (share.isZero()) return;
      cells.push(band.wholeShares[p] === true ? signed : signed.times(share));
      cellBand.push(b);
      cellParty.push(p);
    });
  });
  // roundParts leaves parts already in whole pence as they are, so they skip it.
  const rounded = cells.every((c) => c.decimalPlaces() <= 2) ? cells : roundParts(cells);
  const bandAmounts = zeros.map(() => defs.map(() => ZERO));
  const bandTotals = defs.map(() => ZERO);
  const shared = [...zeros];
  rounded.forEach((part, c) => {
    const b = cellBand[c] ?? 0;
    const p = cellParty[c] ?? 0;
    (bandAmounts[p] ?? [])[b] = part;
    bandTotals[b] = add(bandTotals[b] ?? ZERO, part);
    shared[p] = add(shared[p] ?? ZERO, part);
  });
  const bands = defs.map((band, b) => ({
    from: froms[b] ?? ZERO,
    to: band.end,
    amount: bandTotals[b] ?? ZERO,
  }));
  return { bands, bandAmounts, shared };
}

function finish(terms: GainLossTerms, base: Shared, zeros: readonly Dec[]): Sharing {
  const quality =
    terms.quality === undefined || base.direction !== 'gain'
      ? zeros
      : qualityMoves(terms, base.shared);
  const afterQuality =
    quality === zeros ? base.shared : base.shared.map((s, p) => add(s, quality[p] ?? ZERO));
  const capped = terms.caps === undefined ? zeros : capMoves(terms, base.direction, afterQuality);
  const amounts =
    capped === zeros ? afterQuality : afterQuality.map((a, p) => add(a, capped[p] ?? ZERO));
  // Field by field rather than `{ ...base, ... }`: V8 spreads objects far more slowly
  // than it builds a literal, and this runs for every contract row of a bulk run.
  return {
    variance: base.variance,
    direction: base.direction,
    gateMet: base.gateMet,
    bands: base.bands,
    bandAmounts: base.bandAmounts,
    shared: base.shared,
    quality,
    capped,
    amounts,
  };
}

/** On a gain, each party keeps `multiplier` of its share; the rest (whole pence) goes to `unearnedTo`. */
function qualityMoves(terms: GainLossTerms, shared: readonly Dec[]): Dec[] {
  const moves = terms.parties.map(() => ZERO);
  const quality = terms.quality;
  if (quality === undefined) return moves;
  shared.forEach((share, p) => {
    const multiplier = quality.multipliers[p] ?? ONE;
    if (multiplier.equals(ONE) || share.isZero() || p === quality.unearnedTo) return;
    const unearned = allocate(share, [multiplier, ONE.minus(multiplier)])[1] ?? ZERO;
    moves[p] = (moves[p] ?? ZERO).minus(unearned);
    moves[quality.unearnedTo] = add(moves[quality.unearnedTo] ?? ZERO, unearned);
  });
  return moves;
}

/** Moves what a capped party cannot take (whole pence, since caps are in pence) to `overflowTo`. */
function capMoves(
  terms: GainLossTerms,
  direction: VarianceDirection,
  amounts: readonly Dec[],
): Dec[] {
  const moves = terms.parties.map(() => ZERO);
  const caps = terms.caps;
  if (caps === undefined || direction === 'none') return moves;
  const limits = direction === 'gain' ? caps.gain : caps.loss;
  amounts.forEach((amount, p) => {
    const cap = limits[p];
    if (cap === undefined || !amount.abs().greaterThan(cap)) return;
    const beyond = amount.abs().minus(cap);
    const excess = direction === 'gain' ? beyond : beyond.negated();
    moves[p] = add(moves[p] ?? ZERO, excess.negated());
    moves[caps.overflowTo] = add(moves[caps.overflowTo] ?? ZERO, excess);
  });
  return moves;
}

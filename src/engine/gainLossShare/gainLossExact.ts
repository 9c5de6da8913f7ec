import { Dec, ONE, ZERO } from '../decimal';
import type { Band, GainLossTerms } from './gainLossTerms';

/**
 * Each party's share of a signed variance before any rounding to pence: the straight
 * lines the rounded shares of {@link shareVariance} follow. Gate, bands, quality on a
 * gain and caps are applied in the same order and by the same rules, with exact
 * arithmetic in place of whole pence, so between two breakpoints (band ends, the gate,
 * a cap being reached) every party's share moves in a straight line with the variance.
 * Used to find those breakpoints exactly, never to pay anything.
 *
 * @param terms - validated terms (bands and caps as amounts).
 * @param variance - expected − actual (positive a gain), any precision.
 * @param capped - false for the shares before caps (to find where a cap is reached).
 */
export function exactShares(terms: GainLossTerms, variance: Dec, capped = true): Dec[] {
  const zeros = terms.parties.map(() => ZERO);
  if (variance.isZero()) return zeros;
  const gain = variance.isPositive();
  const magnitude = variance.abs();
  const gate = terms.gate;
  const gated = gate !== undefined && (gain ? gate.gains : gate.losses);
  const belowGate = gated && magnitude.lessThan(gate.fraction.times(terms.expected));
  let shares = belowGate
    ? zeros.map((zero, p) => (p === gate?.holder ? variance : zero))
    : bandShares(gain ? terms.gainBands : terms.lossBands, magnitude, gain, zeros);
  if (gain && terms.quality !== undefined) shares = withQuality(terms.quality, shares);
  const caps = terms.caps;
  if (caps === undefined || !capped) return shares;
  const limits = gain ? caps.gain : caps.loss;
  const moved = [...shares];
  shares.forEach((share, p) => {
    const cap = limits[p];
    if (cap === undefined || !share.abs().greaterThan(cap)) return;
    const excess = share
      .abs()
      .minus(cap)
      .times(gain ? 1 : -1);
    moved[p] = (moved[p] ?? ZERO).minus(excess);
    moved[caps.overflowTo] = (moved[caps.overflowTo] ?? ZERO).plus(excess);
  });
  return moved;
}

function bandShares(bands: readonly Band[], magnitude: Dec, gain: boolean, zeros: readonly Dec[]) {
  const shares = [...zeros];
  let from = ZERO;
  for (const band of bands) {
    const above = magnitude.minus(from);
    if (!above.isPositive()) break;
    const inBand = band.end === undefined ? above : Dec.min(above, band.end.minus(from));
    const signed = gain ? inBand : inBand.negated();
    band.shares.forEach((share, p) => {
      shares[p] = (shares[p] ?? ZERO).plus(signed.times(share));
    });
    if (band.end === undefined) break;
    from = band.end;
  }
  return shares;
}

function withQuality(quality: NonNullable<GainLossTerms['quality']>, shares: readonly Dec[]) {
  const kept = [...shares];
  shares.forEach((share, p) => {
    const multiplier = quality.multipliers[p] ?? ONE;
    if (p === quality.unearnedTo || multiplier.equals(ONE)) return;
    const unearned = share.times(ONE.minus(multiplier));
    kept[p] = (kept[p] ?? ZERO).minus(unearned);
    kept[quality.unearnedTo] = (kept[quality.unearnedTo] ?? ZERO).plus(unearned);
  });
  return kept;
}

/**
 * The outturn curve of a gain/loss share: what each party gets or bears across a range of
 * actual spend, where the terms bend (band ends, the gate, caps being reached), and the
 * most each party can gain or lose over the range. Every point is an exact engine result,
 * the same as a separate gain/loss share at that outturn.
 */
import { Dec, ZERO, roundPence, moneyText, percentText } from '../decimal';
import { exactShares } from './gainLossExact';
import { gainLossShareRows, type GainLossShareInput } from './gainLossShare';
import type { GainLossShareResult } from './gainLossShareTypes';
import { SCOPE, gainLossTerms, type GainLossTerms } from './gainLossTerms';
import {
  Breakpoints,
  aroundKinks,
  bendsBetween,
  curveFractions,
  extremesOver,
  type CurveExtremes,
  type CurveKink,
  type CurvePoint,
  type CurveRangeInput,
} from '../outturnCurve';
import { decimal } from '../validate';

export type { CurveExtremes, CurveKink, CurvePoint, CurveRangeInput } from '../outturnCurve';

export interface GainLossCurveInput extends GainLossShareInput {
  readonly curve: CurveRangeInput;
}

export interface GainLossCurve {
  readonly curve: readonly CurvePoint[];
  readonly kinks: readonly CurveKink[];
  readonly curveParties: readonly CurveExtremes[];
}

/**
 * The outturn curve of a gain/loss share: each party's amount at `points` outturns in equal
 * steps from expected × (1 + from) to expected × (1 + to), both ends included, each actual
 * rounded to pence and shared exactly as {@link gainLossShare} shares it; the kinks, found
 * from the terms (not by sampling); and each party's maximum gain and loss over the range.
 *
 * Kinks: with the shares before rounding, each party's amount is a straight line in the
 * variance between breakpoints: the end of each band, the gate (where the amounts jump) and
 * the outturn at which a party's cap is reached; and the change from gain to loss at actual
 * = expected. A breakpoint is a kink when some party's slope changes there (or, at a gate,
 * its amount jumps), and it is reported when it falls within the range.
 *
 * @param input - gain/loss share terms (`actual` is not used) and `curve`.
 * @returns `curve[]`, `kinks[]` and `curveParties[]`.
 * @throws EngineError as {@link gainLossShare} for the terms; `GAINSHARE.OUT_OF_RANGE` for
 *   `curve.points` outside 2–1,001 or `curve.from` below −1; `GAINSHARE.INCONSISTENT` when
 *   `curve.from` is not below `curve.to`.
 * @example
 * gainLossCurve({ expected: '25175000', actual: '25175000', parties: ['Provider', 'CCG'],
 *   gainBands: [{ upToFraction: 0.05, shares: { Provider: 1 } }, { shares: { Provider: 0.5, CCG: 0.5 } }],
 *   lossBands: [{ shares: { Provider: 1 } }],
 *   curve: { from: -0.2, to: 0.2, points: 41 } }).kinks.map((k) => penceString(k.actual))
 * // → ['23916250.00', '25175000.00']
 */
export function gainLossCurve(input: GainLossCurveInput): GainLossCurve {
  const fractions = curveFractions(SCOPE, input?.curve);
  const terms = gainLossTerms({ ...input, actual: input.expected });
  const perUnitExpected = decimal(SCOPE, 'expected', input.expected);
  const rows = fractions.map((f) => ({
    expected: input.expected,
    actual: roundPence(perUnitExpected.times(f.plus(1))),
    units: input.units,
  }));
  const results = [...gainLossShareRows(input, rows)];
  const curve = results.map(point);
  const low = results[0]?.actual ?? ZERO;
  const high = results[results.length - 1]?.actual ?? ZERO;
  const kinks = findKinks(terms, terms.expected.minus(high), terms.expected.minus(low));
  return { curve, kinks, curveParties: extremes(input, terms, results, kinks) };
}

function point(result: GainLossShareResult): CurvePoint {
  return {
    actual: result.actual,
    variance: result.variance,
    parties: result.parties.map((p) => ({ party: p.party, amount: p.amount })),
  };
}

/** The kinks with a variance from `lowest` to `highest` (both signed, expected − actual). */
function findKinks(terms: GainLossTerms, lowest: Dec, highest: Dec): CurveKink[] {
  const exact = (variance: Dec) => exactShares(terms, variance);
  return bendsBetween(breakpoints(terms), exact, terms.parties, lowest, highest)
    .map((bend) => ({
      actual: roundPence(terms.expected.minus(bend.variable)),
      variance: roundPence(bend.variable),
      reason: bend.reason,
      parties: bend.lines,
    }))
    .sort((a, b) => a.actual.comparedTo(b.actual));
}

/** Every variance where a party's line may bend, with what the terms do there. */
function breakpoints(terms: GainLossTerms): Breakpoints {
  const found = new Breakpoints();
  const add = (variance: Dec, reason: string) => found.add(variance, reason);
  add(ZERO, 'actual equals expected spend: gains change to losses');
  for (const gain of [true, false]) {
    const sign = gain ? 1 : -1;
    const gainOrLoss = gain ? 'gain' : 'loss';
    const bands = gain ? terms.gainBands : terms.lossBands;
    const ends: Dec[] = [];
    bands.forEach((band, b) => {
      if (band.end === undefined) return;
      ends.push(band.end);
      const bound =
        band.endFraction === undefined
          ? moneyText(band.end)
          : `${percentText(band.endFraction)} of expected spend`;
      add(band.end.times(sign), `end of ${gainOrLoss} band ${b + 1} (${bound})`);
    });
    const gate = terms.gate;
    if (gate !== undefined && (gain ? gate.gains : gate.losses)) {
      const threshold = gate.fraction.times(terms.expected);
      ends.push(threshold);
      add(
        threshold.times(sign),
        `gate: a ${gainOrLoss} under ${percentText(gate.fraction)} of expected spend goes to ${terms.parties[gate.holder] ?? ''}`,
      );
    }
    for (const crossing of capCrossings(terms, gain, ends)) {
      add(crossing.magnitude.times(sign), crossing.reason);
    }
  }
  return found;
}

/** Where each party's share before caps reaches its cap, on one side. */
function capCrossings(terms: GainLossTerms, gain: boolean, ends: readonly Dec[]) {
  const limits = gain ? terms.caps?.gain : terms.caps?.loss;
  if (limits === undefined) return [];
  const edges = [ZERO, ...[...ends].sort((a, b) => a.comparedTo(b))];
  const sign = gain ? 1 : -1;
  const crossings: { magnitude: Dec; reason: string }[] = [];
  limits.forEach((cap, p) => {
    if (cap === undefined) return;
    edges.forEach((start, i) => {
      const next = edges[i + 1];
      const width = next === undefined ? start.plus(1) : next.minus(start);
      if (!width.isPositive()) return;
      const m1 = start.plus(width.div(4));
      const m2 = start.plus(width.div(2));
      const h1 = (exactShares(terms, m1.times(sign), false)[p] ?? ZERO).abs();
      const h2 = (exactShares(terms, m2.times(sign), false)[p] ?? ZERO).abs();
      const slope = h2.minus(h1).div(m2.minus(m1));
      if (!slope.isPositive()) return;
      const atStart = h1.minus(slope.times(m1.minus(start)));
      const magnitude = start.plus(cap.minus(atStart).div(slope));
      if (!magnitude.greaterThan(start)) return;
      if (next !== undefined && magnitude.greaterThan(next)) return;
      crossings.push({
        magnitude,
        reason: `${terms.parties[p] ?? ''}'s ${gain ? 'gain' : 'loss'} cap of ${moneyText(cap)} is reached`,
      });
    });
  });
  return crossings;
}

/**
 * Each party's largest gain and loss over the range. The amounts follow straight lines
 * between kinks, so the extremes are at the ends of the range, at a kink, or just before a
 * gate; each of those outturns is shared exactly, with the curve's own points.
 */
function extremes(
  input: GainLossCurveInput,
  terms: GainLossTerms,
  results: readonly GainLossShareResult[],
  kinks: readonly CurveKink[],
): CurveExtremes[] {
  const low = results[0]?.actual ?? ZERO;
  const high = results[results.length - 1]?.actual ?? ZERO;
  const extra = aroundKinks(
    kinks.map((k) => k.actual),
    low,
    high,
  );
  // Totals (no units): with units, terms.expected is already expected × units.
  const rows = extra.map((actual) => ({ expected: terms.expected, actual }));
  const all = [...results, ...gainLossShareRows(input, rows)];
  return extremesOver(
    terms.parties,
    all.map((result) =>
      result.parties.map((share) => ({
        amount: share.amount,
        gainCapped: share.capAdjustment.lessThan(0),
        lossCapped: share.capAdjustment.greaterThan(0),
      })),
    ),
  );
}

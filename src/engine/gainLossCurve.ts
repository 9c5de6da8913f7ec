/**
 * The outturn curve of a gain/loss share: what each party gets or bears across a range of
 * actual spend, where the terms bend (band ends, the gate, caps being reached), and the
 * most each party can gain or lose over the range. Every point is an exact engine result,
 * the same as a separate gain/loss share at that outturn.
 */
import { Dec, ZERO, roundPence, moneyText, percentText } from './decimal';
import { ErrorKind, fail, quote } from './errors';
import { exactShares } from './gainLossExact';
import { gainLossShareRows, type GainLossShareInput } from './gainLossShare';
import type { GainLossShareResult } from './gainLossShareTypes';
import { SCOPE, gainLossTerms, type GainLossTerms } from './gainLossTerms';
import { decimal, integer } from './validate';
import type { Amount } from './decimal';

/** The range of outturns: actual from expected × (1 + from) to expected × (1 + to). */
export interface CurveRangeInput {
  readonly from: Amount;
  readonly to: Amount;
  /** How many outturns, both ends included: 2 to 1,001. */
  readonly points: Amount;
}

export interface GainLossCurveInput extends GainLossShareInput {
  readonly curve: CurveRangeInput;
}

/** One outturn of the curve. */
export interface CurvePoint {
  readonly actual: Dec;
  readonly variance: Dec;
  readonly parties: readonly { readonly party: string; readonly amount: Dec }[];
}

/** An outturn where some party's share stops following one straight line. */
export interface CurveKink {
  /** Actual spend there, to the penny (the exact point may fall between two pence). */
  readonly actual: Dec;
  readonly variance: Dec;
  /** What the terms do there, e.g. "end of gain band 1 (5% of expected spend)". */
  readonly reason: string;
  /** The parties whose share changes slope (or jumps, at a gate) there. */
  readonly parties: readonly string[];
}

/** The most a party gains and loses over the range (a loss as a negative amount). */
export interface CurveExtremes {
  readonly party: string;
  readonly maximumGain: Dec;
  /** Whether the party's own gain cap holds it down at its maximum gain. */
  readonly maximumGainCapped: boolean;
  readonly maximumLoss: Dec;
  /** Whether the party's own loss cap holds it down at its maximum loss. */
  readonly maximumLossCapped: boolean;
}

export interface GainLossCurve {
  readonly curve: readonly CurvePoint[];
  readonly kinks: readonly CurveKink[];
  readonly curveParties: readonly CurveExtremes[];
}

const MAX_POINTS = 1001;
const MINUS_ONE = new Dec(-1);

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
  const range = curveRange(input?.curve);
  const terms = gainLossTerms({ ...input, actual: input.expected });
  const perUnitExpected = decimal(SCOPE, 'expected', input.expected);
  const rows = range.fractions.map((f) => ({
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

function curveRange(raw: CurveRangeInput | undefined): { fractions: Dec[] } {
  if (raw === null || typeof raw !== 'object') {
    fail(SCOPE, ErrorKind.MISSING, 'curve', raw, 'curve needs from, to and points.');
  }
  const from = decimal(SCOPE, 'curve.from', raw.from);
  if (from.lessThan(MINUS_ONE)) {
    fail(
      SCOPE,
      ErrorKind.OUT_OF_RANGE,
      'curve.from',
      raw.from,
      `curve.from is ${quote(raw.from)}; it must be at least -1 (an actual spend of nothing).`,
    );
  }
  const to = decimal(SCOPE, 'curve.to', raw.to);
  if (!from.lessThan(to)) {
    fail(
      SCOPE,
      ErrorKind.INCONSISTENT,
      'curve.to',
      raw.to,
      `curve.from (${quote(raw.from)}) must be below curve.to (${quote(raw.to)}).`,
    );
  }
  const points = integer(SCOPE, 'curve.points', raw.points, 0);
  if (points < 2 || points > MAX_POINTS) {
    fail(
      SCOPE,
      ErrorKind.OUT_OF_RANGE,
      'curve.points',
      raw.points,
      `curve.points is ${quote(raw.points)}; it must be from 2 to ${MAX_POINTS}.`,
    );
  }
  const span = to.minus(from);
  const fractions = Array.from({ length: points }, (_, i) =>
    from.plus(span.times(i).div(points - 1)),
  );
  return { fractions };
}

interface Breakpoint {
  readonly variance: Dec;
  readonly reasons: string[];
}

/** The kinks with a variance from `lowest` to `highest` (both signed, expected − actual). */
function findKinks(terms: GainLossTerms, lowest: Dec, highest: Dec): CurveKink[] {
  const points = breakpoints(terms);
  const sorted = [...points.values()].sort((a, b) => a.variance.comparedTo(b.variance));
  const kinks: CurveKink[] = [];
  sorted.forEach((bp, i) => {
    const v = bp.variance;
    if (v.lessThan(lowest) || v.greaterThan(highest)) return;
    const before = sorted[i - 1]?.variance ?? v.minus(v.abs().plus(1));
    const after = sorted[i + 1]?.variance ?? v.plus(v.abs().plus(1));
    const changed = changedParties(terms, before, v, after);
    if (changed.length === 0) return;
    kinks.push({
      actual: roundPence(terms.expected.minus(v)),
      variance: roundPence(v),
      reason: bp.reasons.join('; '),
      parties: changed,
    });
  });
  return kinks.sort((a, b) => a.actual.comparedTo(b.actual));
}

/** Parties whose line bends or jumps at `at`, between the lines to `before` and `after`. */
function changedParties(terms: GainLossTerms, before: Dec, at: Dec, after: Dec): string[] {
  const left1 = at.plus(before).div(2);
  const left2 = at.plus(left1).div(2);
  const right1 = at.plus(after).div(2);
  const right2 = at.plus(right1).div(2);
  const [a1, a2, b1, b2, here] = [left1, left2, right1, right2, at].map((v) =>
    exactShares(terms, v),
  );
  return terms.parties.filter((_, p) => {
    const slopeLeft = (a2?.[p] ?? ZERO).minus(a1?.[p] ?? ZERO).div(left2.minus(left1));
    const slopeRight = (b2?.[p] ?? ZERO).minus(b1?.[p] ?? ZERO).div(right2.minus(right1));
    const leftAtPoint = (a2?.[p] ?? ZERO).plus(slopeLeft.times(at.minus(left2)));
    const jump = !leftAtPoint
      .minus(here?.[p] ?? ZERO)
      .abs()
      .lessThan(1e-20);
    return jump || !slopeLeft.minus(slopeRight).abs().lessThan(1e-20);
  });
}

/** Every variance where a party's line may bend, with what the terms do there. */
function breakpoints(terms: GainLossTerms): Map<string, Breakpoint> {
  const found = new Map<string, Breakpoint>();
  const add = (variance: Dec, reason: string) => {
    const key = variance.toString();
    const existing = found.get(key);
    if (existing) existing.reasons.push(reason);
    else found.set(key, { variance, reasons: [reason] });
  };
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
  const penny = new Dec('0.01');
  const extra: Dec[] = [];
  for (const kink of kinks) {
    for (const actual of [kink.actual.minus(penny), kink.actual, kink.actual.plus(penny)]) {
      if (!actual.lessThan(low) && !actual.greaterThan(high)) extra.push(actual);
    }
  }
  // Totals (no units): with units, terms.expected is already expected × units.
  const rows = extra.map((actual) => ({ expected: terms.expected, actual }));
  const all = [...results, ...gainLossShareRows(input, rows)];
  return terms.parties.map((party, p) => {
    let gain = { amount: ZERO, capped: false };
    let loss = { amount: ZERO, capped: false };
    for (const result of all) {
      const share = result.parties[p];
      if (share === undefined) continue;
      if (share.amount.greaterThan(gain.amount)) {
        gain = { amount: share.amount, capped: share.capAdjustment.lessThan(0) };
      }
      if (share.amount.lessThan(loss.amount)) {
        loss = { amount: share.amount, capped: share.capAdjustment.greaterThan(0) };
      }
    }
    return {
      party,
      maximumGain: gain.amount,
      maximumGainCapped: gain.capped,
      maximumLoss: loss.amount,
      maximumLossCapped: loss.capped,
    };
  });
}

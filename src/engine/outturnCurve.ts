/**
 * What every outturn curve shares, whatever the mechanism: the range of outturns (checked
 * once, with one set of messages), the search for kinks between breakpoints that the
 * terms give, and each line's largest and smallest figure over the range. The gain/loss
 * share, pooled-fund and capitation curves supply their own exact lines and breakpoints.
 */
import { Dec, ZERO } from './decimal';
import { ErrorKind, fail, quote } from './errors';
import { decimal, integer } from './validate';
import type { Amount } from './decimal';

/** The range of outturns: actual from expected × (1 + from) to expected × (1 + to). */
export interface CurveRangeInput {
  readonly from: Amount;
  readonly to: Amount;
  /** How many outturns, both ends included: 2 to 1,001. */
  readonly points: Amount;
}

/** One outturn of a curve of spend: actual, variance (expected − actual) and each party's figure. */
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

/** The most points a curve may have. */
export const MAX_CURVE_POINTS = 1001;
const MINUS_ONE = new Dec(-1);

/**
 * Checks a curve's range and gives its `points` fractions of expected, in equal steps from
 * `from` to `to`, both ends included (exact, not yet rounded).
 *
 * @param scope - the calling mechanism's error scope (`GAINSHARE`, `POOL`, `CAPITATION`).
 * @param raw - the scenario's `curve` field.
 * @throws EngineError `<scope>.MISSING` without a curve object; `<scope>.OUT_OF_RANGE` for
 *   `points` outside 2–1,001 or `from` below −1; `<scope>.INCONSISTENT` when `from` is not
 *   below `to`; as {@link decimal} and {@link integer} for a value that is no number.
 * @example curveFractions('POOL', { from: -0.1, to: 0.1, points: 3 }) // → [-0.1, 0, 0.1]
 */
export function curveFractions(scope: string, raw: CurveRangeInput | undefined | null): Dec[] {
  if (raw === null || raw === undefined || typeof raw !== 'object') {
    fail(scope, ErrorKind.MISSING, 'curve', raw, 'curve needs from, to and points.');
  }
  const from = decimal(scope, 'curve.from', raw.from);
  if (from.lessThan(MINUS_ONE)) {
    fail(
      scope,
      ErrorKind.OUT_OF_RANGE,
      'curve.from',
      raw.from,
      `curve.from is ${quote(raw.from)}; it must be at least -1 (an actual spend of nothing).`,
    );
  }
  const to = decimal(scope, 'curve.to', raw.to);
  if (!from.lessThan(to)) {
    fail(
      scope,
      ErrorKind.INCONSISTENT,
      'curve.to',
      raw.to,
      `curve.from (${quote(raw.from)}) must be below curve.to (${quote(raw.to)}).`,
    );
  }
  const points = integer(scope, 'curve.points', raw.points, 0);
  if (points < 2 || points > MAX_CURVE_POINTS) {
    fail(
      scope,
      ErrorKind.OUT_OF_RANGE,
      'curve.points',
      raw.points,
      `curve.points is ${quote(raw.points)}; it must be from 2 to ${MAX_CURVE_POINTS}.`,
    );
  }
  const span = to.minus(from);
  return Array.from({ length: points }, (_, i) => from.plus(span.times(i).div(points - 1)));
}

/**
 * Each line's figure (a party's share, a segment's adjustment) at a value of the curve's
 * variable, exactly and before any rounding: straight between breakpoints.
 */
export type ExactLines = (variable: Dec) => readonly Dec[];

/** Where the terms may bend a line, with what they do there. */
export class Breakpoints {
  private readonly found = new Map<string, { variable: Dec; reasons: string[] }>();

  /** Adds a breakpoint; a second reason at the same value joins the first. */
  add(variable: Dec, reason: string): void {
    const key = variable.toString();
    const existing = this.found.get(key);
    if (existing) existing.reasons.push(reason);
    else this.found.set(key, { variable, reasons: [reason] });
  }

  /** The breakpoints in increasing order of the variable. */
  sorted(): { readonly variable: Dec; readonly reasons: readonly string[] }[] {
    return [...this.found.values()].sort((a, b) => a.variable.comparedTo(b.variable));
  }
}

/** A breakpoint where some line really bends (or jumps). */
export interface Bend {
  readonly variable: Dec;
  readonly reason: string;
  /** The names of the lines that bend or jump there. */
  readonly lines: readonly string[];
}

/**
 * The breakpoints from `lowest` to `highest` (both included) where some line's slope
 * changes or the line jumps, with the names of those lines. Each line is straight between
 * neighbouring breakpoints, so two exact values on each side give its slopes there.
 */
export function bendsBetween(
  breakpoints: Breakpoints,
  exact: ExactLines,
  names: readonly string[],
  lowest: Dec,
  highest: Dec,
): Bend[] {
  const sorted = breakpoints.sorted();
  const bends: Bend[] = [];
  sorted.forEach((bp, i) => {
    const v = bp.variable;
    if (v.lessThan(lowest) || v.greaterThan(highest)) return;
    const before = sorted[i - 1]?.variable ?? v.minus(v.abs().plus(1));
    const after = sorted[i + 1]?.variable ?? v.plus(v.abs().plus(1));
    const lines = bendingLines(exact, names, before, v, after);
    if (lines.length > 0) bends.push({ variable: v, reason: bp.reasons.join('; '), lines });
  });
  return bends;
}

/** The lines that bend or jump at `at`, between the straight pieces to `before` and `after`. */
function bendingLines(
  exact: ExactLines,
  names: readonly string[],
  before: Dec,
  at: Dec,
  after: Dec,
): string[] {
  const left1 = at.plus(before).div(2);
  const left2 = at.plus(left1).div(2);
  const right1 = at.plus(after).div(2);
  const right2 = at.plus(right1).div(2);
  const [a1, a2, b1, b2, here] = [left1, left2, right1, right2, at].map(exact);
  return names.filter((_, p) => {
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

/** One party's figure at one outturn, and whether a cap held it there. */
export interface CappedAmount {
  readonly amount: Dec;
  /** A gain cap held the amount down. */
  readonly gainCapped: boolean;
  /** A loss cap held the loss down. */
  readonly lossCapped: boolean;
}

/**
 * Each party's largest gain and largest loss over a set of outturns (each outturn a list
 * of the parties' figures, in the order of `parties`), with whether a cap held it there.
 * A party that never gains has a maximum gain of 0 (and never loses, a maximum loss of 0).
 */
export function extremesOver(
  parties: readonly string[],
  outturns: readonly (readonly CappedAmount[])[],
): CurveExtremes[] {
  return parties.map((party, p) => {
    let gain = { amount: ZERO, capped: false };
    let loss = { amount: ZERO, capped: false };
    for (const figures of outturns) {
      const figure = figures[p];
      if (figure === undefined) continue;
      // At an equal figure a cap that holds it at one outturn counts (a cap reached
      // exactly does not hold the figure yet; one just beyond it does).
      const toGain = figure.amount.comparedTo(gain.amount);
      if (toGain > 0) gain = { amount: figure.amount, capped: figure.gainCapped };
      else if (toGain === 0 && figure.gainCapped) gain = { ...gain, capped: true };
      const toLoss = figure.amount.comparedTo(loss.amount);
      if (toLoss < 0) loss = { amount: figure.amount, capped: figure.lossCapped };
      else if (toLoss === 0 && figure.lossCapped) loss = { ...loss, capped: true };
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

/**
 * The actual spends, to the penny, at a penny either side of each kink and at the kink,
 * within `low`–`high`: where a line's extreme can fall between the curve's own points
 * (lines are straight between kinks, and a jump's far side is a penny away).
 */
export function aroundKinks(kinkActuals: readonly Dec[], low: Dec, high: Dec): Dec[] {
  const penny = new Dec('0.01');
  const extra: Dec[] = [];
  for (const at of kinkActuals) {
    for (const actual of [at.minus(penny), at, at.plus(penny)]) {
      if (!actual.lessThan(low) && !actual.greaterThan(high)) extra.push(actual);
    }
  }
  return extra;
}

import { Dec, ONE, ZERO, clamp, percentText, type Amount } from '../decimal';
import { ErrorKind, fail } from '../errors';
import { decimal, fraction, nonEmpty, nonNegative, option } from '../validate';

/** Error scope of pay for performance: codes are `P4P.<KIND>`. */
export const P4P = 'P4P';

/** Which way is better for a metric: `higher` (e.g. people at home 91 days on) or `lower` (e.g. admissions). */
export type Direction = 'higher' | 'lower';
/** How a metric's actual becomes an achievement from 0 to 1. */
export type Scoring = 'linear' | 'threshold' | 'bands';

/**
 * One band of banded scoring: when progress from baseline to target reaches `floor`
 * (a fraction: 0.5 = halfway, 1 = target met), the metric's achievement is `payout`.
 */
export interface AchievementBand {
  readonly floor: Amount;
  readonly payout: Amount;
}

/** The scoring terms and outcome of one metric (what `=BCF.ACHIEVEMENT` takes). */
export interface MetricScoringInput {
  /** Used in messages only. */
  readonly name?: string;
  /** Where the metric started; may be left out for threshold scoring only. */
  readonly baseline?: Amount;
  readonly target: Amount;
  readonly actual: Amount;
  readonly direction: Direction;
  /** Default `linear`. */
  readonly scoring?: Scoring;
  /** Read for `bands` scoring only: floors ascending, payouts never falling. */
  readonly bands?: readonly AchievementBand[];
}

/** A metric scored: its achievement, and how it was reached. */
export interface MetricScore {
  readonly scoring: Scoring;
  readonly direction: Direction;
  /** Whether the actual meets or beats the target (in the better direction). */
  readonly targetMet: boolean;
  /** Unclamped share of the way from baseline to target (linear and bands scoring). */
  readonly progressFraction?: Dec;
  /** From 0 to 1. */
  readonly achievement: Dec;
  /**
   * Plain-English account, e.g. "baseline 60, target 80, actual 75: 75% of the way;
   * achievement 75%", written out when called: a schedule of many metrics that uses only
   * the figures never pays for the prose. (A method rather than a lazy field: a score is
   * never serialised, and a lazy field costs more to set up than the score itself.)
   */
  readonly text: () => string;
}

interface Band {
  readonly floor: Dec;
  readonly payout: Dec;
}

const SCORINGS: readonly Scoring[] = ['linear', 'threshold', 'bands'];
const DIRECTIONS: readonly Direction[] = ['higher', 'lower'];

/**
 * One metric's achievement, from 0 to 1.
 *
 * - `linear`: progress = (actual − baseline) / (target − baseline), clamped to 0–1, so
 *   0 at (or worse than) the baseline and 1 at (or beyond) the target.
 * - `threshold`: 1 if the target is met (actual ≥ target when higher is better,
 *   ≤ when lower is better), else 0. The baseline is not used, and may equal the target.
 * - `bands`: the payout of the highest band whose floor the unclamped progress reaches;
 *   0 below the lowest floor.
 *
 * @param metric - the scoring terms and the actual; raw numbers or numeric strings.
 * @param path - prefix for field names in messages, e.g. `metrics[2].` (default none).
 * @returns the achievement, a `Dec` from 0 to 1.
 * @throws EngineError `P4P.TARGET_EQUALS_BASELINE` for linear or banded scoring with
 *   target = baseline (progress is undefined); `P4P.INCONSISTENT` when the target lies on
 *   the worse side of the baseline; `P4P.BANDS_NOT_ASCENDING`, `P4P.EMPTY`,
 *   `P4P.UNKNOWN_OPTION`, `P4P.MISSING`, `P4P.NOT_A_NUMBER` for other bad input.
 * @example metricAchievement({ baseline: 60, target: 80, actual: 75, direction: 'higher' }) → 0.75
 */
export function metricAchievement(metric: MetricScoringInput, path = ''): Dec {
  return scoreMetric(metric, path).achievement;
}

/**
 * As {@link metricAchievement}, with the working shown. The text is written out when
 * asked for (a schedule of many metrics that uses only the figures skips it).
 */
export function scoreMetric(metric: MetricScoringInput, path = ''): MetricScore {
  const scoring = option(P4P, `${path}scoring`, metric.scoring, SCORINGS, 'linear');
  const direction = option(P4P, `${path}direction`, metric.direction, DIRECTIONS);
  const target = decimal(P4P, `${path}target`, metric.target);
  const actual = decimal(P4P, `${path}actual`, metric.actual);
  const targetMet = direction === 'higher' ? actual.gte(target) : actual.lte(target);
  if (scoring === 'threshold') {
    const achievement = targetMet ? ONE : ZERO;
    return {
      scoring,
      direction,
      targetMet,
      achievement,
      text() {
        const verdict = targetMet ? 'met' : 'not met';
        return `target ${target.toString()}, actual ${actual.toString()}: target ${verdict}; achievement ${percentText(achievement)}`;
      },
    };
  }
  const baseline = decimal(P4P, `${path}baseline`, metric.baseline);
  checkTargetSide(metric, path, direction, baseline, target);
  const progressFraction = actual.minus(baseline).dividedBy(target.minus(baseline));
  const achievement =
    scoring === 'linear'
      ? clamp(progressFraction, ZERO, ONE)
      : bandPayout(validBands(metric.bands, `${path}bands`), progressFraction);
  return {
    scoring,
    direction,
    targetMet,
    progressFraction,
    achievement,
    text() {
      return (
        `baseline ${baseline.toString()}, target ${target.toString()}, actual ${actual.toString()}: ` +
        `${percentText(progressFraction)} of the way from baseline to target; achievement ${percentText(achievement)}`
      );
    },
  };
}

function checkTargetSide(
  metric: MetricScoringInput,
  path: string,
  direction: Direction,
  baseline: Dec,
  target: Dec,
): void {
  const field = `${path}target`;
  const of = metric.name === undefined ? '' : ` of metric "${metric.name}"`;
  if (target.equals(baseline)) {
    fail(
      P4P,
      ErrorKind.TARGET_EQUALS_BASELINE,
      field,
      metric.target,
      `${field}${of} is ${target.toString()}, equal to its baseline, so progress from baseline to target is undefined; set a different target or use threshold scoring.`,
    );
  }
  const better = direction === 'higher' ? target.greaterThan(baseline) : target.lessThan(baseline);
  if (!better) {
    const side = direction === 'higher' ? 'above' : 'below';
    fail(
      P4P,
      ErrorKind.INCONSISTENT,
      field,
      metric.target,
      `${field}${of} is ${target.toString()} and the baseline ${baseline.toString()}; with direction "${direction}" (${direction} is better) the target must be ${side} the baseline.`,
    );
  }
}

function validBands(raw: readonly AchievementBand[] | undefined, field: string): Band[] {
  const bands = nonEmpty(P4P, field, raw).map((band, i) => ({
    floor: nonNegative(P4P, `${field}[${i}].floor`, band.floor),
    payout: fraction(P4P, `${field}[${i}].payout`, band.payout),
  }));
  bands.forEach((band, i) => {
    const before = bands[i - 1];
    if (before === undefined) return;
    if (!band.floor.greaterThan(before.floor)) {
      fail(
        P4P,
        ErrorKind.BANDS_NOT_ASCENDING,
        `${field}[${i}].floor`,
        band.floor.toString(),
        `${field}[${i}].floor is ${band.floor.toString()}, not above the floor before it (${before.floor.toString()}); list bands from the lowest floor up.`,
      );
    }
    if (band.payout.lessThan(before.payout)) {
      fail(
        P4P,
        ErrorKind.BANDS_NOT_ASCENDING,
        `${field}[${i}].payout`,
        band.payout.toString(),
        `${field}[${i}].payout is ${band.payout.toString()}, below the payout before it (${before.payout.toString()}); a higher band cannot pay less.`,
      );
    }
  });
  return bands;
}

function bandPayout(bands: readonly Band[], progress: Dec): Dec {
  let payout = ZERO;
  for (const band of bands) if (progress.gte(band.floor)) payout = band.payout;
  return payout;
}

import { roundParts } from '../allocate';
import { Dec, ONE, ZERO, clamp, moneyText, percentText, roundPence } from '../decimal';
import { step, type Step } from '../explain';

/** Error scope of the BCF 2015/16 payment for performance: codes are `BCFP4P.<KIND>`. */
export const BCFP4P = 'BCFP4P';

/** The national minimum ambition: a 3.5% reduction in non-elective admissions. */
export const DEFAULT_AMBITION = new Dec('0.035');

/** The validated terms of one quarter. */
export interface QuarterTerms {
  readonly quarter: string;
  /** Baseline non-elective admissions in the quarter. */
  readonly baseline: Dec;
  /** Actual non-elective admissions in the quarter. */
  readonly actual: Dec;
  /** Planned reduction as a fraction of the baseline. */
  readonly ambition: Dec;
  /** Cost of one non-elective admission. */
  readonly unitCost: Dec;
}

/** One quarter's payment for performance. */
export interface QuarterResult {
  readonly quarter: string;
  readonly baselineCount: Dec;
  readonly actualCount: Dec;
  readonly ambitionRate: Dec;
  /** baseline × ambition: admissions the plan aims to avoid. */
  readonly plannedReductionCount: Dec;
  /** baseline − actual: admissions avoided (negative if admissions rose). */
  readonly actualReductionCount: Dec;
  readonly unitCost: Dec;
  /** planned reduction × unit cost, in pence: the money linked to this quarter's performance. */
  readonly performanceSum: Dec;
  /** clamp(actual reduction / planned reduction, 0, 1); absent when no reduction was planned. */
  readonly achievement?: Dec;
  /** performanceSum × achievement: paid into the pooled fund. */
  readonly released: Dec;
  /** performanceSum − released: kept to pay for the extra hospital activity. */
  readonly retained: Dec;
  readonly steps: readonly Step[];
}

/**
 * One quarter of the BCF 2015/16 payment for performance, from validated terms.
 * A quarter with no planned reduction (ambition 0 or baseline 0) has no performance sum:
 * nothing is released or retained and achievement is left undefined, not an error.
 */
export function bcfPerformanceQuarter(terms: QuarterTerms): QuarterResult {
  const { quarter, baseline, actual, ambition, unitCost } = terms;
  const plannedReductionCount = baseline.times(ambition);
  const actualReductionCount = baseline.minus(actual);
  const performanceSum = roundPence(plannedReductionCount.times(unitCost));
  const achievement = plannedReductionCount.isZero()
    ? undefined
    : clamp(actualReductionCount.dividedBy(plannedReductionCount), ZERO, ONE);
  const releasedExact = performanceSum.times(achievement ?? ZERO);
  const [released = ZERO, retained = ZERO] = roundParts([
    releasedExact,
    performanceSum.minus(releasedExact),
  ]);
  const result = {
    quarter,
    baselineCount: baseline,
    actualCount: actual,
    ambitionRate: ambition,
    plannedReductionCount,
    actualReductionCount,
    unitCost,
    performanceSum,
    achievement,
    released,
    retained,
  };
  return { ...result, steps: quarterSteps(result) };
}

function quarterSteps(q: Omit<QuarterResult, 'steps'>): Step[] {
  const planned = step(
    'planned',
    `${q.quarter}: planned reduction ${countText(q.baselineCount)} × ${percentText(q.ambitionRate)} = ${countText(q.plannedReductionCount)} admissions; performance sum ${countText(q.plannedReductionCount)} × ${moneyText(q.unitCost)} = ${moneyText(q.performanceSum)}.`,
  );
  if (q.achievement === undefined) {
    return [
      planned,
      step(
        'no-plan',
        `${q.quarter}: no reduction was planned, so no money depends on performance; nothing is released or retained.`,
      ),
    ];
  }
  const change = q.actualReductionCount.isNegative()
    ? `admissions rose by ${countText(q.actualReductionCount.negated())}`
    : `admissions fell by ${countText(q.actualReductionCount)}`;
  return [
    planned,
    step(
      'achieved',
      `${q.quarter}: ${change} (${countText(q.baselineCount)} to ${countText(q.actualCount)}); achievement ${percentText(q.achievement)} of the planned reduction of ${countText(q.plannedReductionCount)} (limited to 0–100%).`,
    ),
    step(
      'released',
      `${q.quarter}: released ${moneyText(q.performanceSum)} × ${percentText(q.achievement)} = ${moneyText(q.released)}; retained ${moneyText(q.retained)} for the extra hospital activity.`,
    ),
  ];
}

/** A count for people: "12,345.5" (thousands grouped, decimals as given). */
export function countText(value: Dec): string {
  const [whole = '0', fraction] = value.abs().toString().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value.isNegative() && !value.isZero() ? '−' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

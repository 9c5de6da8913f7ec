import { type Dec, moneyText, percentText, sum } from '../decimal';
import { step, type Step } from '../explain';
import { withLazyFields } from '../lazyFields';
import { performancePeriod, type PeriodResult } from './performancePeriod';
import { periodTerms, scheduleOf, type PerformancePaymentInput } from './performanceTerms';

export { metricAchievement } from './metricAchievement';
export type { AchievementBand, Direction, MetricScoringInput, Scoring } from './metricAchievement';
export type { MetricResult, PeriodResult, Phasing } from './performancePeriod';
export type {
  MetricInput,
  PerformancePaymentInput,
  PeriodInput,
  PeriodTermsInput,
} from './performanceTerms';

/** Payment for performance, per period and in total. */
export interface PerformancePaymentResult {
  readonly periods: readonly PeriodResult[];
  readonly atRisk: Dec;
  readonly earned: Dec;
  readonly withheld: Dec;
  readonly payable: Dec;
  readonly deducted: Dec;
  readonly contractPayable: Dec;
  readonly steps: readonly Step[];
}

/**
 * Pay for performance: the share of contract value at risk, earned by performance on
 * weighted metrics, and what is payable after phasing, for one period or a schedule.
 *
 * Per period: `atRisk = contractValue × atRiskRate` (in pence); `earned = atRisk × Σ weight ×
 * achievement` (see {@link metricAchievement}); `withheld = atRisk − earned`;
 * `payable = atRisk × (1 − f) + earned × f` with f the applied fraction (0 in a `shadow`
 * period, when the provider gets the full at-risk sum and the result still shows what
 * would have been earned). Earned + withheld and payable + deducted each equal atRisk to
 * the penny, and the metrics' earned parts add up to earned (all via roundParts). Totals
 * are the sums over periods.
 *
 * Edge cases: weights within a millionth of 1 are scaled to sum to exactly 1, so earned
 * never exceeds atRisk; an actual beyond its target scores 1 (clamped). A period with no
 * metrics is allowed only when nothing is at risk (e.g. a 0% first contract year): money at
 * risk with no metrics to earn it is almost always a missing table, so it is refused.
 *
 * The steps (a line per metric) are written out when first read.
 *
 * @param input - single-period fields, or `periods` whose missing fields default to the top level.
 * @returns per-period results (metrics, figures, steps) and totals.
 * @throws EngineError `P4P.WEIGHTS_NOT_ONE` ("Metric weights sum to 0.9, not 1."),
 *   `P4P.TARGET_EQUALS_BASELINE`, `P4P.EMPTY` (money at risk, no metrics), `P4P.INCONSISTENT`
 *   (shadow with an applied fraction, target on the wrong side), `P4P.DUPLICATE`, `P4P.UNKNOWN_OPTION`,
 *   `P4P.MISSING`, `P4P.NOT_A_NUMBER`, `P4P.NEGATIVE`, `P4P.NOT_A_FRACTION`.
 * @example performancePayment({ contractValue: 1000000, atRiskRate: 0.025, metrics: [{ name: 'Outcomes',
 *   weight: 1, baseline: 60, target: 80, actual: 75, direction: 'higher' }] })
 *   → atRisk 25000.00, earned 18750.00, withheld 6250.00, payable 18750.00
 */
export function performancePayment(input: PerformancePaymentInput): PerformancePaymentResult {
  const periods = scheduleOf(input).map(([own, path]) =>
    performancePeriod(periodTerms(input, own, path)),
  );
  const total = (pick: (p: PeriodResult) => Dec): Dec => sum(periods.map(pick));
  const totals = {
    atRisk: total((p) => p.atRisk),
    earned: total((p) => p.earned),
    withheld: total((p) => p.withheld),
    payable: total((p) => p.payable),
    deducted: total((p) => p.deducted),
    contractPayable: total((p) => p.contractPayable),
  };
  const figures = { periods, ...totals };
  // Written out when first read, like each period's (see performancePeriod).
  return withLazyFields<typeof figures, Pick<PerformancePaymentResult, 'steps'>>(figures, {
    steps() {
      return input.periods === undefined
        ? (periods[0]?.steps ?? [])
        : scheduleSteps(periods, totals);
    },
  });
}

function scheduleSteps(
  periods: readonly PeriodResult[],
  totals: { atRisk: Dec; earned: Dec; payable: Dec; deducted: Dec },
): Step[] {
  return [
    ...periods.map((p) =>
      step(
        'period',
        `${p.period}: at risk ${moneyText(p.atRisk)}, earned ${moneyText(p.earned)}, ` +
          `${p.phasing === 'shadow' ? 'shadow (not applied)' : `risk applied ${percentText(p.appliedFraction)}`}` +
          `, payable ${moneyText(p.payable)}, deducted ${moneyText(p.deducted)}.`,
      ),
    ),
    step(
      'total',
      `Total over ${periods.length} periods: at risk ${moneyText(totals.atRisk)}, earned ${moneyText(totals.earned)}, payable ${moneyText(totals.payable)}, deducted ${moneyText(totals.deducted)}.`,
    ),
  ];
}

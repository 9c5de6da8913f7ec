import { roundParts } from '../allocate';
import { Dec, ONE, ZERO, moneyText, percentText, roundPence, sum } from '../decimal';
import { step, type Step } from '../explain';
import { withLazyFields } from '../lazyFields';
import type { Direction, MetricScore, Scoring } from './metricAchievement';

/** `applied`: a fraction (default all) of the at-risk sum depends on performance; `shadow`: measured, not applied. */
export type Phasing = 'applied' | 'shadow';

/** A validated, scored metric of one period. */
export interface ScoredMetric {
  readonly name: string;
  readonly weight: Dec;
  readonly score: MetricScore;
}

/** The validated terms of one period. */
export interface PeriodTerms {
  readonly period: string;
  readonly contractValue: Dec;
  readonly atRiskRate: Dec;
  readonly phasing: Phasing;
  readonly appliedFraction: Dec;
  readonly metrics: readonly ScoredMetric[];
}

/** One metric's part of a period's result. */
export interface MetricResult {
  readonly name: string;
  /** As given. */
  readonly weight: Dec;
  readonly scoring: Scoring;
  readonly direction: Direction;
  readonly targetMet: boolean;
  readonly progressFraction?: Dec;
  readonly achievement: Dec;
  /** weight × achievement (weights scaled to sum to exactly 1). */
  readonly weightedAchievement: Dec;
  /** This metric's part of `earned`; the parts add up to it exactly. */
  readonly earned: Dec;
}

/** One period's payment for performance. */
export interface PeriodResult {
  readonly period: string;
  readonly contractValue: Dec;
  readonly atRiskRate: Dec;
  /** contractValue × atRiskRate, in pence. */
  readonly atRisk: Dec;
  readonly phasing: Phasing;
  /** 0 for shadow, 1 for full risk. */
  readonly appliedFraction: Dec;
  readonly metrics: readonly MetricResult[];
  /** Σ weight × achievement. */
  readonly achievement: Dec;
  /** atRisk × achievement: what performance earned (or would have, in a shadow period). */
  readonly earned: Dec;
  /** atRisk − earned. */
  readonly withheld: Dec;
  /** atRisk × (1 − appliedFraction) + earned × appliedFraction: the at-risk sum paid. */
  readonly payable: Dec;
  /** atRisk − payable: the at-risk sum not paid. */
  readonly deducted: Dec;
  /** contractValue (in pence) − deducted. */
  readonly contractPayable: Dec;
  readonly steps: readonly Step[];
}

/** Computes one period from validated terms; rounding to pence only at the end, via roundParts. */
export function performancePeriod(terms: PeriodTerms): PeriodResult {
  const { contractValue, atRiskRate, phasing, appliedFraction } = terms;
  const atRisk = roundPence(contractValue.times(atRiskRate));
  const totalWeight = sum(terms.metrics.map((m) => m.weight));
  // Weights usually sum to exactly 1, and w ÷ 1 is w for any w that Dec arithmetic can
  // make (40 significant digits or fewer), so that division (the dearest operation, once
  // per metric) is skipped then; a weight typed with more digits is still divided.
  const exactlyOne = totalWeight.equals(ONE);
  const weighted = terms.metrics.map((m) =>
    (exactlyOne && m.weight.precision() <= Dec.precision
      ? m.weight
      : m.weight.dividedBy(totalWeight)
    ).times(m.score.achievement),
  );
  const achievement = sum(weighted);
  const exactParts = weighted.map((w) => atRisk.times(w));
  const earnedExact = sum(exactParts);
  const metricEarned = roundParts(exactParts);
  const [earned = ZERO, withheld = ZERO] = roundParts([earnedExact, atRisk.minus(earnedExact)]);
  const payableExact = atRisk
    .times(ONE.minus(appliedFraction))
    .plus(earnedExact.times(appliedFraction));
  const [payable = ZERO, deducted = ZERO] = roundParts([payableExact, atRisk.minus(payableExact)]);
  const metrics = terms.metrics.map((m, i) => ({
    name: m.name,
    weight: m.weight,
    scoring: m.score.scoring,
    direction: m.score.direction,
    targetMet: m.score.targetMet,
    progressFraction: m.score.progressFraction,
    achievement: m.score.achievement,
    weightedAchievement: weighted[i] ?? ZERO,
    earned: metricEarned[i] ?? ZERO,
  }));
  const figures = { atRisk, achievement, earned, withheld, payable, deducted };
  const result = {
    period: terms.period,
    contractValue,
    atRiskRate,
    atRisk,
    phasing,
    appliedFraction,
    metrics,
    achievement,
    earned,
    withheld,
    payable,
    deducted,
    contractPayable: roundPence(contractValue).minus(deducted),
  };
  // Written out when first read: a line per metric, which callers using only the figures skip.
  return withLazyFields<typeof result, Pick<PeriodResult, 'steps'>>(result, {
    steps() {
      return periodSteps(terms, figures);
    },
  });
}

interface Figures {
  readonly atRisk: Dec;
  readonly achievement: Dec;
  readonly earned: Dec;
  readonly withheld: Dec;
  readonly payable: Dec;
  readonly deducted: Dec;
}

function periodSteps(terms: PeriodTerms, f: Figures): Step[] {
  const steps = [
    step(
      'at-risk',
      `At risk: ${percentText(terms.atRiskRate)} of contract value ${moneyText(terms.contractValue)} = ${moneyText(f.atRisk)}.`,
    ),
  ];
  if (terms.metrics.length === 0) {
    steps.push(
      step('no-metrics', 'No metrics: nothing is at risk, so nothing is earned or withheld.'),
    );
  }
  for (const m of terms.metrics) {
    steps.push(
      step(
        'metric',
        `${m.name} (weight ${percentText(m.weight)}, ${m.score.scoring}, ${m.score.direction} is better): ${m.score.text()}.`,
      ),
    );
  }
  if (terms.metrics.length > 0) {
    steps.push(
      step(
        'earned',
        `Weighted achievement ${percentText(f.achievement)}: earned ${moneyText(f.atRisk)} × ${percentText(f.achievement)} = ${moneyText(f.earned)}; withheld ${moneyText(f.withheld)}.`,
      ),
    );
  }
  steps.push(phasingStep(terms, f));
  return steps;
}

function phasingStep(terms: PeriodTerms, f: Figures): Step {
  if (terms.phasing === 'shadow') {
    return step(
      'shadow',
      `Shadow period (measured, not applied): the provider receives the full ${moneyText(f.atRisk)} at risk; performance would have earned ${moneyText(f.earned)}.`,
    );
  }
  if (terms.appliedFraction.equals(ONE)) {
    return step(
      'applied',
      `Full risk applied: payable ${moneyText(f.payable)}, deducted ${moneyText(f.deducted)}.`,
    );
  }
  const rest = ONE.minus(terms.appliedFraction);
  return step(
    'applied',
    `Risk applied at ${percentText(terms.appliedFraction)}: payable ${moneyText(f.atRisk)} × ${percentText(rest)} + ${moneyText(f.earned)} × ${percentText(terms.appliedFraction)} = ${moneyText(f.payable)}; deducted ${moneyText(f.deducted)}.`,
  );
}

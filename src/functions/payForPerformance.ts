import { bcfQuarterReleased } from '../engine/bcfPerformancePayment/bcfPerformancePayment';
import {
  metricAchievement,
  performancePayment,
  type AchievementBand,
  type Direction,
  type MetricInput,
  type Scoring,
} from '../engine/payForPerformance/performancePayment';
import { P4P as P4P_SCOPE } from '../engine/payForPerformance/metricAchievement';
import { fraction } from '../engine/validate';
import {
  ArgumentError,
  aligned,
  amount,
  amountIn,
  cells,
  isBlank,
  isOmitted,
  optionalAmount,
  optionalText,
  rows,
  type ExcelArgument,
  type RangeCell,
} from './coerce';
import { excelCall, type FieldLabels } from './excelErrors';

/** Achievement bands from a two-column range (floor, payout), blank rows skipped. */
function achievementBands(value: ExcelArgument): {
  bands: AchievementBand[];
  rows: RangeCell[][];
} {
  const table = rows('bands', value).filter((row) => row.some((cell) => !isBlank(cell.value)));
  if (table.some((row) => row.length !== 2)) {
    throw new ArgumentError(
      'bands needs two columns: the progress floor (0.5 = halfway to target) and the payout.',
      'bands',
      value,
    );
  }
  const bands = table.map(([floor, payout]) => ({
    floor: floor === undefined ? '' : amountIn(floor),
    payout: payout === undefined ? '' : amountIn(payout),
  }));
  return { bands, rows: table };
}

/**
 * How far a metric got from its baseline to its target, from 0 to 1. Linear scoring: 0 at the baseline, 1 at the target, in between pro rata. Threshold: 1 if the target is met, else 0. Bands: the payout of the highest band reached.
 * @customfunction ACHIEVEMENT
 * @param baseline Where the metric started (may be left empty for threshold scoring).
 * @param target The target.
 * @param actual The outcome achieved.
 * @param [direction] "higher" if more is better (e.g. people still at home), "lower" if less is better (e.g. admissions). Default "higher".
 * @param [scoring] "linear", "threshold" or "bands". Default "linear".
 * @param [bands] For bands scoring: two columns, the progress floor (0.5 = halfway) and the payout (a fraction), lowest floor first.
 * @returns The achievement, from 0 to 1 (format the cell as a percentage).
 * @example =BCF.ACHIEVEMENT(60, 80, 75) gives 0.75: three quarters of the way from 60 to 80.
 */
export function ACHIEVEMENT(
  baseline: unknown,
  target: unknown,
  actual: unknown,
  direction?: unknown,
  scoring?: unknown,
  bands?: unknown[][],
): number {
  const input = excelCall(() => {
    const banded = isOmitted(bands) ? undefined : achievementBands(bands);
    return {
      banded,
      metric: {
        baseline: optionalAmount('baseline', baseline),
        target: amount('target', target),
        actual: amount('actual', actual),
        // Any text: the engine checks it is one of its options and names it if not.
        direction: (optionalText('direction', direction) ?? 'higher') as Direction,
        scoring: optionalText('scoring', scoring) as Scoring | undefined,
        bands: banded?.bands,
      },
    };
  });
  return excelCall(
    () => metricAchievement(input.metric).toNumber(),
    (field) => {
      const match = /^bands\[(\d+)\]\.(floor|payout)$/.exec(field);
      const row = match === null ? undefined : input.banded?.rows[Number(match[1])];
      return row?.[match?.[2] === 'floor' ? 0 : 1]?.label;
    },
  );
}

/** One weighted metric as given: its weight and achievement cells. */
interface MetricCells {
  readonly weight: RangeCell;
  readonly achievement: RangeCell;
}

function metricCells(weights: ExcelArgument, achievements: ExcelArgument): MetricCells[] {
  const weightCells = cells('weights', weights);
  const achieved = aligned('achievements', achievements, weightCells.length, 'weights', false);
  return weightCells
    .map((weight, i) => ({ weight, achievement: achieved[i] }))
    .filter((m): m is MetricCells => m.achievement !== undefined)
    .filter((m) => !(isBlank(m.weight.value) && isBlank(m.achievement.value)));
}

/** Metrics whose achievement is given: scored linearly from 0 to 1, so achievement = actual. */
function givenAchievements(metrics: readonly MetricCells[]): MetricInput[] {
  return metrics.map((m, i) => ({
    name: `Metric ${i + 1}`,
    weight: amountIn(m.weight),
    baseline: 0,
    target: 1,
    actual: fraction(P4P_SCOPE, m.achievement.label, amountIn(m.achievement)),
    direction: 'higher',
    scoring: 'linear',
  }));
}

function metricLabels(metrics: readonly MetricCells[]): FieldLabels {
  return (field) => {
    if (field === 'metrics') return 'weights';
    const match = /^metrics\[(\d+)\]\.(weight|actual)$/.exec(field);
    const metric = match === null ? undefined : metrics[Number(match[1])];
    return match?.[2] === 'weight' ? metric?.weight.label : metric?.achievement.label;
  };
}

/**
 * Pay for performance: the part of the at-risk sum (contract value × at-risk rate) that is paid, earned by the weighted achievements; with an applied fraction below 1, the rest of the at-risk sum is paid regardless (a ramp). To the penny.
 * @customfunction P4P
 * @param contractValue Contract value for the period.
 * @param atRiskRate Fraction of the contract value at risk, e.g. 2.5%.
 * @param weights Each metric's weight (fractions adding up to 1), one cell per metric.
 * @param achievements Each metric's achievement from 0 to 1 (e.g. from BCF.ACHIEVEMENT), lined up with weights.
 * @param [appliedFraction] How much of the risk applies, from 0 (measured only) to 1 (full risk). Default 1.
 * @returns The at-risk sum payable in pounds: at risk × (1 − applied) + earned × applied.
 * @example =BCF.P4P(1000000, 2.5%, A2:A3, B2:B3) with weights 60%, 40% and achievements 75%, 100% gives 21,250.00.
 */
export function P4P(
  contractValue: unknown,
  atRiskRate: unknown,
  weights: unknown[][],
  achievements: unknown[][],
  appliedFraction?: unknown,
): number {
  const terms = excelCall(() => {
    const metrics = metricCells(weights, achievements);
    return {
      metrics,
      input: {
        contractValue: amount('contractValue', contractValue),
        atRiskRate: amount('atRiskRate', atRiskRate),
        appliedFraction: optionalAmount('appliedFraction', appliedFraction),
        metrics: givenAchievements(metrics),
      },
    };
  });
  return excelCall(
    () => performancePayment(terms.input).payable.toNumber(),
    metricLabels(terms.metrics),
  );
}

/**
 * BCF 2015/16 payment for performance for one quarter: the part of the performance sum (planned reduction in emergency admissions × unit cost) released for the reduction achieved, to the penny.
 * @customfunction BCFP4P
 * @param baseline Baseline non-elective (emergency) admissions in the quarter.
 * @param actual Actual admissions in the quarter.
 * @param ambition Planned reduction as a fraction of the baseline; leave empty for 3.5%.
 * @param unitCost Cost of one non-elective admission.
 * @returns The sum released in pounds: performance sum × achievement (reduction achieved ÷ planned, from 0 to 1).
 * @example =BCF.BCFP4P(10000, 9895, 3.5%, 1490) gives 156,450.00: 30% of the planned 350 fewer admissions, so 30% of £521,500.00.
 */
export function BCFP4P(
  baseline: unknown,
  actual: unknown,
  ambition: unknown,
  unitCost: unknown,
): number {
  const input = excelCall(() => ({
    baseline: amount('baseline', baseline),
    actual: amount('actual', actual),
    ambition: optionalAmount('ambition', ambition),
    unitCost: amount('unitCost', unitCost),
  }));
  return excelCall(() =>
    bcfQuarterReleased(input.baseline, input.actual, input.ambition, input.unitCost).toNumber(),
  );
}

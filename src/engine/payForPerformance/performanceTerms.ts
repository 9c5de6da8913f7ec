import { type Amount, type Dec, moneyText, roundPence, ZERO } from '../decimal';
import { ErrorKind, fail, quote } from '../errors';
import { P4P, scoreMetric, type MetricScoringInput } from './metricAchievement';
import type { PeriodTerms, Phasing, ScoredMetric } from './performancePeriod';
import {
  decimal,
  fraction,
  requireName,
  nonEmpty,
  nonNegative,
  option,
  sumsToOne,
  unique,
} from '../validate';

/**
 * The input of pay for performance and its validation into the terms of each period
 * (see performancePayment.ts for the calculation).
 */

/** One weighted metric of an outcome incentive. */
export interface MetricInput extends Omit<MetricScoringInput, 'actual'> {
  readonly name: string;
  /** A fraction; the weights of a period's metrics sum to 1. */
  readonly weight: Amount;
  /** The outcome; may be left out when every period gives it in `actuals`. */
  readonly actual?: Amount;
}

/** The terms a period may set; any it leaves out are taken from the top level of the input. */
export interface PeriodTermsInput {
  /** Contract value for the period (e.g. a year's or a quarter's value). */
  readonly contractValue?: Amount;
  /** Fraction of contract value at risk, e.g. 0.025. */
  readonly atRiskRate?: Amount;
  /** Default `applied`. */
  readonly phasing?: Phasing;
  /** Fraction of the risk applied (0–1), default 1; must be 0 or absent for `shadow`. */
  readonly appliedFraction?: Amount;
  readonly metrics?: readonly MetricInput[];
}

/** One period (year, quarter) of a multi-period schedule. */
export interface PeriodInput extends PeriodTermsInput {
  /** Label, e.g. "Year 2 Q3"; unique. */
  readonly period: string;
  /** The period's actual for each metric, by metric name; overrides the metric's `actual`. */
  readonly actuals?: Readonly<Record<string, Amount>>;
}

/** Pay-for-performance terms: one period (top-level fields), or a schedule of `periods`. */
export interface PerformancePaymentInput extends PeriodTermsInput {
  /** Label of a single period (default "Contract period"); ignored when `periods` is given. */
  readonly period?: string;
  readonly periods?: readonly PeriodInput[];
}

/** The periods with their field-path prefixes: the top level alone, or each of `periods`. */
export function scheduleOf(input: PerformancePaymentInput): [PeriodInput, string][] {
  if (input.periods === undefined) {
    const label =
      input.period === undefined ? 'Contract period' : requireName(P4P, 'period', input.period);
    return [[{ period: label }, '']];
  }
  const periods = nonEmpty(P4P, 'periods', input.periods);
  const labels = periods.map((p, i) => requireName(P4P, `periods[${i}].period`, p.period));
  unique(P4P, 'periods', labels);
  return periods.map((p, i) => [{ ...p, period: labels[i] ?? p.period }, `periods[${i}].`]);
}

type Field = readonly [value: unknown, field: string];

/** Validates one period's terms, taking any the period leaves out from the top level. */
export function periodTerms(
  top: PerformancePaymentInput,
  p: PeriodInput,
  path: string,
): PeriodTerms {
  const pick = (key: keyof PeriodTermsInput): Field =>
    p[key] !== undefined && path !== '' ? [p[key], `${path}${key}`] : [top[key], key];
  const [cv, cvField] = pick('contractValue');
  const [rate, rateField] = pick('atRiskRate');
  const contractValue = nonNegative(P4P, cvField, cv as Amount);
  const atRiskRate = fraction(P4P, rateField, rate as Amount);
  const [phasing, appliedFraction] = phasingOf(pick('phasing'), pick('appliedFraction'));
  const [metrics, metricsField] = pick('metrics');
  const scored = scoredMetrics(
    metrics as readonly MetricInput[] | undefined,
    metricsField,
    p.actuals,
    path,
  );
  if (scored.length === 0 && !roundPence(contractValue.times(atRiskRate)).isZero()) {
    fail(
      P4P,
      ErrorKind.EMPTY,
      metricsField,
      metrics,
      `${metricsField} is empty, but ${moneyText(contractValue.times(atRiskRate))} is at risk; add the metrics that earn it, or set the at-risk rate to 0.`,
    );
  }
  return { period: p.period, contractValue, atRiskRate, phasing, appliedFraction, metrics: scored };
}

function phasingOf(
  [phasingValue, phasingField]: Field,
  [fractionValue, fractionField]: Field,
): [Phasing, Dec] {
  const phasing = option<Phasing>(
    P4P,
    phasingField,
    phasingValue,
    ['applied', 'shadow'],
    'applied',
  );
  if (fractionValue === undefined || fractionValue === null || fractionValue === '') {
    return [phasing, phasing === 'shadow' ? ZERO : fraction(P4P, fractionField, 1)];
  }
  const applied = fraction(P4P, fractionField, fractionValue as Amount);
  if (phasing === 'shadow' && !applied.isZero()) {
    fail(
      P4P,
      ErrorKind.INCONSISTENT,
      fractionField,
      fractionValue,
      `${fractionField} is ${quote(fractionValue)}, but ${phasingField} is shadow (measured, not applied); leave out the applied fraction or set phasing to applied.`,
    );
  }
  return [phasing, applied];
}

function scoredMetrics(
  raw: readonly MetricInput[] | undefined,
  field: string,
  actuals: Readonly<Record<string, Amount>> | undefined,
  path: string,
): ScoredMetric[] {
  const list = raw ?? [];
  const names = list.map((m, i) => requireName(P4P, `${field}[${i}].name`, m.name));
  unique(P4P, field, names);
  checkActualsNamed(actuals, names, path);
  const scored = list.map((m, i) => {
    const metricName = names[i] ?? m.name;
    const actual = actualOf(m, metricName, actuals, `${field}[${i}].`, path);
    // Field by field rather than `{ ...m, name, actual }`: V8 spreads objects slowly.
    const scoring = {
      name: metricName,
      baseline: m.baseline,
      target: m.target,
      actual,
      direction: m.direction,
      scoring: m.scoring,
      bands: m.bands,
    };
    const score = scoreMetric(scoring, `${field}[${i}].`);
    return { name: metricName, weight: fraction(P4P, `${field}[${i}].weight`, m.weight), score };
  });
  if (scored.length > 0) {
    sumsToOne(
      P4P,
      ErrorKind.WEIGHTS_NOT_ONE,
      field,
      scored.map((m) => m.weight),
      field === 'metrics' ? 'Metric weights' : `Metric weights in ${field}`,
    );
  }
  return scored;
}

/** A metric's actual: the period's `actuals` entry if there is one, else the metric's own. */
function actualOf(
  metric: MetricInput,
  metricName: string,
  actuals: Readonly<Record<string, Amount>> | undefined,
  metricPath: string,
  periodPath: string,
): Dec {
  const own = actuals?.[metricName];
  if (own !== undefined) return decimal(P4P, `${periodPath}actuals.${metricName}`, own);
  if (periodPath !== '' && (metric.actual === undefined || metric.actual === null)) {
    fail(
      P4P,
      ErrorKind.MISSING,
      `${periodPath}actuals.${metricName}`,
      undefined,
      `${periodPath}actuals has no actual for "${metricName}", and ${metricPath}actual is missing.`,
    );
  }
  return decimal(P4P, `${metricPath}actual`, metric.actual);
}

function checkActualsNamed(
  actuals: Readonly<Record<string, Amount>> | undefined,
  names: readonly string[],
  path: string,
): void {
  for (const key of Object.keys(actuals ?? {})) {
    if (!names.includes(key)) {
      fail(
        P4P,
        ErrorKind.UNKNOWN_OPTION,
        `${path}actuals`,
        key,
        `${path}actuals names ${quote(key)}, which is not a metric; the metrics are ${names.join(', ')}.`,
      );
    }
  }
}

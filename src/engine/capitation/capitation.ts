import { Dec, ONE, ZERO, roundPence, sum, type Amount } from '../decimal';
import type { Step } from '../explain';
import {
  ScheduleFactors,
  annualChange,
  asOne,
  efficiencyRate,
  inYear,
  isBlank,
} from './capitationRate';
import { scheduleSteps } from './capitationSteps';
import {
  populationTolerance,
  toleranceOutcome,
  type PopulationTolerance,
  type PopulationToleranceInput,
} from './capitationTolerance';
import { withLazyFields } from '../lazyFields';
import { integer, requireName, nonEmpty, nonNegative, unique } from '../validate';

export { capitationAmount, capitationRate, type CapitationAmountInput } from './capitationRate';
export type {
  PopulationActualInput,
  PopulationToleranceInput,
  ToleranceBasis,
} from './capitationTolerance';

const SCOPE = 'CAPITATION';

/** One population segment (an age band, a risk tier) with its own rate and weight. */
export interface CapitationSegmentInput {
  readonly name: string;
  /** People in the segment in the first year. */
  readonly population: Amount;
  /** Amount per person a year in the first year. */
  readonly annualRate: Amount;
  /** Risk weight; default 1. */
  readonly weight?: Amount;
  /** Overrides the global uplift, efficiency or population growth for this segment. */
  readonly uplift?: Amount;
  readonly efficiency?: Amount;
  readonly populationGrowth?: Amount;
}

/** A capitation budget: segments, years, and annual changes (all fractions, 0.013 is 1.3%). */
export interface CapitationInput {
  readonly segments: readonly CapitationSegmentInput[];
  /** Number of years; default 1. */
  readonly years?: Amount;
  /** Annual uplift to the rate, from −1 to 1; default 0. */
  readonly uplift?: Amount;
  /** Annual efficiency deduction from the rate, from 0 to 1; default 0. */
  readonly efficiency?: Amount;
  /** Annual growth of each segment's population, from −1 to 1; default 0. */
  readonly populationGrowth?: Amount;
  /** Optional population tolerance with actual populations. */
  readonly tolerance?: PopulationToleranceInput;
}

/** One segment in one year. `rate` is per head before weighting; the budget is in pence. */
export interface CapitationSegmentYear {
  readonly segment: string;
  readonly projectedPopulation: Dec;
  readonly rate: Dec;
  readonly weight: Dec;
  readonly budget: Dec;
  readonly actualPopulation?: Dec;
  readonly varianceInPopulation?: Dec;
  readonly varianceFraction?: Dec;
  readonly adjustment?: Dec;
}

/** One year: its segments and totals (sums of the rounded segment figures). */
export interface CapitationYear {
  /** y: 0 for the first year. */
  readonly yearIndex: number;
  readonly segments: readonly CapitationSegmentYear[];
  readonly budget: Dec;
  readonly adjustment?: Dec;
  readonly adjustedBudget?: Dec;
}

/** Budgets per year and in total, with tolerance adjustments when actuals are given. */
export interface CapitationResult {
  readonly years: readonly CapitationYear[];
  readonly total: Dec;
  readonly totalAdjustment?: Dec;
  readonly adjustedTotal?: Dec;
  readonly steps: readonly Step[];
}

interface Segment {
  readonly name: string;
  readonly population: Dec;
  readonly annualRate: Dec;
  readonly weight: Dec;
  readonly uplift: Dec;
  readonly efficiency: Dec;
  readonly populationGrowth: Dec;
}

function segments(input: CapitationInput): Segment[] {
  const uplift = annualChange('uplift', input.uplift, ZERO);
  const efficiency = efficiencyRate('efficiency', input.efficiency, ZERO);
  const growth = annualChange('populationGrowth', input.populationGrowth, ZERO);
  const parsed = nonEmpty(SCOPE, 'segments', input.segments).map((s, i) => {
    const field = `segments[${i}]`;
    return {
      name: requireName(SCOPE, `${field}.name`, s.name),
      population: nonNegative(SCOPE, `${field}.population`, s.population),
      annualRate: nonNegative(SCOPE, `${field}.annualRate`, s.annualRate),
      weight: isBlank(s.weight) ? ONE : asOne(nonNegative(SCOPE, `${field}.weight`, s.weight)),
      uplift: annualChange(`${field}.uplift`, s.uplift, uplift),
      efficiency: efficiencyRate(`${field}.efficiency`, s.efficiency, efficiency),
      populationGrowth: annualChange(`${field}.populationGrowth`, s.populationGrowth, growth),
    };
  });
  unique(
    SCOPE,
    'segments',
    parsed.map((s) => s.name),
  );
  return parsed;
}

/**
 * `value × factor`, without the multiplication when the factor is the constant ONE (a
 * weight of 1, the first year's growth): multiplying by 1 would only round a value of
 * more than 40 significant digits, so such a value is still multiplied.
 */
function scaled(value: Dec, factor: Dec): Dec {
  return factor === ONE && value.precision() <= Dec.precision ? value : value.times(factor);
}

/** A segment's population growth factors and rates by year: see {@link ScheduleFactors}. */
interface SegmentFactors {
  readonly growth: readonly Dec[];
  readonly rates: readonly Dec[];
}

function segmentYear(
  segment: Segment,
  factors: SegmentFactors,
  yearIndex: number,
  actual: Dec | undefined,
  tolerance: PopulationTolerance | undefined,
): CapitationSegmentYear {
  // The same figures as projectedPopulation and capitationRate, looked up by year.
  const projected = scaled(segment.population, inYear(factors.growth, yearIndex));
  const rate = inYear(factors.rates, yearIndex);
  const budget = roundPence(scaled(projected.times(rate), segment.weight));
  const figure = {
    segment: segment.name,
    projectedPopulation: projected,
    rate,
    weight: segment.weight,
    budget,
  };
  if (tolerance === undefined || actual === undefined) return figure;
  const outcome = toleranceOutcome(tolerance, projected, actual, rate.times(segment.weight));
  return {
    ...figure,
    actualPopulation: actual,
    varianceInPopulation: outcome.varianceInPopulation,
    varianceFraction: outcome.varianceFraction,
    adjustment: outcome.adjustment,
  };
}

/**
 * Capitation budgets per segment and year: `population(y) × rate(y) × weight`, each
 * rounded to pence, where `rate(y) = annualRate × (1 + uplift)^y × (1 − efficiency)^y`
 * and `population(y) = population × (1 + populationGrowth)^y` (y = 0 for the first
 * year; the projection is not rounded). Year totals and the overall total are sums of
 * the rounded figures. With a tolerance, each segment-year that has an actual
 * population gets an adjustment (see {@link PopulationToleranceInput}) at the
 * segment's weighted rate, `rate(y) × weight`.
 *
 * Edge cases: a population of 0 gives a budget of £0.00 (not an error); a negative
 * population is an error; segments without an actual population get no adjustment;
 * tolerance with no actuals gives adjustments of £0.00.
 *
 * Rates and growth factors are worked out once per distinct value and year, and the
 * steps (a line per segment-year) are written out when first read, so large schedules
 * used only for their figures stay quick.
 *
 * @param input - segments, years and annual changes (see {@link CapitationInput}).
 * @returns budgets per segment, per year and in total, and the steps that explain them.
 * @throws EngineError `CAPITATION.*` for invalid input, naming the field and value.
 * @example
 * capitationBudget({ segments: [{ name: 'MSK', population: 1, annualRate: 26500000 }],
 *   years: 5, uplift: 0.013 }).total // 135990076.86 (King's Fund 2014, Bedfordshire MSK)
 */
export function capitationBudget(input: CapitationInput): CapitationResult {
  const parsed = segments(input);
  const count = isBlank(input.years) ? 1 : integer(SCOPE, 'years', input.years, 1);
  const tolerance =
    input.tolerance === undefined
      ? undefined
      : populationTolerance(
          input.tolerance,
          parsed.map((s) => s.name),
          count,
        );
  const schedule = new ScheduleFactors(count);
  const factors = parsed.map((s) => ({
    growth: schedule.growthByYear(s.populationGrowth),
    rates: schedule.ratesByYear(s.annualRate, s.uplift, s.efficiency),
  }));
  const years = Array.from({ length: count }, (_, yearIndex): CapitationYear => {
    const rows = parsed.map((s, i) => {
      const actual = tolerance?.actualPopulation(i, yearIndex);
      return segmentYear(s, factors[i] as SegmentFactors, yearIndex, actual, tolerance);
    });
    const budget = sum(rows.map((r) => r.budget));
    const year: CapitationYear = { yearIndex, segments: rows, budget };
    if (tolerance === undefined) return year;
    const adjustment = sum(rows.map((r) => r.adjustment ?? ZERO));
    return { ...year, adjustment, adjustedBudget: budget.plus(adjustment) };
  });
  const total = sum(years.map((y) => y.budget));
  const totalAdjustment =
    tolerance === undefined ? undefined : sum(years.map((y) => y.adjustment ?? ZERO));
  const figures =
    totalAdjustment === undefined
      ? { years, total }
      : { years, total, totalAdjustment, adjustedTotal: total.plus(totalAdjustment) };
  // The steps (one per segment-year: 100,000 for 10,000 segments over 10 years) are
  // written out when first read, so a caller that uses only the figures skips them.
  return withLazyFields<typeof figures, Pick<CapitationResult, 'steps'>>(figures, {
    steps(): Step[] {
      return scheduleSteps(parsed, years, tolerance, { total, adjustment: totalAdjustment });
    },
  });
}

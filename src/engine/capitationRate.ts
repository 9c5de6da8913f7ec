import { Dec, ONE, ZERO, roundPence, type Amount } from './decimal';
import { fraction, inRange, integer, nonNegative } from './validate';

const SCOPE = 'CAPITATION';
const MINUS_ONE = new Dec(-1);

/** An input left out or left blank takes its documented default. */
export const isBlank = (value: unknown): value is undefined | null | '' =>
  value === undefined || value === null || value === '';

/**
 * The per-head rate in year `y` (y = 0 for the first year), exact:
 * `annualRate × (1 + uplift)^y × (1 − efficiency)^y`. Unchecked: callers validate.
 */
export function capitationRate(
  annualRate: Dec,
  uplift: Dec,
  efficiency: Dec,
  yearIndex: number,
): Dec {
  return annualRate
    .times(ONE.plus(uplift).pow(yearIndex))
    .times(ONE.minus(efficiency).pow(yearIndex));
}

/** The population in year `y` grown from the first year's, exact (a projection, never rounded). */
export function projectedPopulation(population: Dec, growth: Dec, yearIndex: number): Dec {
  return population.times(ONE.plus(growth).pow(yearIndex));
}

/** An annual uplift or population growth: a fraction from −1 to 1 (−0.02 is a 2% fall). */
export function annualChange(field: string, value: Amount | null | undefined, fallback: Dec): Dec {
  return isBlank(value) ? fallback : inRange(SCOPE, field, value, MINUS_ONE, ONE);
}

/** An efficiency deduction: a fraction from 0 to 1. */
export function efficiencyRate(
  field: string,
  value: Amount | null | undefined,
  fallback: Dec,
): Dec {
  return isBlank(value) ? fallback : fraction(SCOPE, field, value);
}

/** The inputs of one single-segment, single-year capitation figure (e.g. `=BCF.CAPITATION`). */
export interface CapitationAmountInput {
  /** People covered; not grown (give the year's own population). */
  readonly population: Amount;
  /** Amount per person a year in the first year. */
  readonly annualRate: Amount;
  /** Annual uplift, a fraction (0.013 is 1.3%); default 0. */
  readonly uplift?: Amount;
  /** y: 0 for the first year; default 0. */
  readonly yearIndex?: Amount;
  /** Annual efficiency deduction, a fraction; default 0. */
  readonly efficiency?: Amount;
  /** Risk weight of the segment; default 1. */
  readonly weight?: Amount;
}

/**
 * One capitation figure: `population × rate(y) × weight`, rounded to pence, with
 * `rate(y) = annualRate × (1 + uplift)^y × (1 − efficiency)^y`. The population is taken
 * as given (not grown), so a worksheet can pass each year's own count. Cheap: a few
 * decimal multiplications and two integer powers.
 *
 * @param input - population, annual rate and optional uplift, year index, efficiency, weight.
 * @returns the amount in pence.
 * @throws EngineError `CAPITATION.NEGATIVE` (population, rate, weight), `CAPITATION.OUT_OF_RANGE`
 *   (uplift), `CAPITATION.NOT_A_FRACTION` (efficiency), `CAPITATION.NOT_AN_INTEGER` (yearIndex),
 *   `CAPITATION.NOT_A_NUMBER` / `MISSING`.
 * @example capitationAmount({ population: 1, annualRate: 26500000, uplift: 0.013, yearIndex: 2 }) // 27193478.50
 */
export function capitationAmount(input: CapitationAmountInput): Dec {
  const population = nonNegative(SCOPE, 'population', input.population);
  const annualRate = nonNegative(SCOPE, 'annualRate', input.annualRate);
  const uplift = annualChange('uplift', input.uplift, ZERO);
  const yearIndex = isBlank(input.yearIndex) ? 0 : integer(SCOPE, 'yearIndex', input.yearIndex);
  const efficiency = efficiencyRate('efficiency', input.efficiency, ZERO);
  const weight = isBlank(input.weight) ? ONE : nonNegative(SCOPE, 'weight', input.weight);
  return roundPence(
    population.times(capitationRate(annualRate, uplift, efficiency, yearIndex)).times(weight),
  );
}

import { Dec, ONE, ZERO, roundPence, type Amount } from '../decimal';
import { fraction, inRange, integer, nonNegative } from '../validate';

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
  return rateInYear(
    annualRate,
    growthFactor(uplift, yearIndex),
    efficiencyFactor(efficiency, yearIndex),
  );
}

/** The rate in a year from its compound factors: `annualRate × upliftFactor × efficiencyFactor`. */
export function rateInYear(annualRate: Dec, upliftFactor: Dec, efficiencyFactor: Dec): Dec {
  return annualRate.times(upliftFactor).times(efficiencyFactor);
}

/** The population in year `y` grown from the first year's, exact (a projection, never rounded). */
export function projectedPopulation(population: Dec, growth: Dec, yearIndex: number): Dec {
  return population.times(growthFactor(growth, yearIndex));
}

/** `(1 + change)^y`: an annual uplift or growth compounded over y years. */
export function growthFactor(change: Dec, yearIndex: number): Dec {
  return ONE.plus(change).pow(yearIndex);
}

/** `(1 − efficiency)^y`: an annual efficiency deduction compounded over y years. */
export function efficiencyFactor(efficiency: Dec, yearIndex: number): Dec {
  return ONE.minus(efficiency).pow(yearIndex);
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

/**
 * A schedule's rates and growth factors for every year, worked out once per distinct
 * value: a schedule has thousands of segments but few distinct uplifts, efficiencies and
 * growth rates, and segments such as practices in one age band often share a tariff.
 * Every figure is exactly what {@link growthFactor}, {@link efficiencyFactor} and
 * {@link rateInYear} give for that segment and year.
 */
export class ScheduleFactors {
  private readonly growth = new Map<string, readonly Dec[]>();
  private readonly efficiency = new Map<string, readonly Dec[]>();
  private readonly rates = new Map<string, readonly Dec[]>();

  constructor(private readonly years: number) {}

  /** `(1 + change)^y` for y = 0 … years − 1. */
  growthByYear(change: Dec): readonly Dec[] {
    // Keyed by the digits: 1 ± −0 is 1, as 1 ± 0 is, so the sign of a zero does not matter.
    // The first year's factor is 1, kept as the constant ONE: see asOne.
    return known(this.growth, change.toString(), this.years, (y) => asOne(growthFactor(change, y)));
  }

  /** `(1 − efficiency)^y` for y = 0 … years − 1. */
  efficiencyByYear(efficiency: Dec): readonly Dec[] {
    const key = efficiency.toString();
    return known(this.efficiency, key, this.years, (y) => efficiencyFactor(efficiency, y));
  }

  /** The rate a head in each year: `annualRate × (1 + uplift)^y × (1 − efficiency)^y`. */
  ratesByYear(annualRate: Dec, uplift: Dec, efficiency: Dec): readonly Dec[] {
    // The sign of a zero rate is kept (−0 × factors is −0), so it is part of the key.
    const sign = annualRate.isNegative() ? '-' : '+';
    const key = `${sign}${annualRate.toString()} ${uplift.toString()} ${efficiency.toString()}`;
    const upliftFactors = this.growthByYear(uplift);
    const efficiencyFactors = this.efficiencyByYear(efficiency);
    return known(this.rates, key, this.years, (y) =>
      rateInYear(annualRate, inYear(upliftFactors, y), inYear(efficiencyFactors, y)),
    );
  }
}

/**
 * A figure equal to 1 as the constant ONE (the same value, sign and digits), so that a
 * multiplication by it can be seen to change nothing without comparing decimals.
 */
export function asOne(figure: Dec): Dec {
  return figure.equals(ONE) ? ONE : figure;
}

/** The figure of one year from a list by year (every list covers every year of its schedule). */
export function inYear(byYear: readonly Dec[], yearIndex: number): Dec {
  const figure = byYear[yearIndex];
  if (figure === undefined) throw new RangeError(`No figure for year index ${yearIndex}.`);
  return figure;
}

/** The figures of `key` for every year, from `known` or worked out and kept there. */
function known(
  figures: Map<string, readonly Dec[]>,
  key: string,
  years: number,
  figure: (yearIndex: number) => Dec,
): readonly Dec[] {
  let byYear = figures.get(key);
  if (byYear === undefined) {
    byYear = Array.from({ length: years }, (_, y) => figure(y));
    figures.set(key, byYear);
  }
  return byYear;
}

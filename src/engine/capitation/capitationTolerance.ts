import { Dec, ZERO, roundPence, type Amount } from '../decimal';
import { ErrorKind, fail, quote } from '../errors';
import { isBlank } from './capitationRate';
import { fraction, integer, requireName, nonNegative, option } from '../validate';

const SCOPE = 'CAPITATION';

/** How much of a population variance beyond the band is paid for. */
export type ToleranceBasis = 'full' | 'excess';

/** A segment's actual population in one year (y = 0 for the first year). */
export interface PopulationActualInput {
  readonly segment: string;
  /** Default 0 (the first year). */
  readonly yearIndex?: Amount;
  readonly population: Amount;
}

/**
 * A population tolerance: when a segment's actual population differs from its
 * projection by more than `band` (a fraction of the projection), the budget is
 * adjusted: by the whole variance (`full`) or only the part beyond the band
 * (`excess`, the default).
 */
export interface PopulationToleranceInput {
  readonly band: Amount;
  readonly basis?: ToleranceBasis;
  readonly actuals?: readonly PopulationActualInput[];
}

/** Validated tolerance terms, with actuals keyed by segment index and year. */
export interface PopulationTolerance {
  readonly band: Dec;
  readonly basis: ToleranceBasis;
  readonly actualPopulation: (segment: number, yearIndex: number) => Dec | undefined;
}

/** The tolerance check of one segment-year. */
export interface ToleranceOutcome {
  readonly varianceInPopulation: Dec;
  /** |variance| / projection; absent when the projection is 0. */
  readonly varianceFraction?: Dec;
  readonly beyondBand: boolean;
  readonly adjustment: Dec;
}

/** Validates tolerance terms against the segments (by name) and the number of years. */
export function populationTolerance(
  input: PopulationToleranceInput,
  segments: readonly string[],
  years: number,
): PopulationTolerance {
  const band = fraction(SCOPE, 'tolerance.band', input.band);
  const basis = option(SCOPE, 'tolerance.basis', input.basis, ['full', 'excess'], 'excess');
  const actuals = new Map<string, Dec>();
  (input.actuals ?? []).forEach((line, i) => {
    const field = `tolerance.actuals[${i}]`;
    const segmentName = requireName(SCOPE, `${field}.segment`, line.segment);
    const segment = segments.findIndex((s) => s.toLowerCase() === segmentName.toLowerCase());
    if (segment < 0) {
      fail(
        SCOPE,
        ErrorKind.UNKNOWN_NAME,
        `${field}.segment`,
        line.segment,
        `${field}.segment is ${quote(line.segment)}, which is not a segment (${segments.join(', ')}).`,
      );
    }
    const yearIndex = isBlank(line.yearIndex)
      ? 0
      : integer(SCOPE, `${field}.yearIndex`, line.yearIndex);
    if (yearIndex >= years) {
      fail(
        SCOPE,
        ErrorKind.OUT_OF_RANGE,
        `${field}.yearIndex`,
        line.yearIndex,
        `${field}.yearIndex is ${quote(line.yearIndex)}; with ${years} year(s) it must be from 0 to ${years - 1}.`,
      );
    }
    const key = `${segment}:${yearIndex}`;
    if (actuals.has(key)) {
      fail(
        SCOPE,
        ErrorKind.DUPLICATE,
        'tolerance.actuals',
        segmentName,
        `tolerance.actuals gives ${quote(segments[segment])} year index ${yearIndex} twice.`,
      );
    }
    actuals.set(key, nonNegative(SCOPE, `${field}.population`, line.population));
  });
  return { band, basis, actualPopulation: (s, y) => actuals.get(`${s}:${y}`) };
}

/**
 * Checks an actual population against its projection. Beyond the band (strictly more
 * than `band × projected` away) the adjustment is `weightedRate × variance` (full) or
 * `weightedRate × sign × (|variance| − band × projected)` (excess), rounded to pence.
 * A projection of 0 with any actual population is beyond every band.
 */
export function toleranceOutcome(
  tolerance: PopulationTolerance,
  projected: Dec,
  actual: Dec,
  weightedRate: Dec,
): ToleranceOutcome {
  const variance = actual.minus(projected);
  const varianceFraction = projected.isZero() ? undefined : variance.abs().dividedBy(projected);
  const beyondBand =
    varianceFraction === undefined
      ? !variance.isZero()
      : varianceFraction.greaterThan(tolerance.band);
  if (!beyondBand) {
    return { varianceInPopulation: variance, varianceFraction, beyondBand, adjustment: ZERO };
  }
  const paidFor =
    tolerance.basis === 'full'
      ? variance
      : variance
          .abs()
          .minus(tolerance.band.times(projected))
          .times(variance.isNegative() ? -1 : 1);
  return {
    varianceInPopulation: variance,
    varianceFraction,
    beyondBand,
    adjustment: roundPence(weightedRate.times(paidFor)),
  };
}

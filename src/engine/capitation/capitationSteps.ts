import { Dec, moneyText, percentText } from '../decimal';
import { step, type Step } from '../explain';
import {
  toleranceOutcome,
  type PopulationTolerance,
  type ToleranceOutcome,
} from './capitationTolerance';

/** The explanation lines of a capitation budget, for a finance reviewer. */

/** A quantity with thousands separators and up to `places` decimals, e.g. "10,302.5". */
export function quantityText(value: Dec, places = 4): string {
  const [whole = '0', decimals] = value.toDecimalPlaces(places).toString().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return decimals === undefined ? grouped : `${grouped}.${decimals}`;
}

/** A rate per head: pounds with at least 2 and up to 4 decimals, e.g. "£252.9549", "£250.50". */
function perHead(rate: Dec): string {
  const [whole, decimals = ''] = quantityText(rate).split('.');
  return `£${whole}.${decimals.padEnd(2, '0')}`;
}
const yearName = (y: number): string => `Year ${y + 1} (y = ${y})`;

/** What the budget of one segment-year is made of. */
export interface SegmentFigure {
  readonly segment: string;
  readonly population: Dec;
  readonly annualRate: Dec;
  readonly uplift: Dec;
  readonly efficiency: Dec;
  readonly populationGrowth: Dec;
  readonly weight: Dec;
  readonly projectedPopulation: Dec;
  readonly rate: Dec;
  readonly budget: Dec;
}

function rateText(f: SegmentFigure, y: number): string {
  const factors = [
    f.uplift.isZero() ? '' : ` × (1 + ${percentText(f.uplift)})^${y}`,
    f.efficiency.isZero() ? '' : ` × (1 − ${percentText(f.efficiency)})^${y}`,
  ].join('');
  return y === 0 || factors === ''
    ? perHead(f.rate)
    : `${perHead(f.annualRate)}${factors} = ${perHead(f.rate)}`;
}

function populationText(f: SegmentFigure, y: number): string {
  return y === 0 || f.populationGrowth.isZero()
    ? quantityText(f.projectedPopulation)
    : `${quantityText(f.population)} × (1 + ${percentText(f.populationGrowth)})^${y} = ${quantityText(f.projectedPopulation)}`;
}

/** "Year 2 (y = 1), MSK: population … × rate … × weight … = £…" */
export function budgetStep(f: SegmentFigure, y: number): Step {
  return step(
    'budget',
    `${yearName(y)}, ${f.segment}: population ${populationText(f, y)} × rate ${rateText(f, y)} a head × weight ${quantityText(f.weight)} = ${moneyText(f.budget)} (rounded to pence).`,
  );
}

/** The tolerance check of one segment-year and the adjustment it gives. */
export function toleranceStep(
  y: number,
  segment: string,
  tolerance: PopulationTolerance,
  projected: Dec,
  actual: Dec,
  outcome: ToleranceOutcome,
): Step {
  const off =
    outcome.varianceFraction === undefined
      ? 'against a projection of 0'
      : `${percentText(outcome.varianceFraction)} of the projection`;
  const verdict = outcome.beyondBand
    ? `beyond the ${percentText(tolerance.band)} band, so the ${tolerance.basis === 'full' ? 'whole variance' : 'variance beyond the band'} is paid at the weighted rate: adjustment ${moneyText(outcome.adjustment)}`
    : `within the ${percentText(tolerance.band)} band: no adjustment`;
  return step(
    'tolerance',
    `${yearName(y)}, ${segment}: actual population ${quantityText(actual)} − projected ${quantityText(projected)} = ${quantityText(outcome.varianceInPopulation)} (${off}), ${verdict}.`,
  );
}

/** A year's total as the sum of its rounded segment budgets. */
export function yearStep(year: {
  yearIndex: number;
  budget: Dec;
  adjustment?: Dec;
  adjustedBudget?: Dec;
}): Step {
  const adjusted =
    year.adjustment === undefined || year.adjustedBudget === undefined
      ? ''
      : `; with adjustments of ${moneyText(year.adjustment)}, ${moneyText(year.adjustedBudget)}`;
  return step(
    'total',
    `${yearName(year.yearIndex)} budget: ${moneyText(year.budget)} (the sum of its rounded segment budgets)${adjusted}.`,
  );
}

/** The overall total as the sum of the year budgets. */
export function totalStep(budgets: readonly Dec[], total: Dec, adjustment?: Dec): Step {
  const adjusted =
    adjustment === undefined
      ? ''
      : `; adjustments ${moneyText(adjustment)}, adjusted total ${moneyText(total.plus(adjustment))}`;
  return step(
    'total',
    `Total over ${budgets.length} year(s): ${budgets.map(moneyText).join(' + ')} = ${moneyText(total)}${adjusted}.`,
  );
}

/** A segment's terms, as the steps show them. */
export interface SegmentTerms {
  readonly name: string;
  readonly population: Dec;
  readonly annualRate: Dec;
  readonly uplift: Dec;
  readonly efficiency: Dec;
  readonly populationGrowth: Dec;
}

/** One year of a schedule, as the steps show it. */
export interface YearFigures {
  readonly yearIndex: number;
  readonly segments: readonly {
    readonly segment: string;
    readonly projectedPopulation: Dec;
    readonly rate: Dec;
    readonly weight: Dec;
    readonly budget: Dec;
    readonly actualPopulation?: Dec;
  }[];
  readonly budget: Dec;
  readonly adjustment?: Dec;
  readonly adjustedBudget?: Dec;
}

/**
 * The steps of a whole schedule: each segment-year's budget (and its tolerance check,
 * where there is an actual population), then each year's total, then the overall total.
 */
export function scheduleSteps(
  segments: readonly SegmentTerms[],
  years: readonly YearFigures[],
  tolerance: PopulationTolerance | undefined,
  totals: { readonly total: Dec; readonly adjustment?: Dec | undefined },
): Step[] {
  const steps: Step[] = [];
  for (const year of years) {
    const y = year.yearIndex;
    year.segments.forEach((row, i) => {
      const terms = segments[i];
      if (terms === undefined) return;
      steps.push(budgetStep({ ...terms, ...row }, y));
      const actual = row.actualPopulation;
      if (tolerance === undefined || actual === undefined) return;
      // The check is made again (the same figures) rather than kept for every segment-year.
      const projected = row.projectedPopulation;
      const outcome = toleranceOutcome(tolerance, projected, actual, row.rate.times(row.weight));
      steps.push(toleranceStep(y, terms.name, tolerance, projected, actual, outcome));
    });
  }
  steps.push(...years.map(yearStep));
  const budgets = years.map((year) => year.budget);
  steps.push(totalStep(budgets, totals.total, totals.adjustment));
  return steps;
}

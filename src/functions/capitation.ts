import { capitationAmount, capitationBudget } from '../engine/capitation/capitation';
import { sum, type Amount } from '../engine/decimal';
import {
  ArgumentError,
  aligned,
  amountIn,
  cells,
  isBlank,
  isOmitted,
  amount,
  optionalAmount,
  type ExcelArgument,
  type RangeCell,
} from './coerce';
import { excelCall } from './excelErrors';

/** One population segment as given: its cells, for numbers and for messages. */
interface SegmentCells {
  readonly population: RangeCell;
  readonly annualRate: RangeCell;
  readonly weight: RangeCell | undefined;
}

/** Segments row by row: population and rate paired cell by cell, rows left blank skipped. */
function segmentCells(
  population: ExcelArgument,
  annualRate: ExcelArgument,
  weight: ExcelArgument,
): SegmentCells[] {
  const people = cells('population', population);
  const rates = aligned('annualRate', annualRate, people.length, 'population');
  const weights = isOmitted(weight) ? [] : aligned('weight', weight, people.length, 'population');
  // aligned() repeats the one cell when a single rate is given for every segment.
  const rateForAll = people.length > 1 && rates[0] === rates[1];
  const segments: SegmentCells[] = [];
  people.forEach((cell, i) => {
    const rate = rates[i];
    if (rate === undefined) return;
    if (isBlank(cell.value) && (rateForAll || isBlank(rate.value))) return;
    segments.push({ population: cell, annualRate: rate, weight: weights[i] });
  });
  if (segments.length === 0) {
    throw new ArgumentError(
      'population is blank; give at least one number.',
      'population',
      population,
    );
  }
  return segments;
}

/** The label of a segment's cell for an engine field (`population`, `annualRate`, `weight`). */
function segmentLabel(segment: SegmentCells, field: string): string | undefined {
  if (field === 'population' || field === 'annualRate') return segment[field].label;
  if (field === 'weight') return segment.weight?.label;
  return undefined;
}

/** A segment's weight: blank means 1 (the engine's default). */
function weightOf(segment: SegmentCells): Amount | undefined {
  return segment.weight === undefined || isBlank(segment.weight.value)
    ? undefined
    : amountIn(segment.weight);
}

/**
 * Capitation budget for one year: population × annual rate × (1 + uplift)^year × (1 − efficiency)^year × weight, to the penny. With ranges, each row is a segment and the segments' budgets are added.
 * @customfunction CAPITATION
 * @param population People covered in the year: one number, or a range with one segment per cell. Blank rows are skipped.
 * @param annualRate Amount per person a year in the first year: one for all segments, or one per population cell.
 * @param [uplift] Annual uplift to the rate, e.g. 1.3%. Default 0.
 * @param [yearIndex] Year number counted from 0 (the first year). Default 0.
 * @param [efficiency] Annual efficiency deduction from the rate, e.g. 2%. Default 0.
 * @param [weight] Risk weight: one for all segments, or one per population cell (blank means 1). Default 1.
 * @returns The budget in pounds, rounded to the penny (each segment rounded, then added).
 * @example =BCF.CAPITATION(1, 26500000, 1.3%, 2) gives 27,193,478.50: Bedfordshire MSK year 3 (King's Fund 2014).
 */
export function CAPITATION(
  population: unknown[][],
  annualRate: unknown[][],
  uplift?: unknown,
  yearIndex?: unknown,
  efficiency?: unknown,
  weight?: unknown[][],
): number {
  const terms = excelCall(() => ({
    segments: segmentCells(population, annualRate, weight),
    uplift: optionalAmount('uplift', uplift),
    yearIndex: optionalAmount('yearIndex', yearIndex),
    efficiency: optionalAmount('efficiency', efficiency),
  }));
  const budgets = terms.segments.map((segment) =>
    excelCall(
      () =>
        capitationAmount({
          population: amountIn(segment.population),
          annualRate: amountIn(segment.annualRate),
          uplift: terms.uplift,
          yearIndex: terms.yearIndex,
          efficiency: terms.efficiency,
          weight: weightOf(segment),
        }),
      (field) => segmentLabel(segment, field),
    ),
  );
  // Each segment's budget is rounded to pence by the engine; the total is their sum,
  // as capitationBudget totals a year.
  const [only] = budgets;
  return budgets.length === 1 && only !== undefined ? only.toNumber() : sum(budgets).toNumber();
}

/**
 * Capitation budgets year by year and segment by segment: a spilled table with one row per year and one column per segment, each figure rounded to the penny. Population may grow each year.
 * @customfunction CAPITATIONSCHEDULE
 * @param population People covered in the first year: one number, or a range with one segment per cell. Blank rows are skipped.
 * @param annualRate Amount per person a year in the first year: one for all segments, or one per population cell.
 * @param years Number of years (rows), at least 1.
 * @param [uplift] Annual uplift to the rate, e.g. 1.3%. Default 0.
 * @param [efficiency] Annual efficiency deduction from the rate, e.g. 2%. Default 0.
 * @param [weight] Risk weight: one for all segments, or one per population cell (blank means 1). Default 1.
 * @param [populationGrowth] Annual growth of each segment's population, e.g. 0.5%. Default 0.
 * @returns A table of budgets in pounds: years down, segments across.
 * @example =BCF.CAPITATIONSCHEDULE(1, 26500000, 5, 1.3%) spills 26,500,000.00; 26,844,500.00; 27,193,478.50; 27,546,993.72; 27,905,104.64: Bedfordshire MSK (King's Fund 2014).
 */
export function CAPITATIONSCHEDULE(
  population: unknown[][],
  annualRate: unknown[][],
  years: unknown,
  uplift?: unknown,
  efficiency?: unknown,
  weight?: unknown[][],
  populationGrowth?: unknown,
): number[][] {
  const terms = excelCall(() => {
    const segments = segmentCells(population, annualRate, weight);
    return {
      segments,
      input: {
        segments: segments.map((segment, i) => ({
          name: `Segment ${i + 1}`,
          population: amountIn(segment.population),
          annualRate: amountIn(segment.annualRate),
          weight: weightOf(segment),
        })),
        years: amount('years', years),
        uplift: optionalAmount('uplift', uplift),
        efficiency: optionalAmount('efficiency', efficiency),
        populationGrowth: optionalAmount('populationGrowth', populationGrowth),
      },
    };
  });
  const result = excelCall(
    () => capitationBudget(terms.input),
    (field) => {
      const match = /^segments\[(\d+)\]\.(\w+)$/.exec(field);
      const segment = match === null ? undefined : terms.segments[Number(match[1])];
      return segment === undefined ? undefined : segmentLabel(segment, match?.[2] ?? '');
    },
  );
  return result.years.map((year) => year.segments.map((s) => s.budget.toNumber()));
}

import {
  BCFP4P,
  DEFAULT_AMBITION,
  bcfPerformanceQuarter,
  type QuarterResult,
  type QuarterTerms,
} from './bcfPerformanceQuarter';
import { type Amount, type Dec, moneyText, percentText, sum } from '../decimal';
import { step, type Step } from '../explain';
import {
  fraction,
  requireName,
  nonEmpty,
  nonNegative,
  optionalDecimal,
  positive,
  unique,
} from '../validate';

export { DEFAULT_AMBITION } from './bcfPerformanceQuarter';
export type { QuarterResult } from './bcfPerformanceQuarter';

/** One quarter's admissions; `ambition` and `unitCost` override the top-level values. */
export interface BcfQuarterInput {
  /** Label, e.g. "2015/16 Q1"; default "Q1", "Q2"… in order. */
  readonly quarter?: string;
  /** Baseline non-elective admissions in the quarter. */
  readonly baseline: Amount;
  /** Actual non-elective admissions in the quarter. */
  readonly actual: Amount;
  readonly ambition?: Amount;
  readonly unitCost?: Amount;
}

/** BCF 2015/16 payment-for-performance terms and quarterly admissions. */
export interface BcfPerformancePaymentInput {
  /** Planned reduction as a fraction of baseline admissions; default 0.035 (3.5%). */
  readonly ambition?: Amount;
  /** Cost of one non-elective admission (required here or on every quarter; no default). */
  readonly unitCost?: Amount;
  /** Usually four quarters; any number of periods is accepted. */
  readonly quarters: readonly BcfQuarterInput[];
}

/** Per-quarter and total payment for performance. */
export interface BcfPerformancePaymentResult {
  readonly quarters: readonly QuarterResult[];
  readonly plannedReductionCount: Dec;
  readonly actualReductionCount: Dec;
  readonly performanceSum: Dec;
  readonly released: Dec;
  readonly retained: Dec;
  /** released / performanceSum over the year; absent when the performance sum is 0. */
  readonly releasedShare?: Dec;
  readonly steps: readonly Step[];
}

/**
 * The BCF 2015/16 payment for performance on reducing non-elective (emergency) admissions.
 *
 * Per quarter: `planned = baseline × ambition`; `performanceSum = planned × unitCost` (in
 * pence); `achievement = clamp((baseline − actual) / planned, 0, 1)`;
 * `released = performanceSum × achievement`; `retained = performanceSum − released` (so if
 * 30% of the planned reduction is achieved, 30% of the money is released). Released +
 * retained equals the performance sum to the penny (roundParts). Totals sum the quarters.
 *
 * A quarter with nothing planned (ambition 0 or baseline 0) has a performance sum of 0: it
 * releases and retains nothing and has no achievement; it is not an error, as a quarter
 * with a justified 0% ambition is a legitimate plan.
 *
 * @param input - ambition (default 0.035), unit cost, and the quarters' admissions.
 * @returns each quarter's figures and steps, and the totals.
 * @throws EngineError `BCFP4P.EMPTY` (no quarters), `BCFP4P.MISSING` (no unit cost),
 *   `BCFP4P.NOT_POSITIVE` (unit cost 0 or less), `BCFP4P.NEGATIVE` (admissions),
 *   `BCFP4P.NOT_A_FRACTION` (ambition), `BCFP4P.NOT_A_NUMBER`, `BCFP4P.DUPLICATE` (labels).
 * @example bcfPerformancePayment({ unitCost: 1490, quarters: [{ baseline: 10000, actual: 9895 }] })
 *   → planned 350, performanceSum 521500.00, achievement 0.3, released 156450.00, retained 365050.00
 */
export function bcfPerformancePayment(
  input: BcfPerformancePaymentInput,
): BcfPerformancePaymentResult {
  const raw = nonEmpty(BCFP4P, 'quarters', input.quarters);
  const terms = raw.map((q, i) => quarterTerms(input, q, i));
  unique(
    BCFP4P,
    'quarters',
    terms.map((t) => t.quarter),
  );
  const quarters = terms.map(bcfPerformanceQuarter);
  const total = (pick: (q: QuarterResult) => Dec): Dec => sum(quarters.map(pick));
  const performanceSum = total((q) => q.performanceSum);
  const released = total((q) => q.released);
  const retained = total((q) => q.retained);
  const releasedShare = performanceSum.isZero() ? undefined : released.dividedBy(performanceSum);
  const totalStep = step(
    'total',
    `Over ${quarters.length} quarters: performance sum ${moneyText(performanceSum)}, released ${moneyText(released)}` +
      `${releasedShare === undefined ? '' : ` (${percentText(releasedShare.toSignificantDigits(6))})`}, retained ${moneyText(retained)}.`,
  );
  return {
    quarters,
    plannedReductionCount: total((q) => q.plannedReductionCount),
    actualReductionCount: total((q) => q.actualReductionCount),
    performanceSum,
    released,
    retained,
    releasedShare,
    steps: [...quarters.flatMap((q) => q.steps), totalStep],
  };
}

/**
 * One quarter's released sum: what `=BCF.BCFP4P(baseline, actual, ambition, unitCost)` returns.
 *
 * @param baseline - baseline non-elective admissions in the quarter (0 or more).
 * @param actual - actual admissions (0 or more).
 * @param ambition - planned reduction as a fraction; blank means 0.035.
 * @param unitCost - cost of one admission (more than 0).
 * @returns the released sum in pence (0 when no reduction was planned).
 * @throws EngineError as {@link bcfPerformancePayment}, naming `baseline`, `actual`, `ambition`, `unitCost`.
 * @example bcfQuarterReleased(10000, 9895, 0.035, 1490) → 156450.00
 */
export function bcfQuarterReleased(
  baseline: Amount,
  actual: Amount,
  ambition: Amount | null | undefined,
  unitCost: Amount,
): Dec {
  return bcfPerformanceQuarter(quarterTerms({ ambition, unitCost }, { baseline, actual }, -1))
    .released;
}

function quarterTerms(
  top: { readonly ambition?: Amount | null; readonly unitCost?: Amount },
  q: BcfQuarterInput,
  index: number,
): QuarterTerms {
  const path = index < 0 ? '' : `quarters[${index}].`;
  const own = (value: unknown): boolean => value !== undefined && value !== null && value !== '';
  const [ambitionValue, ambitionField] = own(q.ambition)
    ? [q.ambition, `${path}ambition`]
    : [top.ambition, 'ambition'];
  const [costValue, costField] = own(q.unitCost)
    ? [q.unitCost, `${path}unitCost`]
    : [top.unitCost, 'unitCost'];
  return {
    quarter:
      index < 0
        ? 'Quarter'
        : own(q.quarter)
          ? requireName(BCFP4P, `${path}quarter`, q.quarter)
          : `Q${index + 1}`,
    baseline: nonNegative(BCFP4P, `${path}baseline`, q.baseline),
    actual: nonNegative(BCFP4P, `${path}actual`, q.actual),
    ambition: fraction(
      BCFP4P,
      ambitionField,
      optionalDecimal(BCFP4P, ambitionField, ambitionValue, DEFAULT_AMBITION),
    ),
    unitCost: positive(BCFP4P, costField, costValue),
  };
}

import { type Amount, type Dec } from '../decimal';
import { ErrorKind, fail } from '../errors';
import { step, type Step } from '../explain';
import {
  dfgCheck,
  jointSharesCheck,
  key,
  minimumCheck,
  outOfHospitalParts,
  socialCareParts,
  sourceBalanceChecks,
  type PlanCheck,
  type Vocabulary,
} from './planCheckRules';
import {
  CHECKS,
  expenditureLines,
  incomeLines,
  type ExpenditureLineInput,
  type IncomeLineInput,
} from './planLines';
import { inputRangeCheck } from './planRangeCheck';
import { decimal } from '../validate';

export { FUNDING_SOURCES } from './planLines';
export type { Commissioner, ExpenditureLineInput, IncomeLineInput, RowRef } from './planLines';
export type { CheckId, PlanCheck, RowFinding } from './planCheckRules';

/** The minima the plan must meet, from the BCF allocations for the Health and Wellbeing Board. */
export interface PlanMinimaInput {
  /** Minimum adult social care spend from the minimum NHS contribution. */
  readonly socialCareFromMinimumNhs: Amount;
  /** NHS-commissioned out-of-hospital spend ring-fenced within the minimum NHS contribution. */
  readonly nhsOutOfHospital: Amount;
}

/** Names the checks recognise, beyond the defaults (matching ignores case and spaces at the ends). */
export interface PlanVocabularyInput {
  /** Default: Minimum NHS Contribution, Minimum CCG Contribution, Minimum ICB Contribution, NHS Minimum Contribution. */
  readonly minimumNhsSources?: readonly string[];
  /** Default: DFG, Disabled Facilities Grant. */
  readonly dfgSources?: readonly string[];
  /** Default: Social Care, Adult Social Care. */
  readonly socialCareAreas?: readonly string[];
  /** Areas that are not out of hospital. Default: Acute. */
  readonly inHospitalAreas?: readonly string[];
  /** Default: DFG, Disabled Facilities Grant (a scheme type naming DFG also counts). */
  readonly dfgAreas?: readonly string[];
}

/** A completed BCF plan: income by source, expenditure lines by scheme, and the minima. */
export interface PlanChecksInput {
  readonly income: readonly IncomeLineInput[];
  readonly expenditure: readonly ExpenditureLineInput[];
  readonly minima: PlanMinimaInput;
  readonly vocabulary?: PlanVocabularyInput;
}

/** Every check's outcome, and the overall verdict. */
export interface PlanChecksResult {
  /** True when every check passed. */
  readonly passed: boolean;
  readonly checkCount: number;
  readonly passedCount: number;
  readonly failedCount: number;
  readonly checks: readonly PlanCheck[];
  readonly steps: readonly Step[];
}

const DEFAULT_VOCABULARY: Vocabulary = {
  minimumNhsSources: [
    'minimum nhs contribution',
    'minimum ccg contribution',
    'minimum icb contribution',
    'nhs minimum contribution',
  ],
  dfgSources: ['dfg', 'disabled facilities grant'],
  socialCareAreas: ['social care', 'adult social care'],
  inHospitalAreas: ['acute'],
  dfgAreas: ['dfg', 'disabled facilities grant'],
};

/**
 * The BCF plan checks made before sign-off. A failed check is a value in the result,
 * never an error: each check carries its figures (expected, actual, difference), the
 * rows to look at and a plain message, e.g. "iBCF: planned expenditure £1,200,000.00
 * does not equal income £1,250,000.00 (difference £50,000.00)."
 *
 * The checks, in order:
 * 1. `source-balance`, once per source of funding (income sources first, then any only in
 *    expenditure): planned expenditure equals income, to the penny.
 * 2. `social-care-minimum`: lines funded by the minimum NHS contribution with area of spend
 *    social care add up to at least `minima.socialCareFromMinimumNhs`.
 * 3. `nhs-out-of-hospital`: lines funded by the minimum NHS contribution in any area but an
 *    in-hospital one (default Acute), NHS-commissioned in full, joint ones at their % NHS,
 *    add up to at least `minima.nhsOutOfHospital`.
 * 4. `dfg-in-full`: DFG-funded spend on DFG (area of spend or scheme type) equals the DFG
 *    income, and no DFG money is planned elsewhere.
 * 5. `joint-shares`: each joint scheme has % NHS + % LA = 100% (a blank share counts as 0%).
 * 6. `input-range`: amounts from £0 to £1,000,000,000; shares from 0% to 100%.
 * Any source name is accepted; see {@link FUNDING_SOURCES} for the template's names.
 *
 * @param input - income lines, expenditure lines, minima, and optionally extra names.
 * @returns the checks, `passed` overall, the counts and a step per check.
 * @throws EngineError only for malformed input: `CHECKS.MISSING` (a list, source, scheme
 *   name, area of spend or minimum left out), `CHECKS.NOT_A_NUMBER` (text for an amount or
 *   share), `CHECKS.UNKNOWN_OPTION` (a commissioner other than NHS, LA or Joint).
 * @example planChecks({ income: [{ source: 'iBCF', amount: 1250000 }], expenditure: [{ row: 12,
 *   schemeName: 'Home care', commissioner: 'LA', source: 'iBCF', areaOfSpend: 'Social Care',
 *   amount: 1200000 }], minima: { socialCareFromMinimumNhs: 0, nhsOutOfHospital: 0 } })
 *   → passed false; source-balance "iBCF: planned expenditure £1,200,000.00 does not equal
 *   income £1,250,000.00 (difference £50,000.00)."
 */
export function planChecks(input: PlanChecksInput): PlanChecksResult {
  const income = incomeLines(input.income);
  const spend = expenditureLines(input.expenditure);
  const minima = minimaOf(input.minima);
  const words = vocabularyOf(input.vocabulary);
  const checks: PlanCheck[] = [
    ...sourceBalanceChecks(income, spend),
    minimumCheck(
      'social-care-minimum',
      'Adult social care from the minimum NHS contribution',
      socialCareParts(spend, words),
      minima.socialCare,
    ),
    minimumCheck(
      'nhs-out-of-hospital',
      'NHS-commissioned out-of-hospital spend from the minimum NHS contribution',
      outOfHospitalParts(spend, words),
      minima.outOfHospital,
    ),
    dfgCheck(income, spend, words),
    jointSharesCheck(spend),
    inputRangeCheck(income, spend, [
      { label: 'minima.socialCareFromMinimumNhs', amount: minima.socialCare },
      { label: 'minima.nhsOutOfHospital', amount: minima.outOfHospital },
    ]),
  ];
  const passedCount = checks.filter((c) => c.passed).length;
  const failedCount = checks.length - passedCount;
  const summary =
    failedCount === 0
      ? `All ${checks.length} checks passed.`
      : `${failedCount} of ${checks.length} checks failed.`;
  return {
    passed: failedCount === 0,
    checkCount: checks.length,
    passedCount,
    failedCount,
    checks,
    steps: [
      ...checks.map((c) => step(c.passed ? 'passed' : 'failed', c.message)),
      step('summary', summary),
    ],
  };
}

function minimaOf(raw: PlanMinimaInput | undefined): { socialCare: Dec; outOfHospital: Dec } {
  if (raw === undefined || raw === null || typeof raw !== 'object') {
    fail(
      CHECKS,
      ErrorKind.MISSING,
      'minima',
      raw,
      'minima is missing; give socialCareFromMinimumNhs and nhsOutOfHospital.',
    );
  }
  return {
    socialCare: decimal(CHECKS, 'minima.socialCareFromMinimumNhs', raw.socialCareFromMinimumNhs),
    outOfHospital: decimal(CHECKS, 'minima.nhsOutOfHospital', raw.nhsOutOfHospital),
  };
}

function vocabularyOf(raw: PlanVocabularyInput | undefined): Vocabulary {
  const merge = (field: keyof Vocabulary): readonly string[] => {
    const extra = raw?.[field];
    const names = Array.isArray(extra)
      ? extra.filter((n): n is string => typeof n === 'string')
      : [];
    return [...DEFAULT_VOCABULARY[field], ...names.map(key)];
  };
  return {
    minimumNhsSources: merge('minimumNhsSources'),
    dfgSources: merge('dfgSources'),
    socialCareAreas: merge('socialCareAreas'),
    inHospitalAreas: merge('inHospitalAreas'),
    dfgAreas: merge('dfgAreas'),
  };
}

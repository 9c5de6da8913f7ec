import { Dec, ONE, ZERO, moneyText, percentText, roundPence, sum } from '../decimal';
import type { ExpenditureLine, IncomeLine } from './planLines';

/** Stable identifiers of the plan checks. */
export type CheckId =
  | 'source-balance'
  | 'social-care-minimum'
  | 'nhs-out-of-hospital'
  | 'dfg-in-full'
  | 'joint-shares'
  | 'input-range';

/** One problem on one row, for checks that look at rows one by one. */
export interface RowFinding {
  readonly row: string;
  readonly message: string;
}

/** The outcome of one check: a failed check is a value, with the figures and rows to look at. */
export interface PlanCheck {
  readonly id: CheckId;
  /** What the check is about when it runs once per item, e.g. the source of funding. */
  readonly subject?: string;
  readonly title: string;
  readonly passed: boolean;
  /** The amount the plan must reach or equal (income, a minimum, the DFG allocation). */
  readonly expected?: Dec;
  /** The amount the plan has. */
  readonly actual?: Dec;
  /** actual − expected. */
  readonly difference?: Dec;
  /** The rows behind the figures, or the failing rows, as given (row numbers or scheme IDs). */
  readonly rows: readonly string[];
  readonly findings: readonly RowFinding[];
  /** Plain English, e.g. "iBCF: planned expenditure £1,200,000.00 does not equal income …". */
  readonly message: string;
}

/** How source and area names are recognised (lower case, trimmed). */
export interface Vocabulary {
  readonly minimumNhsSources: readonly string[];
  readonly dfgSources: readonly string[];
  readonly socialCareAreas: readonly string[];
  readonly inHospitalAreas: readonly string[];
  readonly dfgAreas: readonly string[];
}

export const key = (text: string): string => text.trim().toLowerCase();
const is = (names: readonly string[], text: string): boolean => names.includes(key(text));
const total = (lines: readonly { amount: Dec }[]): Dec =>
  roundPence(sum(lines.map((l) => l.amount)));
const refs = (lines: readonly { ref: string }[]): string[] => lines.map((l) => l.ref);
const rowsText = (lines: readonly { label: string }[]): string =>
  lines.map((l) => l.label).join(', ');

/** For each source of funding: planned expenditure equals income, to the penny. */
export function sourceBalanceChecks(
  income: readonly IncomeLine[],
  spend: readonly ExpenditureLine[],
): PlanCheck[] {
  const sources = new Map<string, string>();
  for (const line of [...income, ...spend])
    if (!sources.has(key(line.source))) sources.set(key(line.source), line.source);
  return [...sources].map(([sourceKey, source]) => {
    const expected = total(income.filter((l) => key(l.source) === sourceKey));
    const lines = spend.filter((l) => key(l.source) === sourceKey);
    const actual = total(lines);
    const passed = actual.equals(expected);
    const message = passed
      ? `${source}: planned expenditure ${moneyText(actual)} equals income.`
      : `${source}: planned expenditure ${moneyText(actual)} does not equal income ${moneyText(expected)} (difference ${moneyText(actual.minus(expected).abs())}).`;
    return {
      id: 'source-balance',
      subject: source,
      title: `${source}: planned expenditure equals income`,
      passed,
      expected,
      actual,
      difference: actual.minus(expected),
      rows: refs(lines),
      findings: [],
      message,
    };
  });
}

/** A minimum on spend from the minimum NHS contribution (social care, or NHS out of hospital). */
export function minimumCheck(
  id: 'social-care-minimum' | 'nhs-out-of-hospital',
  what: string,
  parts: readonly { line: ExpenditureLine; amount: Dec }[],
  minimum: Dec,
): PlanCheck {
  const actual = roundPence(sum(parts.map((p) => p.amount)));
  const expected = roundPence(minimum);
  const passed = actual.gte(expected);
  const message = passed
    ? `${what}: planned ${moneyText(actual)} meets the required minimum ${moneyText(expected)}.`
    : `${what}: planned ${moneyText(actual)} is below the required minimum ${moneyText(expected)} (short by ${moneyText(expected.minus(actual))}).`;
  return {
    id,
    title: `${what} meets the required minimum`,
    passed,
    expected,
    actual,
    difference: actual.minus(expected),
    rows: parts.map((p) => p.line.ref),
    findings: [],
    message,
  };
}

/** Adult social care spend funded by the minimum NHS contribution (area of spend social care). */
export function socialCareParts(spend: readonly ExpenditureLine[], v: Vocabulary) {
  return spend
    .filter((l) => is(v.minimumNhsSources, l.source) && is(v.socialCareAreas, l.areaOfSpend))
    .map((line) => ({ line, amount: line.amount }));
}

/**
 * NHS-commissioned out-of-hospital spend funded by the minimum NHS contribution: every area
 * but in-hospital (acute) ones; all of an NHS-commissioned line, the % NHS of a joint one.
 */
export function outOfHospitalParts(spend: readonly ExpenditureLine[], v: Vocabulary) {
  return spend
    .filter((l) => is(v.minimumNhsSources, l.source) && !is(v.inHospitalAreas, l.areaOfSpend))
    .filter((l) => l.commissioner === 'NHS' || (l.commissioner === 'Joint' && l.nhsShare))
    .map((line) => ({
      line,
      amount: line.commissioner === 'NHS' ? line.amount : line.amount.times(line.nhsShare ?? ZERO),
    }));
}

/** The Disabled Facilities Grant is planned in full on DFG (area of spend or scheme type DFG). */
export function dfgCheck(
  income: readonly IncomeLine[],
  spend: readonly ExpenditureLine[],
  v: Vocabulary,
): PlanCheck {
  const expected = total(income.filter((l) => is(v.dfgSources, l.source)));
  const funded = spend.filter((l) => is(v.dfgSources, l.source));
  const onDfg = funded.filter(
    (l) => is(v.dfgAreas, l.areaOfSpend) || /dfg|disabled facilities/i.test(l.schemeType),
  );
  const elsewhere = funded.filter((l) => !onDfg.includes(l));
  const actual = total(onDfg);
  const passed = actual.equals(expected) && elsewhere.length === 0;
  const findings = elsewhere.map((l) => ({
    row: l.ref,
    message: `${l.label}: ${moneyText(l.amount)} of DFG is planned on ${l.areaOfSpend}, not on DFG.`,
  }));
  const away =
    elsewhere.length === 0
      ? ''
      : `; ${moneyText(total(elsewhere))} is planned elsewhere (${rowsText(elsewhere)})`;
  const message = passed
    ? `Disabled Facilities Grant: ${moneyText(expected)} is planned in full on DFG.`
    : `Disabled Facilities Grant: ${moneyText(actual)} is planned on DFG, not the full grant of ${moneyText(expected)} (difference ${moneyText(actual.minus(expected).abs())})${away}.`;
  return {
    id: 'dfg-in-full',
    title: 'Disabled Facilities Grant is spent in full on DFG',
    passed,
    expected,
    actual,
    difference: actual.minus(expected),
    rows: passed ? refs(onDfg) : refs(elsewhere.length > 0 ? elsewhere : onDfg),
    findings,
    message,
  };
}

/** Joint-commissioner schemes: % NHS + % LA = 100% (to a millionth). */
export function jointSharesCheck(spend: readonly ExpenditureLine[]): PlanCheck {
  const joint = spend.filter((l) => l.commissioner === 'Joint');
  const findings = joint.flatMap((l) => {
    const totalShare = (l.nhsShare ?? ZERO).plus(l.laShare ?? ZERO);
    if (totalShare.minus(ONE).abs().lte(new Dec('0.000001'))) return [];
    const share = (s: Dec | undefined): string => (s === undefined ? '(blank)' : percentText(s));
    return [
      {
        row: l.ref,
        message: `${l.label}: joint scheme with % NHS ${share(l.nhsShare)} + % LA ${share(l.laShare)} = ${percentText(totalShare)}, not 100%.`,
      },
    ];
  });
  return rowCheck(
    'joint-shares',
    'Joint schemes have % NHS + % LA = 100%',
    findings,
    joint.length === 0
      ? 'No joint schemes.'
      : `All ${joint.length} joint schemes have % NHS + % LA = 100%.`,
  );
}

/** A check made of row findings: passes when there are none; the message lists them. */
export function rowCheck(
  id: CheckId,
  title: string,
  findings: readonly RowFinding[],
  passText: string,
): PlanCheck {
  const passed = findings.length === 0;
  return {
    id,
    title,
    passed,
    rows: findings.map((f) => f.row),
    findings,
    message: passed ? passText : findings.map((f) => f.message).join(' '),
  };
}

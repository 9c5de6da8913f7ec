import { Dec, ONE, ZERO, moneyText, percentText } from '../decimal';
import { rowCheck, type PlanCheck, type RowFinding } from './planCheckRules';
import type { ExpenditureLine, IncomeLine } from './planLines';

/** The largest amount a BCF template accepts in a cell. */
export const MAX_AMOUNT = new Dec(1_000_000_000);

/** A required minimum with where it came from, for messages. */
export interface NamedAmount {
  readonly label: string;
  readonly amount: Dec;
}

/**
 * Every amount lies between £0 and £1,000,000,000 and every % NHS / % LA between 0% and
 * 100%: a value outside is a failed check naming the row, not an error.
 */
export function inputRangeCheck(
  income: readonly IncomeLine[],
  spend: readonly ExpenditureLine[],
  minima: readonly NamedAmount[],
): PlanCheck {
  const findings: RowFinding[] = [];
  const amount = (row: string, label: string, value: Dec): void => {
    if (value.lt(ZERO) || value.gt(MAX_AMOUNT)) {
      findings.push({
        row,
        message: `${label}: ${moneyText(value)} is outside £0.00 to ${moneyText(MAX_AMOUNT)}.`,
      });
    }
  };
  const share = (row: string, label: string, value: Dec | undefined): void => {
    if (value !== undefined && (value.lt(ZERO) || value.gt(ONE))) {
      findings.push({ row, message: `${label}: ${percentText(value)} is outside 0% to 100%.` });
    }
  };
  for (const l of income) amount(l.ref, `Income ${l.label} (${l.source}) amount`, l.amount);
  for (const l of spend) {
    amount(l.ref, `${l.label} amount`, l.amount);
    share(l.ref, `${l.label} % NHS`, l.nhsShare);
    share(l.ref, `${l.label} % LA`, l.laShare);
  }
  for (const m of minima) amount(m.label, m.label, m.amount);
  return rowCheck(
    'input-range',
    'Numeric inputs lie between 0 and 1,000,000,000',
    findings,
    'All amounts lie between £0.00 and £1,000,000,000.00 and all percentages between 0% and 100%.',
  );
}

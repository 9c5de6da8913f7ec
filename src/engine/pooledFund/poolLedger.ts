import { Dec, ZERO, type Amount } from '../decimal';
import { ErrorKind, fail, quote } from '../errors';
import { requireName, nonEmpty, nonNegative, unique } from '../validate';

const SCOPE = 'POOL';

/** One contribution line: a partner's money into one scheme (or category) of the pool. */
export interface ContributionInput {
  readonly partner: string;
  /** The scheme or spending category the money is for. */
  readonly scheme: string;
  readonly amount: Amount;
}

/** What one scheme actually spent in the period. */
export interface SchemeSpendInput {
  readonly scheme: string;
  readonly amount: Amount;
}

/** Contributions and spend gathered by partner and by scheme, exact (not yet rounded). */
export interface PoolLedger {
  readonly partners: readonly string[];
  readonly partnerContributions: readonly Dec[];
  readonly schemes: readonly string[];
  readonly schemeBudgets: readonly Dec[];
  /** Actual spend per scheme, in scheme order; absent when no actual spend was given. */
  readonly schemeActuals?: readonly Dec[];
  /** Schemes with a budget but no actual spend line (taken as spending nothing). */
  readonly schemesWithoutSpend: readonly string[];
  /** Schemes with spend but no contribution (only when `unbudgetedSpend` is `overspend`). */
  readonly unbudgetedSchemes: readonly string[];
}

/** Finds `value` in `names` ignoring case; -1 when absent. */
export function indexOfName(names: readonly string[], value: string): number {
  const key = value.toLowerCase();
  return names.findIndex((n) => n.toLowerCase() === key);
}

/** A partner name that must be one of the pool's partners; returns its index. */
export function partnerIndex(partners: readonly string[], field: string, value: unknown): number {
  const index = indexOfName(partners, requireName(SCOPE, field, value));
  if (index < 0) {
    fail(
      SCOPE,
      ErrorKind.UNKNOWN_PARTY,
      field,
      value,
      `${field} is ${quote(value)}, which is not a partner of the pool (${partners.join(', ')}).`,
    );
  }
  return index;
}

function addTo(names: string[], totals: Dec[], key: string, amount: Dec): void {
  const index = indexOfName(names, key);
  if (index < 0) {
    names.push(key);
    totals.push(amount);
  } else {
    totals[index] = (totals[index] ?? ZERO).plus(amount);
  }
}

function declaredPartners(partners: readonly string[] | undefined): string[] {
  if (partners === undefined) return [];
  const names = partners.map((p, i) => requireName(SCOPE, `partners[${i}]`, p));
  unique(SCOPE, 'partners', names);
  return names;
}

/**
 * Validates the contributions and actual spend and totals them by partner and scheme.
 * Partners come in the order of `partners` when given (each contribution must name one
 * of them), otherwise in the order they first contribute. Lines for the same partner and
 * scheme add up; actual spend may list a scheme once only. An empty `actualSpend` is
 * the same as none: no figures yet, so shares only.
 */
export function poolLedger(
  partnerList: readonly string[] | undefined,
  contributions: readonly ContributionInput[] | undefined,
  actualSpend: readonly SchemeSpendInput[] | undefined,
  unbudgetedSpend: 'error' | 'overspend',
): PoolLedger {
  const partners = declaredPartners(partnerList);
  const fixedPartners = partnerList !== undefined;
  const partnerContributions: Dec[] = partners.map(() => ZERO);
  const schemes: string[] = [];
  const schemeBudgets: Dec[] = [];
  nonEmpty(SCOPE, 'contributions', contributions).forEach((line, i) => {
    const field = `contributions[${i}]`;
    const amount = nonNegative(SCOPE, `${field}.amount`, line.amount);
    const scheme = requireName(SCOPE, `${field}.scheme`, line.scheme);
    if (fixedPartners) partnerIndex(partners, `${field}.partner`, line.partner);
    addTo(
      partners,
      partnerContributions,
      requireName(SCOPE, `${field}.partner`, line.partner),
      amount,
    );
    addTo(schemes, schemeBudgets, scheme, amount);
  });
  if (actualSpend === undefined || actualSpend.length === 0) {
    return {
      partners,
      partnerContributions,
      schemes,
      schemeBudgets,
      schemesWithoutSpend: [],
      unbudgetedSchemes: [],
    };
  }
  const spent = spendByScheme(schemes, schemeBudgets, actualSpend, unbudgetedSpend);
  return { partners, partnerContributions, schemes, schemeBudgets, ...spent };
}

function spendByScheme(
  schemes: string[],
  schemeBudgets: Dec[],
  actualSpend: readonly SchemeSpendInput[],
  unbudgetedSpend: 'error' | 'overspend',
): Pick<PoolLedger, 'schemeActuals' | 'schemesWithoutSpend' | 'unbudgetedSchemes'> {
  const budgeted = schemes.length;
  const actuals: (Dec | undefined)[] = schemes.map(() => undefined);
  const unbudgetedSchemes: string[] = [];
  const names = actualSpend.map((line, i) =>
    requireName(SCOPE, `actualSpend[${i}].scheme`, line.scheme),
  );
  unique(SCOPE, 'actualSpend', names);
  actualSpend.forEach((line, i) => {
    const field = `actualSpend[${i}]`;
    const amount = nonNegative(SCOPE, `${field}.amount`, line.amount);
    const scheme = names[i] ?? '';
    let index = indexOfName(schemes, scheme);
    if (index < 0) {
      if (unbudgetedSpend === 'error') {
        fail(
          SCOPE,
          ErrorKind.UNKNOWN_NAME,
          `${field}.scheme`,
          line.scheme,
          `${field}.scheme is ${quote(line.scheme)}, which has no contribution; check the name, or set unbudgetedSpend to "overspend" to count its spend as an overspend.`,
        );
      }
      index = schemes.push(scheme) - 1;
      schemeBudgets.push(ZERO);
      unbudgetedSchemes.push(scheme);
    }
    actuals[index] = amount;
  });
  const schemesWithoutSpend = schemes.filter((s, i) => i < budgeted && actuals[i] === undefined);
  return {
    schemeActuals: actuals.map((a) => a ?? ZERO),
    schemesWithoutSpend,
    unbudgetedSchemes,
  };
}

import { roundParts } from '../allocate';
import { Dec, ZERO, sum } from '../decimal';
import { ErrorKind, fail } from '../errors';
import { step, type Step } from '../explain';
import {
  poolLedger,
  type ContributionInput,
  type PoolLedger,
  type SchemeSpendInput,
} from './poolLedger';
import { applyCaps, type CapApplied } from './poolOverspendCaps';
import {
  shareVariance,
  varianceSharing,
  type VarianceSharing,
  type VarianceSharingInput,
  type VarianceSharingRule,
} from './poolVarianceSharing';
import { partnerVarianceSteps, shareSteps, spendSteps, varianceSteps } from './poolSteps';
import { option } from '../validate';

export type { ContributionInput, SchemeSpendInput } from './poolLedger';
export type { CapApplied, OverspendCapInput } from './poolOverspendCaps';
export type {
  PartnerShareInput,
  SchemeCommissionInput,
  VarianceSharingInput,
  VarianceSharingRule,
} from './poolVarianceSharing';

const SCOPE = 'POOL';

/** A section 75 pooled fund: who put in what, and (optionally) what each scheme spent. */
export interface PooledFundInput {
  /** Partners in the order results list them; defaults to the order they first contribute. */
  readonly partners?: readonly string[];
  readonly contributions: readonly ContributionInput[];
  /** Actual spend by scheme; leave out (or give an empty list) for contribution shares only. */
  readonly actualSpend?: readonly SchemeSpendInput[];
  /** How the variance is shared; default `{ rule: 'proportional' }`. */
  readonly sharing?: VarianceSharingInput;
  /**
   * Spend on a scheme nobody contributed to: `error` (default, usually a misspelt name)
   * or `overspend` (its whole spend is an overspend of a £0 budget).
   */
  readonly unbudgetedSpend?: 'error' | 'overspend';
}

/** One partner's position in the pool. */
export interface PartnerPosition {
  readonly partner: string;
  readonly contribution: Dec;
  /** The partner's contributions over the pool, exact (not rounded). */
  readonly contributionShare: Dec;
  /** Its part of the variance under the sharing rule, before any cap. */
  readonly varianceBeforeCap?: Dec;
  /** The variance it bears after caps: positive a gain, negative a loss. */
  readonly variance?: Dec;
}

/** One scheme's budget (contributions), spend and variance (budget − actual). */
export interface SchemePosition {
  readonly scheme: string;
  readonly budget: Dec;
  readonly actual?: Dec;
  readonly variance?: Dec;
}

/** The pool's totals, shares and (with actual spend) the variance and who bears it. */
export interface PooledFundResult {
  readonly pool: Dec;
  readonly partners: readonly PartnerPosition[];
  readonly schemes: readonly SchemePosition[];
  readonly actual?: Dec;
  /** Pool − actual spend: positive an underspend (gain), negative an overspend (loss). */
  readonly variance?: Dec;
  readonly sharingRule?: VarianceSharingRule;
  readonly capsApplied: readonly CapApplied[];
  readonly steps: readonly Step[];
}

/** Contributions rounded so they add up to the rounded pool, and exact shares. */
interface PoolShares {
  readonly pool: Dec;
  readonly contributions: readonly Dec[];
  readonly shares: readonly Dec[];
  readonly budgets: readonly Dec[];
}

function poolShares(ledger: PoolLedger): PoolShares {
  const exactPool = sum(ledger.partnerContributions);
  if (exactPool.isZero()) {
    fail(
      SCOPE,
      ErrorKind.ZERO_TOTAL,
      'contributions',
      '0',
      'The contributions total £0.00; a pool needs money in it to form shares.',
    );
  }
  const contributions = roundParts(ledger.partnerContributions);
  return {
    pool: sum(contributions),
    contributions,
    shares: ledger.partnerContributions.map((c) => c.dividedBy(exactPool)),
    budgets: roundParts(ledger.schemeBudgets),
  };
}

function sharesOnly(ledger: PoolLedger, base: PoolShares): PooledFundResult {
  return {
    pool: base.pool,
    partners: ledger.partners.map((partner, i) => ({
      partner,
      contribution: base.contributions[i] ?? ZERO,
      contributionShare: base.shares[i] ?? ZERO,
    })),
    schemes: ledger.schemes.map((scheme, s) => ({ scheme, budget: base.budgets[s] ?? ZERO })),
    capsApplied: [],
    steps: [
      ...shareSteps(ledger.partners, base),
      step('spend', 'No actual spend is given: contribution shares only.'),
    ],
  };
}

function withVariance(
  ledger: PoolLedger,
  actuals: readonly Dec[],
  sharing: VarianceSharing,
  base: PoolShares,
): PooledFundResult {
  const spent = roundParts(actuals);
  const variances = roundParts(ledger.schemeBudgets.map((b, s) => b.minus(actuals[s] ?? ZERO)));
  const variance = sum(variances);
  const shared = shareVariance(sharing, variances, variance);
  const capped = applyCaps(sharing.caps, ledger.partners, shared);
  const schemes = ledger.schemes.map((scheme, s) => ({
    scheme,
    budget: base.budgets[s] ?? ZERO,
    actual: spent[s] ?? ZERO,
    variance: variances[s] ?? ZERO,
  }));
  return {
    pool: base.pool,
    partners: ledger.partners.map((partner, i) => ({
      partner,
      contribution: base.contributions[i] ?? ZERO,
      contributionShare: base.shares[i] ?? ZERO,
      varianceBeforeCap: shared[i] ?? ZERO,
      variance: capped.borne[i] ?? ZERO,
    })),
    schemes,
    actual: sum(spent),
    variance,
    sharingRule: sharing.rule,
    capsApplied: capped.applied,
    steps: [
      ...shareSteps(ledger.partners, base),
      ...spendSteps(ledger.schemesWithoutSpend, ledger.unbudgetedSchemes),
      ...varianceSteps(schemes, variance, sharing.rule),
      ...partnerVarianceSteps(ledger.partners, shared),
      ...capped.steps,
    ],
  };
}

/**
 * Totals a section 75 pooled fund by partner and scheme, gives each partner's
 * contribution share and, when actual spend is given, the variance (budget − actual)
 * per scheme and in total and how it is shared among the partners.
 *
 * Edge cases, by design: a partner may contribute nothing (share 0; it bears variance
 * only under `fixed` or `commissioner` terms or as a cap's `excessTo`); a pool totalling
 * £0 is an error (shares cannot be formed); an empty `actualSpend` means no figures yet
 * (shares only); a budgeted scheme missing from a non-empty `actualSpend` spent £0 (a step
 * says so); spend on an unbudgeted scheme is an error unless
 * `unbudgetedSpend` is `overspend`. Rounded parts (partners' contributions, schemes'
 * figures, partners' variances) always add up exactly to the rounded total; the sharing
 * terms are checked even when no actual spend is given.
 *
 * @param input - contributions, optional actual spend, sharing terms (see {@link PooledFundInput}).
 * @returns totals, shares, variances and the steps that explain them.
 * @throws EngineError `POOL.*` for invalid input, naming the field and value.
 * @example
 * pooledFund({ contributions: [
 *   { partner: 'CCG', scheme: 'Community services', amount: 28348 },
 *   { partner: 'Council', scheme: 'Community services', amount: 40888 } ] })
 * // pool 69236.00; CCG share 0.40944…, shown as 40.94%; Council 59.06%
 */
export function pooledFund(input: PooledFundInput): PooledFundResult {
  const unbudgeted = option(
    SCOPE,
    'unbudgetedSpend',
    input.unbudgetedSpend,
    ['error', 'overspend'],
    'error',
  );
  const ledger = poolLedger(input.partners, input.contributions, input.actualSpend, unbudgeted);
  const base = poolShares(ledger);
  const sharing = varianceSharing(ledger, input.sharing);
  return ledger.schemeActuals === undefined
    ? sharesOnly(ledger, base)
    : withVariance(ledger, ledger.schemeActuals, sharing, base);
}

import { Dec, ZERO, moneyText, percentText } from '../decimal';
import { step, type Step } from '../explain';
import type { VarianceSharingRule } from './poolVarianceSharing';

/** The explanation lines of a pooled fund, in plain English for a finance reviewer. */

const gainOrLoss = (v: Dec): string =>
  v.isZero() ? 'on budget' : v.isPositive() ? 'underspend' : 'overspend';

/** A share as a percentage to 2 decimals, as partners quote them (the figure stays exact). */
const shareText = (share: Dec): string => percentText(share.toDecimalPlaces(4));

const RULE_TEXT: Record<VarianceSharingRule, string> = {
  proportional: 'in proportion to contributions',
  fixed: 'by the agreed fixed shares',
  commissioner: 'scheme by scheme to the commissioning partner (joint schemes by their shares)',
};

/** The pool as the sum of contributions, and each partner's share of it. */
export function shareSteps(
  partners: readonly string[],
  base: { pool: Dec; contributions: readonly Dec[]; shares: readonly Dec[] },
): Step[] {
  const parts = partners.map((p, i) => `${p} ${moneyText(base.contributions[i] ?? ZERO)}`);
  return [
    step('pool', `The pool is ${parts.join(' + ')} = ${moneyText(base.pool)}.`),
    ...partners.map((p, i) =>
      step(
        'share',
        `${p} contributes ${moneyText(base.contributions[i] ?? ZERO)} of ${moneyText(base.pool)}: ${shareText(base.shares[i] ?? ZERO)}.`,
      ),
    ),
  ];
}

/** Notes on schemes with no spend line, or spend but no budget. */
export function spendSteps(withoutSpend: readonly string[], unbudgeted: readonly string[]): Step[] {
  return [
    ...withoutSpend.map((s) =>
      step('spend', `No actual spend is given for ${s}; it is taken as £0.00.`),
    ),
    ...unbudgeted.map((s) =>
      step('spend', `${s} has spend but no contribution; all its spend counts as overspend.`),
    ),
  ];
}

/** Each scheme's variance and the total, with the sharing rule that applies. */
export function varianceSteps(
  schemes: readonly { scheme: string; budget: Dec; actual: Dec; variance: Dec }[],
  total: Dec,
  rule: VarianceSharingRule,
): Step[] {
  return [
    ...schemes.map(({ scheme, budget, actual, variance }) =>
      step(
        'variance',
        `${scheme}: budget ${moneyText(budget)} − actual ${moneyText(actual)} = ${moneyText(variance)} (${gainOrLoss(variance)}).`,
      ),
    ),
    step(
      'variance',
      `Total variance ${moneyText(total)} (${gainOrLoss(total)}), shared ${RULE_TEXT[rule]}; the parts add up exactly to the total.`,
    ),
  ];
}

/** Each partner's part of the variance before caps. */
export function partnerVarianceSteps(partners: readonly string[], shared: readonly Dec[]): Step[] {
  return partners.map((p, i) =>
    step('share', `${p}'s part of the variance: ${moneyText(shared[i] ?? ZERO)}.`),
  );
}

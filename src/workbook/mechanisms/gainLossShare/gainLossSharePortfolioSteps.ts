import { moneyText } from '../../../engine/decimal';
import { step, type Step } from '../../../engine/explain';
import type { GainLossShareResult } from '../../../engine/gainLossShare/gainLossShare';
import type { GainLossSharePortfolioResult } from './gainLossSharePortfolioTypes';
import type { GainLossSharePortfolioInput, PortfolioGroup } from './gainLossSharePortfolioInput';

/** Terms groups and parties listed by name in the explanation; the rest are counted. */
const LISTED_GROUPS = 5;
const LISTED_PARTIES = 10;
const LISTED_IDS = 3;

const count = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/** "A, B and C"; more than `limit` names end "and 7 more". */
export function listed(names: readonly string[], limit: number): string {
  const shown = names.slice(0, limit);
  const rest = names.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest.toLocaleString('en-GB')} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1] ?? ''}`;
}

function groupText(input: GainLossSharePortfolioInput, group: PortfolioGroup): string {
  const ids = group.members.map((k) => input.contracts[k]?.contractId ?? '?');
  const bands = group.sharedBands
    ? 'the RiskShareBands rows with a blank Contract ID'
    : 'its own RiskShareBands rows';
  const terms = group.sharedTerms ? '' : ' and its own RiskShareTerms rows';
  return `${count(ids.length, 'contract')} (${listed(ids, LISTED_IDS)}) with parties ${listed(group.terms.parties, LISTED_PARTIES)} under ${bands}${terms}`;
}

/**
 * The explanation of a portfolio run: how many contracts, how their terms were
 * grouped, the totals and the totals by party, then the first few contracts' own steps.
 */
export function portfolioSteps(
  input: GainLossSharePortfolioInput,
  totals: Omit<GainLossSharePortfolioResult, 'contracts' | 'steps'>,
  explained: readonly (GainLossShareResult | undefined)[],
): Step[] {
  const groups = input.groups.slice(0, LISTED_GROUPS).map((g) => groupText(input, g));
  const more = input.groups.length - groups.length;
  const parties = totals.parties.map((p) => `${p.party} ${moneyText(p.amount)}`);
  const steps = [
    step(
      'portfolio',
      `No Contract parameter, so the variance of each of the ${count(totals.contractCount, 'contract')} in the Contracts table was shared under that contract's own terms.`,
    ),
    step(
      'terms',
      `Contracts with the same parties, band rows, terms rows and defaults share one set of terms, checked once: ${count(totals.termsGroupCount, 'set')}. ${groups.join('; ')}${more > 0 ? `; and ${count(more, 'more set')}` : ''}.`,
    ),
    step(
      'totals',
      `Totals: expected spend ${moneyText(totals.expected)}, actual spend ${moneyText(totals.actual)}, variance (expected − actual) ${moneyText(totals.variance)}; ${count(totals.gainCount, 'gain')}, ${count(totals.lossCount, 'loss', 'losses')}, ${count(totals.noVarianceCount, 'contract')} with no variance.`,
    ),
    step(
      'parties',
      `By party (gains received less losses borne): ${listed(parties, LISTED_PARTIES)}. Each contract's party amounts sum exactly to its variance, so these sum to the total variance.`,
    ),
  ];
  explained.forEach((r, k) => {
    const id = input.contracts[k]?.contractId;
    if (r === undefined || id === undefined) return;
    for (const s of r.steps) steps.push(step(s.rule, `Contract ${id}: ${s.text}`));
  });
  return steps;
}

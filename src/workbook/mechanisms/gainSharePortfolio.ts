import { ZERO, type Dec } from '../../engine/decimal';
import { EngineError } from '../../engine/errors';
import { gainLossShareRows, type GainLossShareResult } from '../../engine/gainLossShare';
import { nameKey } from '../cells';
import type { GainSharePortfolioInput, PortfolioGroup } from './gainSharePortfolioInput';
import { portfolioSteps } from './gainSharePortfolioSteps';
import type {
  GainSharePortfolioResult,
  PortfolioContractResult,
  PortfolioPartyTotal,
} from './gainSharePortfolioTypes';

export type {
  GainSharePortfolioResult,
  PortfolioContractResult,
  PortfolioPartyTotal,
} from './gainSharePortfolioTypes';

/** How many contracts' own engine steps the portfolio explanation repeats. */
const EXPLAINED_CONTRACTS = 3;

/** An engine refusal in a group, renamed to the contract (or group) it came from. */
function placed(error: unknown, field: string, contractId: string | undefined): unknown {
  if (!(error instanceof EngineError)) return error;
  const message =
    contractId === undefined
      ? error.message
      : `Contract ${contractId}: ${error.message.replace(/^rows\[\d+\](?::\s*|\.)/, '')}`;
  return new EngineError(error.code, message, field, error.value);
}

function* groupResults(
  input: GainSharePortfolioInput,
  group: PortfolioGroup,
  g: number,
): Generator<[number, GainLossShareResult]> {
  let results: IterableIterator<GainLossShareResult>;
  try {
    results = gainLossShareRows(group.terms, group.rows);
  } catch (error) {
    const field = error instanceof EngineError ? `groups[${g}].${error.field}` : '';
    throw placed(error, field, undefined);
  }
  let i = 0;
  try {
    for (const result of results) {
      yield [group.members[i] ?? -1, result];
      i += 1;
    }
  } catch (error) {
    const k = group.members[i] ?? -1;
    const field = error instanceof EngineError ? error.field : '';
    const place = field.endsWith('.units')
      ? 'units'
      : `contracts[${k}].${field.endsWith('.actual') ? 'actual' : 'expected'}`;
    throw placed(error, place, input.contracts[k]?.contractId);
  }
}

class PartyTotals {
  private readonly byKey = new Map<
    string,
    { party: string; amount: Dec; gains: Dec; losses: Dec; contractCount: number }
  >();

  add(party: string, amount: Dec): void {
    const key = nameKey(party);
    let total = this.byKey.get(key);
    if (total === undefined) {
      total = { party, amount: ZERO, gains: ZERO, losses: ZERO, contractCount: 0 };
      this.byKey.set(key, total);
    }
    total.contractCount += 1;
    if (amount.isZero()) return;
    total.amount = total.amount.plus(amount);
    if (amount.isPositive()) total.gains = total.gains.plus(amount);
    else total.losses = total.losses.plus(amount);
  }

  list(): PortfolioPartyTotal[] {
    return [...this.byKey.values()];
  }
}

/**
 * Shares the variance of every contract of a portfolio: each group of contracts under
 * the same terms goes through the engine's batch entry point once (terms checked once,
 * steps never written out for the contracts), and the figures are totalled overall
 * and by party, exactly (sums of the contracts' penny amounts).
 *
 * @param input - contracts and their terms groups, from `buildPortfolio`.
 * @returns totals, totals by party, each contract's figures (in table order) and a
 *   short explanation that repeats the first few contracts' own steps.
 * @throws EngineError as the engine does, renamed to the place it came from: a group's
 *   terms as `groups[g].<field>`; a contract's spend or terms that do not fit it (a
 *   fraction of an expected spend of 0) as `contracts[k].expected` (or `.actual`),
 *   with the message starting "Contract <ID>: ".
 */
export function sharePortfolio(input: GainSharePortfolioInput): GainSharePortfolioResult {
  const byContract = new Array<PortfolioContractResult | undefined>(input.contracts.length);
  const explained: GainLossShareResult[] = [];
  for (const [g, group] of input.groups.entries()) {
    for (const [k, r] of groupResults(input, group, g)) {
      const contract = input.contracts[k];
      if (contract === undefined) continue;
      if (k < EXPLAINED_CONTRACTS) explained[k] = r;
      byContract[k] = {
        ...contract,
        expected: r.expected,
        actual: r.actual,
        variance: r.variance,
        direction: r.direction,
        ...(r.gateMet === undefined ? {} : { gateMet: r.gateMet }),
        parties: r.parties.map((p) => ({ party: p.party, amount: p.amount })),
      };
    }
  }
  const contracts = byContract.filter((c): c is PortfolioContractResult => c !== undefined);
  const parties = new PartyTotals();
  let expected = ZERO;
  let actual = ZERO;
  let variance = ZERO;
  const count = { gain: 0, loss: 0, none: 0 };
  for (const c of contracts) {
    expected = expected.plus(c.expected);
    actual = actual.plus(c.actual);
    variance = variance.plus(c.variance);
    count[c.direction] += 1;
    for (const p of c.parties) parties.add(p.party, p.amount);
  }
  const totals = {
    contractCount: contracts.length,
    expected,
    actual,
    variance,
    gainCount: count.gain,
    lossCount: count.loss,
    noVarianceCount: count.none,
    termsGroupCount: input.groups.length,
    parties: parties.list(),
  };
  return {
    ...totals,
    contracts,
    steps: portfolioSteps(input, totals, explained),
  };
}

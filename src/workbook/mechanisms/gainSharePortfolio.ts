import { ZERO, type Dec } from '../../engine/decimal';
import { EngineError } from '../../engine/errors';
import { gainLossShareRows, type GainLossShareResult } from '../../engine/gainLossShare';
import { nameKey } from '../cells';
import type { GainSharePortfolioInput } from './gainSharePortfolioInput';
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
function placed(
  error: unknown,
  field: string,
  contractId: string | undefined,
  value?: unknown,
): unknown {
  if (!(error instanceof EngineError)) return error;
  const message =
    contractId === undefined
      ? error.message
      : `Contract ${contractId}: ${error.message.replace(/^rows\[\d+\](?::\s*|\.)/, '')}`;
  return new EngineError(error.code, message, field, value ?? error.value);
}

/** Runs one group through the engine's batch, handing each contract's result to `take`. */
function shareGroup(
  input: GainSharePortfolioInput,
  g: number,
  take: (k: number, result: GainLossShareResult) => void,
): void {
  const group = input.groups[g];
  if (group === undefined) return;
  let results: IterableIterator<GainLossShareResult>;
  try {
    results = gainLossShareRows(group.terms, group.rows);
  } catch (error) {
    const field = error instanceof EngineError ? `groups[${g}].${error.field}` : '';
    throw placed(error, field, undefined);
  }
  const { members } = group;
  let i = 0;
  try {
    for (const result of results) {
      take(members[i] ?? -1, result);
      i += 1;
    }
  } catch (error) {
    const k = members[i] ?? -1;
    const field = error instanceof EngineError ? error.field : '';
    if (field.startsWith('rows[')) {
      const own = field.endsWith('.units')
        ? 'units'
        : `contracts[${k}].${field.slice(field.indexOf('.') + 1)}`;
      throw placed(error, own, input.contracts[k]?.contractId);
    }
    // Terms that do not fit this contract's spend (a fraction of an expected spend of 0):
    // placed at its expected spend, the figure that differs from the other contracts'.
    throw placed(
      error,
      `contracts[${k}].expected`,
      input.contracts[k]?.contractId,
      group.rows[i]?.expected,
    );
  }
}

interface PartyTotal {
  readonly party: string;
  gains: Dec;
  losses: Dec;
  contractCount: number;
}

/** Party totals, matched by name ignoring case and spacing (each spelling normalised once). */
class PartyTotals {
  private readonly byKey = new Map<string, PartyTotal>();
  private readonly bySpelling = new Map<string, PartyTotal>();

  add(party: string, amount: Dec): void {
    let total = this.bySpelling.get(party);
    if (total === undefined) {
      const key = nameKey(party);
      total = this.byKey.get(key);
      if (total === undefined) {
        total = { party, gains: ZERO, losses: ZERO, contractCount: 0 };
        this.byKey.set(key, total);
      }
      this.bySpelling.set(party, total);
    }
    total.contractCount += 1;
    if (amount.isZero()) return;
    if (amount.isPositive()) total.gains = total.gains.plus(amount);
    else total.losses = total.losses.plus(amount);
  }

  list(): PortfolioPartyTotal[] {
    return [...this.byKey.values()].map((t) => ({
      party: t.party,
      amount: t.gains.plus(t.losses),
      gains: t.gains,
      losses: t.losses,
      contractCount: t.contractCount,
    }));
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
  input.groups.forEach((_, g) =>
    shareGroup(input, g, (k, r) => {
      const contract = input.contracts[k];
      if (contract === undefined) return;
      if (k < EXPLAINED_CONTRACTS) explained[k] = r;
      byContract[k] = {
        contractId: contract.contractId,
        provider: contract.provider,
        commissioner: contract.commissioner,
        expected: r.expected,
        actual: r.actual,
        variance: r.variance,
        direction: r.direction,
        gateMet: r.gateMet,
        parties: r.parties.map((p) => ({ party: p.party, amount: p.amount })),
      };
    }),
  );
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
  return { ...totals, contracts, steps: portfolioSteps(input, totals, explained) };
}

import { EngineError } from '../../../engine/errors';
import { portfolioTotals } from '../../../engine/gainLossShare/gainLossPortfolio';
import {
  gainLossShareRows,
  type GainLossShareResult,
} from '../../../engine/gainLossShare/gainLossShare';
import type { GainLossSharePortfolioInput } from './gainLossSharePortfolioInput';
import { portfolioSteps } from './gainLossSharePortfolioSteps';
import type {
  GainLossSharePortfolioResult,
  PortfolioContractResult,
} from './gainLossSharePortfolioTypes';

export type {
  GainLossSharePortfolioResult,
  PortfolioContractResult,
  PortfolioPartyTotal,
} from './gainLossSharePortfolioTypes';

/** How many contracts' own engine steps the portfolio explanation repeats. */
const EXPLAINED_CONTRACTS = 3;

/**
 * An engine refusal in a group, placed at the field it came from. The message is the
 * engine's own: each row is labelled with its contract ("Contract K2"), so the engine
 * names the contract itself.
 */
function placed(error: unknown, field: string, value?: unknown): unknown {
  if (!(error instanceof EngineError)) return error;
  return new EngineError(error.code, error.message, field, value ?? error.value);
}

/** Runs one group through the engine's batch, handing each contract's result to `take`. */
function shareGroup(
  input: GainLossSharePortfolioInput,
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
    throw placed(error, field);
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
      throw placed(error, own);
    }
    // Terms that do not fit this contract's spend (a fraction of an expected spend of 0):
    // placed at its expected spend, the figure that differs from the other contracts'.
    throw placed(error, `contracts[${k}].expected`, group.rows[i]?.expected);
  }
}

/**
 * Shares the variance of every contract of a portfolio: each group of contracts under
 * the same terms goes through the engine's batch entry point once (terms checked once,
 * steps never written out for the contracts), and the engine totals the figures overall
 * and by party, exactly (portfolioTotals).
 *
 * @param input - contracts and their terms groups, from `buildPortfolio`.
 * @returns totals, totals by party, each contract's figures (in table order) and a
 *   short explanation that repeats the first few contracts' own steps.
 * @throws EngineError as the engine does, renamed to the place it came from: a group's
 *   terms as `groups[g].<field>`; a contract's spend or terms that do not fit it (a
 *   fraction of an expected spend of 0) as `contracts[k].expected` (or `.actual`),
 *   the engine's message starting "Contract <ID>: " (the row's label).
 */
export function sharePortfolio(input: GainLossSharePortfolioInput): GainLossSharePortfolioResult {
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
  const totals = { ...portfolioTotals(contracts), termsGroupCount: input.groups.length };
  return { ...totals, contracts, steps: portfolioSteps(input, totals, explained) };
}

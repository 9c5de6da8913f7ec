import { ZERO, type Dec } from '../decimal';
import { nameKey } from '../names';
import type { VarianceDirection } from './gainLossShareTypes';

/**
 * The totals of a portfolio of gain/loss shares: the contracts' spend and variance
 * summed, how many were gains, losses or neither, and each party's gains, losses and net
 * amount over every contract it is a party to. Sums of the contracts' penny amounts, so
 * exact: the parties' net amounts add up to the total variance (conservation), as each
 * contract's parties' amounts add up to its variance.
 */

/** One contract's shared variance, as the portfolio totals it. */
export interface PortfolioContractFigures {
  readonly expected: Dec;
  readonly actual: Dec;
  /** expected − actual: positive a gain, negative a loss. */
  readonly variance: Dec;
  readonly direction: VarianceDirection;
  /** Each party's final amount; they sum to `variance`. */
  readonly parties: readonly { readonly party: string; readonly amount: Dec }[];
}

/** One party's totals over every contract it is a party to. */
export interface PortfolioPartyTotal {
  /** The name as first written (parties are matched ignoring case and spacing). */
  readonly party: string;
  /** Gains received less losses borne. */
  readonly amount: Dec;
  /** Gains received (0 or more). */
  readonly gains: Dec;
  /** Losses borne (0 or less). */
  readonly losses: Dec;
  readonly contractCount: number;
}

/** The portfolio's totals. */
export interface PortfolioTotals {
  readonly contractCount: number;
  readonly expected: Dec;
  readonly actual: Dec;
  readonly variance: Dec;
  readonly gainCount: number;
  readonly lossCount: number;
  readonly noVarianceCount: number;
  /** By party, in the order the parties first appear. Their amounts sum to `variance`. */
  readonly parties: readonly PortfolioPartyTotal[];
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
 * Totals a portfolio of shared variances, exactly.
 *
 * @param contracts - each contract's figures, as the engine's gain/loss share gave them.
 * @returns the sums, the counts by direction, and the totals by party.
 * @example
 * portfolioTotals([
 *   { expected: d('100'), actual: d('90'), variance: d('10'), direction: 'gain',
 *     parties: [{ party: 'Provider', amount: d('6') }, { party: 'CCG', amount: d('4') }] },
 *   { expected: d('50'), actual: d('55'), variance: d('-5'), direction: 'loss',
 *     parties: [{ party: 'provider', amount: d('-5') }] },
 * ]).parties.map((p) => p.amount.toString()) // → ['1', '4']
 */
export function portfolioTotals(contracts: readonly PortfolioContractFigures[]): PortfolioTotals {
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
  return {
    contractCount: contracts.length,
    expected,
    actual,
    variance,
    gainCount: count.gain,
    lossCount: count.loss,
    noVarianceCount: count.none,
    parties: parties.list(),
  };
}

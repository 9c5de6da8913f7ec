import type { Dec } from '../../../engine/decimal';
import type { Step } from '../../../engine/explain';
import type { PortfolioPartyTotal } from '../../../engine/gainLossShare/gainLossPortfolio';
import type { VarianceDirection } from '../../../engine/gainLossShare/gainLossShare';

/** One contract's outcome in a portfolio run (figures in pence; a loss is negative). */
export interface PortfolioContractResult {
  readonly contractId: string;
  readonly provider: string;
  readonly commissioner: string;
  readonly expected: Dec;
  readonly actual: Dec;
  /** expected − actual: positive a gain, negative a loss. */
  readonly variance: Dec;
  readonly direction: VarianceDirection;
  /** Whether the gate was met; undefined when no gate applied to this direction. */
  readonly gateMet: boolean | undefined;
  /** Each of its parties' final amounts, in its parties' order; they sum to `variance`. */
  readonly parties: readonly { readonly party: string; readonly amount: Dec }[];
}

export type { PortfolioPartyTotal } from '../../../engine/gainLossShare/gainLossPortfolio';

/** The gain/loss share of every contract of a Contracts table. */
export interface GainLossSharePortfolioResult {
  readonly contractCount: number;
  /** Sums over the contracts, exact to the penny. */
  readonly expected: Dec;
  readonly actual: Dec;
  readonly variance: Dec;
  readonly gainCount: number;
  readonly lossCount: number;
  readonly noVarianceCount: number;
  /** How many sets of terms the contracts fell into (one engine batch each). */
  readonly termsGroupCount: number;
  /** Totals by party, in the order the parties first appear. Their amounts sum to `variance`. */
  readonly parties: readonly PortfolioPartyTotal[];
  readonly contracts: readonly PortfolioContractResult[];
  readonly steps: readonly Step[];
}

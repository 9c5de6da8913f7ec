/**
 * The outturn curve of a section 75 pooled fund: what each partner bears of the variance
 * across a range of actual spend, where the terms bend (an overspend cap being reached),
 * and the most each partner can gain or lose over the range. Every point is an exact
 * {@link pooledFund} result at that outturn.
 */
import { allocate } from '../allocate';
import { Dec, ZERO, moneyText, roundPence, sum } from '../decimal';
import {
  Breakpoints,
  aroundKinks,
  bendsBetween,
  curveFractions,
  extremesOver,
  type CurveExtremes,
  type CurveKink,
  type CurvePoint,
  type CurveRangeInput,
} from '../outturnCurve';
import { pooledFund, type PooledFundInput, type PooledFundResult } from './pooledFund';
import { poolLedger, type PoolLedger } from './poolLedger';
import { varianceSharing, type VarianceSharing } from './poolVarianceSharing';

const SCOPE = 'POOL';

export interface PoolCurveInput extends PooledFundInput {
  readonly curve: CurveRangeInput;
}

/** One outturn of the pool's curve: the partners' parts and the spend by scheme behind them. */
export interface PoolCurvePoint extends CurvePoint {
  /** Each scheme's actual spend at this outturn: the pool's, split by scheme budget. */
  readonly schemes: readonly { readonly scheme: string; readonly actual: Dec }[];
}

export interface PoolCurve {
  readonly curve: readonly PoolCurvePoint[];
  readonly kinks: readonly CurveKink[];
  readonly curveParties: readonly CurveExtremes[];
}

/**
 * The outturn curve of a pooled fund. Expected spend is the pool: the contributions, which
 * are the schemes' budgets. At `points` outturns in equal steps from pool × (1 + from) to
 * pool × (1 + to), both ends included and each rounded to pence, the pool's actual spend is
 * split among the schemes in proportion to their budgets (with {@link allocate}, so the
 * schemes' spend adds up to it) and the variance shared exactly as {@link pooledFund}
 * shares it under the scenario's rule and caps; the scenario's own `actualSpend` is not used.
 *
 * Kinks: before rounding, each partner bears a fixed fraction of the variance (its
 * contribution share, its agreed share, or under `commissioner` its budget-weighted share
 * of the schemes' commissioning), so the only bends are where a partner's overspend cap is
 * reached (the partner's part stops falling; its `excessTo` partner's falls faster) and,
 * with a cap of £0, at actual = pool. Each is found from the terms and reported when it
 * falls within the range.
 *
 * @param input - the pool's contributions and sharing terms, and `curve`.
 * @returns `curve[]` (with each partner's `amount`: the variance it bears), `kinks[]` and
 *   `curveParties[]` (per partner `maximumGain`, `maximumLoss`, and whether its overspend
 *   cap holds the loss).
 * @throws EngineError as {@link pooledFund} for the pool; `POOL.OUT_OF_RANGE` for
 *   `curve.points` outside 2–1,001 or `curve.from` below −1; `POOL.INCONSISTENT` when
 *   `curve.from` is not below `curve.to`.
 * @example
 * poolCurve({ contributions: [{ partner: 'CCG', scheme: 'Care', amount: 1000000 },
 *   { partner: 'Council', scheme: 'Care', amount: 1000000 }],
 *   sharing: { caps: [{ partner: 'CCG', cap: 50000, excessTo: 'Council' }] },
 *   curve: { from: -0.1, to: 0.1, points: 21 } }).kinks[0].actual // → 2100000.00
 */
export function poolCurve(input: PoolCurveInput): PoolCurve {
  const fractions = curveFractions(SCOPE, input?.curve);
  const terms: PooledFundInput = { ...input, actualSpend: undefined };
  const base = pooledFund(terms);
  const ledger = poolLedger(terms.partners, terms.contributions, undefined, 'error');
  const sharing = varianceSharing(ledger, terms.sharing);
  const at = (actual: Dec): PooledFundResult =>
    pooledFund({ ...terms, actualSpend: schemeSpend(ledger, actual) });
  const results = fractions.map((f) => at(roundPence(base.pool.times(f.plus(1)))));
  const low = results[0]?.actual ?? ZERO;
  const high = results[results.length - 1]?.actual ?? ZERO;
  const kinks = findKinks(ledger, sharing, base.pool, base.pool.minus(high), base.pool.minus(low));
  const extra = aroundKinks(
    kinks.map((k) => k.actual),
    low,
    high,
  ).map(at);
  return {
    curve: results.map(point),
    kinks,
    curveParties: extremesOver(
      ledger.partners,
      [...results, ...extra].map((r) =>
        r.partners.map((p) => ({
          amount: p.variance ?? ZERO,
          gainCapped: false,
          lossCapped: r.capsApplied.some((c) => c.partner === p.partner),
        })),
      ),
    ),
  };
}

/** The pool's actual spend split among its schemes by budget, as `actualSpend` lines. */
function schemeSpend(ledger: PoolLedger, actual: Dec) {
  const amounts = allocate(actual, ledger.schemeBudgets);
  return ledger.schemes.map((scheme, s) => ({ scheme, amount: (amounts[s] ?? ZERO).toString() }));
}

function point(result: PooledFundResult): PoolCurvePoint {
  return {
    actual: result.actual ?? ZERO,
    variance: result.variance ?? ZERO,
    parties: result.partners.map((p) => ({ party: p.partner, amount: p.variance ?? ZERO })),
    schemes: result.schemes.map((s) => ({ scheme: s.scheme, actual: s.actual ?? ZERO })),
  };
}

/**
 * Each partner's fraction of the variance before caps: its ratio over all ratios
 * (`proportional`, `fixed`), or under `commissioner` the schemes' ratios weighted by
 * each scheme's share of the pool's budget (the spend is split by budget).
 */
function partnerSlopes(ledger: PoolLedger, sharing: VarianceSharing): Dec[] {
  if (sharing.rule !== 'commissioner') {
    const total = sum(sharing.partnerRatios);
    return sharing.partnerRatios.map((r) => r.div(total));
  }
  const budget = sum(ledger.schemeBudgets);
  return ledger.partners.map((_, p) =>
    sum(
      ledger.schemeBudgets.map((b, s) => {
        const ratios = sharing.schemeRatios[s] ?? [];
        const total = sum(ratios);
        return total.isZero()
          ? ZERO
          : b
              .div(budget)
              .times(ratios[p] ?? ZERO)
              .div(total);
      }),
    ),
  );
}

/** What each partner bears of a variance (pool − actual), exactly, caps applied in order. */
function exactBorne(sharing: VarianceSharing, slopes: readonly Dec[], variance: Dec): Dec[] {
  const borne = slopes.map((slope) => slope.times(variance));
  for (const { partner, cap, excessTo } of sharing.caps) {
    const part = borne[partner] ?? ZERO;
    if (!part.lessThan(cap.negated())) continue;
    borne[partner] = cap.negated();
    borne[excessTo] = (borne[excessTo] ?? ZERO).plus(part.plus(cap));
  }
  return borne;
}

/** The kinks with a variance from `lowest` to `highest` (pool − actual). */
function findKinks(
  ledger: PoolLedger,
  sharing: VarianceSharing,
  pool: Dec,
  lowest: Dec,
  highest: Dec,
): CurveKink[] {
  const slopes = partnerSlopes(ledger, sharing);
  const breakpoints = new Breakpoints();
  breakpoints.add(ZERO, 'actual equals the pool: underspends change to overspends');
  for (const { partner, cap } of sharing.caps) {
    const slope = slopes[partner] ?? ZERO;
    if (!slope.isPositive()) continue;
    breakpoints.add(
      cap.negated().div(slope),
      `${ledger.partners[partner] ?? ''}'s overspend cap of ${moneyText(cap)} is reached`,
    );
  }
  const exact = (variance: Dec) => exactBorne(sharing, slopes, variance);
  return bendsBetween(breakpoints, exact, ledger.partners, lowest, highest).map((bend) => ({
    actual: roundPence(pool.minus(bend.variable)),
    variance: roundPence(bend.variable),
    reason: bend.reason,
    parties: bend.lines,
  }));
}

/** A pooled-fund scenario that may also ask for its outturn curve. */
export interface PooledFundExplorationInput extends PooledFundInput {
  readonly curve?: CurveRangeInput;
}

export type PooledFundExploration = PooledFundResult & Partial<PoolCurve>;

/**
 * A pooled fund as the scenario gives it, with the outturn curve when `curve` is given
 * ({@link poolCurve}): what `bcf calc pool` returns.
 *
 * @param input - the pooled-fund scenario, optionally with `curve`.
 * @returns the pool's result, plus `curve`, `kinks` and `curveParties` with a curve.
 * @throws EngineError as {@link pooledFund} and {@link poolCurve} do.
 * @example pooledFundExploration({ ...bnes, curve: { from: -0.1, to: 0.1, points: 5 } }).curve.length // → 5
 */
export function pooledFundExploration(input: PooledFundExplorationInput): PooledFundExploration {
  const { curve: range, ...fund } = input;
  const result = pooledFund(fund);
  if (range === undefined || range === null) return result;
  return { ...result, ...poolCurve({ ...fund, curve: range }) };
}

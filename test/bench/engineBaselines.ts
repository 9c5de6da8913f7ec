/**
 * The float baselines of the engine benchmark: each workload written the plain way, with
 * JavaScript numbers, computing the same figures the engine's result holds (neither more
 * nor less): every band, every party's part of every band split to the penny with the
 * leftover pence to the largest remainders, the totals, and a result object per row,
 * segment-year or metric. Inputs are converted and checked as a careful plain
 * implementation would (finite, not negative, names unique); terms that the engine checks
 * once for a table are read once here too. The explanation steps are not built: the
 * engine writes them only when they are read, and the benchmark never reads them.
 *
 * Floats are not exact (that is what the engine is for), so a figure here can be a penny
 * out now and then; the benchmark prints how many agree.
 */

/** Splits exact parts (in pence) into whole pence that add up to their sum rounded half away from zero: leftover pence to the largest remainders, ties to the first. */
export function largestRemainder(exactPence: readonly number[]): number[] {
  const n = exactPence.length;
  let total = 0;
  for (let i = 0; i < n; i += 1) total += exactPence[i] ?? 0;
  const sign = total < 0 ? -1 : 1;
  const cuts: number[] = [];
  const remainders: number[] = [];
  let leftover = Math.round(total * sign);
  for (let i = 0; i < n; i += 1) {
    const part = (exactPence[i] ?? 0) * sign;
    const cut = Math.floor(part);
    cuts.push(cut);
    remainders.push(part - cut);
    leftover -= cut;
  }
  if (leftover > 0) {
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => (remainders[b] ?? 0) - (remainders[a] ?? 0) || a - b);
    for (let k = 0; k < leftover && k < n; k += 1) {
      const i = order[k] ?? 0;
      cuts[i] = (cuts[i] ?? 0) + 1;
    }
  }
  for (let i = 0; i < n; i += 1) cuts[i] = (cuts[i] ?? 0) * sign;
  return cuts;
}

function checkedNumber(field: string, raw: unknown, low = 0): number {
  // Number() ignores surrounding spaces, as the engine's trim does; '' and null are missing.
  const value = typeof raw === 'number' || typeof raw === 'string' ? Number(raw) : NaN;
  if (raw === '' || !Number.isFinite(value) || value < low) {
    throw new Error(`${field} is ${String(raw)}`);
  }
  return value;
}

function checkUnique(names: readonly string[]): void {
  const seen = new Set<string>();
  for (const n of names) {
    const key = n.trim().toLowerCase();
    if (key === '' || seen.has(key)) throw new Error(`name ${n}`);
    seen.add(key);
  }
}

// --- gain/loss share ---

export interface FloatGainTerms {
  readonly parties: readonly string[];
  /** Bands as fractions of expected (none for the last) and shares by party index. */
  readonly gainBands: readonly { readonly upTo?: number; readonly shares: readonly number[] }[];
  readonly lossBands: readonly { readonly upTo?: number; readonly shares: readonly number[] }[];
}

/** One row's figures, all in pence, as the engine's result holds them. */
export interface FloatGainResult {
  readonly expected: number;
  readonly actual: number;
  readonly variance: number;
  readonly direction: 'gain' | 'loss' | 'none';
  /** Band bounds in pounds (exact), band amounts in pence. */
  readonly bands: readonly { band: number; from: number; to?: number; amount: number }[];
  readonly parties: readonly {
    party: string;
    bandAmounts: readonly number[];
    sharedAmount: number;
    qualityAdjustment: number;
    capAdjustment: number;
    amount: number;
  }[];
}

/** One contract row's gain/loss share under terms read once, in pence. */
export function floatGainShare(
  terms: FloatGainTerms,
  row: { readonly expected: unknown; readonly actual: unknown },
): FloatGainResult {
  const expected = checkedNumber('expected', row.expected);
  const actual = checkedNumber('actual', row.actual);
  const variance = Math.round((expected - actual) * 100);
  const direction = variance === 0 ? 'none' : variance > 0 ? 'gain' : 'loss';
  const parties = terms.parties.length;
  const defs = direction === 'loss' ? terms.lossBands : terms.gainBands;
  const magnitude = Math.abs(expected - actual);
  const cells: number[] = [];
  const cellBand: number[] = [];
  const cellParty: number[] = [];
  const froms: number[] = [];
  let from = 0;
  if (direction !== 'none') {
    defs.forEach((band, b) => {
      froms.push(from);
      const above = magnitude - from;
      const end = band.upTo === undefined ? undefined : band.upTo * expected;
      from = end ?? from;
      if (above <= 0) return;
      const inBand = end === undefined ? above : Math.min(above, end - (froms[b] ?? 0));
      band.shares.forEach((share, p) => {
        if (share === 0) return;
        cells.push((direction === 'loss' ? -inBand : inBand) * share * 100);
        cellBand.push(b);
        cellParty.push(p);
      });
    });
  }
  const pence = largestRemainder(cells);
  const bandAmounts = terms.parties.map(() => defs.map(() => 0));
  const bandTotals = defs.map(() => 0);
  const shared = new Array<number>(parties).fill(0);
  pence.forEach((part, c) => {
    const b = cellBand[c] ?? 0;
    const p = cellParty[c] ?? 0;
    (bandAmounts[p] ?? [])[b] = part;
    bandTotals[b] = (bandTotals[b] ?? 0) + part;
    shared[p] = (shared[p] ?? 0) + part;
  });
  return {
    expected: Math.round(expected * 100),
    actual: Math.round(actual * 100),
    variance,
    direction,
    bands:
      direction === 'none'
        ? []
        : defs.map((band, b) => ({
            band: b + 1,
            // Where the band starts and ends, exact (in pounds), as the engine gives them.
            from: froms[b] ?? 0,
            to: band.upTo === undefined ? undefined : band.upTo * expected,
            amount: bandTotals[b] ?? 0,
          })),
    parties: terms.parties.map((party, p) => ({
      party,
      bandAmounts: direction === 'none' ? [] : (bandAmounts[p] ?? []),
      sharedAmount: shared[p] ?? 0,
      qualityAdjustment: 0,
      capAdjustment: 0,
      amount: shared[p] ?? 0,
    })),
  };
}

// --- capitation schedule ---

export interface FloatSegment {
  readonly name: string;
  readonly population: unknown;
  readonly annualRate: unknown;
  readonly weight?: unknown;
}

/** Budgets per segment and year, year totals and the total, in pence. */
export function floatCapitation(
  segments: readonly FloatSegment[],
  years: number,
  change: { readonly uplift: number; readonly efficiency: number; readonly growth: number },
) {
  const parsed = segments.map((s) => ({
    name: s.name,
    population: checkedNumber('population', s.population),
    annualRate: checkedNumber('annualRate', s.annualRate),
    weight: s.weight === undefined ? 1 : checkedNumber('weight', s.weight),
  }));
  checkUnique(parsed.map((s) => s.name));
  const schedule = Array.from({ length: years }, (_, y) => {
    const rows = parsed.map((s) => {
      const rate = s.annualRate * (1 + change.uplift) ** y * (1 - change.efficiency) ** y;
      const projectedPopulation = s.population * (1 + change.growth) ** y;
      const budget = Math.round(projectedPopulation * rate * s.weight * 100);
      return { segment: s.name, projectedPopulation, rate, weight: s.weight, budget };
    });
    return { yearIndex: y, segments: rows, budget: rows.reduce((a, r) => a + r.budget, 0) };
  });
  return { years: schedule, total: schedule.reduce((a, y) => a + y.budget, 0) };
}

// --- pay for performance ---

export interface FloatMetric {
  readonly name: string;
  readonly weight: unknown;
  readonly baseline?: unknown;
  readonly target: unknown;
  readonly actual?: unknown;
  readonly direction: 'higher' | 'lower';
}

/** One period, linear scoring: each metric's achievement and its part of earned, and the period's figures, in pence. */
export function floatPerformance(
  contractValue: unknown,
  atRiskRate: unknown,
  metrics: readonly FloatMetric[],
) {
  const atRisk = Math.round(
    checkedNumber('contractValue', contractValue) * checkedNumber('atRiskRate', atRiskRate) * 100,
  );
  checkUnique(metrics.map((m) => m.name));
  const scored = metrics.map((m) => {
    const baseline = checkedNumber('baseline', m.baseline, -Infinity);
    const target = checkedNumber('target', m.target, -Infinity);
    const actual = checkedNumber('actual', m.actual, -Infinity);
    const higher = m.direction === 'higher';
    if (higher ? target <= baseline : target >= baseline) throw new Error(`target of ${m.name}`);
    const progressFraction = (actual - baseline) / (target - baseline);
    const achievement = Math.min(Math.max(progressFraction, 0), 1);
    const targetMet = higher ? actual >= target : actual <= target;
    return {
      m,
      weight: checkedNumber('weight', m.weight),
      progressFraction,
      achievement,
      targetMet,
    };
  });
  const totalWeight = scored.reduce((a, s) => a + s.weight, 0);
  if (Math.abs(totalWeight - 1) > 1e-6) throw new Error('weights');
  const weighted = scored.map((s) => (s.weight / totalWeight) * s.achievement);
  const achievement = weighted.reduce((a, w) => a + w, 0);
  const metricEarned = largestRemainder(weighted.map((w) => atRisk * w));
  const earnedExact = atRisk * achievement;
  const [earned = 0, withheld = 0] = largestRemainder([earnedExact, atRisk - earnedExact]);
  const applied = 1; // full risk applied, as in the benchmark's terms
  const payableExact = atRisk * (1 - applied) + earnedExact * applied;
  const [payable = 0, deducted = 0] = largestRemainder([payableExact, atRisk - payableExact]);
  return {
    atRisk,
    achievement,
    earned,
    withheld,
    payable,
    deducted,
    metrics: scored.map((s, i) => ({
      name: s.m.name,
      weight: s.weight,
      direction: s.m.direction,
      targetMet: s.targetMet,
      progressFraction: s.progressFraction,
      achievement: s.achievement,
      weightedAchievement: weighted[i] ?? 0,
      earned: metricEarned[i] ?? 0,
    })),
  };
}

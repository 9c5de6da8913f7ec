/**
 * Engine benchmark (`npm run bench`): the decimal engine against the same arithmetic
 * written with plain JavaScript numbers, on the sizes the issue names. Prints wall-clock
 * and CPU times and their ratios; asserts nothing about time (never a wall-clock limit in
 * a test). On a machine shared with other work, compare CPU times.
 *
 * The float baselines compute the same figures the naive way (and are not exact: that
 * is the point of the engine); they exist only to show what exactness costs.
 */
import { capitationBudget, type CapitationInput } from '../../src/engine/capitation';
import {
  gainLossShare,
  gainLossShareRows,
  type GainLossTermsInput,
} from '../../src/engine/gainLossShare';
import {
  performancePayment,
  type PerformancePaymentInput,
} from '../../src/engine/performancePayment';
import { best, printComparison } from './timing';

const CONTRACT_ROWS = 100_000;
const SEGMENTS = 10_000;
const YEARS = 10;
const METRICS = 1_000;

/** A deterministic pseudo-random sequence (so every run benchmarks the same data). */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

// --- gain/loss share over contract rows (Bedfordshire-style tiered terms) ---
const random = sequence(42);
const contracts = Array.from({ length: CONTRACT_ROWS }, () => {
  const expected = Math.round(1_000_000 + random() * 50_000_000) / 100;
  const actual = Math.round(expected * (0.85 + random() * 0.3) * 100) / 100;
  return { expected: expected.toFixed(2), actual: actual.toFixed(2) };
});
const terms: GainLossTermsInput = {
  parties: ['Provider', 'CCG'],
  gainBands: [
    { upToFraction: 0.05, shares: { Provider: 1, CCG: 0 } },
    { shares: { Provider: 0.5, CCG: 0.5 } },
  ],
  lossBands: [{ shares: { Provider: 1, CCG: 0 } }],
};

/** The contract table in one call: the terms are checked once, the rows read one by one. */
function gainShareDecimal(): string {
  let provider = 0n;
  for (const result of gainLossShareRows(terms, contracts)) {
    provider += BigInt(result.parties[0]?.amount.times(100).toFixed(0) ?? '0');
  }
  return provider.toString();
}

/**
 * One call per row, as a worksheet formula per row makes it (the terms are remembered).
 * On Node 20 about a third of this is the `{ ...terms, ...row }` itself: V8 builds the
 * spread object slowly and every property read from it is slow too (building the input
 * with Object.assign({}, terms, row) instead takes ~1.7 s rather than ~2.6 s CPU).
 */
function gainShareDecimalPerRow(): string {
  let provider = 0n;
  for (const row of contracts) {
    const result = gainLossShare({ ...terms, ...row });
    provider += BigInt(result.parties[0]?.amount.times(100).toFixed(0) ?? '0');
  }
  return provider.toString();
}

function gainShareFloat(): number {
  let provider = 0;
  for (const row of contracts) {
    const expected = Number(row.expected);
    const variance = expected - Number(row.actual);
    if (variance <= 0) {
      provider += variance;
      continue;
    }
    const band1 = Math.min(variance, expected * 0.05);
    const rest = variance - band1;
    provider += Math.round((band1 + rest * 0.5) * 100) / 100;
  }
  return provider;
}

// --- capitation schedule ---
const capitation: CapitationInput = {
  segments: Array.from({ length: SEGMENTS }, (_, i) => ({
    name: `Segment ${i + 1}`,
    population: 500 + (i % 2_000),
    annualRate: (250 + (i % 700)).toFixed(2),
    weight: (0.8 + (i % 5) * 0.1).toFixed(1),
  })),
  years: YEARS,
  uplift: 0.013,
  efficiency: 0.011,
  populationGrowth: 0.006,
};

function capitationFloat(): number {
  let total = 0;
  for (const s of capitation.segments) {
    for (let y = 0; y < YEARS; y += 1) {
      const rate = Number(s.annualRate) * 1.013 ** y * (1 - 0.011) ** y;
      const population = Number(s.population) * 1.006 ** y;
      total += Math.round(population * rate * Number(s.weight) * 100) / 100;
    }
  }
  return total;
}

// --- pay for performance with many metrics ---
const p4p: PerformancePaymentInput = {
  contractValue: '250000000.00',
  atRiskRate: 0.025,
  metrics: Array.from({ length: METRICS }, (_, i) => ({
    name: `Metric ${i + 1}`,
    weight: 0.001,
    baseline: 50,
    target: 70,
    actual: 50 + (i % 25),
    direction: 'higher' as const,
  })),
};

function p4pFloat(): number {
  const atRisk = 250_000_000 * 0.025;
  let achieved = 0;
  for (const m of p4p.metrics ?? []) {
    const a = Math.min(Math.max((Number(m.actual) - 50) / 20, 0), 1);
    achieved += Number(m.weight) * a;
  }
  return Math.round(atRisk * achieved * 100) / 100;
}

const workloads = [
  {
    name: `gain/loss share, ${CONTRACT_ROWS.toLocaleString('en-GB')} contract rows`,
    subject: () => best('gainshare', gainShareDecimal),
    baseline: () => best('gainshare float', gainShareFloat),
    target: '≤ 10×, < 2 s',
  },
  {
    name: `gain/loss share, ${CONTRACT_ROWS.toLocaleString('en-GB')} rows, one call per row`,
    subject: () => best('gainshare per row', gainShareDecimalPerRow),
    baseline: () => best('gainshare float', gainShareFloat),
    target: '≤ 10×, < 2 s',
  },
  {
    name: `capitation, ${SEGMENTS.toLocaleString('en-GB')} segments × ${YEARS} years`,
    subject: () => best('capitation', () => capitationBudget(capitation)),
    baseline: () => best('capitation float', capitationFloat),
    target: '≤ 10×',
  },
  {
    name: `pay for performance, ${METRICS.toLocaleString('en-GB')} metrics`,
    subject: () => best('p4p', () => performancePayment(p4p)),
    baseline: () => best('p4p float', p4pFloat),
    target: '≤ 10×',
  },
];

// `npm run bench -- capitation` runs only the workloads whose name contains the word.
const only = process.argv[2];
const rows = workloads
  .filter((w) => only === undefined || w.name.includes(only))
  .map((w) => ({ name: w.name, subject: w.subject(), baseline: w.baseline(), target: w.target }));
printComparison(
  'Engine benchmark (best of at least 3 runs after a warm-up; ratio of CPU times)',
  rows,
);

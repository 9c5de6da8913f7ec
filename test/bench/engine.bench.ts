/**
 * Engine benchmark (`npm run bench`): the decimal engine against the same arithmetic
 * written with plain JavaScript numbers, on the sizes the issue names. Prints wall-clock
 * and CPU times and their ratios; asserts nothing about time (never a wall-clock limit in
 * a test). On a machine shared with other work, compare CPU times.
 *
 * The float baselines (engineBaselines.ts) compute the same figures with plain numbers
 * (and are not exact: that is the point of the engine); they exist only to show what
 * exactness costs. The benchmark checks that they agree with the engine to the penny on
 * nearly every row.
 */
import { type Dec, ZERO } from '../../src/engine/decimal';
import { capitationBudget, type CapitationInput } from '../../src/engine/capitation/capitation';
import {
  gainLossShare,
  gainLossShareRows,
  type GainLossShareResult,
  type GainLossTermsInput,
} from '../../src/engine/gainLossShare/gainLossShare';
import {
  performancePayment,
  type PerformancePaymentInput,
} from '../../src/engine/payForPerformance/performancePayment';
import {
  floatCapitation,
  floatGainShare,
  floatPerformance,
  type FloatGainTerms,
} from './engineBaselines';
import { gainLossSimulation } from '../../src/engine/gainLossShare/gainLossSimulation';
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
function gainShareDecimal(): Dec[] {
  return Array.from(gainLossShareRows(terms, contracts), (result) => providerAmount(result));
}

/**
 * One call per row, as a worksheet formula per row makes it: the input built the way
 * =BCF.GAINSHARE builds it (src/functions/gainLossShare.ts), an object literal of the spend
 * and the terms; the engine remembers the checked terms by their data.
 */
function gainShareDecimalPerRow(): Dec[] {
  return contracts.map((row) =>
    providerAmount(
      gainLossShare({
        expected: row.expected,
        actual: row.actual,
        parties: terms.parties,
        gainBands: terms.gainBands,
        lossBands: terms.lossBands,
      }),
    ),
  );
}

const providerAmount = (result: GainLossShareResult): Dec => result.parties[0]?.amount ?? ZERO;

/** A figure in whole pence, exactly (the figures are compared after timing). */
const pence = (amount: Dec | number): bigint =>
  typeof amount === 'number' ? BigInt(amount) : BigInt(amount.times(100).toFixed(0));

/** The same terms read once as numbers (the engine, too, checks them once for the table). */
const floatTerms: FloatGainTerms = {
  parties: ['Provider', 'CCG'],
  gainBands: [{ upTo: 0.05, shares: [1, 0] }, { shares: [0.5, 0.5] }],
  lossBands: [{ shares: [1, 0] }],
};

function gainShareFloat(): number[] {
  return contracts.map((row) => floatGainShare(floatTerms, row).parties[0]?.amount ?? 0);
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
  return floatCapitation(capitation.segments, YEARS, {
    uplift: 0.013,
    efficiency: 0.011,
    growth: 0.006,
  }).total;
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
  return floatPerformance(p4p.contractValue, p4p.atRiskRate, p4p.metrics ?? []).earned;
}

/** How many of the float baseline's figures agree with the engine's to the penny. */
function agreement(): string {
  const decimal = gainShareDecimal();
  const float = gainShareFloat();
  const same = float.filter((p, i) => pence(p) === pence(decimal[i] ?? ZERO)).length;
  const capitationSame = pence(capitationFloat()) === pence(capitationBudget(capitation).total);
  const p4pSame = pence(p4pFloat()) === pence(performancePayment(p4p).earned);
  return (
    `Float baselines against the engine: provider amounts agree on ${same} of ${float.length} ` +
    `rows; capitation total ${capitationSame ? 'agrees' : 'differs'}; P4P earned ${p4pSame ? 'agrees' : 'differs'}.`
  );
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
if (only === undefined) console.log(agreement());

// --- exposure simulation: 10,000 draws of a two-party, three-band share (issue target < 1 s) ---
if (only === undefined || 'simulation'.includes(only)) {
  const threeBands = {
    expected: '25175000',
    actual: '25175000',
    parties: ['Provider', 'CCG'],
    gainBands: [
      { upToFraction: 0.02, shares: { Provider: 1, CCG: 0 } },
      { upToFraction: 0.05, shares: { Provider: 0.5, CCG: 0.5 } },
      { shares: { Provider: 0.25, CCG: 0.75 } },
    ],
  };
  for (const distribution of ['normal', 'lognormal']) {
    const simulate = () =>
      gainLossSimulation({
        ...threeBands,
        simulation: { draws: 10_000, seed: 1, outturn: { distribution, cv: 0.05 } },
      });
    const cpu = process.cpuUsage();
    simulate();
    const cold = process.cpuUsage(cpu);
    const timing = best(`simulation ${distribution}`, simulate);
    console.log(
      `exposure simulation, 10,000 ${distribution} draws, two parties, three bands: first run ${((cold.user + cold.system) / 1000).toFixed(0)} ms CPU; best ${timing.ms.toFixed(0)} ms wall / ${timing.cpuMs.toFixed(0)} ms CPU (target < 1 s)`,
    );
  }
}

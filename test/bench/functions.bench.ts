/**
 * Custom function overhead: 10,000 calls of BCF.CAPITATION and BCF.GAINSHARE through
 * their wrappers (argument coercion, error mapping, Dec → number) against the same
 * calculations called on the engine directly. The wrappers should add under 20%.
 *
 * Run: `npm run bench:functions` (or `npx tsx test/bench/functions.bench.ts`).
 * Rounds time both paths back to back; calls per second are medians over rounds and the
 * overhead is the median of the rounds' wrapper/engine ratios.
 * Exits with status 1 if a wrapper adds 20% or more.
 */
import '../support/customFunctionsRuntime';
import { capitationAmount } from '../../src/engine/capitation/capitation';
import { gainLossShare } from '../../src/engine/gainLossShare/gainLossShare';
import { CAPITATION } from '../../src/functions/capitation';
import { GAINSHARE } from '../../src/functions/gainLossShare';

const CALLS = 10_000;
const ROUNDS = 11;
const BUDGET = 0.2;

interface Case {
  readonly name: string;
  readonly wrapper: (i: number) => unknown;
  readonly engine: (i: number) => unknown;
}

const BANDS = [
  [0.05, 1, ''],
  ['', 0.5, 0.5],
];
const PARTIES = [['Provider', 'CCG']];

const cases: readonly Case[] = [
  {
    name: 'BCF.CAPITATION',
    wrapper: (i) => CAPITATION([[1000 + i]], [[250.5]], 0.013, i % 5),
    engine: (i) =>
      capitationAmount({
        population: 1000 + i,
        annualRate: 250.5,
        uplift: 0.013,
        yearIndex: i % 5,
      }).toNumber(),
  },
  {
    name: 'BCF.GAINSHARE',
    wrapper: (i) => GAINSHARE(25175000, 23000000 + i, BANDS, PARTIES),
    engine: (i) =>
      gainLossShare({
        expected: 25175000,
        actual: 23000000 + i,
        parties: ['Provider', 'CCG'],
        gainBands: [{ upToFraction: 0.05, shares: [1, 0] }, { shares: [0.5, 0.5] }],
      }).parties.map((p) => p.amount.toNumber()),
  },
];

/**
 * CPU milliseconds (user + system) for CALLS calls: CPU time, not wall time, so other
 * processes sharing the machine disturb the comparison less.
 */
function time(run: (i: number) => unknown): number {
  const start = process.cpuUsage();
  for (let i = 0; i < CALLS; i++) run(i);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/**
 * Medians over rounds; each round times both paths back to back (alternating which goes
 * first), and the overhead is the median of the rounds' ratios, so a change in machine
 * load between rounds affects both sides of a ratio alike.
 */
function measure(c: Case): { wrapperMs: number; engineMs: number; ratio: number } {
  time(c.wrapper); // warm up both paths
  time(c.engine);
  const wrapper: number[] = [];
  const engine: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const engineFirst = round % 2 === 1;
    const e1 = engineFirst ? time(c.engine) : 0;
    const w = time(c.wrapper);
    const e = engineFirst ? e1 : time(c.engine);
    wrapper.push(w);
    engine.push(e);
    ratios.push(w / e);
  }
  return { wrapperMs: median(wrapper), engineMs: median(engine), ratio: median(ratios) };
}

const rows = cases.map((c) => ({ name: c.name, ...measure(c) }));
const perSecond = (ms: number) => Math.round((CALLS / ms) * 1000).toLocaleString('en-GB');
console.log(`${CALLS.toLocaleString('en-GB')} calls, CPU time, median of ${ROUNDS} rounds\n`);
console.log('function          wrapper calls/s   engine calls/s   wrapper/engine   overhead');
let over = false;
for (const row of rows) {
  const { ratio } = row;
  over ||= ratio - 1 >= BUDGET;
  console.log(
    `${row.name.padEnd(18)}${perSecond(row.wrapperMs).padStart(15)}${perSecond(row.engineMs).padStart(17)}` +
      `${ratio.toFixed(3).padStart(17)}${`${((ratio - 1) * 100).toFixed(1)}%`.padStart(11)}`,
  );
}
console.log(`\nBudget: under ${BUDGET * 100}% overhead: ${over ? 'OVER' : 'within'}.`);
if (over) process.exitCode = 1;

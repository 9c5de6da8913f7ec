/**
 * Exposure simulation of a gain/loss share: many seeded random outturns, each shared
 * exactly as {@link gainLossShare} shares it, summarised per party (mean, percentiles,
 * chance of a loss). The same seed gives the same figures on every machine.
 */
import { Dec, ONE, ZERO, moneyText, percentText, roundPence } from '../decimal';
import { ErrorKind, fail, quote } from '../errors';
import { type Step, step } from '../explain';
import { gainLossShareRows, type GainLossShareInput } from './gainLossShare';
import { SCOPE, gainLossTerms } from './gainLossTerms';
import {
  exponential,
  logarithm,
  normalDeviate,
  normalQuantile,
  seededSource,
  type UintSource,
} from './outturnDraws';
import { decimal, integer, nonNegative, option, positive } from '../validate';
import type { Amount } from '../decimal';

/** How outturns (actual ÷ expected spend) are drawn. */
export interface OutturnDistributionInput {
  /** `normal`, `lognormal` or `empirical`. */
  readonly distribution: string;
  /** Coefficient of variation of the outturn (normal, lognormal): 0.05 for ±5% one s.d. */
  readonly cv?: Amount;
  /** Mean outturn as a fraction of expected (normal, lognormal); default 1 (on budget). */
  readonly mean?: Amount;
  /** Past outturns as fractions of expected (empirical), resampled with equal chance; at least 10. */
  readonly values?: readonly Amount[];
  /** With `population`: `cv` holds at this population and scales by √(reference ÷ population). */
  readonly referencePopulation?: Amount;
  readonly population?: Amount;
}

export interface SimulationInput {
  /** 100 to 1,000,000 draws. */
  readonly draws: Amount;
  /** A whole number; the same seed gives the same draws. */
  readonly seed: Amount;
  readonly outturn: OutturnDistributionInput;
  /** Optional: also the chance of a loss beyond this amount (a positive sum of money). */
  readonly lossThreshold?: Amount;
}

export interface GainLossSimulationInput extends GainLossShareInput {
  readonly simulation: SimulationInput;
}

/** One party's figures over the draws. */
export interface SimulatedParty {
  readonly party: string;
  /** Mean amount, rounded to pence (a gain positive, a loss negative). */
  readonly mean: Dec;
  /** Percentiles by nearest rank: the amount at rank ⌈p × draws⌉ of the sorted draws. */
  readonly p5: Dec;
  readonly p50: Dec;
  readonly p95: Dec;
  /** The lowest and highest amount of any draw (the worst loss, the best gain). */
  readonly lowest: Dec;
  readonly highest: Dec;
  /** The share of draws in which the party bears a loss. */
  readonly probabilityOfLoss: Dec;
  /** The share of draws in which its loss is larger than `lossThreshold`, when given. */
  readonly probabilityOfLossBeyondThreshold?: Dec;
}

export interface GainLossSimulation {
  readonly draws: number;
  readonly seed: number;
  readonly distribution: string;
  /** The coefficient of variation used (after population scaling); absent for empirical. */
  readonly cv?: Dec;
  readonly lossThreshold?: Dec;
  readonly parties: readonly SimulatedParty[];
  readonly steps: readonly Step[];
}

const MIN_DRAWS = 100;
const MAX_DRAWS = 1_000_000;
const MIN_EMPIRICAL = 10;
const MAX_EMPIRICAL = 1_000_000;

interface Drawer {
  readonly draw: (source: UintSource) => Dec;
  readonly cv: Dec | undefined;
  readonly describe: string;
}

/**
 * Simulates a gain/loss share over `draws` random outturns: actual = expected × X, X drawn
 * from the distribution (normal or lognormal with the given mean and coefficient of
 * variation, or resampled past outturns), rounded to pence and floored at nothing spent;
 * each draw shared exactly by the engine. Per party: mean, 5th/50th/95th percentile (nearest
 * rank), and the chance of a loss (and of one beyond `lossThreshold`).
 *
 * Reproducible: draws come from a seeded xoshiro128** generator and normal deviates from
 * AS 241 in decimal arithmetic, so the same seed gives the same figures on every machine.
 *
 * @param input - gain/loss share terms (`actual` is not used) and `simulation`.
 * @returns the summary per party, the settings used and the steps.
 * @throws EngineError as {@link gainLossShare} for the terms; `GAINSHARE.OUT_OF_RANGE` for
 *   draws outside 100–1,000,000; `GAINSHARE.NEGATIVE` for a negative cv;
 *   `GAINSHARE.UNKNOWN_OPTION` for an unknown distribution; `GAINSHARE.EMPTY` for an
 *   empirical list of under 10 values.
 * @example
 * gainLossSimulation({ expected: '1000000', actual: '1000000', parties: ['A', 'B'],
 *   gainBands: [{ shares: { A: 0.5, B: 0.5 } }],
 *   simulation: { draws: 10000, seed: 1, outturn: { distribution: 'normal', cv: 0.05 } } })
 *   .parties[0].probabilityOfLoss // → about 0.5
 */
export function gainLossSimulation(input: GainLossSimulationInput): GainLossSimulation {
  const raw = input?.simulation;
  if (raw === null || typeof raw !== 'object') {
    fail(SCOPE, ErrorKind.MISSING, 'simulation', raw, 'simulation needs draws, seed and outturn.');
  }
  const draws = integer(SCOPE, 'simulation.draws', raw.draws, 0);
  if (draws < MIN_DRAWS || draws > MAX_DRAWS) {
    fail(
      SCOPE,
      ErrorKind.OUT_OF_RANGE,
      'simulation.draws',
      raw.draws,
      `simulation.draws is ${quote(raw.draws)}; it must be from ${MIN_DRAWS} to 1,000,000.`,
    );
  }
  const seed = integer(SCOPE, 'simulation.seed', raw.seed, 0);
  const drawer = drawerFor(raw.outturn);
  const threshold =
    raw.lossThreshold === undefined || raw.lossThreshold === null
      ? undefined
      : positive(SCOPE, 'simulation.lossThreshold', raw.lossThreshold);
  const terms = gainLossTerms({ ...input, actual: input.expected });
  const perUnitExpected = decimal(SCOPE, 'expected', input.expected);

  const source = seededSource(seed);
  let floored = 0;
  const rows = Array.from({ length: draws }, () => {
    let actual = roundPence(perUnitExpected.times(drawer.draw(source)));
    if (actual.isNegative()) {
      actual = ZERO;
      floored += 1;
    }
    return { expected: input.expected, actual, units: input.units };
  });
  const amounts: Dec[][] = terms.parties.map(() => []);
  for (const result of gainLossShareRows(input, rows)) {
    result.parties.forEach((p, i) => amounts[i]?.push(p.amount));
  }
  const parties = terms.parties.map((party, i) => summary(party, amounts[i] ?? [], threshold));
  const steps = [
    step(
      'simulation',
      `${grouped(draws)} outturns drawn with seed ${seed}: ${drawer.describe}; each actual spend rounded to pence and shared by the terms.`,
    ),
    ...(floored > 0
      ? [step('simulation', `${floored} draws below nothing spent were taken as £0.00 spent.`)]
      : []),
    step(
      'simulation',
      'Percentiles by nearest rank: the 5th is the amount at rank ⌈0.05 × draws⌉ of the draws from lowest to highest.',
    ),
    ...parties.map((p) =>
      step(
        'simulation',
        `${p.party}: mean ${moneyText(p.mean)}, 5th percentile ${moneyText(p.p5)}, median ${moneyText(p.p50)}, 95th percentile ${moneyText(p.p95)}; a loss in ${percentText(p.probabilityOfLoss)} of draws${
          p.probabilityOfLossBeyondThreshold === undefined || threshold === undefined
            ? ''
            : `, a loss beyond ${moneyText(threshold)} in ${percentText(p.probabilityOfLossBeyondThreshold)}`
        }.`,
      ),
    ),
  ];
  return {
    draws,
    seed,
    distribution: drawer.describe,
    ...(drawer.cv === undefined ? {} : { cv: drawer.cv }),
    ...(threshold === undefined ? {} : { lossThreshold: threshold }),
    parties,
    steps,
  };
}

/** 10000 → "10,000". */
function grouped(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function summary(party: string, amounts: Dec[], threshold: Dec | undefined): SimulatedParty {
  const n = amounts.length;
  const sorted = [...amounts].sort((a, b) => a.comparedTo(b));
  const total = amounts.reduce<Dec>((acc, a) => acc.plus(a), ZERO);
  const rank = (p: string) =>
    sorted[Math.max(0, new Dec(p).times(n).ceil().toNumber() - 1)] ?? ZERO;
  const losses = amounts.filter((a) => a.isNegative() && !a.isZero()).length;
  const limit = threshold?.negated();
  const beyond = limit === undefined ? undefined : amounts.filter((a) => a.lessThan(limit)).length;
  return {
    party,
    mean: roundPence(total.div(n)),
    p5: rank('0.05'),
    p50: rank('0.5'),
    p95: rank('0.95'),
    lowest: sorted[0] ?? ZERO,
    highest: sorted[n - 1] ?? ZERO,
    probabilityOfLoss: new Dec(losses).div(n),
    ...(beyond === undefined ? {} : { probabilityOfLossBeyondThreshold: new Dec(beyond).div(n) }),
  };
}

function drawerFor(raw: OutturnDistributionInput | undefined): Drawer {
  if (raw === null || typeof raw !== 'object') {
    fail(
      SCOPE,
      ErrorKind.MISSING,
      'simulation.outturn',
      raw,
      'simulation.outturn needs a distribution: normal, lognormal or empirical.',
    );
  }
  const kind = option(
    SCOPE,
    'simulation.outturn.distribution',
    raw.distribution,
    ['normal', 'lognormal', 'empirical'],
    undefined,
  );
  if (kind === 'empirical') return empirical(raw);
  const given = nonNegative(SCOPE, 'simulation.outturn.cv', raw.cv);
  const cv = scaled(raw, given);
  const mean =
    raw.mean === undefined || raw.mean === null
      ? ONE
      : positive(SCOPE, 'simulation.outturn.mean', raw.mean);
  const scale = raw.referencePopulation === undefined ? '' : ' (scaled by population)';
  if (kind === 'normal') {
    return {
      cv,
      describe: `normal, mean ${percentText(mean)} of expected, coefficient of variation ${percentText(cv)}${scale}`,
      draw: (source) => mean.plus(mean.times(cv).times(normalDeviate(source))),
    };
  }
  // Lognormal with the given mean and coefficient of variation: σ² = ln(1 + cv²),
  // μ = ln(mean) − σ²/2, X = exp(μ + σz); a fraction of expected spend, drawn the same way
  // on every machine (see outturnDraws), then a decimal for the money.
  const c = cv.toNumber();
  const sigma2 = logarithm(1 + c * c);
  const sigma = Math.sqrt(sigma2);
  const mu = logarithm(mean.toNumber()) - sigma2 / 2;
  return {
    cv,
    describe: `lognormal, mean ${percentText(mean)} of expected, coefficient of variation ${percentText(cv)}${scale}`,
    draw: (source) =>
      new Dec(exponential(mu + sigma * normalQuantile((source() + 0.5) / 4_294_967_296))),
  };
}

function scaled(raw: OutturnDistributionInput, cv: Dec): Dec {
  const hasReference = raw.referencePopulation !== undefined && raw.referencePopulation !== null;
  const hasPopulation = raw.population !== undefined && raw.population !== null;
  if (!hasReference && !hasPopulation) return cv;
  if (!hasReference || !hasPopulation) {
    fail(
      SCOPE,
      ErrorKind.MISSING,
      hasReference ? 'simulation.outturn.population' : 'simulation.outturn.referencePopulation',
      undefined,
      'simulation.outturn.referencePopulation and population go together: give both, or neither.',
    );
  }
  const reference = positive(
    SCOPE,
    'simulation.outturn.referencePopulation',
    raw.referencePopulation,
  );
  const population = positive(SCOPE, 'simulation.outturn.population', raw.population);
  return cv.times(reference.div(population).sqrt());
}

function empirical(raw: OutturnDistributionInput): Drawer {
  const list = raw.values;
  if (!Array.isArray(list) || list.length < MIN_EMPIRICAL || list.length > MAX_EMPIRICAL) {
    fail(
      SCOPE,
      ErrorKind.EMPTY,
      'simulation.outturn.values',
      list,
      `simulation.outturn.values has ${Array.isArray(list) ? list.length : 'no'} past outturns; an empirical distribution needs from ${MIN_EMPIRICAL} to 1,000,000.`,
    );
  }
  const values = (list as readonly Amount[]).map((v, i) =>
    nonNegative(SCOPE, `simulation.outturn.values[${i}]`, v),
  );
  const n = values.length;
  return {
    cv: undefined,
    describe: `empirical, resampling ${n} past outturns`,
    // floor(k × n / 2³²): each past outturn equally likely (k < 2³² and n ≤ 10⁶ keep k × n below 2⁵³, so exact).
    draw: (source) => values[Math.floor((source() * n) / 4_294_967_296)] ?? ONE,
  };
}

/**
 * The gain/loss share's `terms` parameter (src/workbook/mechanisms/gainLossShare/
 * gainLossShareTerms.ts): one contract's bands, quality multipliers and caps shaped like
 * the engine's terms, checked by the engine, saved with the run as they are. The figures
 * are the Bedfordshire MSK gain share (King's Fund 2014): expected £25,175,000, actual
 * £23,000,000, a £2,175,000 gain; Circle keeps the first 5% of expected spend, then half:
 * Circle £1,716,875.00, Bedfordshire CCG £458,125.00.
 */
import type { CellValue } from '../../src/ports/workbook';
import type { ScenarioParams } from '../../src/workbook/params';
import { repeatLastRun, runMechanism, type RunOutcome } from '../../src/workbook/run';
import { paramsKey } from '../../src/workbook/settingsStore';
import { FakeWorkbook } from './support/fakeWorkbook';
import { kindTable } from './support/kindTable';

const now = new Date('2025-06-01T14:03:05Z');

const BEDFORDSHIRE_TERMS = {
  gainBands: [
    { upToFraction: '0.05', shares: { Circle: '1', 'Bedfordshire CCG': '0' } },
    { shares: { Circle: '0.5', 'Bedfordshire CCG': '0.5' } },
  ],
  lossBands: [{ shares: { Circle: '1' } }],
};

const BEDFORDSHIRE_HEADLINE = [
  { label: 'Gain', text: '£2,175,000.00' },
  { label: 'Circle', text: '£1,716,875.00' },
  { label: 'Bedfordshire CCG', text: '£458,125.00' },
];

/** The parameters as JSON gives them (the test's literals are wider than the JSON type). */
const json = (params: Record<string, unknown>): ScenarioParams => params as ScenarioParams;

const headline = (o: RunOutcome) => (o.ok ? o.headline : o.findings.map((f) => f.message));
const messages = (o: RunOutcome) => (o.ok ? [] : o.findings.map((f) => f.message));

/** A Contracts table of MSK1 with its actual spend (expected £25,175,000). */
function contracts(actual: number | string = 23000000) {
  const [row] = kindTable('contracts').rows;
  return kindTable('contracts', [[...(row ?? []).slice(0, 8), actual, 0.025]]);
}

describe('the terms parameter', () => {
  it('gives the contract’s bands without a RiskShareBands table, and is saved with the run as it is', async () => {
    const book = new FakeWorkbook([contracts()]);
    const params = json({ terms: BEDFORDSHIRE_TERMS });
    expect(headline(await runMechanism(book, 'gainshare', params, { now }))).toEqual(
      BEDFORDSHIRE_HEADLINE,
    );
    expect(JSON.parse((await book.settings.get(paramsKey('gainshare'))) ?? '{}')).toEqual(params);
    expect(headline(await repeatLastRun(book, { now }))).toEqual(BEDFORDSHIRE_HEADLINE);
  });

  it('takes the place of the workbook’s bands and terms, which are not read (even with a bad cell)', async () => {
    const bands = kindTable('riskShareBands', [['MSK1', 'Gain', 1, null, null, 'Circle', 'all']]);
    const terms = kindTable('riskShareTerms', [['MSK1', 'Circle', 'lots', null, null, null, 1]]);
    const book = new FakeWorkbook([contracts(), bands, terms]);
    const outcome = await runMechanism(book, 'gainshare', json({ terms: BEDFORDSHIRE_TERMS }), {
      now,
    });
    expect(headline(outcome)).toEqual(BEDFORDSHIRE_HEADLINE);
  });

  it('names the path inside the parameter and the bad value when the engine refuses a band, and writes nothing', async () => {
    const book = new FakeWorkbook([contracts()]);
    const bad = {
      gainBands: [
        BEDFORDSHIRE_TERMS.gainBands[0],
        { shares: { Circle: '0.5', 'Bedfordshire CCG': 'half' } },
      ],
    };
    const outcome = await runMechanism(book, 'gainshare', json({ terms: bad }), { now });
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? [] : outcome.findings).toEqual([
      expect.objectContaining({ code: 'PARAMETER.INVALID', parameter: 'terms' }),
    ]);
    expect(messages(outcome)).toEqual([
      'Scenario parameter "terms": gainBands[1].shares.Bedfordshire CCG is "half", not a number.',
    ]);
    expect(book.written.size).toBe(0);
    expect(await book.settings.get(paramsKey('gainshare'))).toBeUndefined();
  });

  it.each([
    [
      'shares that do not add up to 1',
      { gainBands: [{ shares: { Circle: '0.5', 'Bedfordshire CCG': '0.4' } }] },
      /^Scenario parameter "terms", gainBands\[0\]\.shares: Gain band 1 shares sum to 0\.9, not 1\.$/,
    ],
    [
      'a party who is not a party to the contract',
      { gainBands: [{ shares: { Circle: '0.5', Somebody: '0.5' } }] },
      /^Scenario parameter "terms": gainBands\[0\]\.shares names "Somebody", who is not one of the parties \(Circle, Bedfordshire CCG\)\.$/,
    ],
    [
      'a quality multiplier above 1',
      { ...BEDFORDSHIRE_TERMS, quality: { Circle: '1.2' } },
      /^Scenario parameter "terms": quality\.Circle is "1\.2"; it must be a fraction from 0 to 1/,
    ],
    [
      'a negative cap',
      { ...BEDFORDSHIRE_TERMS, caps: { gain: { Circle: { amount: '-5' } } } },
      /^Scenario parameter "terms".*caps\.gain\.Circle.*"-5"/,
    ],
    ['a band that is not a record', { gainBands: ['half'] }, /gainBands\[0\] is missing\.$/],
    ['no gain bands', { lossBands: BEDFORDSHIRE_TERMS.lossBands }, /gainBands/],
    ['not a record', 'the usual', /^Scenario parameter "terms": a record of the contract’s terms/],
    [
      'a part it does not have',
      { ...BEDFORDSHIRE_TERMS, gate: '0.01' },
      /^Scenario parameter "terms": "gate" is not one of its parts \(gainBands, lossBands, quality, caps\)\.$/,
    ],
    [
      'caps that are neither gain nor loss',
      { ...BEDFORDSHIRE_TERMS, caps: { both: {} } },
      /^Scenario parameter "terms", caps: "both" is not gain or loss\.$/,
    ],
  ])('is a finding, never a crash, for %s', async (_, terms, message) => {
    const book = new FakeWorkbook([contracts()]);
    const outcome = await runMechanism(book, 'gainshare', json({ terms }), { now });
    expect(messages(outcome)).toEqual([expect.stringMatching(message)]);
    expect(book.written.size).toBe(0);
  });

  it('is one contract’s terms: with several contracts, the contract must be chosen', async () => {
    const [row] = contracts().rows;
    const two = kindTable('contracts', [row ?? [], ['MSK2', ...(row ?? []).slice(1)]]);
    const book = new FakeWorkbook([two]);
    const outcome = await runMechanism(book, 'gainshare', json({ terms: BEDFORDSHIRE_TERMS }), {
      now,
    });
    expect(messages(outcome)).toEqual([
      'Scenario parameter "terms": these are one contract’s terms and the Contracts table has 2 contracts: choose the contract they are for (the "contract" parameter), or leave "terms" out to share every contract under its rows in the RiskShareBands table.',
    ]);
    const chosen = await runMechanism(
      book,
      'gainshare',
      json({ contract: 'MSK2', terms: BEDFORDSHIRE_TERMS }),
      { now },
    );
    expect(headline(chosen)).toEqual(BEDFORDSHIRE_HEADLINE);
  });
});

/** A small deterministic generator (a linear congruential one), for varied terms. */
function generator(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return Math.floor(state / 65536) % n;
  };
}

type Caps = Record<string, { amount: string }>;

interface Case {
  readonly terms: {
    readonly gainBands: {
      upToFraction?: string;
      upToAmount?: string;
      shares: Record<string, string>;
    }[];
    readonly lossBands?: {
      upToFraction?: string;
      upToAmount?: string;
      shares: Record<string, string>;
    }[];
    readonly quality?: Record<string, string>;
    readonly caps?: {
      gain: Record<string, { amount: string }>;
      loss: Record<string, { amount: string }>;
    };
  };
  readonly bandRows: CellValue[][];
  readonly termRows: CellValue[][];
}

const PARTIES = ['Circle', 'Bedfordshire CCG'] as const;

/** Bands of one direction, as the parameter's records and as RiskShareBands rows. */
function bandsOf(next: (n: number) => number, direction: string, byAmount: boolean) {
  const count = 1 + next(3);
  const bands: Case['terms']['gainBands'] = [];
  const rows: CellValue[][] = [];
  let limit = 0;
  for (let i = 0; i < count; i++) {
    const circle = next(101);
    const shares = {
      Circle: String(circle / 100),
      'Bedfordshire CCG': String((100 - circle) / 100),
    };
    limit += 1 + next(4);
    const last = i === count - 1;
    const fraction = last || byAmount ? undefined : String(limit / 100);
    const amount = last || !byAmount ? undefined : String(limit * 250000);
    bands.push({
      ...(fraction === undefined ? {} : { upToFraction: fraction }),
      ...(amount === undefined ? {} : { upToAmount: amount }),
      shares,
    });
    for (const party of PARTIES) {
      rows.push(['MSK1', direction, i + 1, fraction ?? null, amount ?? null, party, shares[party]]);
    }
  }
  return { bands, rows };
}

function randomCase(seed: number): Case {
  const next = generator(seed);
  const byAmount = next(2) === 0;
  const symmetric = next(2) === 0;
  const gain = bandsOf(next, symmetric ? 'Both' : 'Gain', byAmount);
  const loss = symmetric ? undefined : bandsOf(next, 'Loss', byAmount);
  const quality = next(2) === 0 ? { Circle: String(next(101) / 100) } : undefined;
  const gainCap = next(2) === 0 ? String(100000 + next(1500000)) : undefined;
  const lossCap = next(2) === 0 ? String(100000 + next(1500000)) : undefined;
  const caps =
    gainCap === undefined && lossCap === undefined
      ? undefined
      : {
          gain: (gainCap === undefined ? {} : { Circle: { amount: gainCap } }) as Caps,
          loss: (lossCap === undefined ? {} : { Circle: { amount: lossCap } }) as Caps,
        };
  const termRows: CellValue[][] =
    quality === undefined && caps === undefined
      ? []
      : [['MSK1', 'Circle', gainCap ?? null, null, lossCap ?? null, null, quality?.Circle ?? null]];
  return {
    terms: {
      gainBands: gain.bands,
      ...(loss === undefined ? {} : { lossBands: loss.bands }),
      ...(quality === undefined ? {} : { quality }),
      ...(caps === undefined ? {} : { caps }),
    },
    bandRows: [...gain.rows, ...(loss?.rows ?? [])],
    termRows,
  };
}

const SEEDS = Array.from({ length: 24 }, (_, i) => i + 1);

const figures = (o: RunOutcome) => (o.ok ? JSON.stringify(o.result) : messages(o));

describe('a run with the terms parameter and the same terms in the tables', () => {
  it('are varied: bands by % and by £, one to three, loss bands, quality and caps', () => {
    const cases = SEEDS.map(randomCase);
    const has = (test: (c: Case) => boolean) => cases.filter(test).length;
    expect(has((c) => c.terms.gainBands.some((b) => b.upToAmount !== undefined))).toBeGreaterThan(
      2,
    );
    expect(has((c) => c.terms.gainBands.some((b) => b.upToFraction !== undefined))).toBeGreaterThan(
      2,
    );
    expect(has((c) => c.terms.gainBands.length === 3)).toBeGreaterThan(2);
    expect(has((c) => c.terms.lossBands !== undefined)).toBeGreaterThan(2);
    expect(has((c) => c.terms.quality !== undefined)).toBeGreaterThan(2);
    expect(has((c) => c.terms.caps !== undefined)).toBeGreaterThan(2);
  });

  it.each(SEEDS)('give the same figures to the penny (case %i, gains and losses)', async (seed) => {
    const c = randomCase(seed);
    // A gain on odd cases, a loss on even ones; the actual spend moves with the seed.
    const actual = seed % 2 === 1 ? 25175000 - seed * 91237 : 25175000 + seed * 83311;
    const params: ScenarioParams = { gate: seed % 3 === 0 ? '0.01' : null };
    const fromTables = await runMechanism(
      new FakeWorkbook([
        contracts(actual),
        kindTable('riskShareBands', c.bandRows),
        kindTable('riskShareTerms', c.termRows),
      ]),
      'gainshare',
      params,
      { now },
    );
    const fromParam = await runMechanism(
      new FakeWorkbook([contracts(actual)]),
      'gainshare',
      json({ ...params, terms: c.terms }),
      { now },
    );
    expect(fromTables.ok).toBe(true);
    expect(figures(fromParam)).toEqual(figures(fromTables));
    expect(headline(fromParam)).toEqual(headline(fromTables));
  });
});

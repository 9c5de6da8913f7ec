import fc from 'fast-check';
import { Dec, sum } from '../../src/engine/decimal';
import type { GainLossShareResult } from '../../src/engine/gainLossShare/gainLossShare';
import type { CellValue } from '../../src/ports/workbook';
import type { GainLossSharePortfolioResult } from '../../src/workbook/mechanisms/gainLossShare/gainLossSharePortfolio';
import { runMechanism, type RunOutcome } from '../../src/workbook/run';
import type { ScenarioParams } from '../../src/workbook/params';
import { FakeWorkbook } from './support/fakeWorkbook';
import { kindTable } from './support/kindTable';

const now = new Date('2025-06-01T14:03:05Z');
const SHEET = 'BCF Results - Gain share';
type Rows = readonly (readonly CellValue[])[];

const contractRow = (
  id: string,
  expected: number | string | null,
  actual: number | string | null,
  parties: { provider?: string; commissioner?: string; listed?: string } = {},
): CellValue[] => [
  id,
  null,
  'Prime contractor',
  parties.commissioner ?? 'CCG',
  parties.provider ?? 'Trust',
  parties.listed ?? null,
  typeof expected === 'number' ? expected : 1000,
  expected,
  actual,
  null,
];

/** Shared bands (blank Contract ID): the provider keeps the first 5%, then 50/50; it bears losses. */
const SHARED: Rows = [
  [null, 'Gain', 1, 0.05, null, 'Trust', 1],
  [null, 'Gain', 1, 0.05, null, 'CCG', 0],
  [null, 'Gain', 2, null, null, 'Trust', 0.5],
  [null, 'Gain', 2, null, null, 'CCG', 0.5],
  [null, 'Loss', 1, null, null, 'Trust', 1],
  [null, 'Loss', 1, null, null, 'CCG', 0],
];

const run = (contracts: Rows, bands: Rows = SHARED, params: ScenarioParams = {}, terms?: Rows) =>
  runMechanism(
    new FakeWorkbook([
      kindTable('contracts', contracts),
      kindTable('riskShareBands', bands),
      ...(terms === undefined ? [] : [kindTable('riskShareTerms', terms)]),
    ]),
    'gainshare',
    params,
    { now },
  );

function ok<T>(outcome: RunOutcome): T {
  if (!outcome.ok) throw new Error(outcome.findings.map((f) => f.message).join('\n'));
  return outcome.result as T;
}

const messages = (o: RunOutcome) => (o.ok ? [] : o.findings.map((f) => f.message));

describe('gain share over every contract: each contract as its own run would share it', () => {
  const pounds = fc.integer({ min: 100, max: 2_000_000_000 }).map((p) => p / 100);
  const percent = fc.integer({ min: 0, max: 100 }).map((p) => p / 100);
  const contract = fc.record({
    expected: pounds,
    actualRate: fc.integer({ min: 0, max: 200 }),
    ownBands: fc.option(
      fc.record({ upTo: fc.integer({ min: 1, max: 30 }), first: percent, second: percent }),
      { nil: undefined },
    ),
    cap: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
  });

  it('gives every contract the figures of a run naming it, and totals that are the exact sums', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(contract, { minLength: 2, maxLength: 6 }),
        fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
        async (specs, gate) => {
          const contracts = specs.map((s, i) =>
            contractRow(`K${i + 1}`, s.expected, Math.round(s.expected * s.actualRate) / 100),
          );
          const own = specs.flatMap((s, i): CellValue[][] =>
            s.ownBands === undefined
              ? []
              : [
                  [`K${i + 1}`, 'Both', 1, s.ownBands.upTo / 100, null, 'Trust', s.ownBands.first],
                  [
                    `K${i + 1}`,
                    'Both',
                    1,
                    s.ownBands.upTo / 100,
                    null,
                    'CCG',
                    1 - s.ownBands.first,
                  ],
                  [`K${i + 1}`, 'Both', 2, null, null, 'Trust', s.ownBands.second],
                  [`K${i + 1}`, 'Both', 2, null, null, 'CCG', 1 - s.ownBands.second],
                ],
          );
          const terms = specs.flatMap((s, i): CellValue[][] =>
            s.cap === undefined ? [] : [[`K${i + 1}`, 'Trust', s.cap, null, s.cap, null, null]],
          );
          const params: ScenarioParams = gate === undefined ? {} : { gate: gate / 100 };
          const bands = [...own, ...SHARED];
          const whole = ok<GainLossSharePortfolioResult>(
            await run(contracts, bands, params, terms),
          );
          expect(whole.contracts.map((c) => c.contractId)).toEqual(
            specs.map((_, i) => `K${i + 1}`),
          );
          for (const [i, c] of whole.contracts.entries()) {
            const one = ok<GainLossShareResult>(
              await run(contracts, bands, { ...params, contract: `K${i + 1}` }, terms),
            );
            expect(c.parties.map((p) => [p.party, p.amount.toFixed(2)])).toEqual(
              one.parties.map((p) => [p.party, p.amount.toFixed(2)]),
            );
            expect([c.expected, c.actual, c.variance].map((d) => d.toFixed(2))).toEqual(
              [one.expected, one.actual, one.variance].map((d) => d.toFixed(2)),
            );
            expect(c.gateMet).toBe(one.gateMet);
          }
          const all = whole.contracts.flatMap((c) => c.parties);
          for (const total of whole.parties) {
            const mine = all.filter((p) => p.party === total.party).map((p) => p.amount);
            expect(total.amount.toFixed(2)).toBe(sum(mine).toFixed(2));
            expect(total.gains.toFixed(2)).toBe(sum(mine.filter((a) => a.isPositive())).toFixed(2));
            expect(total.contractCount).toBe(mine.length);
          }
          expect(sum(whole.parties.map((p) => p.amount)).toFixed(2)).toBe(
            whole.variance.toFixed(2),
          );
          expect(whole.expected.toFixed(2)).toBe(
            sum(whole.contracts.map((c) => c.expected)).toFixed(2),
          );
          expect(whole.variance.toFixed(2)).toBe(whole.expected.minus(whole.actual).toFixed(2));
          expect(whole.termsGroupCount).toBe(
            specs.filter((s) => s.ownBands !== undefined || s.cap !== undefined).length +
              (specs.some((s) => s.ownBands === undefined && s.cap === undefined) ? 1 : 0),
          );
        },
      ),
      { numRuns: 25 },
    );
  });

  it("uses a contract's own bands whole, never mixed with the shared ones (and so does naming it)", async () => {
    // K1 own bands: 10% of expected to the trust, then 20/80. Expected £1,000,000, actual
    // £800,000: gain £200,000; band 1 £100,000 to the trust; band 2 £100,000: trust £20,000,
    // CCG £80,000. Trust £120,000.00, CCG £80,000.00.
    // K2 shared bands: expected £1,000,000, actual £800,000: band 1 (5%) £50,000 to the
    // trust, then £150,000 halved. Trust £125,000.00, CCG £75,000.00.
    const contracts = [contractRow('K1', 1000000, 800000), contractRow('K2', 1000000, 800000)];
    const bands: Rows = [
      ['K1', 'Both', 1, 0.1, null, 'Trust', 1],
      ['K1', 'Both', 1, 0.1, null, 'CCG', 0],
      ['K1', 'Both', 2, null, null, 'Trust', 0.2],
      ['K1', 'Both', 2, null, null, 'CCG', 0.8],
      ...SHARED,
    ];
    const whole = ok<GainLossSharePortfolioResult>(await run(contracts, bands));
    expect(
      whole.contracts.map((c) => [c.contractId, ...c.parties.map((p) => p.amount.toFixed(2))]),
    ).toEqual([
      ['K1', '120000.00', '80000.00'],
      ['K2', '125000.00', '75000.00'],
    ]);
    const one = ok<GainLossShareResult>(await run(contracts, bands, { contract: 'K1' }));
    expect(one.parties.map((p) => p.amount.toFixed(2))).toEqual(['120000.00', '80000.00']);
    expect(one.bands.map((b) => b.amount.toFixed(2))).toEqual(['100000.00', '100000.00']);
  });
});

describe('gain share over every contract: findings and refusals', () => {
  it('names the row and cell of each bad contract row, and writes nothing', async () => {
    const book = new FakeWorkbook([
      kindTable('contracts', [
        contractRow('K1', 1000, 900),
        contractRow('K2', 1000, null),
        contractRow('K3', 'tbc', 900),
      ]),
      kindTable('riskShareBands', SHARED),
    ]);
    const outcome = await runMechanism(book, 'gainshare', {}, { now });
    expect(messages(outcome)).toEqual([
      'Contracts!H5 (Contracts table, row 3, column "Expected spend"): "tbc" is not an amount.',
      'Contracts!I4 (Contracts table, row 2, column "Actual spend"): the cell is blank; a gain/loss share needs the actual spend.',
    ]);
    expect(!outcome.ok && outcome.findings[1]).toMatchObject({
      code: 'INPUT.BLANK',
      sheet: 'Contracts',
      table: 'Contracts',
      row: 2,
      column: 'Actual spend',
      address: 'I4',
    });
    expect(book.written.size).toBe(0);
  });

  it('names a shared band fault once, however many contracts share the band', async () => {
    const bands: Rows = SHARED.map((r) =>
      r[5] === 'CCG' && r[2] === 2 ? [...r.slice(0, 6), 0.4] : r,
    );
    const contracts = [contractRow('K1', 1000, 900), contractRow('K2', 2000, 1500)];
    expect(messages(await run(contracts, bands))).toEqual([
      '\'Risk share\'!G6 (RiskShareBands table, row 4, column "Share"): Gain band 2 shares sum to 90.00%, not 100%.',
    ]);
  });

  it('names the contract that has no bands, own or shared, at its Contract ID cell', async () => {
    const contracts = [contractRow('K1', 1000, 900), contractRow('K2', 1000, 900)];
    const onlyK1: Rows = SHARED.map((r) => ['K1', ...r.slice(1)]);
    const outcome = await run(contracts, onlyK1);
    expect(messages(outcome)).toEqual([
      'Contracts!A4 (Contracts table, row 2, column "Contract ID"): contract K2 has no bands: the RiskShareBands table has no rows for it and none with a blank Contract ID for every contract; add its bands there.',
    ]);
    expect(!outcome.ok && outcome.findings[0]).toMatchObject({ code: 'INPUT.INCONSISTENT' });
  });

  it('names the contract a shared band row does not fit', async () => {
    // K2's parties are Hospice and CCG: the shared rows' "Trust" is not one of them, so
    // for K2 the bands' shares fall short too (as a run naming K2 would say).
    const contracts = [
      contractRow('K1', 1000, 900),
      contractRow('K2', 1000, 900, { provider: 'Hospice' }),
    ];
    expect(messages(await run(contracts))).toEqual([
      '\'Risk share\'!F3 (RiskShareBands table, row 1, column "Party"): "Trust" is not a party to contract K2 (Hospice, CCG).',
      '\'Risk share\'!G4 (RiskShareBands table, row 2, column "Share"): Gain band 1 shares sum to 0.00%, not 100%.',
      '\'Risk share\'!F5 (RiskShareBands table, row 3, column "Party"): "Trust" is not a party to contract K2 (Hospice, CCG).',
      '\'Risk share\'!G6 (RiskShareBands table, row 4, column "Share"): Gain band 2 shares sum to 50.00%, not 100%.',
      '\'Risk share\'!F7 (RiskShareBands table, row 5, column "Party"): "Trust" is not a party to contract K2 (Hospice, CCG).',
      '\'Risk share\'!G8 (RiskShareBands table, row 6, column "Share"): Loss band 1 shares sum to 0.00%, not 100%.',
    ]);
  });

  it('places an engine refusal at the contract it came from: a fraction of an expected spend of 0', async () => {
    const outcome = await run([contractRow('K1', 1000, 900), contractRow('K2', 0, 10)]);
    expect(!outcome.ok && outcome.findings).toEqual([
      expect.objectContaining({
        code: 'ENGINE.GAINSHARE.INCONSISTENT',
        sheet: 'Contracts',
        row: 2,
        column: 'Expected spend',
        address: 'H4',
        value: '0',
      }),
    ]);
    expect(messages(outcome)).toEqual([
      'Contracts!H4 (Contracts table, row 2, column "Expected spend"): Contract K2: gainBands[0].upToFraction is 0.05 of expected spend, but expected is 0; give upToAmount instead.',
    ]);
  });

  it('p4p still asks for one contract, naming five IDs and the count rather than every ID', async () => {
    const contracts = Array.from({ length: 12 }, (_, i) => contractRow(`K${i + 1}`, 1000, 900));
    const book = new FakeWorkbook([kindTable('contracts', contracts), kindTable('metrics')]);
    expect(messages(await runMechanism(book, 'p4p', {}, { now }))).toContain(
      'Scenario parameter "Contract": the Contracts table has 12 contracts (K1, K2, K3, K4, K5 and 7 more); choose one.',
    );
  });
});

describe('gain share over every contract: the result sheet', () => {
  it('gives each party a column when there are at most ten, else provider, commissioner and the others', async () => {
    // Eleven contracts, each with its own provider: 12 parties in all. K11 also names a
    // third party: with Parties "Trust 11; CCG; Hospice" and shared 3-way bands.
    const contracts = Array.from({ length: 11 }, (_, i) =>
      contractRow(`K${i + 1}`, 1000, 800, {
        provider: `Trust ${i + 1}`,
        ...(i === 10 ? { listed: 'Trust 11; CCG; Hospice' } : {}),
      }),
    );
    const bands: Rows = Array.from({ length: 11 }, (_, i): CellValue[][] =>
      i === 10
        ? [
            ['K11', 'Both', 1, null, null, 'Trust 11', 0.5],
            ['K11', 'Both', 1, null, null, 'CCG', 0.3],
            ['K11', 'Both', 1, null, null, 'Hospice', 0.2],
          ]
        : [
            [`K${i + 1}`, 'Both', 1, null, null, `Trust ${i + 1}`, 0.5],
            [`K${i + 1}`, 'Both', 1, null, null, 'CCG', 0.5],
          ],
    ).flat();
    const workbook = new FakeWorkbook([
      kindTable('contracts', contracts),
      kindTable('riskShareBands', bands),
    ]);
    const outcome = await runMechanism(workbook, 'gainshare', {}, { now });
    const result = ok<GainLossSharePortfolioResult>(outcome);
    expect(result.parties.map((p) => p.party)).toHaveLength(13);
    const sheet = workbook.written.get(SHEET);
    const range = sheet?.tables.find((t) => t.name === 'BCF_GainShare_Contracts')?.range ?? '';
    const first = Number(/^A(\d+)/.exec(range)?.[1]);
    const rows = sheet?.values.slice(first - 1) ?? [];
    expect(rows[0]?.slice(8, 11)).toEqual([
      'Provider amount',
      'Commissioner amount',
      'Other parties amount',
    ]);
    expect(rows[1]?.slice(0, 11)).toEqual([
      'K1',
      'Trust 1',
      'CCG',
      1000,
      800,
      200,
      'Gain',
      'no gate',
      100,
      100,
      0,
    ]);
    expect(rows[11]?.slice(0, 11)).toEqual([
      'K11',
      'Trust 11',
      'CCG',
      1000,
      800,
      200,
      'Gain',
      'no gate',
      100,
      60,
      40,
    ]);
    expect(sheet?.charts[0]?.sourceRange).toMatch(/^A\d+:B\d+$/);
  });

  it('keeps exact totals on 2,000 contracts written as pennies', async () => {
    const contracts = Array.from({ length: 2000 }, (_, i) =>
      contractRow(`K${i + 1}`, 1000.01 + i, 990.03 + i),
    );
    const result = ok<GainLossSharePortfolioResult>(await run(contracts));
    // Each contract: gain £9.98; 5% of expected is at least £50.00, so the trust keeps it all.
    expect(result.variance.toFixed(2)).toBe(new Dec('9.98').times(2000).toFixed(2));
    expect(result.parties.map((p) => [p.party, p.amount.toFixed(2)])).toEqual([
      ['Trust', '19960.00'],
      ['CCG', '0.00'],
    ]);
    expect(result.steps[1]?.text).toContain('2,000 contracts (K1, K2, K3 and 1,997 more)');
  });
});

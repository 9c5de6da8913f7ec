import type { CellValue, SheetWrite } from '../../src/ports/workbook';
import type { GainLossSharePortfolioResult } from '../../src/workbook/mechanisms/gainLossShare/gainLossSharePortfolio';
import { runMechanism, type RunOutcome } from '../../src/workbook/run';
import { newPlanningTemplate } from '../../src/workbook/template';
import { FakeWorkbook } from './support/fakeWorkbook';
import { kindTable } from './support/kindTable';
import { memoryBook, typeInto } from './support/memoryBook';

const now = new Date('2025-06-01T14:03:05Z');
const SHEET = 'BCF Results - Gain share';

/**
 * Three contracts, two sets of terms:
 * - MSK1, the Bedfordshire MSK prime contract (King's Fund 2014) with its own bands:
 *   expected £25,175,000, actual £23,000,000, gain £2,175,000; Circle keeps the first
 *   5% of expected (£1,258,750) and half the rest (£458,125): £1,716,875.00; the CCG
 *   £458,125.00.
 * - MH1 and MH2 (no bands of their own) under the shared bands (blank Contract ID):
 *   the provider, ELFT, takes the first 2% of expected spend, then 40% (CCG 60%), for
 *   gains and losses alike.
 *   MH1: expected £10,000,000, actual £9,300,000, gain £700,000: band 1 £200,000 to
 *   ELFT; band 2 £500,000: ELFT £200,000, CCG £300,000. ELFT £400,000.00, CCG £300,000.00.
 *   MH2: expected £4,000,000, actual £4,250,000.01, loss £250,000.01: band 1 £80,000 to
 *   ELFT; band 2 £170,000.01: 40% is £68,000.004, 60% £102,000.006, rounded together
 *   so the penny goes to the larger remainder: ELFT £68,000.00, CCG £102,000.01.
 *   ELFT −£148,000.00, CCG −£102,000.01.
 * Totals: expected £39,175,000.00, actual £36,550,000.01, variance £2,624,999.99;
 * Circle £1,716,875.00; Bedfordshire CCG £458,125 + £300,000 − £102,000.01 =
 * £656,124.99; ELFT £400,000 − £148,000 = £252,000.00 (sum £2,624,999.99).
 */
const CONTRACTS: readonly (readonly CellValue[])[] = [
  [
    'MSK1',
    'Bedfordshire MSK prime contract',
    'Prime contractor',
    'Bedfordshire CCG',
    'Circle',
    'Circle; Bedfordshire CCG',
    26500000,
    25175000,
    23000000,
    0.025,
  ],
  [
    'MH1',
    'Mental health',
    'Alliance',
    'Bedfordshire CCG',
    'ELFT',
    null,
    10000000,
    null,
    9300000,
    null,
  ],
  [
    'MH2',
    'Community',
    'Alliance',
    'Bedfordshire CCG',
    'ELFT',
    null,
    5000000,
    4000000,
    4250000.01,
    null,
  ],
];

const SHARED_BANDS: readonly (readonly CellValue[])[] = [
  [null, 'Both', 1, 0.02, null, 'ELFT', 1],
  [null, 'Both', 1, 0.02, null, 'Bedfordshire CCG', 0],
  [null, 'Both', 2, null, null, 'ELFT', 0.4],
  [null, 'Both', 2, null, null, 'Bedfordshire CCG', 0.6],
];

const MSK_BANDS = kindTable('riskShareBands').rows;

function book(
  contracts: readonly (readonly CellValue[])[] = CONTRACTS,
  bands: readonly (readonly CellValue[])[] = [...MSK_BANDS, ...SHARED_BANDS],
): FakeWorkbook {
  return new FakeWorkbook([
    kindTable('contracts', contracts),
    kindTable('riskShareBands', bands),
    kindTable('riskShareTerms'),
  ]);
}

function portfolio(outcome: RunOutcome): GainLossSharePortfolioResult {
  if (!outcome.ok) throw new Error(outcome.findings.map((f) => f.message).join('\n'));
  return outcome.result as GainLossSharePortfolioResult;
}

/** The rows of a written result table, by its name (header row first). */
function tableRows(sheet: SheetWrite | undefined, name: string): CellValue[][] {
  const range = sheet?.tables.find((t) => t.name === name)?.range ?? '';
  const match = /^A(\d+):[A-Z]+(\d+)$/.exec(range);
  if (sheet === undefined || match === null) throw new Error(`no table ${name}`);
  return sheet.values.slice(Number(match[1]) - 1, Number(match[2])).map((r) => [...r]);
}

const pence = (r: GainLossSharePortfolioResult) => ({
  expected: r.expected.toFixed(2),
  actual: r.actual.toFixed(2),
  variance: r.variance.toFixed(2),
  parties: r.parties.map((p) => [
    p.party,
    p.amount.toFixed(2),
    p.gains.toFixed(2),
    p.losses.toFixed(2),
    p.contractCount,
  ]),
  contracts: r.contracts.map((c) => [
    c.contractId,
    c.variance.toFixed(2),
    ...c.parties.map((p) => `${p.party} ${p.amount.toFixed(2)}`),
  ]),
});

describe('runMechanism: gainshare over every contract', () => {
  it("shares three contracts in one run: Bedfordshire MSK (King's Fund 2014) under its own bands, two under the shared bands", async () => {
    const workbook = book();
    const outcome = await runMechanism(workbook, 'gainshare', {}, { now });
    const r = portfolio(outcome);
    expect(pence(r)).toEqual({
      expected: '39175000.00',
      actual: '36550000.01',
      variance: '2624999.99',
      parties: [
        ['Circle', '1716875.00', '1716875.00', '0.00', 1],
        ['Bedfordshire CCG', '656124.99', '758125.00', '-102000.01', 3],
        ['ELFT', '252000.00', '400000.00', '-148000.00', 2],
      ],
      contracts: [
        ['MSK1', '2175000.00', 'Circle 1716875.00', 'Bedfordshire CCG 458125.00'],
        ['MH1', '700000.00', 'ELFT 400000.00', 'Bedfordshire CCG 300000.00'],
        ['MH2', '-250000.01', 'ELFT -148000.00', 'Bedfordshire CCG -102000.01'],
      ],
    });
    expect([
      r.contractCount,
      r.gainCount,
      r.lossCount,
      r.noVarianceCount,
      r.termsGroupCount,
    ]).toEqual([3, 2, 1, 0, 2]);
    expect(outcome.ok && outcome.headline).toEqual([
      { label: 'Contracts', text: '3' },
      { label: 'Total gain', text: '£2,624,999.99' },
      { label: 'Circle', text: '£1,716,875.00' },
      { label: 'Bedfordshire CCG', text: '£656,124.99' },
      { label: 'ELFT', text: '£252,000.00' },
    ]);

    const sheet = workbook.written.get(SHEET);
    expect(sheet?.tables.map((t) => t.name)).toEqual([
      'BCF_GainShare_Summary',
      'BCF_GainShare_Parties',
      'BCF_GainShare_Contracts',
    ]);
    expect(sheet?.charts).toEqual([
      expect.objectContaining({
        kind: 'barClustered',
        title: 'Net gain or loss by party, all contracts',
      }),
    ]);
    expect(tableRows(sheet, 'BCF_GainShare_Summary')).toEqual([
      ['Measure', 'Value', null, null, null, null, null, null, null, null, null],
      ['Contracts', 3, null, null, null, null, null, null, null, null, null],
      ['Total expected spend', 39175000, null, null, null, null, null, null, null, null, null],
      ['Total actual spend', 36550000.01, null, null, null, null, null, null, null, null, null],
      [
        'Total gain (expected − actual)',
        2624999.99,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
      ],
      ['Contracts with a gain', 2, null, null, null, null, null, null, null, null, null],
      ['Contracts with a loss', 1, null, null, null, null, null, null, null, null, null],
      ['Contracts with no variance', 0, null, null, null, null, null, null, null, null, null],
    ]);
    expect(tableRows(sheet, 'BCF_GainShare_Contracts')).toEqual([
      [
        'Contract ID',
        'Provider',
        'Commissioner',
        'Expected',
        'Actual',
        'Variance',
        'Direction',
        'Gate met',
        'Circle amount',
        'Bedfordshire CCG amount',
        'ELFT amount',
      ],
      [
        'MSK1',
        'Circle',
        'Bedfordshire CCG',
        25175000,
        23000000,
        2175000,
        'Gain',
        'no gate',
        1716875,
        458125,
        null,
      ],
      [
        'MH1',
        'ELFT',
        'Bedfordshire CCG',
        10000000,
        9300000,
        700000,
        'Gain',
        'no gate',
        null,
        300000,
        400000,
      ],
      [
        'MH2',
        'ELFT',
        'Bedfordshire CCG',
        4000000,
        4250000.01,
        -250000.01,
        'Loss',
        'no gate',
        null,
        -102000.01,
        -148000,
      ],
    ]);
    const steps = outcome.ok ? outcome.steps.map((s) => s.text) : [];
    expect(steps.slice(0, 4)).toEqual([
      "No Contract parameter, so the variance of each of the 3 contracts in the Contracts table was shared under that contract's own terms.",
      'Contracts with the same parties, band rows, terms rows and defaults share one set of terms, checked once: 2 sets. 1 contract (MSK1) with parties Circle and Bedfordshire CCG under its own RiskShareBands rows and its own RiskShareTerms rows; 2 contracts (MH1 and MH2) with parties ELFT and Bedfordshire CCG under the RiskShareBands rows with a blank Contract ID.',
      'Totals: expected spend £39,175,000.00, actual spend £36,550,000.01, variance (expected − actual) £2,624,999.99; 2 gains, 1 loss, 0 contracts with no variance.',
      "By party (gains received less losses borne): Circle £1,716,875.00, Bedfordshire CCG £656,124.99 and ELFT £252,000.00. Each contract's party amounts sum exactly to its variance, so these sum to the total variance.",
    ]);
    expect(steps.slice(4).every((s) => /^Contract (MSK1|MH1|MH2): /.test(s))).toBe(true);
    expect(steps.some((s) => s.startsWith('Contract MH2: '))).toBe(true);
  });

  it('naming a contract still shares that one contract only', async () => {
    const outcome = await runMechanism(book(), 'gainshare', { contract: 'mh2' }, { now });
    expect(outcome.ok && outcome.headline).toEqual([
      { label: 'Loss', text: '−£250,000.01' },
      { label: 'ELFT', text: '−£148,000.00' },
      { label: 'Bedfordshire CCG', text: '−£102,000.01' },
    ]);
  });

  it('writes the portfolio sheet into the in-memory Excel: three tables, the party chart, one row a contract', async () => {
    const { excel, workbook } = memoryBook();
    await newPlanningTemplate(workbook, { now });
    // The template holds MSK1 and its bands; the user adds MH1 and MH2 and the shared bands.
    const cells = (sheet: string, row: number, values: readonly CellValue[]) =>
      values.forEach((v, c) => {
        if (v !== null && typeof v !== 'boolean')
          typeInto(excel, sheet, `${'ABCDEFGHIJ'[c] ?? ''}${row}`, v);
      });
    cells('Contracts', 7, CONTRACTS[1] ?? []);
    cells('Contracts', 8, CONTRACTS[2] ?? []);
    SHARED_BANDS.forEach((r, i) => cells('Risk share', 12 + i, r));
    const outcome = await runMechanism(workbook, 'gainshare', {}, { now });
    expect(outcome.ok && outcome.headline.map((h) => h.text)).toEqual([
      '3',
      '£2,624,999.99',
      '£1,716,875.00',
      '£656,124.99',
      '£252,000.00',
    ]);
    const sheet = excel.sheet(SHEET);
    const tables = excel.model.tables.filter((t) => t.sheet === sheet && !t.deleted);
    expect(tables.map((t) => [t.name, t.rect.bottom - t.rect.top + 1])).toEqual([
      ['BCF_GainShare_Summary', 8],
      ['BCF_GainShare_Parties', 4],
      ['BCF_GainShare_Contracts', 4],
    ]);
    expect(sheet?.charts.filter((c) => !c.deleted).map((c) => [c.type, c.title])).toEqual([
      ['BarClustered', 'Net gain or loss by party, all contracts'],
    ]);
  });
});

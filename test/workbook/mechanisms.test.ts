import type { RunOutcome } from '../../src/workbook/run';
import { runMechanism } from '../../src/workbook/run';
import { FakeWorkbook } from './support/fakeWorkbook';
import { kindTable } from './support/kindTable';

const now = new Date('2025-06-01T14:03:05Z');
const headline = (o: RunOutcome) => (o.ok ? o.headline : o.findings.map((f) => f.message));
const messages = (o: RunOutcome) => (o.ok ? [] : o.findings.map((f) => f.message));

describe('pool: commissioner rule over the Schemes table', () => {
  const contributions = kindTable('contributions', [
    ['CCG', 'S1', 600],
    ['Council', 'Reablement', 400],
  ]);
  const schemes = (nhs: unknown, la: unknown) =>
    kindTable('schemes', [
      [
        'S1',
        'Community services',
        null,
        'Community Health',
        'NHS',
        null,
        null,
        null,
        'Minimum NHS Contribution',
        600,
        700,
      ],
      [
        'S2',
        'Reablement',
        null,
        'Social Care',
        'Joint',
        nhs as number,
        la as number,
        null,
        'iBCF',
        400,
        300,
      ],
    ]);

  it('gives each scheme its commissioner, a joint scheme split by % NHS and % LA', async () => {
    const book = new FakeWorkbook([contributions, schemes('60%', '40%')]);
    const params = { rule: 'commissioner', nhsPartner: 'CCG', laPartner: 'Council' };
    expect(headline(await runMechanism(book, 'pool', params, { now }))).toEqual([
      { label: 'Pool', text: '£1,000.00' },
      { label: 'CCG share', text: '60.00%' },
      { label: 'Council share', text: '40.00%' },
      { label: 'Variance', text: '£0.00' },
      // S1 overspends £100 (NHS); S2 underspends £100, 60/40.
      { label: 'CCG bears', text: '−£40.00' },
      { label: 'Council bears', text: '£40.00' },
    ]);
  });

  it('names the joint scheme whose shares do not make 100%, and the missing partner parameter', async () => {
    const book = new FakeWorkbook([contributions, schemes('60%', '30%')]);
    const outcome = await runMechanism(
      book,
      'pool',
      { rule: 'commissioner', nhsPartner: 'CCG', laPartner: 'Council' },
      { now },
    );
    expect(messages(outcome)).toEqual([
      'Schemes!G4 (Schemes table, row 2, column "% LA"): % NHS 60% + % LA 30% = 90%, not 100%.',
    ]);
    const missing = await runMechanism(book, 'pool', { rule: 'commissioner' }, { now });
    expect(messages(missing)).toEqual([
      'Scenario parameter "NHS partner": the commissioner rule needs the partner that stands for this commissioner.',
      'Scenario parameter "LA partner": the commissioner rule needs the partner that stands for this commissioner.',
    ]);
    expect(book.written.size).toBe(0);
  });

  it('names a contribution to a scheme the Schemes table does not have', async () => {
    const book = new FakeWorkbook([
      kindTable('contributions', [['CCG', 'Falls', 5]]),
      schemes('60%', '40%'),
    ]);
    expect(messages(await runMechanism(book, 'pool', {}, { now }))).toEqual([
      'Contributions!B3 (Contributions table, row 1, column "Scheme"): "Falls" is not a Scheme ID or name in the Schemes table.',
    ]);
  });
});

describe('the other mechanisms over their tables', () => {
  it('p4p: weighted achievement earns the at-risk sum (Bedfordshire MSK template rows)', async () => {
    const book = new FakeWorkbook([kindTable('contracts'), kindTable('metrics')]);
    expect(headline(await runMechanism(book, 'p4p', {}, { now }))).toEqual([
      { label: 'At risk', text: '£662,500.00' },
      // 40% × 75% + 20% × 100% + 20% × 70% + 20% × 100% (threshold met) = 84%.
      { label: 'Achievement', text: '84.00%' },
      { label: 'Earned', text: '£556,500.00' },
      { label: 'Withheld', text: '£106,000.00' },
      { label: 'Payable', text: '£556,500.00' },
    ]);
  });

  it('p4p: metric weights that do not make 100% are named at the last weight', async () => {
    const metrics = kindTable('metrics', [
      ['MSK1', 'Outcomes', '50%', 60, 80, 75, 'higher', 'linear'],
      ['MSK1', 'Experience', '40%', 80, 90, 90, 'higher', 'linear'],
    ]);
    const book = new FakeWorkbook([kindTable('contracts'), metrics]);
    expect(messages(await runMechanism(book, 'p4p', {}, { now }))).toEqual([
      'Metrics!C4 (Metrics table, row 2, column "Weight"): Metric weights sum to 90.00%, not 100%.',
    ]);
  });

  it('bcf-p4p: "if 30% is achieved, 30% of the funding is released" (BCF 2015/16)', async () => {
    const activity = kindTable('activity', [[null, 'Q1', 10000, 9895, 1490, null]]);
    const book = new FakeWorkbook([activity]);
    expect(headline(await runMechanism(book, 'bcf-p4p', {}, { now }))).toEqual([
      { label: 'Performance sum', text: '£521,500.00' },
      { label: 'Released', text: '£156,450.00' },
      { label: 'Retained', text: '£365,050.00' },
      { label: 'Released share', text: '30.00%' },
    ]);
  });

  it('activity: marginal rate above baseline, price £2,000 (former emergency tariff rule) = £20,700,000', async () => {
    const activity = kindTable('activity', [[null, '2024/25', 10000, 10500, 2000, null]]);
    const outcome = await runMechanism(
      new FakeWorkbook([activity]),
      'activity',
      { model: 'marginal' },
      { now },
    );
    expect(headline(outcome)).toEqual([
      { label: '2024/25', text: '£20,700,000.00' },
      { label: 'Total', text: '£20,700,000.00' },
    ]);
  });

  it('activity: blended payment below plan (2019/20): fixed £20,000,000, actual 9,500 → £19,800,000', async () => {
    const activity = kindTable('activity', [[null, '2019/20', 10000, 9500, 2000, null]]);
    const outcome = await runMechanism(
      new FakeWorkbook([activity]),
      'activity',
      { model: 'blended' },
      { now },
    );
    expect(headline(outcome)).toEqual([
      { label: '2019/20', text: '£19,800,000.00' },
      { label: 'Total', text: '£19,800,000.00' },
    ]);
  });

  /** B&NES pool: a 7% reduction phased evenly over four years, against the planned spend. */
  const SEVEN_PERCENT_CUT = [
    { name: 'Net budget reduction', totalOverYears: '-7%', overYears: 4, phasing: 'straightLine' },
  ];
  const FOUR_YEAR_ENVELOPE = [
    { label: 'Baseline', text: '£69,236,000.00' },
    { label: 'Year 1 envelope', text: '£68,024,370.00' },
    { label: 'Year 2 envelope', text: '£66,812,740.00' },
    { label: 'Year 3 envelope', text: '£65,601,110.00' },
    { label: 'Year 4 envelope', text: '£64,389,480.00' },
    // Envelope − plan: 24,370 + 12,740 + 1,110 − 10,520.
    { label: 'Cumulative headroom (+) / shortfall (−)', text: '£27,700.00' },
  ];

  it.each([
    ['four Plan years', { years: 4 }],
    ['no Plan years: as many as PlannedSpend covers', {}],
  ])(
    'envelope: a 7%% reduction over four years against planned spend (B&NES pool), %s',
    async (_, years) => {
      const book = new FakeWorkbook([kindTable('contributions'), kindTable('plannedSpend')]);
      const params = { ...years, changes: SEVEN_PERCENT_CUT };
      expect(headline(await runMechanism(book, 'envelope', params, { now }))).toEqual(
        FOUR_YEAR_ENVELOPE,
      );
    },
  );

  it('envelope: a bad change is named by its number and field', async () => {
    const book = new FakeWorkbook([kindTable('contributions')]);
    const outcome = await runMechanism(
      book,
      'envelope',
      { changes: [{ annualRate: 'lots' }] },
      { now },
    );
    expect(messages(outcome)).toEqual([
      'Scenario parameter "Change 1 annualRate": "lots" is not a percentage.',
    ]);
  });

  it('checks: a failed check is a result on the Checks sheet, not a finding', async () => {
    const income = kindTable('income', [['iBCF', 'Council', 1250000]]);
    const schemes = kindTable('schemes', [
      [
        'S1',
        'Home care',
        'Home Care or Domiciliary Care',
        'Social Care',
        'LA',
        null,
        null,
        'X',
        'iBCF',
        1200000,
        null,
      ],
    ]);
    const book = new FakeWorkbook([income, schemes]);
    const outcome = await runMechanism(
      book,
      'checks',
      { socialCareMinimum: 0, nhsOutOfHospitalMinimum: 0 },
      { now },
    );
    expect(outcome.ok).toBe(true);
    const sheet = book.written.get('Checks');
    const row = sheet?.values.find((r) => typeof r[0] === 'string' && r[0].includes('iBCF'));
    expect(row?.slice(1, 5)).toEqual(['FAIL', 1250000, 1200000, -50000]);
    const params = await runMechanism(book, 'checks', {}, { now });
    expect(messages(params)).toEqual([
      'Scenario parameter "Minimum social care spend": it is required.',
      'Scenario parameter "NHS out-of-hospital ring-fence": it is required.',
    ]);
  });
});

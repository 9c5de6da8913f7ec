import fc from 'fast-check';
import { Dec, sum } from '../../src/engine/decimal';
import {
  fundingEnvelope,
  type FundingEnvelopeInput,
} from '../../src/engine/fundingEnvelope/fundingEnvelope';
import { errorOf } from '../support/engineErrors';

const d = (v: string | number): Dec => new Dec(v);
const pence = (v: Dec | undefined): string => (v ?? d(NaN)).toFixed(2);

/** B&NES OBC Table 3 categories; the split of each partner's total is illustrative. */
const bnes: FundingEnvelopeInput = {
  years: 4,
  baseline: [
    { category: 'Complex & Specialist', partner: 'CCG', amount: 15000000 },
    { category: 'Early Intervention', partner: 'CCG', amount: 9348000 },
    { category: 'Prevention & Self-Management', partner: 'CCG', amount: 4000000 },
    { category: 'Complex & Specialist', partner: 'Council', amount: 25000000 },
    { category: 'Early Intervention', partner: 'Council', amount: 11888000 },
    { category: 'Prevention & Self-Management', partner: 'Council', amount: 4000000 },
  ],
};

describe('fundingEnvelope: B&NES worked example (OBC 2015, Table 3)', () => {
  it('keeps the Table 3 baseline: CCG 28,348 + Council 40,888 = 69,236 (£000)', () => {
    const result = fundingEnvelope(bnes);
    expect(pence(result.baseline)).toBe('69236000.00');
    expect(result.baselineByPartner.map((p) => [p.partner, pence(p.amount)])).toEqual([
      ['CCG', '28348000.00'],
      ['Council', '40888000.00'],
    ]);
    expect(result.baselineByCategory.map((c) => c.category)).toEqual([
      'Complex & Specialist',
      'Early Intervention',
      'Prevention & Self-Management',
    ]);
    expect(result.years.map((y) => pence(y.envelope))).toEqual(Array(4).fill('69236000.00'));
  });

  it('reaches exactly 7% less after four years, given as a total over the years (B&NES OBC)', () => {
    const result = fundingEnvelope({
      ...bnes,
      changes: [{ name: 'Net budget reduction', totalOverYears: -0.07, overYears: 4 }],
    });
    expect(pence(result.years[3]?.envelope)).toBe('64389480.00');
    expect(result.years[3]?.lines[0]?.changeFactor.toString()).toBe('0.93');
    // Each year is the same compounding step: (0.93)^(1/4) ≈ 0.982021.
    expect(result.years[0]?.lines[0]?.changeFactor.toDecimalPlaces(6).toString()).toBe('0.982021');
  });

  it('takes 1.75% of the baseline a year for 7% over four years, straight line', () => {
    const result = fundingEnvelope({
      ...bnes,
      changes: [{ totalOverYears: '-0.07', overYears: 4, phasing: 'straightLine' }],
    });
    expect(result.years.map((y) => y.lines[0]?.changeFactor.toString())).toEqual([
      '0.9825',
      '0.965',
      '0.9475',
      '0.93',
    ]);
  });

  it('compounds CCG savings of 3% a year on the CCG lines only (B&NES OBC)', () => {
    const result = fundingEnvelope({
      ...bnes,
      changes: [{ name: 'CCG savings', partner: 'CCG', annualRate: -0.03 }],
    });
    const ccg = result.years.map((y) => pence(y.byPartner[0]?.amount));
    // 28,348,000 × 0.97, 0.9409, 0.912673, 0.88529281
    expect(ccg).toEqual(['27497560.00', '26672633.20', '25872454.20', '25096280.58']);
    expect(result.years.map((y) => pence(y.byPartner[1]?.amount))).toEqual(
      Array(4).fill('40888000.00'),
    );
  });

  it('combines changes by multiplying them, and gives the gap to planned spend', () => {
    const result = fundingEnvelope({
      ...bnes,
      changes: [
        { name: 'Council reduction', partner: 'Council', totalOverYears: -0.07, overYears: 4 },
        { name: 'CCG savings', partner: 'CCG', annualRate: -0.03 },
        { name: 'Demographic growth', category: 'Complex & Specialist', annualRate: 0.015 },
      ],
      planned: [1, 2, 3, 4].map((year) => ({ year, amount: 69236000 })),
    });
    expect(result.years[0]?.lines[0]?.changeFactor.toString()).toBe('0.98455');
    expect(result.years.map((y) => pence(y.envelope))).toEqual([
      '68236938.99',
      '67258871.32',
      '66301288.11',
      '65363693.78',
    ]);
    expect(result.years.map((y) => pence(y.gap))).toEqual([
      '-999061.01',
      '-1977128.68',
      '-2934711.89',
      '-3872306.22',
    ]);
    expect(pence(result.cumulativeGap)).toBe('-9783207.80');
  });
});

describe('fundingEnvelope: timing and planned spend', () => {
  const simple: FundingEnvelopeInput = {
    years: 3,
    baseline: [
      { category: 'Reablement', partner: 'ICB', amount: 1000 },
      { category: 'Reablement', partner: 'Council', amount: 500 },
      { category: 'Carers', partner: 'Council', amount: 100 },
    ],
  };

  it('starts a change in its fromYear and stops it after overYears', () => {
    const result = fundingEnvelope({
      ...simple,
      changes: [{ annualRate: 0.1, fromYear: 2, overYears: 1 }],
    });
    expect(result.years.map((y) => pence(y.envelope))).toEqual(['1600.00', '1760.00', '1760.00']);
  });

  it('compares planned lines with the envelope of the lines they cover', () => {
    const result = fundingEnvelope({
      ...simple,
      planned: [
        { year: 1, partner: 'Council', amount: 650 },
        { year: 1, partner: 'ICB', category: 'Reablement', amount: '900.00' },
        { year: 2, category: 'Carers', amount: 90 },
      ],
    });
    const [one, two, three] = result.years;
    expect(one?.plannedLines.map((p) => [pence(p.envelope), pence(p.gap)])).toEqual([
      ['600.00', '-50.00'],
      ['1000.00', '100.00'],
    ]);
    expect(pence(one?.gap)).toBe('50.00');
    expect(pence(two?.coveredEnvelope)).toBe('100.00');
    expect(pence(two?.gap)).toBe('10.00');
    expect(three?.gap).toBeUndefined();
    expect(pence(result.cumulativeGap)).toBe('60.00');
    expect(result.steps.map((s) => s.text)).toContain(
      'Year 2: planned £90.00 against the £100.00 envelope of the lines it covers, gap £10.00: the plan fits within the envelope.',
    );
  });

  it('keeps the envelope at the baseline with no changes, and allows a zero baseline', () => {
    const result = fundingEnvelope({
      baseline: [{ category: 'DFG', partner: 'Council', amount: 0 }],
    });
    expect(result.years).toHaveLength(1);
    expect(pence(result.years[0]?.envelope)).toBe('0.00');
    expect(result.cumulativeGap).toBeUndefined();
    expect(result.steps.map((s) => s.text)).toContain(
      'No changes are given: the envelope stays at the baseline.',
    );
  });

  it('takes a 100% reduction to zero', () => {
    const result = fundingEnvelope({ ...simple, changes: [{ totalOverYears: -1, overYears: 2 }] });
    expect(result.years.map((y) => pence(y.envelope))).toEqual(['0.00', '0.00', '0.00']);
  });
});

describe('fundingEnvelope: invalid input', () => {
  const line = { category: 'Reablement', partner: 'ICB', amount: 1000 };
  const cases: [string, FundingEnvelopeInput, string, string][] = [
    [
      'no baseline',
      { baseline: [] },
      'ENVELOPE.EMPTY',
      'baseline is empty; at least one is needed.',
    ],
    [
      'a negative baseline',
      { baseline: [{ ...line, amount: -1 }] },
      'ENVELOPE.NEGATIVE',
      'baseline[0].amount is -1; it cannot be negative.',
    ],
    [
      'a line given twice',
      { baseline: [line, { ...line, partner: 'icb' }] },
      'ENVELOPE.DUPLICATE',
      'baseline lists Reablement / ICB twice.',
    ],
    [
      'both a rate and a total',
      { baseline: [line], changes: [{ name: 'Cut', annualRate: -0.03, totalOverYears: -0.07 }] },
      'ENVELOPE.INCONSISTENT',
      'changes[0] (Cut) must give either annualRate or totalOverYears, not both.',
    ],
    [
      'neither a rate nor a total',
      { baseline: [line], changes: [{}] },
      'ENVELOPE.INCONSISTENT',
      'changes[0] (Change 1) must give either annualRate or totalOverYears, not neither.',
    ],
    [
      'a total without its years',
      { baseline: [line], changes: [{ totalOverYears: -0.07 }] },
      'ENVELOPE.MISSING',
      'changes[0].overYears is missing; a totalOverYears change needs the number of years it is spread over.',
    ],
    [
      'a rate typed as a percentage',
      { baseline: [line], changes: [{ annualRate: -3 }] },
      'ENVELOPE.OUT_OF_RANGE',
      'changes[0].annualRate is -3; it must be from -1 to 1.',
    ],
    [
      'phasing on an annual rate',
      { baseline: [line], changes: [{ annualRate: -0.03, phasing: 'straightLine' }] },
      'ENVELOPE.INCONSISTENT',
      'changes[0].phasing applies to totalOverYears only; an annualRate always compounds.',
    ],
    [
      'a change for an unknown partner',
      { baseline: [line], changes: [{ partner: 'CCG', annualRate: -0.03 }] },
      'ENVELOPE.UNKNOWN_PARTY',
      'changes[0].partner is "CCG", which is not in the baseline (ICB).',
    ],
    [
      'a change that matches no line',
      {
        baseline: [line, { category: 'Carers', partner: 'Council', amount: 1 }],
        changes: [{ name: 'Growth', category: 'Carers', partner: 'ICB', annualRate: 0.02 }],
      },
      'ENVELOPE.INCONSISTENT',
      'changes[0] (Growth) applies to Carers / ICB, which has no baseline line.',
    ],
    [
      'a change starting after the plan',
      { baseline: [line], years: 2, changes: [{ annualRate: 0.01, fromYear: 3 }] },
      'ENVELOPE.OUT_OF_RANGE',
      'changes[0].fromYear is 3; the plan has 2 year(s).',
    ],
    [
      'planned spend for a year beyond the plan',
      { baseline: [line], planned: [{ year: 2, amount: 5 }] },
      'ENVELOPE.OUT_OF_RANGE',
      'planned[0].year is 2; the plan has 1 year(s).',
    ],
    [
      'overlapping planned spend',
      {
        baseline: [line],
        planned: [
          { year: 1, amount: 5 },
          { year: 1, partner: 'ICB', amount: 5 },
        ],
      },
      'ENVELOPE.DUPLICATE',
      'planned[1] covers spend already in planned[0] for year 1; give each line once, or one total for the year.',
    ],
    [
      'an unknown phasing',
      {
        baseline: [line],
        changes: [{ totalOverYears: -0.07, overYears: 4, phasing: 'even' as 'compound' }],
      },
      'ENVELOPE.UNKNOWN_OPTION',
      'changes[0].phasing is "even"; it must be one of compound, straightLine.',
    ],
  ];
  it.each(cases)('refuses %s', (_, input, code, message) => {
    expect(errorOf(() => fundingEnvelope(input))).toEqual({ code, message });
  });
});

describe('fundingEnvelope: properties', () => {
  const money = fc.integer({ min: 0, max: 10_000_000_000 }).map((p) => d(p).div(100));
  const rate = fc.integer({ min: -3000, max: 3000 }).map((b) => d(b).div(10_000));
  const partner = fc.constantFrom('ICB', 'Council');
  const category = fc.constantFrom('A', 'B', 'C');

  it('partner and category totals each add up exactly to the envelope (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ partner, category, amount: money }), {
          minLength: 1,
          maxLength: 6,
          selector: (l) => `${l.category}/${l.partner}`,
        }),
        rate,
        rate,
        (baseline, cut, growth) => {
          const result = fundingEnvelope({
            baseline,
            years: 3,
            changes: [
              { totalOverYears: cut, overYears: 3 },
              { category: baseline[0]?.category, annualRate: growth },
            ],
          });
          for (const y of result.years) {
            expect(sum(y.lines.map((l) => l.envelope)).equals(y.envelope)).toBe(true);
            expect(sum(y.byPartner.map((p) => p.amount)).equals(y.envelope)).toBe(true);
            expect(sum(y.byCategory.map((c) => c.amount)).equals(y.envelope)).toBe(true);
          }
        },
      ),
    );
  });

  it('a deeper cut never gives a bigger envelope; after overYears the total change is exact (property)', () => {
    fc.assert(
      fc.property(money, rate, rate, fc.integer({ min: 1, max: 5 }), (amount, a, b, span) => {
        const run = (total: Dec) =>
          fundingEnvelope({
            baseline: [{ category: 'A', partner: 'ICB', amount }],
            years: span,
            changes: [{ totalOverYears: total, overYears: span }],
          }).years;
        const [low, high] = a.lessThan(b) ? [a, b] : [b, a];
        const deeper = run(low);
        run(high).forEach((y, i) =>
          expect(deeper[i]?.envelope.lessThanOrEqualTo(y.envelope)).toBe(true),
        );
        expect(pence(deeper[span - 1]?.envelope)).toBe(pence(amount.times(low.plus(1))));
      }),
    );
  });
});

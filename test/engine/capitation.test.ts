import fc from 'fast-check';
import {
  capitationAmount,
  capitationBudget,
  type CapitationInput,
} from '../../src/engine/capitation/capitation';
import { Dec, sum } from '../../src/engine/decimal';
import { errorOf } from '../support/engineErrors';

const d = (v: string | number): Dec => new Dec(v);
const pence = (v: Dec | undefined): string => (v ?? d(NaN)).toFixed(2);

/** The whole contract as one budget: population 1 at the first-year amount. */
const bedfordshire: CapitationInput = {
  segments: [{ name: 'MSK prime contract', population: 1, annualRate: 26500000 }],
  years: 5,
  uplift: 0.013,
};

describe('capitationBudget: worked example', () => {
  it("rises 1.3% a year for five years (King's Fund 2014, Bedfordshire MSK)", () => {
    const result = capitationBudget(bedfordshire);
    expect(result.years.map((y) => pence(y.budget))).toEqual([
      '26500000.00',
      '26844500.00',
      '27193478.50',
      '27546993.72',
      '27905104.64',
    ]);
    expect(pence(result.total)).toBe('135990076.86');
    expect(result.years.map((y) => y.yearIndex)).toEqual([0, 1, 2, 3, 4]);
    expect(result.steps.at(-1)?.text).toBe(
      'Total over 5 year(s): £26,500,000.00 + £26,844,500.00 + £27,193,478.50 + £27,546,993.72 + £27,905,104.64 = £135,990,076.86.',
    );
  });

  it("gives each Bedfordshire year as a single figure for =BCF.CAPITATION (King's Fund 2014)", () => {
    const figure = (yearIndex: number): string =>
      pence(capitationAmount({ population: 1, annualRate: 26500000, uplift: '0.013', yearIndex }));
    expect([0, 1, 2, 3, 4].map(figure)).toEqual([
      '26500000.00',
      '26844500.00',
      '27193478.50',
      '27546993.72',
      '27905104.64',
    ]);
  });
});

describe('capitationBudget: segments, growth and weights', () => {
  const segments: CapitationInput = {
    segments: [
      { name: '65-74', population: 10000, annualRate: '250.50', weight: 0.8 },
      { name: '75+', population: 5000, annualRate: 400, weight: 1.5, populationGrowth: 0.03 },
    ],
    years: 2,
    uplift: 0.02,
    efficiency: 0.01,
    populationGrowth: 0.015,
  };

  it('grows population (unrounded), applies uplift and efficiency, and rounds each budget', () => {
    const [first, second] = capitationBudget(segments).years;
    expect(first?.segments.map((s) => pence(s.budget))).toEqual(['2004000.00', '3000000.00']);
    const [young, old] = second?.segments ?? [];
    expect(young?.projectedPopulation.toString()).toBe('10150');
    expect(young?.rate.toString()).toBe('252.9549');
    // 10,150 × 252.9549 × 0.8 = 2,053,993.788 → .79
    expect(pence(young?.budget)).toBe('2053993.79');
    expect(old?.projectedPopulation.toString()).toBe('5150');
    expect(pence(old?.budget)).toBe('3120282.00');
    expect(pence(second?.budget)).toBe('5174275.79');
  });

  it('keeps a fractional projection unrounded: 1,001 people grown 0.5%', () => {
    const result = capitationBudget({
      segments: [{ name: 'All', population: 1001, annualRate: 100 }],
      years: 2,
      populationGrowth: 0.005,
    });
    expect(result.years[1]?.segments[0]?.projectedPopulation.toString()).toBe('1006.005');
    expect(pence(result.years[1]?.budget)).toBe('100600.50');
  });

  it('gives a zero budget for a zero population, and defaults to one year', () => {
    const result = capitationBudget({
      segments: [{ name: 'None yet', population: 0, annualRate: 300 }],
    });
    expect(result.years).toHaveLength(1);
    expect(pence(result.total)).toBe('0.00');
  });

  it('makes the year and overall totals sums of the rounded segment budgets', () => {
    const result = capitationBudget({
      segments: [
        { name: 'A', population: 1, annualRate: '0.005' },
        { name: 'B', population: 1, annualRate: '0.005' },
      ],
    });
    // Each rounds up to 0.01; the total is 0.02, not round(0.01).
    expect(pence(result.total)).toBe('0.02');
  });
});

describe('capitationBudget: population tolerance (Cambridgeshire older people)', () => {
  const base: CapitationInput = {
    segments: [{ name: '65+', population: 10000, annualRate: 100 }],
    years: 2,
  };

  it('pays only the variance beyond the band by default (excess basis)', () => {
    const result = capitationBudget({
      ...base,
      tolerance: { band: 0.02, actuals: [{ segment: '65+', population: 10500 }] },
    });
    const row = result.years[0]?.segments[0];
    expect(row?.varianceInPopulation?.toString()).toBe('500');
    expect(row?.varianceFraction?.toString()).toBe('0.05');
    // (500 − 2% × 10,000) × £100 = £30,000.00
    expect(pence(row?.adjustment)).toBe('30000.00');
    expect(pence(result.years[0]?.adjustedBudget)).toBe('1030000.00');
    expect(pence(result.adjustedTotal)).toBe('2030000.00');
    expect(pence(result.years[1]?.adjustment)).toBe('0.00');
  });

  it('pays the whole variance on the full basis, and a shortfall as a negative adjustment', () => {
    const result = capitationBudget({
      ...base,
      tolerance: {
        band: 0.02,
        basis: 'full',
        actuals: [{ segment: '65+', yearIndex: 1, population: 9000 }],
      },
    });
    expect(pence(result.years[1]?.segments[0]?.adjustment)).toBe('-100000.00');
  });

  it('makes no adjustment at exactly the band, and weights the rate', () => {
    const atBand = capitationBudget({
      ...base,
      tolerance: { band: 0.02, actuals: [{ segment: '65+', population: 10200 }] },
    });
    expect(pence(atBand.totalAdjustment)).toBe('0.00');
    const weighted = capitationBudget({
      segments: [{ name: '65+', population: 10000, annualRate: 100, weight: 1.5 }],
      tolerance: { band: 0.02, actuals: [{ segment: '65+', population: 9700 }] },
    });
    // −(300 − 200) × £100 × 1.5
    expect(pence(weighted.totalAdjustment)).toBe('-15000.00');
  });

  it('treats any actual population against a projection of 0 as beyond the band', () => {
    const result = capitationBudget({
      segments: [{ name: 'New estate', population: 0, annualRate: 100 }],
      tolerance: { band: 0.5, actuals: [{ segment: 'New estate', population: 40 }] },
    });
    expect(result.years[0]?.segments[0]?.varianceFraction).toBeUndefined();
    expect(pence(result.totalAdjustment)).toBe('4000.00');
  });

  it('with no actuals yet, gives adjustments of zero', () => {
    const result = capitationBudget({ ...base, tolerance: { band: 0.02 } });
    expect(pence(result.totalAdjustment)).toBe('0.00');
    expect(result.years[0]?.segments[0]?.adjustment).toBeUndefined();
  });
});

describe('capitationBudget: invalid input', () => {
  const one = { name: 'All', population: 100, annualRate: 10 };
  const cases: [string, CapitationInput, string, string][] = [
    [
      'no segments',
      { segments: [] },
      'CAPITATION.EMPTY',
      'segments is empty; at least one is needed.',
    ],
    [
      'a negative population',
      { segments: [{ ...one, population: -1 }] },
      'CAPITATION.NEGATIVE',
      'segments[0].population is -1; it cannot be negative.',
    ],
    [
      'a rate that is not a number',
      { segments: [{ ...one, annualRate: 'tbc' }] },
      'CAPITATION.NOT_A_NUMBER',
      'segments[0].annualRate is "tbc", not a number.',
    ],
    [
      'a segment named twice',
      { segments: [one, { ...one, name: 'all' }] },
      'CAPITATION.DUPLICATE',
      'segments lists "all" twice.',
    ],
    [
      'zero years',
      { segments: [one], years: 0 },
      'CAPITATION.NOT_AN_INTEGER',
      'years is 0; it must be a whole number of at least 1.',
    ],
    [
      'an efficiency above 100%',
      { segments: [{ ...one, efficiency: 1.2 }] },
      'CAPITATION.NOT_A_FRACTION',
      'segments[0].efficiency is 1.2; it must be a fraction from 0 to 1 (0.05 means 5%).',
    ],
    [
      'an uplift given as a percentage number',
      { segments: [one], uplift: 13 },
      'CAPITATION.OUT_OF_RANGE',
      'uplift is 13; it must be from -1 to 1.',
    ],
    [
      'an actual for an unknown segment',
      { segments: [one], tolerance: { band: 0.02, actuals: [{ segment: 'Al', population: 5 }] } },
      'CAPITATION.UNKNOWN_NAME',
      'tolerance.actuals[0].segment is "Al", which is not a segment (All).',
    ],
    [
      'an actual for a year beyond the budget',
      {
        segments: [one],
        years: 2,
        tolerance: { band: 0.02, actuals: [{ segment: 'All', yearIndex: 2, population: 5 }] },
      },
      'CAPITATION.OUT_OF_RANGE',
      'tolerance.actuals[0].yearIndex is 2; with 2 year(s) it must be from 0 to 1.',
    ],
    [
      'an actual given twice',
      {
        segments: [one],
        tolerance: {
          band: 0.02,
          actuals: [
            { segment: 'All', population: 5 },
            { segment: 'all', yearIndex: 0, population: 6 },
          ],
        },
      },
      'CAPITATION.DUPLICATE',
      'tolerance.actuals gives "All" year index 0 twice.',
    ],
    [
      'an unknown basis',
      { segments: [one], tolerance: { band: 0.02, basis: 'half' as 'full' } },
      'CAPITATION.UNKNOWN_OPTION',
      'tolerance.basis is "half"; it must be one of full, excess.',
    ],
    [
      'a band above 100%',
      { segments: [one], tolerance: { band: 2 } },
      'CAPITATION.NOT_A_FRACTION',
      'tolerance.band is 2; it must be a fraction from 0 to 1 (0.05 means 5%).',
    ],
  ];
  it.each(cases)('refuses %s', (_, input, code, message) => {
    expect(errorOf(() => capitationBudget(input))).toEqual({ code, message });
  });

  it('refuses a negative population in the single figure too', () => {
    expect(errorOf(() => capitationAmount({ population: -5, annualRate: 1 }))).toEqual({
      code: 'CAPITATION.NEGATIVE',
      message: 'population is -5; it cannot be negative.',
    });
  });
});

describe('capitationBudget: properties', () => {
  const population = fc.integer({ min: 0, max: 2_000_000 });
  const rate = fc.integer({ min: 0, max: 10_000_000 }).map((p) => d(p).div(100));
  const change = fc.integer({ min: -500, max: 500 }).map((b) => d(b).div(10_000));
  const years = fc.integer({ min: 1, max: 6 });

  it('is linear in population: budget(k × p) is k × budget(p) within rounding (property)', () => {
    fc.assert(
      fc.property(
        population,
        rate,
        change,
        years,
        fc.integer({ min: 1, max: 50 }),
        (p, r, u, n, k) => {
          const run = (pop: number) =>
            capitationBudget({
              segments: [{ name: 'S', population: pop, annualRate: r }],
              years: n,
              uplift: u,
            }).years.map((y) => y.budget);
          const scaled = run(p * k);
          run(p).forEach((b, i) => {
            const gap = (scaled[i] ?? d(NaN)).minus(b.times(k)).abs();
            expect(gap.lessThanOrEqualTo(d('0.005').times(k + 1))).toBe(true);
          });
        },
      ),
    );
  });

  it('never falls when the uplift rises (property)', () => {
    fc.assert(
      fc.property(population, rate, change, change, years, (p, r, a, b, n) => {
        const run = (uplift: Dec) =>
          capitationBudget({
            segments: [{ name: 'S', population: p, annualRate: r }],
            years: n,
            uplift,
          }).years;
        const [low, high] = a.lessThan(b) ? [a, b] : [b, a];
        const higher = run(high);
        run(low).forEach((y, i) =>
          expect(y.budget.lessThanOrEqualTo(higher[i]?.budget ?? d(NaN))).toBe(true),
        );
      }),
    );
  });

  it('totals are exact sums of the rounded figures; adjustments have the sign of the variance (property)', () => {
    fc.assert(
      fc.property(
        population,
        population,
        rate,
        change,
        fc.integer({ min: 0, max: 100 }),
        (p, actual, r, g, band) => {
          const result = capitationBudget({
            segments: [
              { name: 'S', population: p, annualRate: r },
              { name: 'T', population: actual, annualRate: r },
            ],
            years: 2,
            populationGrowth: g,
            tolerance: {
              band: d(band).div(1000),
              actuals: [{ segment: 'S', yearIndex: 1, population: actual }],
            },
          });
          result.years.forEach((y) =>
            expect(sum(y.segments.map((s) => s.budget)).equals(y.budget)).toBe(true),
          );
          expect(sum(result.years.map((y) => y.budget)).equals(result.total)).toBe(true);
          const row = result.years[1]?.segments[0];
          const adjustment = row?.adjustment ?? d(NaN);
          const variance = row?.varianceInPopulation ?? d(NaN);
          expect(adjustment.isZero() || adjustment.isNegative() === variance.isNegative()).toBe(
            true,
          );
        },
      ),
    );
  });

  it('the excess basis never pays more than the full basis (property)', () => {
    fc.assert(
      fc.property(
        population,
        population,
        rate,
        fc.integer({ min: 0, max: 100 }),
        (p, actual, r, band) => {
          const run = (basis: 'full' | 'excess') =>
            capitationBudget({
              segments: [{ name: 'S', population: p, annualRate: r }],
              tolerance: {
                band: d(band).div(1000),
                basis,
                actuals: [{ segment: 'S', population: actual }],
              },
            }).totalAdjustment ?? d(NaN);
          expect(run('excess').abs().lessThanOrEqualTo(run('full').abs())).toBe(true);
        },
      ),
    );
  });
});

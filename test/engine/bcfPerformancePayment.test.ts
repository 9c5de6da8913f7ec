import fc from 'fast-check';
import {
  bcfPerformancePayment,
  bcfQuarterReleased,
  type BcfPerformancePaymentInput,
} from '../../src/engine/bcfPerformancePayment/bcfPerformancePayment';
import { Dec, roundPence } from '../../src/engine/decimal';
import { errorOf } from '../support/engineErrors';

const money = (value: Dec): string => value.toFixed(2);

describe('bcfPerformancePayment: worked examples', () => {
  it('BCF 2015/16 guidance: "if, say, 30% is achieved, 30% of the funding will be released"', () => {
    // 10,000 × 3.5% = 350 planned; 105 fewer admissions = 30%; 350 × £1,490 = £521,500.
    const result = bcfPerformancePayment({
      unitCost: 1490,
      quarters: [{ baseline: 10_000, actual: 9_895 }],
    });
    const q = result.quarters[0]!;
    expect(q.plannedReductionCount.toString()).toBe('350');
    expect(money(q.performanceSum)).toBe('521500.00');
    expect(q.achievement?.toString()).toBe('0.3');
    expect(money(q.released)).toBe('156450.00');
    expect(money(q.retained)).toBe('365050.00');
    expect(result.releasedShare?.toString()).toBe('0.3');
  });

  it('BCF 2015/16: four quarterly payments, clamped at 0 when admissions rise and at 100% when they beat the plan', () => {
    const result = bcfPerformancePayment({
      ambition: 0.035,
      unitCost: 1490,
      quarters: [
        { quarter: 'Q1 (May 2015)', baseline: 12_345, actual: 12_000 },
        { quarter: 'Q2', baseline: 12_000, actual: 12_100 },
        { quarter: 'Q3', baseline: 11_800, actual: 11_000 },
        { quarter: 'Q4', baseline: 12_500, actual: 12_300 },
      ],
    });
    // Planned 432.075, 420, 413, 437.5; reductions 345, −100, 800, 200.
    expect(result.quarters.map((q) => q.achievement?.toSignificantDigits(6).toString())).toEqual([
      '0.798472',
      '0',
      '1',
      '0.457143',
    ]);
    expect(result.quarters.map((q) => money(q.performanceSum))).toEqual([
      '643791.75',
      '625800.00',
      '615370.00',
      '651875.00',
    ]);
    expect(result.quarters.map((q) => money(q.released))).toEqual([
      '514050.00',
      '0.00',
      '615370.00',
      '298000.00',
    ]);
    expect(result.quarters.map((q) => money(q.retained))).toEqual([
      '129741.75',
      '625800.00',
      '0.00',
      '353875.00',
    ]);
    expect(result.plannedReductionCount.toString()).toBe('1702.575');
    expect(result.actualReductionCount.toString()).toBe('1245');
    expect(money(result.performanceSum)).toBe('2536836.75');
    expect(money(result.released)).toBe('1427420.00');
    expect(money(result.retained)).toBe('1109416.75');
  });

  it('takes the ambition and unit cost as inputs, per quarter if need be', () => {
    const result = bcfPerformancePayment({
      ambition: 0.05,
      unitCost: 1000,
      quarters: [
        { baseline: 1000, actual: 975 },
        { baseline: 1000, actual: 975, ambition: '0.025', unitCost: '2000' },
      ],
    });
    expect(
      result.quarters.map((q) => [q.quarter, money(q.performanceSum), money(q.released)]),
    ).toEqual([
      ['Q1', '50000.00', '25000.00'],
      ['Q2', '50000.00', '50000.00'],
    ]);
  });

  it('releases and retains nothing when no reduction is planned (ambition 0 or baseline 0)', () => {
    const result = bcfPerformancePayment({
      ambition: 0,
      unitCost: 1490,
      quarters: [
        { baseline: 10_000, actual: 9_000 },
        { baseline: 0, actual: 0, ambition: 0.035 },
      ],
    });
    for (const q of result.quarters) {
      expect(money(q.performanceSum)).toBe('0.00');
      expect(money(q.released)).toBe('0.00');
      expect(q.achievement).toBeUndefined();
      expect(q.steps.map((s) => s.rule)).toContain('no-plan');
    }
    expect(result.releasedShare).toBeUndefined();
  });

  it('rounds the sum to pence and splits it so released + retained = sum exactly', () => {
    const q = bcfPerformancePayment({
      unitCost: '1490.33',
      quarters: [{ baseline: 12_345, actual: 12_000 }],
    }).quarters[0]!;
    // 432.075 × 1,490.33 = 643,934.33475 → 643,934.33; × 345 / 432.075 = 514,163.84…
    expect(money(q.performanceSum)).toBe('643934.33');
    expect(money(q.released)).toBe('514163.85');
    expect(money(q.retained)).toBe('129770.48');
  });
});

describe('bcfQuarterReleased (=BCF.BCFP4P)', () => {
  it('returns the released sum of one quarter', () => {
    expect(money(bcfQuarterReleased(10_000, 9_895, 0.035, 1490))).toBe('156450.00');
  });

  it('uses the 3.5% ambition when the ambition is blank', () => {
    expect(money(bcfQuarterReleased('10000', '9895', '', '1490'))).toBe('156450.00');
    expect(money(bcfQuarterReleased(10_000, 9_895, null, 1490))).toBe('156450.00');
  });

  it('names the argument that is wrong', () => {
    expect(errorOf(() => bcfQuarterReleased(10_000, 9_895, 0.035, 0))).toEqual({
      code: 'BCFP4P.NOT_POSITIVE',
      message: 'unitCost is 0; it must be more than 0.',
    });
    expect(errorOf(() => bcfQuarterReleased(-5, 9_895, 0.035, 1490))).toEqual({
      code: 'BCFP4P.NEGATIVE',
      message: 'baseline is -5; it cannot be negative.',
    });
  });
});

describe('bcfPerformancePayment: invalid input', () => {
  it('needs a unit cost: there is no national constant', () => {
    expect(
      errorOf(() => bcfPerformancePayment({ quarters: [{ baseline: 1, actual: 1 }] })),
    ).toEqual({ code: 'BCFP4P.MISSING', message: 'unitCost is missing.' });
  });

  it('refuses an ambition outside 0–1, text for admissions, no quarters, a repeated label', () => {
    expect(
      errorOf(() =>
        bcfPerformancePayment({
          ambition: 3.5,
          unitCost: 1,
          quarters: [{ baseline: 1, actual: 1 }],
        }),
      ),
    ).toEqual({
      code: 'BCFP4P.NOT_A_FRACTION',
      message: 'ambition is 3.5; it must be a fraction from 0 to 1 (0.05 means 5%).',
    });
    expect(
      errorOf(() =>
        bcfPerformancePayment({
          unitCost: 1,
          quarters: [
            { baseline: 1, actual: 1 },
            { baseline: 'n/a', actual: 1 },
          ],
        }),
      ),
    ).toEqual({
      code: 'BCFP4P.NOT_A_NUMBER',
      message: 'quarters[1].baseline is "n/a", not a number.',
    });
    expect(errorOf(() => bcfPerformancePayment({ unitCost: 1, quarters: [] }))).toEqual({
      code: 'BCFP4P.EMPTY',
      message: 'quarters is empty; at least one is needed.',
    });
    expect(
      errorOf(() =>
        bcfPerformancePayment({
          unitCost: 1,
          quarters: [
            { quarter: 'Q1', baseline: 1, actual: 1 },
            { quarter: 'q1', baseline: 1, actual: 1 },
          ],
        }),
      ).code,
    ).toBe('BCFP4P.DUPLICATE');
  });
});

describe('bcfPerformancePayment: properties', () => {
  const quarterArb = fc.record({
    baseline: fc.integer({ min: 0, max: 50_000 }),
    actual: fc.integer({ min: 0, max: 60_000 }),
  });
  const inputArb = fc.record({
    ambitionPermille: fc.integer({ min: 0, max: 200 }),
    unitCostPence: fc.integer({ min: 1, max: 1_000_000 }),
    quarters: fc.array(quarterArb, { minLength: 1, maxLength: 6 }),
  });
  type Raw = typeof inputArb extends fc.Arbitrary<infer T> ? T : never;
  const inputOf = (r: Raw): BcfPerformancePaymentInput => ({
    ambition: new Dec(r.ambitionPermille).div(1000),
    unitCost: new Dec(r.unitCostPence).div(100),
    quarters: r.quarters,
  });

  it('conserves each quarter’s sum and never releases more than it (property)', () => {
    fc.assert(
      fc.property(inputArb, (r) => {
        const result = bcfPerformancePayment(inputOf(r));
        for (const q of result.quarters) {
          expect(q.released.plus(q.retained).equals(q.performanceSum)).toBe(true);
          expect(q.released.gte(0) && q.released.lte(q.performanceSum)).toBe(true);
        }
        expect(result.released.plus(result.retained).equals(result.performanceSum)).toBe(true);
      }),
    );
  });

  it('releases no less when admissions fall further (property)', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 1, max: 1000 }), (r, fewer) => {
        const before = bcfPerformancePayment(inputOf(r));
        const lower = {
          ...r,
          quarters: r.quarters.map((q) => ({ ...q, actual: Math.max(q.actual - fewer, 0) })),
        };
        expect(bcfPerformancePayment(inputOf(lower)).released.gte(before.released)).toBe(true);
      }),
    );
  });

  it('releases p% of the sum when p% of the planned reduction is achieved (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50_000 }),
        fc.integer({ min: 0, max: 100 }),
        (baseline, p) => {
          const planned = new Dec(baseline).times('0.035');
          const actual = new Dec(baseline).minus(planned.times(p).div(100));
          const q = bcfPerformancePayment({ unitCost: 1490, quarters: [{ baseline, actual }] })
            .quarters[0]!;
          expect(q.achievement?.equals(new Dec(p).div(100))).toBe(true);
          expect(money(q.released)).toBe(money(roundPence(q.performanceSum.times(p).div(100))));
        },
      ),
    );
  });
});

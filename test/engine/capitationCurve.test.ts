import fc from 'fast-check';
import { capitationBudget, type CapitationInput } from '../../src/engine/capitation/capitation';
import {
  capitationCurve,
  capitationExploration,
  type CapitationCurveInput,
} from '../../src/engine/capitation/capitationCurve';
import { Dec, penceString, roundPence } from '../../src/engine/decimal';
import { errorOf } from '../support/engineErrors';

const pence = (d: Dec) => penceString(d);

/** The tolerance golden case: 10,000 people at £100 a head, a 2% band. */
const older: CapitationInput = {
  segments: [{ name: '65+', population: 10000, annualRate: 100 }],
  tolerance: { band: 0.02 },
};

describe('capitationCurve: the outturn curve of a population tolerance', () => {
  it('pays for the people beyond the band, nothing within it (excess basis)', () => {
    const { curve } = capitationCurve({ ...older, curve: { from: -0.05, to: 0.05, points: 11 } });
    // Steps of 1% (100 people). Within ±2% (200 people) nothing; at 5% the 300 beyond the
    // band at £100 each: £30,000 (the golden case's 10,500); at 3%, 100 people: £10,000.
    expect(
      curve.map((p) => [
        p.actualPopulation.toNumber(),
        p.varianceInPopulation.toNumber(),
        pence(p.adjustment),
      ]),
    ).toEqual([
      [9500, -500, '-30000.00'],
      [9600, -400, '-20000.00'],
      [9700, -300, '-10000.00'],
      [9800, -200, '0.00'],
      [9900, -100, '0.00'],
      [10000, 0, '0.00'],
      [10100, 100, '0.00'],
      [10200, 200, '0.00'],
      [10300, 300, '10000.00'],
      [10400, 400, '20000.00'],
      [10500, 500, '30000.00'],
    ]);
    expect(curve[10]!.segments.map((s) => [s.segment, pence(s.adjustment)])).toEqual([
      ['65+', '30000.00'],
    ]);
  });

  it('pays for the whole variance once beyond the band (full basis), and the band edges are kinks', () => {
    const full = { ...older, tolerance: { band: 0.02, basis: 'full' as const } };
    const result = capitationCurve({ ...full, curve: { from: -0.05, to: 0.05, points: 11 } });
    // At 3%, all 300 people: £30,000; at exactly 2% still within the band: nothing.
    expect(pence(result.curve[8]!.adjustment)).toBe('30000.00');
    expect(pence(result.curve[7]!.adjustment)).toBe('0.00');
    expect(result.kinks).toEqual([
      {
        actualPopulation: new Dec(9800),
        varianceInPopulation: new Dec(-200),
        varianceFraction: new Dec(-0.02),
        reason:
          '2% below projection: beyond it every person of the variance is paid for (the adjustment jumps)',
        segments: ['65+'],
      },
      {
        actualPopulation: new Dec(10200),
        varianceInPopulation: new Dec(200),
        varianceFraction: new Dec(0.02),
        reason:
          '2% above projection: beyond it every person of the variance is paid for (the adjustment jumps)',
        segments: ['65+'],
      },
    ]);
    expect(result.curveSegments).toEqual([
      { segment: '65+', maximumIncrease: new Dec(50000), maximumDecrease: new Dec(-50000) },
    ]);
    expect(result.curveTotal).toEqual({
      maximumIncrease: new Dec(50000),
      maximumDecrease: new Dec(-50000),
    });
  });

  it('a band of 0 is one straight line: no kink; a range inside the band has none either', () => {
    const none = capitationCurve({
      ...older,
      tolerance: { band: 0 },
      curve: { from: -0.05, to: 0.05, points: 5 },
    });
    expect(none.kinks).toEqual([]);
    expect(pence(none.curve[4]!.adjustment)).toBe('50000.00');
    const inside = capitationCurve({ ...older, curve: { from: -0.01, to: 0.01, points: 5 } });
    expect(inside.kinks).toEqual([]);
  });

  it('sums every year and segment (Bedfordshire MSK, five years of 1.3% uplift, DOMAIN.md §2)', () => {
    const msk: CapitationInput = {
      segments: [{ name: 'MSK', population: 1, annualRate: 26_500_000 }],
      years: 5,
      uplift: 0.013,
      tolerance: { band: 0.05 },
    };
    const { curve, kinks } = capitationCurve({ ...msk, curve: { from: -0.1, to: 0.1, points: 3 } });
    // A population of 1.1 against a projection of 1 and a 5% band: 0.05 of a person paid
    // for each year at that year's rate 26,500,000 × 1.013^y, each rounded to pence.
    const byYear = [0, 1, 2, 3, 4].map((y) =>
      roundPence(new Dec(26_500_000).times(new Dec(1.013).pow(y)).times(0.05)),
    );
    const total = byYear.reduce((a, b) => a.plus(b), new Dec(0));
    // 1,325,000.00 + 1,342,225.00 + 1,359,673.93 + 1,377,349.69 + 1,395,255.23 (5% of each
    // year's budget in DOMAIN.md §2, the rate unrounded).
    expect(pence(total)).toBe('6799503.85');
    expect(pence(curve[2]!.adjustment)).toBe(pence(total));
    expect(pence(curve[0]!.adjustment)).toBe(pence(total.negated()));
    expect(curve[2]!.actualPopulation.toNumber()).toBe(5.5);
    expect(
      kinks.map((k) => [k.actualPopulation.toNumber(), k.varianceFraction.toNumber()]),
    ).toEqual([
      [4.75, -0.05],
      [5.25, 0.05],
    ]);
  });

  it('gives at every point exactly what a separate budget at those populations gives (property)', () => {
    const arb = fc.record({
      p1: fc.integer({ min: 0, max: 50_000 }),
      p2: fc.integer({ min: 1, max: 50_000 }),
      rate: fc.integer({ min: 1, max: 200_000 }),
      band: fc.integer({ min: 0, max: 10 }),
      full: fc.boolean(),
      growth: fc.integer({ min: -5, max: 5 }),
      points: fc.integer({ min: 2, max: 25 }),
    });
    fc.assert(
      fc.property(arb, ({ p1, p2, rate, band, full, growth, points }) => {
        const input: CapitationCurveInput = {
          segments: [
            { name: 'A', population: p1, annualRate: rate / 100 },
            { name: 'B', population: p2, annualRate: 350, weight: 1.25 },
          ],
          years: 2,
          populationGrowth: growth / 100,
          tolerance: { band: band / 100, basis: full ? 'full' : 'excess' },
          curve: { from: -0.15, to: 0.15, points },
        };
        const plain = capitationBudget({ ...input, tolerance: undefined });
        const { curve } = capitationCurve(input);
        return curve.every((point, i) => {
          const f = new Dec(-0.15).plus(new Dec(0.3).times(i).div(points - 1));
          const actuals = plain.years.flatMap((y) =>
            y.segments.map((s) => ({
              segment: s.segment,
              yearIndex: y.yearIndex,
              population: s.projectedPopulation
                .times(f.plus(1))
                .toDecimalPlaces(2, Dec.ROUND_HALF_UP),
            })),
          );
          const alone = capitationBudget({ ...input, tolerance: { ...input.tolerance!, actuals } });
          const people = actuals.reduce((a, x) => a.plus(x.population), new Dec(0));
          return (
            point.actualPopulation.equals(people) &&
            point.adjustment.equals(alone.totalAdjustment!) &&
            point.segments.every((s, j) =>
              s.adjustment.equals(
                alone.years[0]!.segments[j]!.adjustment!.plus(
                  alone.years[1]!.segments[j]!.adjustment!,
                ),
              ),
            )
          );
        });
      }),
      { numRuns: 40 },
    );
  });

  it('kinks are at the band edges and the lines bend nowhere else (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 15 }), fc.boolean(), (band, full) => {
        const { curve, kinks } = capitationCurve({
          ...older,
          tolerance: { band: band / 100, basis: full ? 'full' : 'excess' },
          curve: { from: -0.2, to: 0.2, points: 401 },
        });
        const expected = [10_000 - band * 100, 10_000 + band * 100];
        if (
          JSON.stringify(kinks.map((k) => k.actualPopulation.toNumber())) !==
          JSON.stringify(expected)
        ) {
          return false;
        }
        // Every 10 people: a bend of more than a couple of pence must be beside an edge.
        for (let i = 1; i < curve.length - 1; i += 1) {
          const [x, y, z] = [curve[i - 1]!, curve[i]!, curve[i + 1]!];
          const bend = x.adjustment.plus(z.adjustment).minus(y.adjustment.times(2)).abs();
          const near = expected.some((e) =>
            y.actualPopulation.minus(e).abs().lessThanOrEqualTo(10),
          );
          if (bend.greaterThan('0.02') && !near) return false;
        }
        return true;
      }),
      { numRuns: 20 },
    );
  });

  it.each([
    [
      { from: -0.2, to: 0.2, points: 1 },
      'CAPITATION.OUT_OF_RANGE',
      'curve.points is 1; it must be from 2 to 1001.',
    ],
    [
      { from: 0.1, to: -0.1, points: 5 },
      'CAPITATION.INCONSISTENT',
      'curve.from (0.1) must be below curve.to (-0.1).',
    ],
  ])('refuses %j', (curve, code, message) => {
    expect(errorOf(() => capitationExploration({ ...older, curve }))).toEqual({ code, message });
  });

  it('refuses a curve without a tolerance', () => {
    expect(
      errorOf(() =>
        capitationExploration({
          ...older,
          tolerance: undefined,
          curve: { from: -0.1, to: 0.1, points: 3 },
        }),
      ),
    ).toEqual({
      code: 'CAPITATION.MISSING',
      message:
        'An outturn curve of a capitation budget needs a population tolerance (tolerance.band).',
    });
  });

  it('without a curve gives the budget alone', () => {
    expect(capitationExploration(older)).toEqual(capitationBudget(older));
  });
});

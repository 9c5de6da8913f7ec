import fc from 'fast-check';
import { Dec, penceString, roundPence } from '../../src/engine/decimal';
import {
  poolCurve,
  pooledFundExploration,
  type PoolCurveInput,
} from '../../src/engine/pooledFund/poolCurve';
import { pooledFund, type PooledFundInput } from '../../src/engine/pooledFund/pooledFund';
import { errorOf } from '../support/engineErrors';

const pence = (d: Dec) => penceString(d);

/** Bath & NE Somerset OBC Table 3 (DOMAIN.md §1), £000 taken as pounds: 28,348 + 40,888. */
const bnes: PooledFundInput = {
  contributions: [
    { partner: 'CCG', scheme: 'Community services', amount: 28348 },
    { partner: 'Council', scheme: 'Community services', amount: 40888 },
  ],
};

/** A Rotherham-style 50/50 risk fund (DOMAIN.md §1) with the CCG's overspend capped at £50k. */
const capped: PooledFundInput = {
  contributions: [
    { partner: 'CCG', scheme: 'Intermediate care', amount: 1_000_000 },
    { partner: 'Council', scheme: 'Intermediate care', amount: 1_000_000 },
  ],
  sharing: {
    rule: 'fixed',
    shares: [
      { partner: 'CCG', share: 0.5 },
      { partner: 'Council', share: 0.5 },
    ],
    caps: [{ partner: 'CCG', cap: 50_000, excessTo: 'Council' }],
  },
};

/** Two schemes, each to its commissioner; the council's overspend capped at £20k. */
const commissioned: PooledFundInput = {
  contributions: [
    { partner: 'CCG', scheme: 'Reablement', amount: 600_000 },
    { partner: 'Council', scheme: 'Home care', amount: 400_000 },
  ],
  sharing: {
    rule: 'commissioner',
    schemes: [
      { scheme: 'Reablement', commissioner: 'CCG' },
      { scheme: 'Home care', commissioner: 'Council' },
    ],
    caps: [{ partner: 'Council', cap: 20_000, excessTo: 'CCG' }],
  },
};

describe('poolCurve: the outturn curve of a pooled fund', () => {
  it('runs from pool × (1 + from) to pool × (1 + to); each partner bears its contribution share (BNES)', () => {
    const { curve, kinks } = poolCurve({ ...bnes, curve: { from: -0.1, to: 0.1, points: 3 } });
    // Pool 69,236: 10% is 6,923.60. Proportionally each partner bears 10% of its own
    // contribution: CCG 2,834.80, Council 4,088.80, gains below the pool, losses above.
    expect(
      curve.map((p) => [
        pence(p.actual),
        pence(p.variance),
        ...p.parties.map((q) => pence(q.amount)),
      ]),
    ).toEqual([
      ['62312.40', '6923.60', '2834.80', '4088.80'],
      ['69236.00', '0.00', '0.00', '0.00'],
      ['76159.60', '-6923.60', '-2834.80', '-4088.80'],
    ]);
    expect(curve[0]!.schemes.map((s) => [s.scheme, pence(s.actual)])).toEqual([
      ['Community services', '62312.40'],
    ]);
    // Straight lines through nothing: no kink, not even at actual = pool.
    expect(kinks).toEqual([]);
  });

  it('finds where an overspend cap is reached, and the extremes with the cap holding (capped 50/50)', () => {
    const result = poolCurve({ ...capped, curve: { from: -0.1, to: 0.1, points: 21 } });
    // Half an overspend reaches £50k at an overspend of £100k: actual £2,100,000.
    expect(result.kinks).toEqual([
      {
        actual: new Dec(2_100_000),
        variance: new Dec(-100_000),
        reason: "CCG's overspend cap of £50,000.00 is reached",
        parties: ['CCG', 'Council'],
      },
    ]);
    // At £2.2m (overspend £200k) the CCG bears its £50k and the council the other £150k;
    // at £1.8m the £200k underspend is shared 100k each (caps are on overspends only).
    const last = result.curve[20]!;
    expect([pence(last.actual), ...last.parties.map((p) => pence(p.amount))]).toEqual([
      '2200000.00',
      '-50000.00',
      '-150000.00',
    ]);
    expect(result.curveParties).toEqual([
      {
        party: 'CCG',
        maximumGain: new Dec(100_000),
        maximumGainCapped: false,
        maximumLoss: new Dec(-50_000),
        maximumLossCapped: true,
      },
      {
        party: 'Council',
        maximumGain: new Dec(100_000),
        maximumGainCapped: false,
        maximumLoss: new Dec(-150_000),
        maximumLossCapped: false,
      },
    ]);
  });

  it('splits the spend by scheme budget under the commissioner rule; the cap binds at the council’s 40%', () => {
    const result = poolCurve({ ...commissioned, curve: { from: -0.1, to: 0.1, points: 5 } });
    // At +10%: Reablement spends 660k, Home care 440k; the council's −40k is capped at
    // −20k, so the CCG bears its −60k and the council's excess −20k.
    const last = result.curve[4]!;
    expect(last.schemes.map((s) => pence(s.actual))).toEqual(['660000.00', '440000.00']);
    expect(last.parties.map((p) => pence(p.amount))).toEqual(['-80000.00', '-20000.00']);
    // The council bears 40% of the variance: −20k at a −50k variance, actual £1,050,000.
    expect(result.kinks.map((k) => [pence(k.actual), k.reason, k.parties])).toEqual([
      ['1050000.00', "Council's overspend cap of £20,000.00 is reached", ['CCG', 'Council']],
    ]);
  });

  it('reports a £0 cap at actual = pool, where underspends change to overspends', () => {
    const zeroCap: PooledFundInput = {
      ...bnes,
      sharing: { caps: [{ partner: 'Council', cap: 0, excessTo: 'CCG' }] },
    };
    const { kinks } = poolCurve({ ...zeroCap, curve: { from: -0.1, to: 0.1, points: 3 } });
    expect(kinks.map((k) => [pence(k.actual), k.reason, k.parties])).toEqual([
      [
        '69236.00',
        "actual equals the pool: underspends change to overspends; Council's overspend cap of £0.00 is reached",
        ['CCG', 'Council'],
      ],
    ]);
  });

  it('gives at every point exactly what a separate pooled fund at that spend gives (property)', () => {
    const arb = fc.record({
      a: fc.integer({ min: 1, max: 5_000_000 }),
      b: fc.integer({ min: 0, max: 5_000_000 }),
      c: fc.integer({ min: 1, max: 3_000_000 }),
      cap: fc.integer({ min: 0, max: 400_000 }),
      rule: fc.constantFrom('proportional', 'commissioner' as const),
      points: fc.integer({ min: 2, max: 30 }),
    });
    fc.assert(
      fc.property(arb, ({ a, b, c, cap, rule, points }) => {
        const input: PoolCurveInput = {
          contributions: [
            { partner: 'CCG', scheme: 'S1', amount: a / 100 },
            { partner: 'Council', scheme: 'S1', amount: b / 100 },
            { partner: 'Council', scheme: 'S2', amount: c / 100 },
          ],
          sharing: {
            rule,
            schemes: [
              { scheme: 'S1', commissioner: 'CCG' },
              {
                scheme: 'S2',
                shares: [
                  { partner: 'CCG', share: 0.3 },
                  { partner: 'Council', share: 0.7 },
                ],
              },
            ],
            caps: [{ partner: 'CCG', cap: cap / 100, excessTo: 'Council' }],
          },
          curve: { from: -0.25, to: 0.25, points },
        };
        const pool = new Dec(a + b + c).div(100);
        const { curve } = poolCurve(input);
        return curve.every((point, i) => {
          const f = new Dec(-0.25).plus(new Dec(0.5).times(i).div(points - 1));
          const alone = pooledFund({
            ...input,
            actualSpend: point.schemes.map((s) => ({ scheme: s.scheme, amount: s.actual })),
          });
          return (
            point.actual.equals(roundPence(pool.times(f.plus(1)))) &&
            point.actual.equals(alone.actual!) &&
            point.variance.equals(alone.variance!) &&
            point.parties.every((p, j) => p.amount.equals(alone.partners[j]!.variance!))
          );
        });
      }),
      { numRuns: 40 },
    );
  });

  it('kinks are exactly where the lines between points bend, and nowhere else (property)', () => {
    const arb = fc.record({
      share: fc.integer({ min: 1, max: 9 }),
      cap: fc.integer({ min: 1, max: 40 }),
    });
    fc.assert(
      fc.property(arb, ({ share, cap }) => {
        const input: PoolCurveInput = {
          contributions: [
            { partner: 'A', scheme: 'S', amount: 1_000_000 },
            { partner: 'B', scheme: 'S', amount: 1_000_000 },
          ],
          sharing: {
            rule: 'fixed',
            shares: [
              { partner: 'A', share: share / 10 },
              { partner: 'B', share: 1 - share / 10 },
            ],
            caps: [{ partner: 'A', cap: cap * 5_000, excessTo: 'B' }],
          },
          curve: { from: -0.2, to: 0.2, points: 401 },
        };
        const { curve, kinks } = poolCurve(input);
        // The cap is reached at an overspend of cap / share: the one kink when in range.
        const at = new Dec(2_000_000).plus(new Dec(cap * 5_000).div(share / 10));
        const expected = at.lessThanOrEqualTo(2_400_000) ? [pence(roundPence(at))] : [];
        if (JSON.stringify(kinks.map((k) => pence(k.actual))) !== JSON.stringify(expected)) {
          return false;
        }
        // Every £2,000 step: a bend of more than a couple of pence must be beside the kink.
        for (let i = 1; i < curve.length - 1; i += 1) {
          const [x, y, z] = [curve[i - 1]!, curve[i]!, curve[i + 1]!];
          for (let p = 0; p < 2; p += 1) {
            const bend = x.parties[p]!.amount.plus(z.parties[p]!.amount)
              .minus(y.parties[p]!.amount.times(2))
              .abs();
            if (bend.greaterThan('0.02') && !y.actual.minus(at).abs().lessThanOrEqualTo(2_000))
              return false;
          }
        }
        return true;
      }),
      { numRuns: 25 },
    );
  });

  it('under the commissioner rule the cap binds at the budget-weighted share, and only there (property)', () => {
    const arb = fc.record({
      reablement: fc.integer({ min: 1, max: 9 }),
      cap: fc.integer({ min: 1, max: 40 }),
    });
    fc.assert(
      fc.property(arb, ({ reablement, cap }) => {
        // Reablement (the CCG's) and Home care (joint, 30% CCG / 70% council) share a £1m
        // pool; spend split by budget, so the council bears 70% of Home care's share.
        const homeCare = 10 - reablement;
        const input: PoolCurveInput = {
          contributions: [
            { partner: 'CCG', scheme: 'Reablement', amount: reablement * 100_000 },
            { partner: 'Council', scheme: 'Home care', amount: homeCare * 100_000 },
          ],
          sharing: {
            rule: 'commissioner',
            schemes: [
              { scheme: 'Reablement', commissioner: 'CCG' },
              {
                scheme: 'Home care',
                shares: [
                  { partner: 'CCG', share: 0.3 },
                  { partner: 'Council', share: 0.7 },
                ],
              },
            ],
            caps: [{ partner: 'Council', cap: cap * 1_000, excessTo: 'CCG' }],
          },
          curve: { from: -0.2, to: 0.2, points: 201 },
        };
        const councilSlope = new Dec(homeCare).div(10).times(0.7);
        const at = new Dec(1_000_000).plus(new Dec(cap * 1_000).div(councilSlope));
        const { curve, kinks } = poolCurve(input);
        const expected = at.lessThanOrEqualTo(1_200_000) ? [pence(roundPence(at))] : [];
        if (JSON.stringify(kinks.map((k) => pence(k.actual))) !== JSON.stringify(expected)) {
          return false;
        }
        // Every £2,000 step: a bend of more than a couple of pence must be beside the kink.
        return curve.slice(1, -1).every((y, i) => {
          const [x, z] = [curve[i]!, curve[i + 2]!];
          return y.parties.every((q, p) => {
            const bend = x.parties[p]!.amount.plus(z.parties[p]!.amount)
              .minus(q.amount.times(2))
              .abs();
            return !bend.greaterThan('0.02') || y.actual.minus(at).abs().lessThanOrEqualTo(2_000);
          });
        });
      }),
      { numRuns: 25 },
    );
  });

  it.each([
    [
      { from: -0.2, to: 0.2, points: 1 },
      'POOL.OUT_OF_RANGE',
      'curve.points is 1; it must be from 2 to 1001.',
    ],
    [
      { from: -0.2, to: 0.2, points: 1002 },
      'POOL.OUT_OF_RANGE',
      'curve.points is 1002; it must be from 2 to 1001.',
    ],
    [
      { from: 0.2, to: 0.2, points: 5 },
      'POOL.INCONSISTENT',
      'curve.from (0.2) must be below curve.to (0.2).',
    ],
    [
      { from: -1.5, to: 0.1, points: 5 },
      'POOL.OUT_OF_RANGE',
      'curve.from is -1.5; it must be at least -1 (an actual spend of nothing).',
    ],
  ])('refuses %j', (curve, code, message) => {
    expect(errorOf(() => pooledFundExploration({ ...bnes, curve }))).toEqual({ code, message });
  });

  it('without a curve gives the pooled fund alone', () => {
    const alone = pooledFund(bnes);
    const explored = pooledFundExploration(bnes);
    expect(explored).toEqual(alone);
    expect('curve' in explored).toBe(false);
  });
});

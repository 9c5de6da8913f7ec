import fc from 'fast-check';
import { Dec, penceString } from '../../src/engine/decimal';
import {
  gainLossCurve,
  type GainLossCurveInput,
} from '../../src/engine/gainLossShare/gainLossCurve';
import {
  gainLossShare,
  type GainLossShareInput,
} from '../../src/engine/gainLossShare/gainLossShare';
import { engineError } from '../support/engineErrors';

const bedfordshire: GainLossShareInput = {
  expected: '25175000.00',
  actual: '23000000.00',
  parties: ['Provider', 'CCG'],
  gainBands: [
    { upToFraction: 0.05, shares: { Provider: 1, CCG: 0 } },
    { shares: { Provider: 0.5, CCG: 0.5 } },
  ],
  lossBands: [{ shares: { Provider: 1 } }],
};

/** The Australian alliance of DOMAIN.md §3: 50:50, the NOPs' pain capped at their £8m fee. */
const alliance: GainLossShareInput = {
  expected: 100_000_000,
  actual: 100_000_000,
  parties: ['Owner', 'NOP'],
  gainBands: [{ shares: { Owner: 0.5, NOP: 0.5 } }],
  caps: { loss: { NOP: { amount: 8_000_000 } }, overflowTo: 'Owner' },
};

/** Medicare Shared Savings Program (DOMAIN.md §3): 3.3% gate, 50% sharing × quality. */
const mssp: GainLossShareInput = {
  expected: 75_000_000,
  actual: 75_000_000,
  parties: ['ACO', 'Medicare'],
  gainBands: [{ shares: { ACO: 0.5, Medicare: 0.5 } }],
  lossBands: [{ shares: { Medicare: 1 } }],
  gate: { fraction: 0.033, holder: 'Medicare', appliesTo: 'gains' },
  quality: { multipliers: { ACO: 0.8 }, unearnedTo: 'Medicare' },
};

const pence = (d: Dec) => penceString(d);

describe('gainLossCurve: the outturn curve', () => {
  it('runs from expected × (1 + from) to expected × (1 + to) in equal steps, rounded to pence (Bedfordshire MSK)', () => {
    const { curve } = gainLossCurve({
      ...bedfordshire,
      curve: { from: -0.2, to: 0.2, points: 41 },
    });
    expect(curve).toHaveLength(41);
    // 25,175,000 × 0.8 and × 1.2; a step of 1% of expected is £251,750.
    expect(pence(curve[0]!.actual)).toBe('20140000.00');
    expect(pence(curve[1]!.actual)).toBe('20391750.00');
    expect(pence(curve[20]!.actual)).toBe('25175000.00');
    expect(pence(curve[40]!.actual)).toBe('30210000.00');
    // The worked example's own outturn is not on the grid, but the 2,175,000 gain is
    // between points 11 (gain 2,265,750) and 12 (gain 2,014,000); each is shared as
    // bcf calc would: 1,258,750 to the provider, the rest 50:50.
    const at12 = curve[12]!; // actual 23,161,000: gain 2,014,000
    expect(pence(at12.variance)).toBe('2014000.00');
    expect(at12.parties.map((p) => pence(p.amount))).toEqual(['1636375.00', '377625.00']);
  });

  it('gives at every point exactly what a separate gain/loss share at that outturn gives', () => {
    const input: GainLossCurveInput = { ...mssp, curve: { from: -0.1, to: 0.1, points: 23 } };
    for (const point of gainLossCurve(input).curve) {
      const alone = gainLossShare({ ...mssp, actual: point.actual.toString() });
      expect(point.parties.map((p) => pence(p.amount))).toEqual(
        alone.parties.map((p) => pence(p.amount)),
      );
      expect(pence(point.variance)).toBe(pence(alone.variance));
    }
  });

  it('finds the end of the first gain band as the one kink (Bedfordshire: 5% of £25,175,000)', () => {
    const { kinks } = gainLossCurve({
      ...bedfordshire,
      curve: { from: -0.2, to: 0.2, points: 41 },
    });
    // Expected × 0.95 = 23,916,250: the provider's share of each extra pound saved falls
    // from 1 to 0.5 and the CCG's rises from 0 to 0.5. At actual = expected the provider
    // takes every pound either way, so there is no kink there.
    expect(kinks).toEqual([
      {
        actual: new Dec('23916250'),
        variance: new Dec('1258750'),
        reason: 'end of gain band 1 (5% of expected spend)',
        parties: ['Provider', 'CCG'],
      },
    ]);
  });

  it("finds where a cap is reached and the gate's jumps, and the maxima over the range (alliance, MSSP)", () => {
    const curve = gainLossCurve({ ...alliance, curve: { from: -0.3, to: 0.3, points: 7 } });
    // The NOP bears half of a loss, so its £8m cap is reached at a £16m loss: actual £116m.
    expect(curve.kinks.map((k) => [pence(k.actual), k.reason, k.parties])).toEqual([
      ['116000000.00', "NOP's loss cap of £8,000,000.00 is reached", ['Owner', 'NOP']],
    ]);
    // At £130m (the range's end) the NOP bears −£8m (capped from −£15m), the owner −£22m.
    expect(curve.curveParties).toEqual([
      {
        party: 'Owner',
        maximumGain: new Dec('15000000'),
        maximumGainCapped: false,
        maximumLoss: new Dec('-22000000'),
        maximumLossCapped: false,
      },
      {
        party: 'NOP',
        maximumGain: new Dec('15000000'),
        maximumGainCapped: false,
        maximumLoss: new Dec('-8000000'),
        maximumLossCapped: true,
      },
    ]);

    const gated = gainLossCurve({ ...mssp, curve: { from: -0.1, to: 0.1, points: 21 } });
    // 3.3% of $75m is $2,475,000: below it Medicare keeps every saving; from it the ACO
    // earns 50% × 0.8. The loss side is Medicare's alone, as is a gain below the gate.
    expect(gated.kinks.map((k) => [pence(k.actual), k.reason, k.parties])).toEqual([
      [
        '72525000.00',
        'gate: a gain under 3.3% of expected spend goes to Medicare',
        ['ACO', 'Medicare'],
      ],
    ]);
    // Largest ACO gain at the 10% saving: 7,500,000 × 0.5 × 0.8 = 3,000,000.
    expect(pence(gated.curveParties[0]!.maximumGain)).toBe('3000000.00');
    expect(pence(gated.curveParties[1]!.maximumLoss)).toBe('-7500000.00');
  });

  it('leaves out kinks outside the range', () => {
    const { kinks } = gainLossCurve({ ...bedfordshire, curve: { from: 0, to: 0.2, points: 5 } });
    expect(kinks).toEqual([]);
  });

  it('kinks are exactly where the lines between curve points bend (property)', () => {
    const arb = fc.record({
      first: fc.integer({ min: 1, max: 9 }),
      share1: fc.integer({ min: 0, max: 10 }),
      share2: fc.integer({ min: 0, max: 10 }),
      cap: fc.integer({ min: 1, max: 30 }),
    });
    fc.assert(
      fc.property(arb, ({ first, share1, share2, cap }) => {
        const input: GainLossCurveInput = {
          expected: 1_000_000,
          actual: 1_000_000,
          parties: ['A', 'B'],
          gainBands: [
            { upToFraction: first / 100, shares: [share1 / 10, 1 - share1 / 10] },
            { shares: [share2 / 10, 1 - share2 / 10] },
          ],
          caps: { loss: { A: { amount: cap * 10_000 } }, overflowTo: 'B' },
          curve: { from: -0.4, to: 0.4, points: 401 },
        };
        const { curve, kinks } = gainLossCurve(input);
        const kinkAt = new Set(kinks.map((k) => pence(k.actual)));
        // Every £2,000 step: a point where the second difference of any party's amount is
        // over a penny or two (rounding) must be next to a reported kink.
        for (let i = 1; i < curve.length - 1; i += 1) {
          const [a, b, c] = [curve[i - 1]!, curve[i]!, curve[i + 1]!];
          for (let p = 0; p < 2; p += 1) {
            const bend = a.parties[p]!.amount.plus(c.parties[p]!.amount)
              .minus(b.parties[p]!.amount.times(2))
              .abs();
            if (bend.greaterThan('0.02')) {
              const near = [...kinkAt].some((k) => new Dec(k).minus(b.actual).abs().lessThan(2000));
              if (!near) return false;
            }
          }
        }
        return true;
      }),
      { numRuns: 25 },
    );
  });

  it.each([
    [
      { from: -0.2, to: 0.2, points: 1 },
      'GAINSHARE.OUT_OF_RANGE',
      'curve.points is 1; it must be from 2 to 1001.',
    ],
    [
      { from: -0.2, to: 0.2, points: 1002 },
      'GAINSHARE.OUT_OF_RANGE',
      'curve.points is 1002; it must be from 2 to 1001.',
    ],
    [
      { from: 0.2, to: 0.2, points: 5 },
      'GAINSHARE.INCONSISTENT',
      'curve.from (0.2) must be below curve.to (0.2).',
    ],
    [
      { from: 0.3, to: -0.1, points: 5 },
      'GAINSHARE.INCONSISTENT',
      'curve.from (0.3) must be below curve.to (-0.1).',
    ],
    [
      { from: -1.5, to: 0.1, points: 5 },
      'GAINSHARE.OUT_OF_RANGE',
      'curve.from is -1.5; it must be at least -1 (an actual spend of nothing).',
    ],
  ])('refuses %j', (curve, code, message) => {
    const error = engineError(() => gainLossCurve({ ...bedfordshire, curve }));
    expect({ code: error.code, message: error.message }).toEqual({ code, message });
  });
});

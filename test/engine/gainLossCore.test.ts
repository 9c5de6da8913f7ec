import fc from 'fast-check';
import {
  gainLossShare,
  type GainLossBandInput,
  type GainLossShareInput,
} from '../../src/engine/gainLossShare/gainLossShare';
import { Dec, penceString, roundPence, sum } from '../../src/engine/decimal';

const money = (maxPence: number): fc.Arbitrary<string> =>
  fc.integer({ min: 0, max: maxPence }).map((p) => new Dec(p).div(100).toString());

/** n shares in exact basis points that sum to exactly 1. */
const shares = (n: number): fc.Arbitrary<string[]> =>
  fc
    .array(fc.integer({ min: 0, max: 10_000 }), { minLength: n - 1, maxLength: n - 1 })
    .map((cuts) => {
      const points = [0, ...cuts.sort((a, b) => a - b), 10_000];
      return points.slice(1).map((p, i) => new Dec(p - (points[i] ?? 0)).div(10_000).toString());
    });

/** Bands with ascending amount bounds (the last open-ended). */
const bands = (n: number): fc.Arbitrary<GainLossBandInput[]> =>
  fc
    .array(fc.tuple(fc.integer({ min: 1, max: 50_000_000 }), shares(n)), {
      minLength: 1,
      maxLength: 4,
    })
    .map((list) => {
      let bound = 0;
      return list.map(([step, s], i) => {
        bound += step;
        return i === list.length - 1
          ? { shares: s }
          : { upToAmount: new Dec(bound).div(100).toString(), shares: s };
      });
    });

interface Terms {
  readonly parties: string[];
  readonly gainBands: GainLossBandInput[];
  readonly lossBands: GainLossBandInput[];
  readonly caps: Record<string, { amount: string }>;
  readonly multipliers: Record<string, string>;
}

const terms: fc.Arbitrary<Terms> = fc.integer({ min: 1, max: 5 }).chain((n) => {
  const parties = Array.from({ length: n }, (_, i) => `Party ${i + 1}`);
  const perParty = <T>(value: fc.Arbitrary<T>) =>
    fc
      .array(fc.option(value, { nil: undefined }), { minLength: n, maxLength: n })
      .map((list) =>
        Object.fromEntries(
          list.flatMap((v, i) => (v === undefined || i === 0 ? [] : [[parties[i] ?? '', v]])),
        ),
      );
  return fc.record({
    parties: fc.constant(parties),
    gainBands: bands(n),
    lossBands: bands(n),
    caps: perParty(money(5_000_000_000).map((amount) => ({ amount }))),
    multipliers: perParty(shares(2).map((s) => s[0] ?? '1')),
  });
});

const full = (t: Terms, expected: string, actual: string): GainLossShareInput => ({
  expected,
  actual,
  parties: t.parties,
  gainBands: t.gainBands,
  lossBands: t.lossBands,
  quality: { multipliers: t.multipliers, unearnedTo: t.parties[t.parties.length - 1] ?? '' },
  caps: { gain: t.caps, loss: t.caps, overflowTo: t.parties[0] ?? '' },
});

const spend = money(10_000_000_000);

describe('gainLossShare: invariants (property)', () => {
  it('party amounts sum exactly to the variance in pence, with quality and caps', () => {
    fc.assert(
      fc.property(terms, spend, spend, (t, expected, actual) => {
        const result = gainLossShare(full(t, expected, actual));
        const variance = roundPence(new Dec(expected).minus(actual));
        expect(penceString(sum(result.parties.map((p) => p.amount)))).toBe(penceString(variance));
        expect(penceString(result.variance)).toBe(penceString(variance));
        for (const party of result.parties) {
          expect(party.amount.decimalPlaces()).toBeLessThanOrEqual(2);
          expect(penceString(sum([...party.bandAmounts]))).toBe(
            party.bandAmounts.length === 0 ? '0.00' : penceString(party.sharedAmount),
          );
        }
        result.bands.forEach((band, b) => {
          const parts = result.parties.map((p) => p.bandAmounts[b] ?? new Dec(0));
          expect(penceString(sum(parts))).toBe(penceString(band.amount));
        });
      }),
    );
  });

  it('never lets a capped party receive or bear more than its cap', () => {
    fc.assert(
      fc.property(terms, spend, spend, (t, expected, actual) => {
        const result = gainLossShare(full(t, expected, actual));
        for (const party of result.parties) {
          const cap = t.caps[party.party];
          if (cap !== undefined) {
            expect(party.amount.abs().lessThanOrEqualTo(cap.amount)).toBe(true);
          }
        }
      }),
    );
  });

  it('gives mirror images for an equal gain and loss under symmetric terms (Monitor 2015)', () => {
    fc.assert(
      fc.property(
        terms,
        spend,
        money(1_000_000_000),
        fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
        (t, expected, difference, gatePoints) => {
          fc.pre(new Dec(expected).greaterThan(0));
          const symmetric = (actual: string): GainLossShareInput => ({
            expected,
            actual,
            parties: t.parties,
            gainBands: t.gainBands,
            caps: { gain: t.caps, loss: t.caps, overflowTo: t.parties[0] ?? '' },
            ...(gatePoints === undefined
              ? {}
              : { gate: { fraction: gatePoints / 10_000, holder: t.parties[0] ?? '' } }),
          });
          const e = new Dec(expected);
          const under = Dec.max(e.minus(difference), 0);
          const d = e.minus(under);
          const gain = gainLossShare(symmetric(under.toString()));
          const loss = gainLossShare(symmetric(e.plus(d).toString()));
          expect(loss.parties.map((p) => penceString(p.amount.negated()))).toEqual(
            gain.parties.map((p) => penceString(p.amount)),
          );
        },
      ),
    );
  });

  it('keeps every party on the side of the variance when nothing is capped', () => {
    fc.assert(
      fc.property(terms, spend, spend, (t, expected, actual) => {
        const result = gainLossShare({ ...full(t, expected, actual), caps: undefined });
        for (const party of result.parties) {
          if (result.direction === 'gain') expect(party.amount.isNegative()).toBe(false);
          if (result.direction === 'loss') expect(party.amount.greaterThan(0)).toBe(false);
        }
      }),
    );
  });
});

import fc from 'fast-check';
import { allocate, roundParts } from '../../src/engine/allocate';
import { Dec, roundPence, sum } from '../../src/engine/decimal';
import { EngineError } from '../../src/engine/errors';

const d = (v: string | number): Dec => new Dec(v);
const texts = (values: readonly Dec[]): string[] => values.map((v) => v.toFixed(2));

describe('allocate', () => {
  it('gives the leftover penny of a three-way split to the first party', () => {
    expect(texts(allocate(d(100), [d(1), d(1), d(1)]))).toEqual(['33.34', '33.33', '33.33']);
  });

  it('splits a loss as the mirror image of the equal gain', () => {
    expect(texts(allocate(d(-100), [d(1), d(1), d(1)]))).toEqual(['-33.34', '-33.33', '-33.33']);
  });

  it('splits the Bath & NE Somerset pool (OBC Table 3, £000) by contribution', () => {
    // CCG 28,348 + Council 40,888 = 69,236; a £1,000.00 overspend shared proportionately.
    expect(texts(allocate(d(1000), [d(28348), d(40888)]))).toEqual(['409.44', '590.56']);
  });

  it('gives the largest remainder the penny, not the first party', () => {
    expect(texts(allocate(d('0.10'), [d(1), d(2)]))).toEqual(['0.03', '0.07']);
  });

  it('returns zeros for a zero total with zero ratios, and refuses a non-zero one', () => {
    expect(texts(allocate(d(0), [d(0), d(0)]))).toEqual(['0.00', '0.00']);
    expect(() => allocate(d(5), [d(0), d(0)])).toThrow(EngineError);
  });

  it('refuses a negative ratio, naming it', () => {
    expect(() => allocate(d(5), [d(1), d(-1)])).toThrow('Ratio 2 is -1');
  });

  const money = fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }).map((p) => d(p).div(100));
  const ratio = fc.integer({ min: 0, max: 1_000_000 }).map((r) => d(r));

  it('always sums exactly to the rounded total, each part within a penny of exact (property)', () => {
    fc.assert(
      fc.property(money, fc.array(ratio, { minLength: 1, maxLength: 12 }), (total, ratios) => {
        fc.pre(!sum(ratios).isZero());
        const parts = allocate(total, ratios);
        expect(sum(parts).equals(roundPence(total))).toBe(true);
        const totalRatio = sum(ratios);
        parts.forEach((part, i) => {
          const exact = total.times(ratios[i] ?? 0).div(totalRatio);
          expect(part.minus(exact).abs().lessThan(d('0.01'))).toBe(true);
          expect(part.decimalPlaces()).toBeLessThanOrEqual(2);
        });
      }),
    );
  });

  it('is symmetric: negating the total negates every part (property)', () => {
    fc.assert(
      fc.property(money, fc.array(ratio, { minLength: 1, maxLength: 8 }), (total, ratios) => {
        fc.pre(!sum(ratios).isZero());
        expect(texts(allocate(total.negated(), ratios))).toEqual(
          texts(allocate(total, ratios).map((p) => p.negated().plus(0))),
        );
      }),
    );
  });
});

describe('roundParts', () => {
  it('rounds mixed-sign parts to sum exactly to the rounded whole (property)', () => {
    const exactPart = fc
      .integer({ min: -1_000_000_000, max: 1_000_000_000 })
      .map((p) => d(p).div(1000));
    fc.assert(
      fc.property(fc.array(exactPart, { minLength: 1, maxLength: 10 }), (parts) => {
        expect(sum(roundParts(parts)).equals(roundPence(sum(parts)))).toBe(true);
      }),
    );
  });
});

import fc from 'fast-check';
import { allocate, roundParts } from '../../src/engine/allocate';
import { Dec, HUNDRED, ZERO, roundPence, sum } from '../../src/engine/decimal';

/**
 * `roundParts` was rewritten for speed (it runs for every contract row of a bulk gain/loss
 * share). This is the implementation it replaced, kept verbatim as the reference: the new
 * one must give exactly the same Decimals (value, sign of zero and digits) for any parts.
 */
function referenceRoundParts(parts: readonly Dec[]): Dec[] {
  const whole = roundPence(sum(parts));
  const sign = whole.isNegative() ? -1 : 1;
  const scaled = parts.map((p) => p.times(HUNDRED).times(sign));
  const floors = scaled.map((s) => s.floor());
  let leftover = whole.times(HUNDRED).times(sign).minus(sum(floors)).toNumber();
  const order = scaled
    .map((s, index) => ({ index, remainder: s.minus(floors[index] ?? ZERO) }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index);
  const pence = [...floors];
  for (const { index } of order) {
    if (leftover <= 0) break;
    pence[index] = (pence[index] ?? ZERO).plus(1);
    leftover -= 1;
  }
  return pence.map((p) => p.times(sign).dividedBy(HUNDRED));
}

/** Everything that makes a Decimal what it is: sign (also of zero), exponent and digit words. */
const internals = (values: readonly Dec[]): string[] =>
  values.map((v) => {
    const { s, e, d } = v as unknown as { s: number; e: number; d: number[] };
    return `${s}|${e}|${d.join(',')}`;
  });

const sign = fc.boolean();
/** Negates when asked: negated() keeps every digit (times(-1) would round to 40 digits). */
const signed = (value: Dec, negative: boolean): Dec => (negative ? value.negated() : value);
/** Already in whole pence, from zero to £100bn. */
const inPence = fc
  .tuple(fc.bigInt({ min: 0n, max: 10_000_000_000_000n }), sign)
  .map(([p, s]) => signed(new Dec(p.toString()).div(100), s));
/** A few to many decimals, small to large. */
const fractional = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 18n }), fc.integer({ min: 3, max: 16 }), sign)
  .map(([n, places, s]) => signed(new Dec(`${n}e-${places}`), s));
/** Quotients with the full 40 significant digits, as allocate makes them. */
const quotient = fc
  .tuple(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.integer({ min: 1, max: 997 }))
  .map(([n, d]) => new Dec(n).div(100).div(d));
/** Raw inputs with more digits than the engine's precision (only a caller can make these). */
const longDigits = fc
  .tuple(fc.stringMatching(/^[0-9]{41,48}$/), fc.integer({ min: 1, max: 20 }), sign)
  .map(([digits, point, s]) =>
    signed(new Dec(`${digits.slice(0, point)}.${digits.slice(point)}`), s),
  );
/**
 * Whole pence plus a hair under a penny, to 41–44 significant digits: rounding to 40 digits
 * (as multiplying by 100 does) may carry into the next penny, or may not.
 */
const hairUnderAPenny = fc
  .tuple(
    fc.integer({ min: 1, max: 1_000_000_000 }),
    fc.stringMatching(/^[0-9]{2}$/),
    fc.stringMatching(/^[0-9]{1,4}$/),
    sign,
  )
  .map(([pounds, pence, tail, s]) => {
    const nines = '9'.repeat(40 - String(pounds).length - 2);
    return signed(new Dec(`${pounds}.${pence}${nines}${tail}`), s);
  });
/** A half penny and a hair beyond the 40th digit: ties with a plain half penny at 40 digits. */
const halfPennyAndAHair = fc
  .tuple(fc.integer({ min: 1, max: 1_000_000_000 }), fc.integer({ min: 1, max: 9 }), sign)
  .map(([pounds, hair, s]) => {
    const zeros = '0'.repeat(40 - String(pounds).length - 2);
    return signed(new Dec(`${pounds}.005${zeros}${hair}`), s);
  });
/** Zeros of both signs, and tiny amounts whose sum rounds to a (possibly negative) zero. */
const tiny = fc.constantFrom('0', '-0', '0.001', '-0.001', '0.004', '-0.004', '0.005', '-0.005');
const part = fc.oneof(
  inPence,
  fractional,
  quotient,
  longDigits,
  hairUnderAPenny,
  halfPennyAndAHair,
  fc.constant(new Dec('0.005')),
  tiny.map((t) => new Dec(t)),
);

/** Lists with repeated parts (so remainders tie), mixed signs and up to 60 parts. */
const partLists = fc.oneof(
  fc.array(part, { minLength: 1, maxLength: 60 }),
  fc
    .tuple(fc.array(part, { minLength: 1, maxLength: 4 }), fc.integer({ min: 2, max: 15 }))
    .map(([few, times]) => Array.from({ length: times }, () => few).flat()),
  fc.array(
    tiny.map((t) => new Dec(t)),
    { minLength: 1, maxLength: 12 },
  ),
  // A plain half penny listed before one with a hair beyond 40 digits, and whole pence.
  fc
    .tuple(halfPennyAndAHair, fc.array(inPence, { maxLength: 3 }))
    .map(([hair, rest]) => [new Dec(hair.isNegative() ? '-0.005' : '0.005'), hair, ...rest]),
);

describe('roundParts gives exactly what the implementation it replaced gave', () => {
  it('on random parts: mixed signs, ties, whole pence, zeros, long digits (property)', () => {
    fc.assert(
      fc.property(partLists, (parts) => {
        expect(internals(roundParts(parts))).toEqual(internals(referenceRoundParts(parts)));
      }),
      { numRuns: 3_000 },
    );
  });

  it('on the parts allocate makes from a total and ratios (property)', () => {
    const money = fc
      .integer({ min: -10_000_000_000, max: 10_000_000_000 })
      .map((p) => new Dec(p).div(100));
    const ratio = fc.integer({ min: 0, max: 1_000_000 }).map((r) => new Dec(r));
    fc.assert(
      fc.property(money, fc.array(ratio, { minLength: 1, maxLength: 20 }), (total, ratios) => {
        const totalRatio = sum(ratios);
        fc.pre(!totalRatio.isZero());
        const parts = ratios.map((r) => total.times(r).dividedBy(totalRatio));
        expect(internals(roundParts(parts))).toEqual(internals(referenceRoundParts(parts)));
        expect(internals(allocate(total, ratios))).toEqual(internals(referenceRoundParts(parts)));
      }),
      { numRuns: 1_000 },
    );
  });

  it('on hand-picked edges: a sum rounding to −0, a penny to a negative zero, three-way ties, long digits', () => {
    const cases = [
      ['0.004', '-0.008'],
      ['-0.004', '-0.003', '0.001'],
      ['0.005', '0.005', '0.005'],
      ['-33.333', '-33.333', '-33.334'],
      ['0', '-0', '0.01', '-0.01'],
      ['-0'],
      ['100', '-100.005'],
      ['0.005', `12345678.005${'0'.repeat(30)}1`],
    ];
    for (const values of cases) {
      const parts = values.map((v) => new Dec(v));
      expect(internals(roundParts(parts))).toEqual(internals(referenceRoundParts(parts)));
    }
  });
});

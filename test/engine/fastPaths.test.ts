import fc from 'fast-check';
import { largestFirst, roundParts } from '../../src/engine/allocate';
import { capitationBudget, capitationRate } from '../../src/engine/capitation/capitation';
import { projectedPopulation } from '../../src/engine/capitation/capitationRate';
import { Dec, ZERO, min, roundPence } from '../../src/engine/decimal';
import {
  gainLossShare,
  type GainLossShareInput,
} from '../../src/engine/gainLossShare/gainLossShare';
import { RecentInputs } from '../../src/engine/recentInputs';

/**
 * The engine's shortcuts for speed against the straightforward way, on random inputs:
 * each must give exactly the same Decimals (value, sign of zero and digits).
 */

/** Everything that makes a Decimal what it is: sign (also of zero), exponent and digit words. */
const internals = (value: Dec | undefined): string => {
  const { s, e, d } = value as unknown as { s: number; e: number; d: number[] };
  return `${s}|${e}|${d.join(',')}`;
};

describe('largestFirst: number keys first, then exact comparison', () => {
  /** The plain order: every pair compared as decimals, ties in index order. */
  const exactOrder = (remainders: readonly Dec[]): number[] =>
    remainders
      .map((_, index) => index)
      .sort((a, b) => (remainders[b] ?? ZERO).comparedTo(remainders[a] ?? ZERO) || a - b);

  /** Remainders under a penny, many equal as numbers but not as decimals (a hair beyond 17 digits). */
  const remainder = fc.oneof(
    fc.integer({ min: 0, max: 999 }).map((n) => new Dec(n).div(100_000)),
    fc
      .tuple(fc.integer({ min: 0, max: 9 }), fc.stringMatching(/^[0-9]{1,25}$/))
      .map(([base, hair]) => new Dec(`0.00${base}${'0'.repeat(15)}${hair}`)),
    fc.constantFrom('0', '-0', '0.005', '0.0099999999999999999999999').map((t) => new Dec(t)),
  );

  it('gives the order of comparing every remainder exactly, for short and long lists (property)', () => {
    fc.assert(
      fc.property(fc.array(remainder, { maxLength: 80 }), (remainders) => {
        expect(largestFirst(remainders)).toEqual(exactOrder(remainders));
      }),
      { numRuns: 1_000 },
    );
  });

  it('orders remainders that are the same number by their exact value, then by index', () => {
    const a = new Dec('0.00500000000000000000001');
    const b = new Dec('0.00500000000000000000002');
    const list = Array.from({ length: 20 }, (_, i) => (i === 3 ? b : i === 17 ? a : ZERO));
    list[10] = a;
    expect(largestFirst(list).slice(0, 3)).toEqual([3, 10, 17]);
  });
});

describe('capitationBudget: no multiplication by a weight or first-year growth of exactly 1', () => {
  /** Populations of up to 48 significant digits: multiplying by 1 rounds these to 40. */
  const population = fc.oneof(
    fc.integer({ min: 0, max: 1_000_000 }).map(String),
    fc
      .tuple(fc.stringMatching(/^[1-9][0-9]{40,47}$/), fc.integer({ min: 1, max: 8 }))
      .map(([digits, point]) => `${digits.slice(0, point)}.${digits.slice(point)}`),
  );
  const weight = fc.constantFrom(undefined, '1', '1.0', '1.00000', '0.8', '1.25');

  it('gives the figures of the formula worked out on its own (property)', () => {
    fc.assert(
      fc.property(
        population,
        weight,
        fc.constantFrom('0', '0.006', '-0.02'),
        fc.integer({ min: 1, max: 3 }),
        (pop, w, growth, years) => {
          const result = capitationBudget({
            segments: [{ name: 'A', population: pop, annualRate: '252.9549', weight: w }],
            years,
            uplift: '0.013',
            populationGrowth: growth,
          });
          result.years.forEach((year, y) => {
            const row = year.segments[0];
            const rate = capitationRate(new Dec('252.9549'), new Dec('0.013'), ZERO, y);
            const projected = projectedPopulation(new Dec(pop), new Dec(growth), y);
            const budget = roundPence(projected.times(rate).times(new Dec(w ?? 1)));
            expect(internals(row?.projectedPopulation)).toBe(internals(projected));
            expect(internals(row?.budget)).toBe(internals(budget));
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('gainLossShare: shares of exactly 1 and band 1 taken without arithmetic', () => {
  /** Band bounds: fractions of expected, or amounts of up to 45 significant digits. */
  const amount = fc.oneof(
    fc.integer({ min: 1, max: 5_000_000 }).map((p) => new Dec(p).div(100).toString()),
    fc
      .tuple(fc.stringMatching(/^[1-9][0-9]{40,44}$/), fc.integer({ min: 4, max: 7 }))
      .map(([digits, point]) => `${digits.slice(0, point)}.${digits.slice(point)}`),
  );
  const share = fc.constantFrom('0', '1', '0.5', '0.25', '0.3333');
  const terms = fc.record({
    firstBound: fc.oneof(
      amount.map((a) => ({ upToAmount: a })),
      fc.constantFrom(0.01, 0.05, 0.1).map((f) => ({ upToFraction: f })),
    ),
    firstShare: share,
    restShare: share,
    expected: fc.integer({ min: 0, max: 10_000_000 }).map((p) => new Dec(p).div(100).toString()),
    actual: fc.integer({ min: 0, max: 10_000_000 }).map((p) => new Dec(p).div(100).toString()),
  });

  /** The band split the plain way: every share multiplied, every band's room subtracted. */
  function plainBandAmounts(
    input: GainLossShareInput,
    shares: readonly Dec[][],
  ): { band: number; party: number; amount: Dec }[] {
    const exact = new Dec(input.expected).minus(new Dec(input.actual));
    const magnitude = exact.abs();
    const firstEnd = input.gainBands[0]?.upToAmount;
    const fraction = input.gainBands[0]?.upToFraction;
    const end =
      firstEnd === undefined ? new Dec(fraction ?? 0).times(input.expected) : new Dec(firstEnd);
    const inFirst = min(magnitude, end.minus(ZERO));
    const above = magnitude.minus(end);
    const signed = (v: Dec): Dec => (exact.isNegative() ? v.negated() : v);
    const cells: { band: number; party: number; exact: Dec }[] = [];
    shares.forEach((bandShares, band) => {
      const inBand = band === 0 ? inFirst : above;
      if (!inBand.isPositive() || inBand.isZero()) return;
      bandShares.forEach((s, party) => {
        if (!s.isZero()) cells.push({ band, party, exact: signed(inBand).times(s) });
      });
    });
    const rounded = roundParts(cells.map((c) => c.exact));
    return cells.map((c, i) => ({ band: c.band, party: c.party, amount: rounded[i] ?? ZERO }));
  }

  it('gives exactly the band amounts of the plain split (property)', () => {
    fc.assert(
      fc.property(terms, (t) => {
        const first = new Dec(t.firstShare);
        const rest = new Dec(t.restShare);
        const shares = [
          [first, new Dec(1).minus(first)],
          [rest, new Dec(1).minus(rest)],
        ];
        const input: GainLossShareInput = {
          expected: t.expected,
          actual: t.actual,
          parties: ['Provider', 'CCG'],
          gainBands: [
            { ...t.firstBound, shares: shares[0]?.map(String) ?? [] },
            { shares: shares[1]?.map(String) ?? [] },
          ],
        };
        fc.pre(!new Dec(t.expected).isZero());
        const result = gainLossShare(input);
        const plain = plainBandAmounts(input, shares);
        const engine = plain.map((c) => result.parties[c.party]?.bandAmounts[c.band]);
        expect(engine.map(internals)).toEqual(plain.map((c) => internals(c.amount)));
        // Every other band amount is zero.
        const listed = result.parties.flatMap((p) => p.bandAmounts).filter((a) => !a.isZero());
        expect(listed).toHaveLength(plain.filter((c) => !c.amount.isZero()).length);
      }),
      { numRuns: 500 },
    );
  });
});

describe('RecentInputs: terms compared with plain loops', () => {
  /** The plain comparison: own keys listed and compared in order, numbers with Object.is. */
  function sameData(a: unknown, b: unknown): boolean {
    if (Array.isArray(a) || Array.isArray(b)) {
      if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
      return a.every((item: unknown, i) => sameData(item, b[i]));
    }
    if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
      const ka = Object.keys(a);
      const kb = Object.keys(b);
      if (ka.length !== kb.length) return false;
      return ka.every(
        (key, i) =>
          key === kb[i] &&
          sameData((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
      );
    }
    return Object.is(a, b);
  }

  /** Reverses the keys of every object: the same entries in another order. */
  const reordered = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(reordered);
    if (typeof value !== 'object' || value === null) return value;
    const entries = Object.entries(value).reverse();
    return Object.fromEntries(entries.map(([k, v]) => [k, reordered(v)]));
  };
  const data = fc.jsonValue({ maxDepth: 3 });

  it('reuses a check exactly when the data are the same, key order included (property)', () => {
    fc.assert(
      fc.property(
        data,
        fc.oneof(data, fc.constant('same'), fc.constant('reordered')),
        (first, pick) => {
          const second =
            pick === 'same'
              ? (JSON.parse(JSON.stringify(first)) as unknown)
              : pick === 'reordered'
                ? reordered(first)
                : pick;
          const recent = new RecentInputs<number>(4);
          recent.checked(first, () => 1);
          const reused = recent.checked(second, () => 2) === 1;
          expect(reused).toBe(sameData(first, second));
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

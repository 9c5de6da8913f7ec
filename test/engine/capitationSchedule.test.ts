import fc from 'fast-check';
import {
  capitationBudget,
  capitationRate,
  type CapitationSegmentInput,
} from '../../src/engine/capitation/capitation';
import { projectedPopulation } from '../../src/engine/capitation/capitationRate';
import { Dec, roundPence, type Amount } from '../../src/engine/decimal';

/** Everything that makes a Decimal what it is: sign (also of zero), exponent and digit words. */
const internals = (value: Dec | undefined): string => {
  const { s, e, d } = value as unknown as { s: number; e: number; d: number[] };
  return `${s}|${e}|${d.join(',')}`;
};

const change = fc.constantFrom('0', '-0', '0.013', '-0.02', '0.006', '0.0125', '1', '-1');
const efficiency = fc.constantFrom('0', '-0', '0.011', '0.035', '1');
const segment = (i: number): fc.Arbitrary<CapitationSegmentInput> =>
  fc.record(
    {
      name: fc.constant(`Segment ${i + 1}`),
      population: fc.constantFrom('0', '1', '512', '10302.5', '125000'),
      annualRate: fc.constantFrom('-0', '0', '250.00', '252.9549', '26500000', '1234.5678'),
      weight: fc.constantFrom('0.8', '1', '1.25', '2'),
      uplift: change,
      efficiency,
      populationGrowth: change,
    },
    { requiredKeys: ['name', 'population', 'annualRate'] },
  );
const segmentList = fc
  .integer({ min: 1, max: 12 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => segment(i))));

describe('capitationBudget: rates and growth worked out once per distinct value', () => {
  it('gives every segment-year exactly the figures of the formula worked out on its own (property)', () => {
    fc.assert(
      fc.property(
        segmentList,
        fc.integer({ min: 1, max: 6 }),
        change,
        efficiency,
        change,
        (segments, years, uplift, eff, growth) => {
          const input = { segments, years, uplift, efficiency: eff, populationGrowth: growth };
          const result = capitationBudget(input);
          result.years.forEach((year, y) => {
            year.segments.forEach((row, i) => {
              const s = segments[i] as CapitationSegmentInput;
              const d = (value: Amount | undefined, fallback: string) => new Dec(value ?? fallback);
              const rate = capitationRate(
                d(s.annualRate, '0'),
                d(s.uplift, uplift),
                d(s.efficiency, eff),
                y,
              );
              const projected = projectedPopulation(
                d(s.population, '0'),
                d(s.populationGrowth, growth),
                y,
              );
              const budget = roundPence(projected.times(rate).times(d(s.weight, '1')));
              expect(internals(row.rate)).toBe(internals(rate));
              expect(internals(row.projectedPopulation)).toBe(internals(projected));
              expect(internals(row.budget)).toBe(internals(budget));
            });
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the sign of a zero rate apart from a plain zero when segments share the other terms', () => {
    const result = capitationBudget({
      segments: [
        { name: 'A', population: 10, annualRate: '-0' },
        { name: 'B', population: 10, annualRate: '0' },
      ],
    });
    const [a, b] = result.years[0]?.segments ?? [];
    expect(a?.rate.isNegative()).toBe(true);
    expect(b?.rate.isNegative()).toBe(false);
  });
});

import fc from 'fast-check';
import { Dec, sum } from '../../src/engine/decimal';
import {
  performancePayment,
  type MetricInput,
} from '../../src/engine/payForPerformance/performancePayment';

/** Everything that makes a Decimal what it is: sign (also of zero), exponent and digit words. */
const internals = (value: Dec | undefined): string => {
  const { s, e, d } = value as unknown as { s: number; e: number; d: number[] };
  return `${s}|${e}|${d.join(',')}`;
};

/** Weights as a metrics table gives them: shares of a whole, some with very many digits. */
const weightLists = fc.oneof(
  // Parts of 1 in thousandths: they sum to exactly 1.
  fc
    .array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 40 })
    .map((parts) => [...parts, 1000 - sum(parts.map((p) => new Dec(p))).toNumber()])
    .filter((parts) => (parts.at(-1) ?? -1) >= 0)
    .map((parts) => parts.map((p) => new Dec(p).div(1000).toString())),
  // Thirds typed to 41–45 digits, the last making the total a hair under 1.
  fc.integer({ min: 41, max: 45 }).map((digits) => {
    const third = `0.${'3'.repeat(digits)}`;
    return [third, third, new Dec(1).minus(new Dec(third).times(2)).toString()];
  }),
  fc.constant(['0.333333', '0.333333', '0.333334']),
);

describe('performancePayment: weights scaled by their total', () => {
  it('gives each metric exactly weight ÷ total × achievement, also when the total is 1 (property)', () => {
    fc.assert(
      fc.property(weightLists, fc.array(fc.integer({ min: 40, max: 90 })), (weights, actuals) => {
        const metrics: MetricInput[] = weights.map((weight, i) => ({
          name: `Metric ${i + 1}`,
          weight,
          baseline: 50,
          target: 80,
          actual: actuals[i] ?? 65,
          direction: 'higher',
        }));
        const period = performancePayment({ contractValue: '1000000', atRiskRate: 0.025, metrics })
          .periods[0];
        const given = metrics.map((m) => new Dec(m.weight as string));
        const total = sum(given);
        period?.metrics.forEach((m, i) => {
          const expected = (given[i] as Dec).dividedBy(total).times(m.achievement);
          expect(internals(m.weightedAchievement)).toBe(internals(expected));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('still divides a weight typed with more than 40 digits when the total is exactly 1', () => {
    // 41 digits: the sum rounds it to 40, so the two weights total exactly 1; dividing by
    // that 1 rounds the weight too, which changes the 40th digit of its weighted achievement.
    const long = '0.48888862882200420200022268264260600624037';
    const rest = '0.5111113711779957979997773173573939937596';
    const metric = (name: string, weight: string, actual: number): MetricInput => ({
      name,
      weight,
      baseline: 0,
      target: 76,
      actual,
      direction: 'higher',
    });
    const period = performancePayment({
      contractValue: '1000000',
      atRiskRate: 0.025,
      metrics: [metric('Long', long, 47), metric('Rest', rest, 76)],
    }).periods[0];
    const total = sum([new Dec(long), new Dec(rest)]);
    expect(total.toString()).toBe('1');
    const expected = new Dec(long).dividedBy(total).times(new Dec(47).dividedBy(76));
    expect(internals(period?.metrics[0]?.weightedAchievement)).toBe(internals(expected));
    expect(internals(expected)).not.toBe(internals(new Dec(long).times(new Dec(47).div(76))));
  });
});

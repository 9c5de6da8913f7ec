import fc from 'fast-check';
import {
  activityPayment,
  marginalRatePayment,
  type ActivityPaymentInput,
  type ActivityPaymentResult,
} from '../../src/engine/activityPayment/activityPayment';
import { Dec, penceString, sum } from '../../src/engine/decimal';
import { EngineError } from '../../src/engine/errors';

const pay = (input: ActivityPaymentInput): string => penceString(activityPayment(input).payment);
const parts = (result: ActivityPaymentResult): Record<string, string> =>
  Object.fromEntries(result.components.map((c) => [c.component, penceString(c.amount)]));

function refusal(input: unknown): { code: string; field: string; message: string } {
  try {
    activityPayment(input as ActivityPaymentInput);
  } catch (error) {
    if (error instanceof EngineError) {
      return { code: error.code, field: error.field, message: error.message };
    }
    throw error;
  }
  throw new Error('expected an EngineError');
}

const blended = { model: 'blended', fixed: 20_000_000, planned: 10_000, price: 2000 } as const;

describe('activityPayment: worked examples', () => {
  it('NHS tariff marginal rate rule: price £2,000, baseline 10,000, actual 10,500 → £20,700,000', () => {
    const result = activityPayment({
      model: 'marginal',
      price: 2000,
      baseline: 10_000,
      actual: 10_500,
    });
    expect(penceString(result.payment)).toBe('20700000.00');
    expect(parts(result)).toEqual({ base: '20000000.00', marginal: '700000.00' });
    expect(result.steps[1]?.text).toBe(
      'Marginal rate 70% × £2,000.00 × 500 activities above the baseline = £700,000.00.',
    );
  });

  it('NHS tariff 2019/20 blended payment: actual 10,500 → £20,200,000', () => {
    expect(pay({ ...blended, actual: 10_500 })).toBe('20200000.00');
  });

  it('NHS tariff 2019/20 blended payment: actual 9,500 → £19,800,000 (negative below plan)', () => {
    const result = activityPayment({ ...blended, actual: 9_500 });
    expect(penceString(result.payment)).toBe('19800000.00');
    expect(parts(result).variable).toBe('-200000.00');
  });

  it('NHS tariff 2022/23 aligned payment: 75% of price above plan, nothing taken off below', () => {
    const aligned = { ...blended, model: 'aligned' } as const;
    expect(pay({ ...aligned, actual: 10_500 })).toBe('20750000.00');
    expect(pay({ ...aligned, actual: 9_500 })).toBe('20000000.00');
  });
});

describe('activityPayment: models and edge cases', () => {
  const corridor = { ...blended, model: 'corridor', band: 0.03, refundRate: 0.5 } as const;

  it('corridor: the fixed amount within ±3% of plan', () => {
    const result = activityPayment({ ...corridor, actual: 10_250 });
    expect(penceString(result.payment)).toBe('20000000.00');
    expect(result.steps[1]?.text).toBe(
      'Actual activity 10,250 is within the corridor (plan 10,000 ± 3% = 9,700 to 10,300): the fixed amount is paid.',
    );
  });

  it('corridor: above the upper edge at the marginal rate, below the lower edge refunded', () => {
    expect(parts(activityPayment({ ...corridor, actual: 10_500 }))).toEqual({
      fixed: '20000000.00',
      excess: '280000.00',
      refund: '0.00',
    });
    expect(pay({ ...corridor, actual: 9_500 })).toBe('19800000.00');
    expect(pay({ ...corridor, refundRate: undefined, actual: 9_500 })).toBe('20000000.00');
  });

  it('block: year 1 the value, later years uplifted on exact values, each rounded to pence', () => {
    const result = activityPayment({
      model: 'block',
      value: '1000000.00',
      years: 3,
      inflator: ['0.021', '-0.011'],
    });
    expect(result.years?.map((y) => penceString(y.payment))).toEqual([
      '1000000.00',
      '1021000.00',
      '1009769.00',
    ]);
    expect(penceString(result.payment)).toBe('3030769.00');
    expect(result.steps[2]?.text).toBe('Year 3: year 2 × (1 − 1.1%) = £1,009,769.00.');
  });

  it('block with one year and no inflator is just the value', () => {
    expect(pay({ model: 'block', value: 123.455 })).toBe('123.46');
  });

  it('marginal with baseline 0 pays everything at the marginal rate; at the baseline, all at full price', () => {
    expect(pay({ model: 'marginal', price: 100, baseline: 0, actual: 10 })).toBe('700.00');
    expect(pay({ model: 'marginal', price: 100, baseline: 10, actual: 10 })).toBe('1000.00');
  });

  it('rounds fractional pence in the components so they still add up to the payment', () => {
    const result = activityPayment({
      model: 'marginal',
      price: '0.05',
      baseline: 1,
      actual: 2,
      marginalRate: 0.7,
    });
    expect(parts(result)).toEqual({ base: '0.05', marginal: '0.04' });
    expect(penceString(result.payment)).toBe('0.09');
  });

  it('marginalRatePayment (=BCF.MARGINALRATE) gives the same figure', () => {
    expect(penceString(marginalRatePayment(2000, 10_000, 10_500))).toBe('20700000.00');
    expect(penceString(marginalRatePayment('2000', '10000', '10500', '0.5'))).toBe('20500000.00');
  });
});

describe('activityPayment: invalid input is refused, naming the field', () => {
  it.each<[string, unknown, string, string, string]>([
    [
      'an unknown model',
      { model: 'tariff' },
      'ACTIVITY.UNKNOWN_OPTION',
      'model',
      'model is "tariff"; it must be one of block, marginal, blended, aligned, corridor.',
    ],
    [
      'a negative price',
      { model: 'marginal', price: -1, baseline: 1, actual: 1 },
      'ACTIVITY.NEGATIVE',
      'price',
      'price is -1; it cannot be negative.',
    ],
    [
      'activity that is not a number',
      { ...blended, actual: 'n/a' },
      'ACTIVITY.NOT_A_NUMBER',
      'actual',
      'actual is "n/a", not a number.',
    ],
    [
      'a missing plan',
      { model: 'aligned', fixed: 1, price: 1, actual: 1 },
      'ACTIVITY.MISSING',
      'planned',
      'planned is missing.',
    ],
    [
      'a marginal rate above 1',
      { model: 'marginal', price: 1, baseline: 1, actual: 1, marginalRate: 1.5 },
      'ACTIVITY.NOT_A_FRACTION',
      'marginalRate',
      'marginalRate is 1.5; it must be a fraction from 0 to 1 (0.05 means 5%).',
    ],
    [
      'a corridor with no band',
      { ...blended, model: 'corridor', actual: 1 },
      'ACTIVITY.MISSING',
      'band',
      'band is missing.',
    ],
    [
      'a block over 0 years',
      { model: 'block', value: 1, years: 0 },
      'ACTIVITY.NOT_AN_INTEGER',
      'years',
      'years is 0; it must be a whole number of at least 1.',
    ],
    [
      'a list of inflators of the wrong length',
      { model: 'block', value: 1, years: 3, inflator: [0.02] },
      'ACTIVITY.INCONSISTENT',
      'inflator',
      'inflator lists 1 rates for 3 years; give 2 (one for each year after the first).',
    ],
    [
      'an inflator below −100%',
      { model: 'block', value: 1, years: 2, inflator: -2 },
      'ACTIVITY.OUT_OF_RANGE',
      'inflator',
      'inflator is -2; it must be from -1 to 1.',
    ],
  ])('%s', (_what, input, code, field, message) => {
    expect(refusal(input)).toEqual({ code, field, message });
  });

  it('refuses no input at all', () => {
    expect(refusal(null).message).toBe('The activity payment input is missing.');
  });
});

describe('activityPayment: invariants (property)', () => {
  const money = fc.integer({ min: 0, max: 1_000_000_000 }).map((p) => new Dec(p).div(100));
  const activity = fc.integer({ min: 0, max: 100_000 }).map((n) => new Dec(n));
  const rate = fc.integer({ min: 0, max: 10_000 }).map((n) => new Dec(n).div(10_000));
  const model = fc.constantFrom('blended', 'aligned', 'corridor', 'marginal');

  it('components always sum exactly to the payment, in whole pence', () => {
    fc.assert(
      fc.property(
        model,
        money,
        money,
        activity,
        activity,
        rate,
        (m, fixed, price, planned, actual, r) => {
          const input = {
            model: m,
            fixed,
            price,
            planned,
            baseline: planned,
            actual,
            band: r,
            variableRate: r,
            marginalRate: r,
            refundRate: r,
          } as unknown as ActivityPaymentInput;
          const result = activityPayment(input);
          expect(sum(result.components.map((c) => c.amount)).equals(result.payment)).toBe(true);
          expect(result.payment.decimalPlaces()).toBeLessThanOrEqual(2);
        },
      ),
    );
  });

  it('the marginal payment never falls as activity rises', () => {
    fc.assert(
      fc.property(money, activity, activity, activity, rate, (price, baseline, a, extra, r) => {
        const lower = marginalRatePayment(price, baseline, a, r);
        const higher = marginalRatePayment(price, baseline, a.plus(extra), r);
        expect(higher.greaterThanOrEqualTo(lower)).toBe(true);
      }),
    );
  });

  it('the blended payment moves by exactly rate × price per unit of activity (linear)', () => {
    fc.assert(
      fc.property(money, money, activity, activity, (fixed, price, planned, actual) => {
        const at = (a: Dec) =>
          activityPayment({ model: 'blended', fixed, price, planned, actual: a }).payment;
        const exactStep = new Dec('0.2').times(price).times(actual.minus(planned));
        expect(at(actual).minus(at(planned)).minus(exactStep).abs().lessThanOrEqualTo('0.01')).toBe(
          true,
        );
      }),
    );
  });
});

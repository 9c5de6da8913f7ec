import fc from 'fast-check';
import { readFileSync } from 'fs';
import { join } from 'path';
import { Dec, sum } from '../../src/engine/decimal';
import {
  performancePayment,
  type MetricInput,
  type PerformancePaymentInput,
} from '../../src/engine/payForPerformance/performancePayment';
import { errorOf } from '../support/engineErrors';

const money = (value: Dec): string => value.toFixed(2);

const outcomes: MetricInput = {
  name: 'Outcomes',
  weight: 0.6,
  baseline: 50,
  target: 70,
  direction: 'higher',
};
const admissions: MetricInput = {
  name: 'Admissions',
  weight: 0.4,
  baseline: 120,
  target: 100,
  direction: 'lower',
  scoring: 'threshold',
};

describe('performancePayment: one period', () => {
  it('earns the at-risk sum in proportion to weighted achievement', () => {
    const result = performancePayment({
      contractValue: 1_000_000,
      atRiskRate: 0.025,
      metrics: [
        { ...outcomes, actual: 65 },
        { ...admissions, actual: 99 },
      ],
    });
    // 25,000 at risk; 0.6 × 0.75 + 0.4 × 1 = 0.85 → 21,250 earned.
    expect(money(result.atRisk)).toBe('25000.00');
    expect(result.periods[0]?.achievement.toString()).toBe('0.85');
    expect(money(result.earned)).toBe('21250.00');
    expect(money(result.withheld)).toBe('3750.00');
    expect(money(result.payable)).toBe('21250.00');
    expect(money(result.deducted)).toBe('3750.00');
    expect(money(result.contractPayable)).toBe('996250.00');
    expect(result.periods[0]?.metrics.map((m) => money(m.earned))).toEqual([
      '11250.00',
      '10000.00',
    ]);
  });

  it('in a shadow period pays the full at-risk sum and still shows what would be earned', () => {
    const result = performancePayment({
      contractValue: 1_000_000,
      atRiskRate: 0.025,
      phasing: 'shadow',
      metrics: [
        { ...outcomes, actual: 55 },
        { ...admissions, actual: 130 },
      ],
    });
    expect(money(result.earned)).toBe('3750.00');
    expect(money(result.payable)).toBe('25000.00');
    expect(money(result.deducted)).toBe('0.00');
    expect(result.steps.map((s) => s.rule)).toContain('shadow');
  });

  it('applies a fraction of the risk: payable = atRisk × (1 − f) + earned × f', () => {
    const result = performancePayment({
      contractValue: 1_000_000,
      atRiskRate: 0.025,
      appliedFraction: 0.4,
      metrics: [
        { ...outcomes, actual: 55 },
        { ...admissions, actual: 130 },
      ],
    });
    // 25,000 × 0.6 + 3,750 × 0.4 = 16,500.
    expect(money(result.payable)).toBe('16500.00');
    expect(money(result.deducted)).toBe('8500.00');
  });

  it('rounds earned to pence half-up with earned + withheld = atRisk exactly', () => {
    // 1,234,567.89 × 2.5% = 30,864.19725 → 30,864.20; × 1/3 = 10,288.0666… → 10,288.07.
    const result = performancePayment({
      contractValue: '1234567.89',
      atRiskRate: '0.025',
      metrics: [{ ...outcomes, weight: 1, actual: '56.6666666666666666666666666666666666667' }],
    });
    expect(money(result.atRisk)).toBe('30864.20');
    expect(money(result.earned)).toBe('10288.07');
    expect(money(result.withheld)).toBe('20576.13');
  });

  it('reconciles per-metric earned amounts to the total with roundParts', () => {
    const result = performancePayment({
      contractValue: 10_000,
      atRiskRate: 0.01,
      metrics: ['A', 'B', 'C'].map((name, i) => ({
        name,
        weight: i === 2 ? '0.333334' : '0.333333',
        target: 1,
        actual: 1,
        direction: 'higher' as const,
        scoring: 'threshold' as const,
      })),
    });
    const parts = result.periods[0]!.metrics.map((m) => m.earned);
    expect(parts.map(money)).toEqual(['33.33', '33.33', '33.34']);
    expect(money(sum(parts))).toBe(money(result.earned));
    expect(money(result.earned)).toBe('100.00');
  });

  it('scales weights within a millionth of 1, so earned never exceeds atRisk', () => {
    const result = performancePayment({
      contractValue: 100,
      atRiskRate: 1,
      metrics: [
        { ...outcomes, weight: '0.5000005', actual: 70 },
        { ...admissions, weight: '0.5', actual: 100 },
      ],
    });
    expect(money(result.earned)).toBe('100.00');
    expect(money(result.withheld)).toBe('0.00');
  });

  it('allows no metrics when nothing is at risk, and says so', () => {
    const result = performancePayment({ contractValue: 5_000_000, atRiskRate: 0, metrics: [] });
    expect(money(result.earned)).toBe('0.00');
    expect(money(result.payable)).toBe('0.00');
    expect(money(result.contractPayable)).toBe('5000000.00');
    expect(result.steps.map((s) => s.rule)).toContain('no-metrics');
  });
});

describe('performancePayment: published schedules', () => {
  it('King’s Fund 2014, Bedfordshire MSK: 2.5% at risk, year 1 shadow, year 2 ramping by quarter to full risk', () => {
    const scenario = JSON.parse(
      readFileSync(join(__dirname, '../../assets/scenarios/p4p-bedfordshire.json'), 'utf8'),
    ) as PerformancePaymentInput;
    const result = performancePayment(scenario);
    // Figures by hand: year 1 £600,000 at risk, 42.5% achieved (shadow); each quarter of year 2
    // £150,000 at risk, achievements 65%, 62.5%, 85%, 88% with 25%, 50%, 75%, 100% applied.
    const rows = result.periods.map((p) => [
      p.period,
      p.achievement.toString(),
      money(p.earned),
      money(p.payable),
      money(p.deducted),
    ]);
    expect(rows).toEqual([
      ['Year 1', '0.425', '255000.00', '600000.00', '0.00'],
      ['Year 2 Q1', '0.65', '97500.00', '136875.00', '13125.00'],
      ['Year 2 Q2', '0.625', '93750.00', '121875.00', '28125.00'],
      ['Year 2 Q3', '0.85', '127500.00', '133125.00', '16875.00'],
      ['Year 2 Q4', '0.88', '132000.00', '132000.00', '18000.00'],
    ]);
    expect(money(result.atRisk)).toBe('1200000.00');
    expect(money(result.earned)).toBe('705750.00');
    expect(money(result.withheld)).toBe('494250.00');
    expect(money(result.payable)).toBe('1123875.00');
    expect(money(result.deducted)).toBe('76125.00');
    expect(money(result.contractPayable)).toBe('47923875.00');
  });

  it('King’s Fund 2014, Cambridgeshire & Peterborough (UnitingCare): 0% in year 1, 10% in years 2–3, 15% in years 4–5', () => {
    const year = (n: number, atRiskRate: number, outcome: number, admitted: number) => ({
      period: `Year ${n}`,
      atRiskRate,
      actuals: { Outcomes: outcome, Admissions: admitted },
    });
    const result = performancePayment({
      contractValue: 160_000_000,
      metrics: [outcomes, admissions],
      periods: [
        { period: 'Year 1', atRiskRate: 0, metrics: [] },
        year(2, 0.1, 55, 105),
        year(3, 0.1, 60, 100),
        year(4, 0.15, 65, 98),
        year(5, 0.15, 72, 90),
      ],
    });
    // At risk 0, 16m, 16m, 24m, 24m; achievement 0.15, 0.7, 0.85, 1 in years 2–5.
    expect(result.periods.map((p) => money(p.atRisk))).toEqual([
      '0.00',
      '16000000.00',
      '16000000.00',
      '24000000.00',
      '24000000.00',
    ]);
    expect(result.periods.map((p) => money(p.earned))).toEqual([
      '0.00',
      '2400000.00',
      '11200000.00',
      '20400000.00',
      '24000000.00',
    ]);
    expect(money(result.atRisk)).toBe('80000000.00');
    expect(money(result.earned)).toBe('58000000.00');
    expect(money(result.withheld)).toBe('22000000.00');
    expect(money(result.contractPayable)).toBe('778000000.00');
  });
});

describe('performancePayment: invalid input', () => {
  const base = { contractValue: 1_000_000, atRiskRate: 0.025 };

  it('refuses weights that do not sum to 1', () => {
    expect(
      errorOf(() =>
        performancePayment({
          ...base,
          metrics: [
            { ...outcomes, actual: 60 },
            { ...admissions, weight: 0.3, actual: 100 },
          ],
        }),
      ),
    ).toEqual({ code: 'P4P.WEIGHTS_NOT_ONE', message: 'Metric weights sum to 0.9, not 1.' });
  });

  it('refuses money at risk with no metrics', () => {
    expect(errorOf(() => performancePayment({ ...base, metrics: [] }))).toEqual({
      code: 'P4P.EMPTY',
      message:
        'metrics is empty, but £25,000.00 is at risk; add the metrics that earn it, or set the at-risk rate to 0.',
    });
  });

  it('refuses a linear target equal to its baseline, naming the metric', () => {
    expect(
      errorOf(() =>
        performancePayment({
          ...base,
          metrics: [{ ...outcomes, weight: 1, target: 50, actual: 60 }],
        }),
      ),
    ).toEqual({
      code: 'P4P.TARGET_EQUALS_BASELINE',
      message:
        'metrics[0].target of metric "Outcomes" is 50, equal to its baseline, so progress from baseline to target is undefined; set a different target or use threshold scoring.',
    });
  });

  it('refuses an applied fraction in a shadow period', () => {
    expect(
      errorOf(() =>
        performancePayment({
          ...base,
          periods: [
            {
              period: 'Year 1',
              phasing: 'shadow',
              appliedFraction: 0.5,
              metrics: [{ ...outcomes, weight: 1, actual: 60 }],
            },
          ],
        }),
      ),
    ).toEqual({
      code: 'P4P.INCONSISTENT',
      message:
        'periods[0].appliedFraction is 0.5, but periods[0].phasing is shadow (measured, not applied); leave out the applied fraction or set phasing to applied.',
    });
  });

  it('refuses an at-risk rate above 1, a negative contract value, a duplicate metric', () => {
    expect(errorOf(() => performancePayment({ ...base, atRiskRate: 2.5, metrics: [] })).code).toBe(
      'P4P.NOT_A_FRACTION',
    );
    expect(
      errorOf(() => performancePayment({ ...base, contractValue: -1, metrics: [] })).message,
    ).toBe('contractValue is -1; it cannot be negative.');
    expect(
      errorOf(() =>
        performancePayment({
          ...base,
          metrics: [
            { ...outcomes, weight: 0.5, actual: 60 },
            { ...outcomes, name: 'outcomes ', weight: 0.5, actual: 60 },
          ],
        }),
      ),
    ).toEqual({ code: 'P4P.DUPLICATE', message: 'metrics lists "outcomes" twice.' });
  });

  it('names the period and metric when an actual is missing or unknown', () => {
    const schedule = (actuals: Record<string, number>) => ({
      ...base,
      metrics: [outcomes, admissions],
      periods: [{ period: 'Q1', actuals }],
    });
    expect(errorOf(() => performancePayment(schedule({ Outcomes: 60 })))).toEqual({
      code: 'P4P.MISSING',
      message:
        'periods[0].actuals has no actual for "Admissions", and metrics[1].actual is missing.',
    });
    expect(
      errorOf(() => performancePayment(schedule({ Outcomes: 60, Admissions: 1, Falls: 2 }))),
    ).toEqual({
      code: 'P4P.UNKNOWN_OPTION',
      message:
        'periods[0].actuals names "Falls", which is not a metric; the metrics are Outcomes, Admissions.',
    });
  });
});

describe('performancePayment: properties', () => {
  const metricArb = fc.record({
    weightParts: fc.integer({ min: 1, max: 100 }),
    progress: fc.integer({ min: -50, max: 150 }),
    higher: fc.boolean(),
    scoring: fc.constantFrom('linear' as const, 'threshold' as const, 'bands' as const),
  });
  const scenarioArb = fc.record({
    contractPence: fc.integer({ min: 0, max: 100_000_000_000 }),
    rateBasisPoints: fc.integer({ min: 0, max: 10_000 }),
    appliedPercent: fc.integer({ min: 0, max: 100 }),
    metrics: fc.array(metricArb, { minLength: 1, maxLength: 6 }),
  });
  type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

  /** Baseline 100, target 200 (higher) or 0 (lower); actual `progress`% of the way. */
  function inputOf(s: Scenario, bump = -1): PerformancePaymentInput {
    const totalParts = s.metrics.reduce((acc, m) => acc + m.weightParts, 0);
    return {
      contractValue: new Dec(s.contractPence).div(100),
      atRiskRate: new Dec(s.rateBasisPoints).div(10_000),
      appliedFraction: new Dec(s.appliedPercent).div(100),
      metrics: s.metrics.map((m, i) => {
        const progress = m.progress + (i === bump ? 7 : 0);
        const step = new Dec(progress);
        return {
          name: `M${i}`,
          weight: new Dec(m.weightParts).div(totalParts),
          baseline: 100,
          target: m.higher ? 200 : 0,
          actual: m.higher ? step.plus(100) : new Dec(100).minus(step),
          direction: m.higher ? 'higher' : 'lower',
          scoring: m.scoring,
          bands: [
            { floor: 0.25, payout: 0.2 },
            { floor: 0.9, payout: 0.9 },
          ],
        };
      }),
    };
  }

  it('keeps 0 ≤ earned ≤ atRisk, earned + withheld = atRisk and payable + deducted = atRisk (property)', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = performancePayment(inputOf(s));
        expect(r.earned.gte(0) && r.earned.lte(r.atRisk)).toBe(true);
        expect(r.earned.plus(r.withheld).equals(r.atRisk)).toBe(true);
        expect(r.payable.plus(r.deducted).equals(r.atRisk)).toBe(true);
        expect(r.payable.gte(r.earned)).toBe(true);
        expect(sum(r.periods[0]!.metrics.map((m) => m.earned)).equals(r.earned)).toBe(true);
      }),
    );
  });

  it('never earns or pays less when one metric’s actual improves (property)', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), (s, pick) => {
        const bump = pick % s.metrics.length;
        const before = performancePayment(inputOf(s));
        const after = performancePayment(inputOf(s, bump));
        expect(
          after.periods[0]!.metrics[bump]!.achievement.gte(
            before.periods[0]!.metrics[bump]!.achievement,
          ),
        ).toBe(true);
        expect(after.earned.gte(before.earned)).toBe(true);
        expect(after.payable.gte(before.payable)).toBe(true);
      }),
    );
  });
});

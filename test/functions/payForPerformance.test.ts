import { excelErrorOfCall } from '../support/customFunctionsRuntime';
import { bcfQuarterReleased } from '../../src/engine/bcfPerformancePayment/bcfPerformancePayment';
import {
  metricAchievement,
  performancePayment,
} from '../../src/engine/payForPerformance/performancePayment';
import { ACHIEVEMENT, BCFP4P, P4P } from '../../src/functions/payForPerformance';

const omitted = null as unknown as undefined;

const valueErrors = (cases: readonly (readonly [readonly unknown[], string])[]) =>
  cases.map(([args, message]) => [message, args] as const);

describe('BCF.ACHIEVEMENT', () => {
  it("linear scoring: 75 on the way from 60 to 80 is 0.75, the engine's figure", () => {
    expect(ACHIEVEMENT(60, 80, 75)).toBe(0.75);
    expect(ACHIEVEMENT(60, 80, 75)).toBe(
      metricAchievement({ baseline: 60, target: 80, actual: 75, direction: 'higher' }).toNumber(),
    );
  });

  it('lower is better: admissions from 1,000 towards 900, actually 950, is halfway', () => {
    expect(ACHIEVEMENT(1000, 900, 950, 'lower')).toBe(0.5);
    expect(ACHIEVEMENT(1000, 900, 1100, 'LOWER', 'linear')).toBe(0);
  });

  it('threshold scoring needs no baseline: met is 1, missed is 0', () => {
    expect(ACHIEVEMENT(null, 80, 80, 'higher', 'threshold')).toBe(1);
    expect(ACHIEVEMENT('', 80, 79.9, null, 'threshold')).toBe(0);
  });

  it('bands scoring pays the band reached, read from a floor/payout table with blank rows', () => {
    const bands = [
      [0.5, 0.25],
      ['', ''],
      ['100%', '100%'],
    ];
    expect(ACHIEVEMENT(60, 80, 75, 'higher', 'bands', bands)).toBe(0.25);
    expect(ACHIEVEMENT(60, 80, 80, 'higher', 'bands', bands)).toBe(1);
    expect(ACHIEVEMENT(60, 80, 65, 'higher', 'bands', bands)).toBe(0);
    expect(ACHIEVEMENT(60, 80, 75, 'higher', 'linear', [['', '']])).toBe(0.75);
  });

  it.each(
    valueErrors([
      [
        [60, 60, 75],
        'target is 60, equal to its baseline, so progress from baseline to target is undefined; set a different target or use threshold scoring.',
      ],
      [[60, 80, 75, 'sideways'], 'direction is "sideways"; it must be one of higher, lower.'],
      [
        [60, 80, 75, 'higher', 'curved'],
        'scoring is "curved"; it must be one of linear, threshold, bands.',
      ],
      [[60, 80, 'n/a'], 'actual is "n/a", not a number.'],
      [[60, null, 75], 'target is blank; a number is needed.'],
      [[null, 80, 75], 'baseline is missing.'],
      [
        [60, 80, 75, 'higher', 'bands', [[0.5, 0.25, 1]]],
        'bands needs two columns: the progress floor (0.5 = halfway to target) and the payout.',
      ],
      [
        [
          60,
          80,
          75,
          'higher',
          'bands',
          [
            [0.5, 0.5],
            [0.4, 1],
          ],
        ],
        'bands (row 2, column 1 of its range) is 0.4, not above the floor before it (0.5); list bands from the lowest floor up.',
      ],
      [
        [60, 80, 75, 'higher', 'bands', [[0.5, 'half']]],
        'bands (column 2 of its range) is "half", not a number.',
      ],
    ]),
  )('#VALUE! %s', (message, args) => {
    const error = excelErrorOfCall(ACHIEVEMENT, args);
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toBe(message);
  });
});

describe('BCF.P4P', () => {
  const weights = [[0.6], [0.4]];
  const achievements = [[0.75], [1]];

  it("2.5% of £1m at risk, achievements 75% and 100% weighted 60/40: £21,250.00 payable, the engine's figure", () => {
    expect(P4P(1000000, 0.025, weights, achievements)).toBe(21250);
    const engine = performancePayment({
      contractValue: 1000000,
      atRiskRate: 0.025,
      metrics: [
        { name: 'A', weight: 0.6, baseline: 0, target: 1, actual: 0.75, direction: 'higher' },
        { name: 'B', weight: 0.4, baseline: 0, target: 1, actual: 1, direction: 'higher' },
      ],
    });
    expect(engine.payable.toNumber()).toBe(21250);
  });

  it('Bedfordshire phasing: measured but not applied pays the whole at-risk sum; a half-way ramp pays half of what is withheld', () => {
    expect(P4P(1000000, '2.5%', [[1]], [[0.75]], 0)).toBe(25000);
    expect(P4P(1000000, '2.5%', [[1]], [[0.75]], 0.5)).toBe(21875);
    expect(P4P(1000000, '2.5%', [[1]], [[0.75]], omitted)).toBe(18750);
  });

  it('skips metric rows left blank and reads percentages typed as text', () => {
    expect(P4P(1000000, 0.025, [['60%'], [''], ['40%']], [['75%'], [null], ['100%']])).toBe(21250);
  });

  it('a 0% at-risk year with no metrics pays nothing at risk (Cambridgeshire year 1)', () => {
    expect(P4P(1000000, 0, [['']], [['']])).toBe(0);
  });

  it.each(
    valueErrors([
      [
        [1000000, 0.025, [[0.6], [0.3]], achievements],
        'weights: Metric weights sum to 0.9, not 1.',
      ],
      [
        [1000000, 0.025, weights, [[0.75], [1.2]]],
        'achievements (row 2 of its range) is 1.2; it must be a fraction from 0 to 1 (0.05 means 5%).',
      ],
      [
        [1000000, 0.025, weights, [[0.75]]],
        'achievements has 1 cell but weights has 2; give one for each weights cell.',
      ],
      [
        [1000000, 0.025, weights, [[0.75], [1], [1]]],
        'achievements has 3 cells but weights has 2; give one for each weights cell.',
      ],
      [
        [1000000, 0.025, [[0.6], ['x']], achievements],
        'weights (row 2 of its range) is "x", not a number.',
      ],
      [
        [1000000, 0.025, [[0.6], ['']], achievements],
        'weights (row 2 of its range) is blank; a number is needed.',
      ],
      [[-1, 0.025, weights, achievements], 'contractValue is -1; it cannot be negative.'],
      [
        [1000000, 25, weights, achievements],
        'atRiskRate is 25; it must be a fraction from 0 to 1 (0.05 means 5%).',
      ],
      [
        [1000000, 0.025, weights, achievements, 1.5],
        'appliedFraction is 1.5; it must be a fraction from 0 to 1 (0.05 means 5%).',
      ],
      [
        [1000000, 0.025, [['']], [['']]],
        'weights is empty, but £25,000.00 is at risk; add the weights that earn it, or set the at-risk rate to 0.',
      ],
    ]),
  )('#VALUE! %s', (message, args) => {
    const error = excelErrorOfCall(P4P, args);
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toBe(message);
  });
});

describe('BCF.BCFP4P', () => {
  it("BCF 2015/16 payment for performance: 30% of the planned reduction achieved releases 30% of the sum, the engine's figure", () => {
    expect(BCFP4P(10000, 9895, 0.035, 1490)).toBe(156450);
    expect(BCFP4P(10000, 9895, 0.035, 1490)).toBe(
      bcfQuarterReleased(10000, 9895, 0.035, 1490).toNumber(),
    );
  });

  it('takes the national 3.5% ambition when ambition is left empty', () => {
    expect(BCFP4P(10000, 9895, null, 1490)).toBe(156450);
    expect(BCFP4P(10000, 9895, '', '£1,490')).toBe(156450);
  });

  it('releases nothing when admissions rose, and everything when the ambition was beaten', () => {
    expect(BCFP4P(10000, 10100, 0.035, 1490)).toBe(0);
    expect(BCFP4P(10000, 9000, 0.035, 1490)).toBe(521500);
  });

  it.each(
    valueErrors([
      [[10000, 9895, 0.035, 0], 'unitCost is 0; it must be more than 0.'],
      [[10000, 9895, 0.035, null], 'unitCost is blank; a number is needed.'],
      [
        [10000, 9895, 1.2, 1490],
        'ambition is 1.2; it must be a fraction from 0 to 1 (0.05 means 5%).',
      ],
      [[-1, 9895, 0.035, 1490], 'baseline is -1; it cannot be negative.'],
      [[10000, 'many', 0.035, 1490], 'actual is "many", not a number.'],
    ]),
  )('#VALUE! %s', (message, args) => {
    const error = excelErrorOfCall(BCFP4P, args);
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toBe(message);
  });
});

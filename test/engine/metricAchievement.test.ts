import { Dec } from '../../src/engine/decimal';
import {
  metricAchievement,
  type MetricScoringInput,
} from '../../src/engine/payForPerformance/metricAchievement';
import { errorOf } from '../support/engineErrors';

const achievement = (metric: MetricScoringInput): string => metricAchievement(metric).toString();

const bands = [
  { floor: 0.5, payout: 0.5 },
  { floor: 0.75, payout: 0.8 },
  { floor: 1, payout: 1 },
];

describe('metricAchievement: linear', () => {
  it('is the share of the way from baseline to target when higher is better', () => {
    expect(achievement({ baseline: 60, target: 80, actual: 75, direction: 'higher' })).toBe('0.75');
  });

  it('is the share of the way from baseline to target when lower is better', () => {
    expect(achievement({ baseline: 18, target: 12, actual: 14.4, direction: 'lower' })).toBe('0.6');
  });

  it('is 0 at or worse than the baseline and 1 at or beyond the target (clamped)', () => {
    expect(achievement({ baseline: 60, target: 80, actual: 60, direction: 'higher' })).toBe('0');
    expect(achievement({ baseline: 60, target: 80, actual: 55, direction: 'higher' })).toBe('0');
    expect(achievement({ baseline: 60, target: 80, actual: 80, direction: 'higher' })).toBe('1');
    expect(achievement({ baseline: 18, target: 12, actual: 9, direction: 'lower' })).toBe('1');
  });

  it('takes numeric strings as cells give them', () => {
    expect(achievement({ baseline: '100', target: ' 90 ', actual: '97', direction: 'lower' })).toBe(
      '0.3',
    );
  });
});

describe('metricAchievement: threshold', () => {
  it('is 1 when the target is met and 0 when not, either direction', () => {
    const higher = { target: 90, direction: 'higher', scoring: 'threshold' } as const;
    expect(achievement({ ...higher, actual: 90 })).toBe('1');
    expect(achievement({ ...higher, actual: 89.99 })).toBe('0');
    const lower = { target: 100, direction: 'lower', scoring: 'threshold' } as const;
    expect(achievement({ ...lower, actual: 100 })).toBe('1');
    expect(achievement({ ...lower, actual: 101 })).toBe('0');
  });

  it('allows a target equal to the baseline (holding the line)', () => {
    expect(
      achievement({
        baseline: 95,
        target: 95,
        actual: 96,
        direction: 'higher',
        scoring: 'threshold',
      }),
    ).toBe('1');
  });
});

describe('metricAchievement: bands', () => {
  const banded = {
    baseline: 50,
    target: 70,
    direction: 'higher',
    scoring: 'bands',
    bands,
  } as const;

  it('pays the highest band whose floor progress reaches', () => {
    expect(achievement({ ...banded, actual: 59 })).toBe('0');
    expect(achievement({ ...banded, actual: 60 })).toBe('0.5');
    expect(achievement({ ...banded, actual: 65 })).toBe('0.8');
    expect(achievement({ ...banded, actual: 75 })).toBe('1');
  });

  it('refuses floors that do not rise and payouts that fall', () => {
    expect(
      errorOf(() =>
        metricAchievement({ ...banded, actual: 60, bands: [bands[1]!, bands[0]!] }, 'metrics[0].'),
      ),
    ).toEqual({
      code: 'P4P.BANDS_NOT_ASCENDING',
      message:
        'metrics[0].bands[1].floor is 0.5, not above the floor before it (0.75); list bands from the lowest floor up.',
    });
    expect(
      errorOf(() =>
        metricAchievement({
          ...banded,
          actual: 60,
          bands: [
            { floor: 0.5, payout: 0.6 },
            { floor: 1, payout: 0.5 },
          ],
        }),
      ).message,
    ).toBe(
      'bands[1].payout is 0.5, below the payout before it (0.6); a higher band cannot pay less.',
    );
  });

  it('refuses banded scoring without bands', () => {
    expect(errorOf(() => metricAchievement({ ...banded, actual: 60, bands: [] }))).toEqual({
      code: 'P4P.EMPTY',
      message: 'bands is empty; at least one is needed.',
    });
  });
});

describe('metricAchievement: invalid input', () => {
  it('refuses a linear target equal to its baseline, naming the metric', () => {
    expect(
      errorOf(() =>
        metricAchievement(
          { name: 'Readmissions', baseline: 100, target: 100, actual: 90, direction: 'lower' },
          'metrics[2].',
        ),
      ),
    ).toEqual({
      code: 'P4P.TARGET_EQUALS_BASELINE',
      message:
        'metrics[2].target of metric "Readmissions" is 100, equal to its baseline, so progress from baseline to target is undefined; set a different target or use threshold scoring.',
    });
  });

  it('refuses a target on the worse side of the baseline', () => {
    expect(
      errorOf(() =>
        metricAchievement({ baseline: 100, target: 90, actual: 95, direction: 'higher' }),
      ),
    ).toEqual({
      code: 'P4P.INCONSISTENT',
      message:
        'target is 90 and the baseline 100; with direction "higher" (higher is better) the target must be above the baseline.',
    });
  });

  it('refuses an unknown direction or scoring, and text where a number belongs', () => {
    expect(
      errorOf(() =>
        metricAchievement({
          baseline: 1,
          target: 2,
          actual: 1,
          direction: 'up' as unknown as 'higher',
        }),
      ),
    ).toEqual({
      code: 'P4P.UNKNOWN_OPTION',
      message: 'direction is "up"; it must be one of higher, lower.',
    });
    expect(
      errorOf(() =>
        metricAchievement({
          baseline: 1,
          target: 2,
          actual: 1,
          direction: 'higher',
          scoring: 'curve' as unknown as 'linear',
        }),
      ).code,
    ).toBe('P4P.UNKNOWN_OPTION');
    expect(
      errorOf(() =>
        metricAchievement({ baseline: 1, target: 2, actual: 'tbc', direction: 'higher' }),
      ),
    ).toEqual({ code: 'P4P.NOT_A_NUMBER', message: 'actual is "tbc", not a number.' });
  });

  it('needs a baseline for linear scoring', () => {
    expect(errorOf(() => metricAchievement({ target: 2, actual: 1, direction: 'higher' }))).toEqual(
      {
        code: 'P4P.MISSING',
        message: 'baseline is missing.',
      },
    );
  });

  it('returns a Dec', () => {
    expect(
      Dec.isDecimal(metricAchievement({ baseline: 0, target: 3, actual: 1, direction: 'higher' })),
    ).toBe(true);
  });
});

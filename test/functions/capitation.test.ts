import { excelErrorOfCall } from '../support/customFunctionsRuntime';
import { capitationAmount, capitationBudget } from '../../src/engine/capitation/capitation';
import { CAPITATION, CAPITATIONSCHEDULE } from '../../src/functions/capitation';

/** What Excel passes for an omitted optional argument (typed as the wrapper declares it). */
const omitted = null as unknown as undefined;

const BEDFORDSHIRE_YEARS = [26500000, 26844500, 27193478.5, 27546993.72, 27905104.64];

describe('BCF.CAPITATION', () => {
  it.each(BEDFORDSHIRE_YEARS.map((budget, year) => [year, budget]))(
    "King's Fund 2014, Bedfordshire MSK: year index %i at 1.3% uplift gives %d, the engine's figure",
    (year, budget) => {
      const wrapped = CAPITATION([[1]], [[26500000]], 0.013, year);
      expect(wrapped).toBe(budget);
      expect(wrapped).toBe(
        capitationAmount({
          population: 1,
          annualRate: 26500000,
          uplift: 0.013,
          yearIndex: year,
        }).toNumber(),
      );
    },
  );

  it('takes a percentage typed as text and leaves blanks to their defaults', () => {
    expect(CAPITATION([[1]], [[26500000]], '1.3%', 2, null, omitted)).toBe(27193478.5);
    expect(CAPITATION([[1000]], [[250]], null, null, null, omitted)).toBe(250000);
  });

  it('sums segments row by row, each rounded to the penny, skipping blank rows', () => {
    const population = [[1200], [''], [null], [333]];
    const rates = [[101.111], [''], [null], [0.015]];
    // 1200 × 101.111 = 121333.20; 333 × 0.015 = 4.995 → 5.00 (each rounded, then added).
    expect(CAPITATION(population, rates)).toBe(121338.2);
  });

  it('applies one rate, and one weight, to every segment when given once', () => {
    expect(CAPITATION([[100], [200]], [[10]], 0, 0, 0, [[1.5]])).toBe(4500);
    expect(CAPITATION([[100], [200]], [[10]], 0, 0, 0, [[2], ['']])).toBe(4000);
    expect(CAPITATION([[100], [200]], [[10]], 0, 0, 0, [[''], [null]])).toBe(3000);
  });

  it('reads population and rates given as number text ("1,200", "£101.11")', () => {
    expect(CAPITATION([['1,200']], [['£101.11']])).toBe(121332);
  });

  it.each(
    [
      [[[['tbc']], [[10]]], 'population is "tbc", not a number.'],
      [
        [
          [[100], ['n/a']],
          [[10], [20]],
        ],
        'population (row 2 of its range) is "n/a", not a number.',
      ],
      [
        [
          [[100], [-5]],
          [[10], [20]],
        ],
        'population (row 2 of its range) is -5; it cannot be negative.',
      ],
      [
        [
          [[100], [5]],
          [[10], ['']],
        ],
        'annualRate (row 2 of its range) is blank; a number is needed.',
      ],
      [[[[100]], [[-10]]], 'annualRate is -10; it cannot be negative.'],
      [
        [
          [[100], [5]],
          [[10], [20], [30]],
        ],
        'annualRate has 3 cells but population has 2; give one annualRate for all, or one for each population cell.',
      ],
      [[[['']], [['']]], 'population is blank; give at least one number.'],
      [[[[100]], [[10]], 'high'], 'uplift is "high", not a number.'],
      [[[[100]], [[10]], 1.5], 'uplift is 1.5; it must be from -1 to 1.'],
      [[[[100]], [[10]], 0, 2.5], 'yearIndex is 2.5; it must be a whole number of at least 0.'],
      [[[[100]], [[10]], 0, -1], 'yearIndex is -1; it must be a whole number of at least 0.'],
      [
        [[[100]], [[10]], 0, 1, 1.2],
        'efficiency is 1.2; it must be a fraction from 0 to 1 (0.05 means 5%).',
      ],
      [[[[100]], [[10]], 0, 1, 0, [[-1]]], 'weight is -1; it cannot be negative.'],
      [
        [[[100], [5]], [[10]], 0, 1, 0, [[1], [true]]],
        'weight (row 2 of its range) is TRUE, not a number.',
      ],
    ].map(([args, message]) => [message, args] as const),
  )('#VALUE! %s', (message, args) => {
    const error = excelErrorOfCall(CAPITATION, args as readonly unknown[]);
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toBe(message);
  });
});

describe('BCF.CAPITATIONSCHEDULE', () => {
  it("King's Fund 2014, Bedfordshire MSK: five years at 1.3% spill the engine's budgets, totalling 135,990,076.86", () => {
    const schedule = CAPITATIONSCHEDULE([[1]], [[26500000]], 5, 0.013);
    expect(schedule).toEqual(BEDFORDSHIRE_YEARS.map((budget) => [budget]));
    const engine = capitationBudget({
      segments: [{ name: 'MSK', population: 1, annualRate: 26500000 }],
      years: 5,
      uplift: 0.013,
    });
    expect(schedule.flat()).toEqual(engine.years.map((y) => y.budget.toNumber()));
    expect(engine.total.toFixed(2)).toBe('135990076.86');
  });

  it('spills years down and segments across, with population growth', () => {
    const schedule = CAPITATIONSCHEDULE(
      [[1000], [''], [500]],
      [[100], [''], [200]],
      2,
      0.02,
      0.01,
      omitted,
      0.1,
    );
    // Year 2: rate × 1.02 × 0.99; population × 1.1.
    expect(schedule).toEqual([
      [100000, 100000],
      [111078, 111078],
    ]);
  });

  it.each(
    [
      [[[[1]], [[10]], 0], 'years is 0; it must be a whole number of at least 1.'],
      [[[[1]], [[10]], 'five'], 'years is "five", not a number.'],
      [
        [[[1], [2]], [[10], [-3]], 2],
        'annualRate (row 2 of its range) is -3; it cannot be negative.',
      ],
      [[[[1]], [[10]], 2, 0, 0, 0, 2], 'populationGrowth is 2; it must be from -1 to 1.'],
    ].map(([args, message]) => [message, args] as const),
  )('#VALUE! %s', (message, args) => {
    const error = excelErrorOfCall(CAPITATIONSCHEDULE, args as readonly unknown[]);
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toBe(message);
  });
});

import { excelErrorOfCall } from '../support/customFunctionsRuntime';
import { marginalRatePayment } from '../../src/engine/activityPayment/activityPayment';
import { pooledFund } from '../../src/engine/pooledFund/pooledFund';
import { MARGINALRATE } from '../../src/functions/marginalRate';
import { POOLSHARE } from '../../src/functions/poolShare';

const valueErrors = (cases: readonly (readonly [readonly unknown[], string])[]) =>
  cases.map(([args, message]) => [message, args] as const);

/** Bath & North East Somerset OBC 2015, Table 3 (£000). */
const BANES = [
  ['CCG', 28348],
  ['Council', 40888],
];

describe('BCF.POOLSHARE', () => {
  it("Bath & North East Somerset OBC 2015, Table 3: CCG 40.94% and Council 59.06% of £69,236k, the engine's shares", () => {
    const ccg = POOLSHARE(BANES, 'CCG');
    const council = POOLSHARE(BANES, 'council');
    expect(ccg.toFixed(4)).toBe('0.4094');
    expect(council.toFixed(4)).toBe('0.5906');
    const engine = pooledFund({
      contributions: BANES.map(([partner, amount]) => ({
        partner: partner as string,
        scheme: 'Pool',
        amount: amount as number,
      })),
    });
    expect([ccg, council]).toEqual(engine.partners.map((p) => p.contributionShare.toNumber()));
  });

  it('adds up a partner over schemes, skipping blank rows, with amounts as number text', () => {
    const table = [
      ['CCG', 'Community services', '£20,000'],
      ['', '', ''],
      ['Council', 'Community services', 30000],
      ['CCG', 'Reablement', 10000],
      [null, null, null],
    ];
    expect(POOLSHARE(table, 'CCG')).toBe(0.5);
  });

  it('#N/A for a partner with no contributions, naming the partners there are', () => {
    const error = excelErrorOfCall(POOLSHARE, [BANES, 'NHS England']);
    expect(error.code).toBe('#N/A');
    expect(error.message).toBe(
      'partner "NHS England" has no contributions in the table (partners: CCG, Council).',
    );
  });

  it('#N/A when the pool totals £0.00: there are no shares of nothing', () => {
    const error = excelErrorOfCall(POOLSHARE, [
      [
        ['CCG', 0],
        ['Council', '0'],
      ],
      'CCG',
    ]);
    expect(error.code).toBe('#N/A');
    expect(error.message).toBe(
      'The contributions total £0.00; a pool needs money in it to form shares.',
    );
  });

  it.each(
    valueErrors([
      [
        [
          [
            ['CCG', 'abc'],
            ['Council', 5],
          ],
          'CCG',
        ],
        'contributions (row 1, column 2 of its range) is "abc", not a number.',
      ],
      [
        [
          [
            ['CCG', 10],
            ['Council', ''],
          ],
          'CCG',
        ],
        'contributions (row 2, column 2 of its range) is blank; a number is needed.',
      ],
      [
        [
          [
            ['CCG', -10],
            ['Council', 50],
          ],
          'CCG',
        ],
        'contributions (row 1, column 2 of its range) is -10; it cannot be negative.',
      ],
      [
        [[['CCG'], ['Council']], 'CCG'],
        'contributions needs two columns (partner, amount) or three (partner, scheme, amount).',
      ],
      [[BANES, ''], 'partner is blank; a name is needed.'],
      [[BANES, true], 'partner is TRUE; a name is needed.'],
    ]),
  )('#VALUE! %s', (message, args) => {
    const error = excelErrorOfCall(POOLSHARE, args);
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toBe(message);
  });
});

describe('BCF.MARGINALRATE', () => {
  it("former emergency tariff rule (NHS national tariff): price £2,000, baseline 10,000, actual 10,500 → £20,700,000.00, the engine's figure", () => {
    expect(MARGINALRATE(2000, 10000, 10500, 0.7)).toBe(20700000);
    expect(MARGINALRATE(2000, 10000, 10500)).toBe(
      marginalRatePayment(2000, 10000, 10500).toNumber(),
    );
  });

  it('pays full price up to the baseline only, and reads text numbers', () => {
    expect(MARGINALRATE('£2,000', '10,000', 9500, '70%')).toBe(19000000);
  });

  it('rounds to the penny as the engine does', () => {
    expect(MARGINALRATE(100.005, 1, 1)).toBe(100.01);
  });

  it.each(
    valueErrors([
      [
        [2000, 10000, 10500, 1.7],
        'marginalRate is 1.7; it must be a fraction from 0 to 1 (0.05 means 5%).',
      ],
      [[-2000, 10000, 10500], 'price is -2000; it cannot be negative.'],
      [[2000, 'ten thousand', 10500], 'baseline is "ten thousand", not a number.'],
      [[2000, 10000, null], 'actual is blank; a number is needed.'],
      [[2000, 10000, [[1], [2]]], 'actual is a range of 2 cells; give one cell or value.'],
    ]),
  )('#VALUE! %s', (message, args) => {
    const error = excelErrorOfCall(MARGINALRATE, args);
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toBe(message);
  });
});

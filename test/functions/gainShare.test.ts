import { excelErrorOfCall } from '../support/customFunctionsRuntime';
import { gainLossShare } from '../../src/engine/gainLossShare/gainLossShare';
import { tieredShare } from '../../src/engine/gainLossShare/tieredShare';
import { GAINSHARE, GAINSHARECURVE, TIEREDSHARE } from '../../src/functions/gainLossShare';

/** Bedfordshire MSK bands: the first 5% of expected to the provider, the rest 50/50. */
const BEDFORDSHIRE_BANDS = [
  [0.05, 1, ''],
  ['', 0.5, 0.5],
];
const PARTIES_ACROSS = [['Provider', 'CCG']];

const omitted = null as unknown as undefined;

describe('BCF.GAINSHARE', () => {
  it("King's Fund 2014, Bedfordshire MSK: a 2,175,000.00 gain gives the provider 1,716,875.00 and the CCG 458,125.00, the engine's figures", () => {
    const spilled = GAINSHARE(25175000, 23000000, BEDFORDSHIRE_BANDS, PARTIES_ACROSS);
    expect(spilled).toEqual([[1716875, 458125]]);
    const engine = gainLossShare({
      expected: 25175000,
      actual: 23000000,
      parties: ['Provider', 'CCG'],
      gainBands: [{ upToFraction: 0.05, shares: [1, 0] }, { shares: [0.5, 0.5] }],
    });
    expect(spilled[0]).toEqual(engine.parties.map((p) => p.amount.toNumber()));
  });

  it('Bedfordshire MSK losses: with loss bands of 100% to the provider, it bears the whole overspend', () => {
    expect(GAINSHARE(25175000, 26000000, BEDFORDSHIRE_BANDS, PARTIES_ACROSS, [['', 1, 0]])).toEqual(
      [[-825000, 0]],
    );
  });

  it('Axene shared savings without the gate: 50% of a $562,500 saving is $281,250', () => {
    // 125,000 member months: expected 500.00 and actual 495.50 PMPM.
    expect(GAINSHARE(62500000, 61937500, [['', 0.5, 0.5]], PARTIES_ACROSS)).toEqual([
      [281250, 281250],
    ]);
  });

  it('Australian alliance: a £10m under-run split 50:50 between owner and non-owner participants', () => {
    expect(GAINSHARE(100000000, 90000000, [['', '50%', '50%']], [['NOP'], ['Owner']])).toEqual([
      [5000000],
      [5000000],
    ]);
  });

  it('spills down when the party names run down a column, and skips blank band rows', () => {
    const bands = [
      [0.05, 1, ''],
      ['', '', ''],
      ['', 0.5, 0.5],
    ];
    expect(GAINSHARE(25175000, 23000000, bands, [['Provider'], ['CCG']])).toEqual([
      [1716875],
      [458125],
    ]);
  });

  it('gives every party 0 when actual equals expected (a real result, not a silent default)', () => {
    expect(GAINSHARE(1000, 1000, BEDFORDSHIRE_BANDS, PARTIES_ACROSS)).toEqual([[0, 0]]);
  });

  it.each(
    [
      [['lots', 1, BEDFORDSHIRE_BANDS, PARTIES_ACROSS], 'expected is "lots", not a number.'],
      [[100, null, BEDFORDSHIRE_BANDS, PARTIES_ACROSS], 'actual is blank; a number is needed.'],
      [[-100, 0, BEDFORDSHIRE_BANDS, PARTIES_ACROSS], 'expected is -100; it cannot be negative.'],
      [
        [
          100,
          90,
          [
            [0.05, 1],
            ['', 0.5],
          ],
          PARTIES_ACROSS,
        ],
        "bands has 2 columns; it needs 3: the band's upper bound (a fraction of expected, blank for the last band) and a share for each of the 2 parties.",
      ],
      [
        [
          100,
          90,
          [
            [0.05, 1, ''],
            ['', 0.5, 0.45],
          ],
          PARTIES_ACROSS,
        ],
        'bands (row 2 of its range): Gain band 2 shares sum to 0.95, not 1.',
      ],
      [
        [
          100,
          90,
          [
            [0.05, 1, ''],
            ['', 0.5, 'half'],
          ],
          PARTIES_ACROSS,
        ],
        'bands (row 2, column 3 of its range) is "half", not a number.',
      ],
      [
        [
          100,
          90,
          [
            [0.05, 1.5, -0.5],
            ['', 0.5, 0.5],
          ],
          PARTIES_ACROSS,
        ],
        'bands (row 1, column 2 of its range) is 1.5; it must be a fraction from 0 to 1 (0.05 means 5%).',
      ],
      [
        [
          100,
          90,
          [
            ['', 1, 0],
            ['', 0.5, 0.5],
          ],
          PARTIES_ACROSS,
        ],
        'bands (row 1 of its range) needs upToFraction or upToAmount; only the last band is open-ended.',
      ],
      [
        [100, 90, BEDFORDSHIRE_BANDS, [['Provider', '']]],
        'partyNames (column 2 of its range) is blank; a name is needed.',
      ],
      [[100, 90, BEDFORDSHIRE_BANDS, [['CCG', 'ccg']]], 'parties lists "ccg" twice.'],
    ].map(([args, message]) => [message, args] as const),
  )('#VALUE! %s', (message, args) => {
    const error = excelErrorOfCall(GAINSHARE, args as readonly unknown[]);
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toBe(message);
  });

  it('accepts a blank optional loss table as omitted', () => {
    expect(GAINSHARE(100, 110, [['', 0.5, 0.5]], PARTIES_ACROSS, omitted)).toEqual([[-5, -5]]);
    expect(GAINSHARE(100, 110, [['', 0.5, 0.5]], PARTIES_ACROSS, [['', '', '']])).toEqual([
      [-5, -5],
    ]);
  });
});

describe('BCF.TIEREDSHARE', () => {
  it("King's Fund 2014, Bedfordshire MSK: retain the first 5%, split the rest 50/50 → 1,716,875.00 | 458,125.00, the engine's figures", () => {
    const spilled = TIEREDSHARE(25175000, 23000000, 0.05, 0.5);
    expect(spilled).toEqual([[1716875, 458125]]);
    const engine = tieredShare({
      expected: 25175000,
      actual: 23000000,
      retainedBandFraction: 0.05,
      splitBeyond: 0.5,
    });
    expect(spilled[0]).toEqual(engine.parties.map((p) => p.amount.toNumber()));
  });

  it('Bedfordshire MSK losses: the provider bears 100% of an overspend', () => {
    expect(TIEREDSHARE(25175000, 26000000, '5%', '50%', '100%')).toEqual([[-825000, 0]]);
  });

  it('mirrors gains for losses when no loss share is given', () => {
    expect(TIEREDSHARE(25175000, 27350000, 0.05, 0.5, null)).toEqual([[-1716875, -458125]]);
  });

  it.each(
    [
      [
        [25175000, 23000000, 1.05, 0.5],
        'retainedBand is 1.05; it must be a fraction from 0 to 1 (0.05 means 5%).',
      ],
      [[25175000, 23000000, 0.05, 'half'], 'splitBeyond is "half", not a number.'],
      [
        [25175000, 23000000, 0.05, -0.5],
        'splitBeyond is -0.5; it must be a fraction from 0 to 1 (0.05 means 5%).',
      ],
      [
        [25175000, 23000000, 0.05, 0.5, 2],
        'providerLossShare is 2; it must be a fraction from 0 to 1 (0.05 means 5%).',
      ],
      [[0, 10, 0.05, 0.5], 'retainedBand is 0.05 of expected spend, but expected is 0; use 0.'],
      [[100, -1, 0.05, 0.5], 'actual is -1; it cannot be negative.'],
    ].map(([args, message]) => [message, args] as const),
  )('#VALUE! %s', (message, args) => {
    const error = excelErrorOfCall(TIEREDSHARE, args as readonly unknown[]);
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toBe(message);
  });
});

describe('BCF.GAINSHARECURVE', () => {
  it('Bedfordshire MSK from -20% to +20% in 41 points: each row is what BCF.GAINSHARE gives at that outturn', () => {
    const spilled = GAINSHARECURVE(25175000, BEDFORDSHIRE_BANDS, PARTIES_ACROSS, -0.2, '20%', 41);
    expect(spilled).toHaveLength(41);
    // 80% of 25,175,000: a 5,035,000 gain, 1,258,750 to the provider, the rest 50:50.
    expect(spilled[0]).toEqual([20140000, 5035000, 3146875, 1888125]);
    expect(spilled[20]).toEqual([25175000, 0, 0, 0]);
    for (const [actual, variance, ...amounts] of spilled) {
      expect(variance).toBe(25175000 - (actual ?? 0));
      expect([amounts]).toEqual(GAINSHARE(25175000, actual, BEDFORDSHIRE_BANDS, PARTIES_ACROSS));
    }
  });

  it('shares losses by the loss bands when given', () => {
    expect(
      GAINSHARECURVE(1000, [['', 0.5, 0.5]], PARTIES_ACROSS, -0.1, 0.1, 3, [['', 1, 0]]),
    ).toEqual([
      [900, 100, 50, 50],
      [1000, 0, 0, 0],
      [1100, -100, -100, 0],
    ]);
  });

  it.each([
    [
      [1000, [['', 0.5, 0.5]], PARTIES_ACROSS, -0.1, 0.1, 1],
      'points is 1; it must be from 2 to 1001.',
    ],
    [[1000, [['', 0.5, 0.5]], PARTIES_ACROSS, 0.1, -0.1, 5], 'from (0.1) must be below to (-0.1).'],
    [[1000, [['', 0.5, 0.5]], PARTIES_ACROSS, 'x', 0.1, 5], 'from is "x", not a number.'],
  ])('#VALUE! for %j', (args, message) => {
    const error = excelErrorOfCall(GAINSHARECURVE, args);
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toBe(message);
  });
});

import fc from 'fast-check';
import { Dec } from '../../src/engine/decimal';
import {
  gainLossShare,
  gainLossShareRows,
  type GainLossRowInput,
  type GainLossShareResult,
  type GainLossTermsInput,
} from '../../src/engine/gainLossShare/gainLossShare';
import { fieldErrorOf } from '../support/engineErrors';

/** Every figure exactly (sign, exponent, digits), every step and flag, lazy fields included. */
function exactly(value: unknown): unknown {
  if (Dec.isDecimal(value)) {
    const { s, e, d } = value as unknown as { s: number; e: number; d: number[] };
    return `Dec ${s}|${e}|${d.join(',')}`;
  }
  if (Array.isArray(value)) return value.map(exactly);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, exactly(v)]));
  }
  return value;
}

/** Every row's result, read to the end. */
const allRows = (terms: GainLossTermsInput, rows: readonly GainLossRowInput[]) => [
  ...gainLossShareRows(terms, rows),
];

const bedfordshire: GainLossTermsInput = {
  parties: ['Provider', 'CCG'],
  gainBands: [
    { upToFraction: 0.05, shares: { Provider: 1, CCG: 0 } },
    { shares: { Provider: 0.5, CCG: 0.5 } },
  ],
  lossBands: [{ shares: { Provider: 1 } }],
};

/** Terms that use every part of the mechanism, with fractions of expected spend. */
const termSets: readonly GainLossTermsInput[] = [
  bedfordshire,
  {
    parties: ['ACO', 'Medicare'],
    gainBands: [{ shares: { ACO: 0.5, Medicare: 0.5 } }],
    lossBands: [{ shares: { Medicare: 1 } }],
    gate: { fraction: 0.033, holder: 'Medicare' },
    quality: { multipliers: { ACO: 0.8 }, unearnedTo: 'Medicare' },
  },
  {
    parties: ['Owner', 'NOP', 'Council'],
    gainBands: [
      { upToAmount: 50_000, shares: [0.3333, 0.3333, 0.3334] },
      { upToFraction: 0.1, shares: [0.2, 0.5, 0.3] },
      { shares: [1, 0, 0] },
    ],
    caps: {
      gain: { NOP: { fraction: 0.0125 } },
      loss: { NOP: { amount: '8000.005' }, Council: { fraction: 0.02 } },
      overflowTo: 'Owner',
    },
    gate: { fraction: 0.005, holder: 'Council', appliesTo: 'losses' },
  },
];

const money = fc
  .tuple(fc.integer({ min: 1, max: 2_000_000_000 }), fc.integer({ min: 0, max: 3 }))
  .map(([units, places]) => new Dec(units).div(10 ** places).toString());
const row: fc.Arbitrary<GainLossRowInput> = fc.oneof(
  fc.record({ expected: money, actual: money }),
  money.map((same) => ({ expected: same, actual: same })),
  fc.record({ expected: money, actual: money, units: fc.integer({ min: 1, max: 500 }) }),
  fc
    .tuple(money, fc.double({ min: 0.8, max: 1.2, noNaN: true }))
    .map(([expected, ratio]) => ({ expected, actual: new Dec(expected).times(ratio).toFixed(2) })),
);

describe('gainLossShareRows', () => {
  it('gives each row exactly what gainLossShare gives it, figures, steps and refusals (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...termSets),
        fc.array(row, { minLength: 0, maxLength: 12 }),
        (terms, rows) => {
          const refused = rows.findIndex((r) => {
            try {
              gainLossShare({ ...terms, ...r });
              return false;
            } catch {
              return true;
            }
          });
          if (refused < 0) {
            const oneByOne = rows.map((r) => exactly(gainLossShare({ ...terms, ...r })));
            expect(allRows(terms, rows).map(exactly)).toEqual(oneByOne);
            return;
          }
          // Bands that do not ascend for this row's expected spend: the same refusal, naming the row.
          const alone = fieldErrorOf(() =>
            gainLossShare({ ...terms, ...(rows[refused] as GainLossRowInput) }),
          );
          expect(fieldErrorOf(() => allRows(terms, rows))).toEqual({
            ...alone,
            message: `rows[${refused}]: ${alone.message}`,
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("King's Fund 2014, Bedfordshire MSK: a gain and a loss row under the same terms", () => {
    const [gain, loss] = allRows(bedfordshire, [
      { expected: '25175000.00', actual: '23000000.00' },
      { expected: '25175000.00', actual: '26000000.00' },
    ]);
    expect(gain?.parties.map((p) => p.amount.toFixed(2))).toEqual(['1716875.00', '458125.00']);
    expect(loss?.parties.map((p) => p.amount.toFixed(2))).toEqual(['-825000.00', '0.00']);
  });

  it('gives no results for an empty table', () => {
    expect(allRows(bedfordshire, [])).toEqual([]);
  });

  it('refuses bad terms at the call, before reading any row, naming the field as gainLossShare does', () => {
    const terms = { ...bedfordshire, gainBands: [{ shares: { Provider: 0.5, CCG: 0.45 } }] };
    expect(fieldErrorOf(() => gainLossShareRows(terms, [{ expected: 'tbc', actual: 1 }]))).toEqual({
      code: 'GAINSHARE.SHARES_NOT_ONE',
      field: 'gainBands[0].shares',
      message: 'Gain band 1 shares sum to 0.95, not 1.',
    });
  });

  it('gives each row as it is read, so a table need not be held in memory at once', () => {
    const results = gainLossShareRows(bedfordshire, [
      { expected: 100, actual: 90 },
      { expected: 100, actual: 'abc' },
    ]);
    const first = results.next();
    expect(first.done).toBe(false);
    expect((first.value as GainLossShareResult).variance.toFixed(2)).toBe('10.00');
    expect(() => results.next()).toThrow('rows[1].actual is "abc", not a number.');
  });

  it('names the row of a bad figure', () => {
    const rows = [
      { expected: 100, actual: 90 },
      { expected: 100, actual: 'abc' },
    ];
    expect(fieldErrorOf(() => allRows(bedfordshire, rows))).toEqual({
      code: 'GAINSHARE.NOT_A_NUMBER',
      field: 'rows[1].actual',
      message: 'rows[1].actual is "abc", not a number.',
    });
    const missing = [null] as unknown as GainLossRowInput[];
    expect(fieldErrorOf(() => allRows(bedfordshire, missing))).toEqual({
      code: 'GAINSHARE.MISSING',
      field: 'rows[0]',
      message: 'rows[0] is missing.',
    });
    const notAList = 'rows' as unknown as GainLossRowInput[];
    expect(fieldErrorOf(() => gainLossShareRows(bedfordshire, notAList)).field).toBe('rows');
  });

  it('names a labelled row by its label in the message and by its path in the field', () => {
    const rows = [
      { expected: 100, actual: 90, label: 'Contract K1' },
      { expected: 100, actual: 'abc', label: 'Contract K2' },
    ];
    expect(fieldErrorOf(() => allRows(bedfordshire, rows))).toEqual({
      code: 'GAINSHARE.NOT_A_NUMBER',
      field: 'rows[1].actual',
      message: 'Contract K2: actual is "abc", not a number.',
    });
    const zero = [{ expected: 0, actual: 10, label: 'Contract K3' }];
    expect(fieldErrorOf(() => allRows(bedfordshire, zero))).toEqual({
      code: 'GAINSHARE.INCONSISTENT',
      field: 'gainBands[0].upToFraction',
      message:
        'Contract K3: gainBands[0].upToFraction is 0.05 of expected spend, but expected is 0; give upToAmount instead.',
    });
  });

  it('names the row whose expected spend of 0 a fraction of expected cannot apply to', () => {
    const rows = [
      { expected: 100, actual: 90 },
      { expected: 0, actual: 10 },
    ];
    expect(fieldErrorOf(() => allRows(bedfordshire, rows))).toEqual({
      code: 'GAINSHARE.INCONSISTENT',
      field: 'gainBands[0].upToFraction',
      message:
        'rows[1]: gainBands[0].upToFraction is 0.05 of expected spend, but expected is 0; give upToAmount instead.',
    });
  });
});

describe('gainLossShare: terms remembered from a recent call', () => {
  it('are checked again for a new expected spend, giving the same refusal as fresh terms', () => {
    const terms: GainLossTermsInput = {
      parties: ['A', 'B'],
      gainBands: [{ upToFraction: 0.05, shares: { A: 1 } }, { shares: { B: 1 } }],
    };
    gainLossShare({ ...terms, expected: 1000, actual: 900 });
    expect(fieldErrorOf(() => gainLossShare({ ...terms, expected: 0, actual: 10 }))).toEqual({
      code: 'GAINSHARE.INCONSISTENT',
      field: 'gainBands[0].upToFraction',
      message:
        'gainBands[0].upToFraction is 0.05 of expected spend, but expected is 0; give upToAmount instead.',
    });
  });

  it('never go stale when the caller changes its terms object in place', () => {
    const terms = {
      parties: ['A', 'B'],
      gainBands: [{ shares: { A: 0.5, B: 0.5 } }],
    };
    const before = gainLossShare({ ...terms, expected: 1000, actual: 900 });
    terms.gainBands[0] = { shares: { A: 0.25, B: 0.75 } };
    const after = gainLossShare({ ...terms, expected: 1000, actual: 900 });
    expect(before.parties.map((p) => p.amount.toFixed(2))).toEqual(['50.00', '50.00']);
    expect(after.parties.map((p) => p.amount.toFixed(2))).toEqual(['25.00', '75.00']);
  });
});

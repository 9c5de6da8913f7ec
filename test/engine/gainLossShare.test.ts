import {
  gainLossShare,
  type GainLossShareInput,
  type GainLossShareResult,
} from '../../src/engine/gainLossShare/gainLossShare';
import { tieredShare } from '../../src/engine/gainLossShare/tieredShare';
import { penceString } from '../../src/engine/decimal';
import { EngineError } from '../../src/engine/errors';
import { fieldErrorOf } from '../support/engineErrors';

/** Each party's final amount as pence text, by name. */
const amounts = (result: GainLossShareResult): Record<string, string> =>
  Object.fromEntries(result.parties.map((p) => [p.party, penceString(p.amount)]));

const bedfordshire: GainLossShareInput = {
  expected: '25175000.00',
  actual: '23000000.00',
  parties: ['Provider', 'CCG'],
  gainBands: [
    { upToFraction: 0.05, shares: { Provider: 1, CCG: 0 } },
    { shares: { Provider: 0.5, CCG: 0.5 } },
  ],
  lossBands: [{ shares: { Provider: 1 } }],
};

const mssp = (actual: number, quality = 1): GainLossShareInput => ({
  expected: 75_000_000,
  actual,
  parties: ['ACO', 'Medicare'],
  gainBands: [{ shares: { ACO: 0.5, Medicare: 0.5 } }],
  lossBands: [{ shares: { Medicare: 1 } }],
  gate: { fraction: 0.033, holder: 'Medicare' },
  quality: { multipliers: { ACO: quality }, unearnedTo: 'Medicare' },
});

const alliance = (actual: number): GainLossShareInput => ({
  expected: 100_000_000,
  actual,
  parties: ['Owner', 'NOP'],
  gainBands: [{ shares: { Owner: 0.5, NOP: 0.5 } }],
  caps: { loss: { NOP: { amount: 8_000_000 } }, overflowTo: 'Owner' },
});

describe('gainLossShare: worked examples', () => {
  it("King's Fund 2014, Bedfordshire MSK: provider keeps the first 5%, the rest split 50/50", () => {
    const result = gainLossShare(bedfordshire);
    expect(penceString(result.variance)).toBe('2175000.00');
    expect(result.direction).toBe('gain');
    expect(result.bands.map((b) => penceString(b.amount))).toEqual(['1258750.00', '916250.00']);
    expect(penceString(result.bands[0]?.to ?? result.variance)).toBe('1258750.00');
    expect(amounts(result)).toEqual({ Provider: '1716875.00', CCG: '458125.00' });
    expect(result.parties[0]?.bandAmounts.map(penceString)).toEqual(['1258750.00', '458125.00']);
    expect(result.steps.map((s) => s.rule)).toEqual([
      'variance',
      'band',
      'band',
      'rounding',
      'result',
    ]);
    expect(result.steps[1]?.text).toContain('up to 5% of expected');
    expect(result.steps[4]?.text).toBe('Result: Provider £1,716,875.00, CCG £458,125.00.');
  });

  it("King's Fund 2014, Bedfordshire MSK: the provider bears 100% of a loss", () => {
    const result = gainLossShare({ ...bedfordshire, actual: '26000000.00' });
    expect(result.direction).toBe('loss');
    expect(amounts(result)).toEqual({ Provider: '-825000.00', CCG: '0.00' });
  });

  it('Medicare Shared Savings Program: 4.0% savings meet the 3.3% gate, shared from the first dollar', () => {
    const result = gainLossShare(mssp(72_000_000));
    expect(result.gateMet).toBe(true);
    expect(result.varianceFraction?.toString()).toBe('0.04');
    expect(amounts(result)).toEqual({ ACO: '1500000.00', Medicare: '1500000.00' });
  });

  it('Medicare Shared Savings Program: 3.2% savings are below the 3.3% gate, so the ACO gets 0', () => {
    const result = gainLossShare(mssp(72_600_000));
    expect(result.gateMet).toBe(false);
    expect(result.bands).toEqual([]);
    expect(amounts(result)).toEqual({ ACO: '0.00', Medicare: '2400000.00' });
    expect(result.steps[1]?.text).toBe(
      'Gate not met: the variance is 3.2% of expected, below the gate of 3.3%, so the whole £2,400,000.00 goes to Medicare.',
    );
  });

  it('Medicare Shared Savings Program: a quality score of 0.8 earns 80% of the 50% share', () => {
    const result = gainLossShare(mssp(72_000_000, 0.8));
    expect(amounts(result)).toEqual({ ACO: '1200000.00', Medicare: '1800000.00' });
    expect(penceString(result.parties[0]?.qualityAdjustment ?? result.variance)).toBe('-300000.00');
  });

  const axene = (gate: boolean): GainLossShareInput => ({
    expected: '500.00',
    actual: '495.50',
    units: 125_000,
    parties: ['Provider', 'Payer'],
    gainBands: [{ shares: { Provider: 0.5, Payer: 0.5 } }],
    ...(gate ? { gate: { fraction: 0.01, holder: 'Payer' } } : {}),
  });

  it('Axene commercial shared savings: a 0.9% PMPM saving is below the 1% gate, so $0', () => {
    const result = gainLossShare(axene(true));
    expect(penceString(result.variance)).toBe('562500.00');
    expect(amounts(result)).toEqual({ Provider: '0.00', Payer: '562500.00' });
  });

  it('Axene commercial shared savings: without the gate the provider shares 281,250.00', () => {
    expect(amounts(gainLossShare(axene(false))).Provider).toBe('281250.00');
  });

  it('Australian alliance: a £10m under-run splits 50:50 between owner and NOPs', () => {
    expect(amounts(gainLossShare(alliance(90_000_000)))).toEqual({
      Owner: '5000000.00',
      NOP: '5000000.00',
    });
  });

  it("Australian alliance: the NOPs' £15m pain is capped at their £8m fee, the owner bears £22m", () => {
    const result = gainLossShare(alliance(130_000_000));
    expect(amounts(result)).toEqual({ Owner: '-22000000.00', NOP: '-8000000.00' });
    expect(penceString(result.parties[1]?.capAdjustment ?? result.variance)).toBe('7000000.00');
    expect(result.steps.find((s) => s.rule === 'cap')?.text).toBe(
      'Cap: NOP bears at most £8,000,000.00 of a loss; the £7,000,000.00 beyond its cap goes to Owner.',
    );
  });

  it('Monitor 2015 multilateral example: symmetric terms give +£181k of a gain and −£181k of the equal loss', () => {
    const terms = (actual: number): GainLossShareInput => ({
      expected: 20_000_000,
      actual,
      parties: ['CCG', 'Acute trust', 'Community services'],
      gainBands: [{ shares: { CCG: 0.5, 'Acute trust': 0.4, 'Community services': 0.1 } }],
    });
    expect(amounts(gainLossShare(terms(18_190_000)))['Community services']).toBe('181000.00');
    expect(amounts(gainLossShare(terms(21_810_000)))['Community services']).toBe('-181000.00');
  });
});

describe('gainLossShare: edge cases', () => {
  it('actual equal to expected: direction none, every party 0.00, and the steps say so', () => {
    const result = gainLossShare({ ...bedfordshire, actual: bedfordshire.expected });
    expect(result.direction).toBe('none');
    expect(amounts(result)).toEqual({ Provider: '0.00', CCG: '0.00' });
    expect(result.steps[1]?.text).toContain('nothing to share');
  });

  it('expected 0 works with bands given as amounts', () => {
    const result = gainLossShare({
      expected: 0,
      actual: 1500,
      parties: ['A', 'B'],
      gainBands: [{ upToAmount: 1000, shares: { A: 1 } }, { shares: { A: 0.5, B: 0.5 } }],
    });
    expect(amounts(result)).toEqual({ A: '-1250.00', B: '-250.00' });
    expect(result.varianceFraction).toBeUndefined();
  });

  it('expected 0 refuses a band bound, gate or cap given as a fraction of expected', () => {
    const base = { expected: 0, actual: 10, parties: ['A', 'B'] };
    expect(
      fieldErrorOf(() =>
        gainLossShare({
          ...base,
          gainBands: [{ upToFraction: 0.05, shares: { A: 1 } }, { shares: { B: 1 } }],
        }),
      ),
    ).toEqual({
      code: 'GAINSHARE.INCONSISTENT',
      field: 'gainBands[0].upToFraction',
      message:
        'gainBands[0].upToFraction is 0.05 of expected spend, but expected is 0; give upToAmount instead.',
    });
    const flat = { ...base, gainBands: [{ shares: { A: 1 } }] };
    expect(
      fieldErrorOf(() => gainLossShare({ ...flat, gate: { fraction: 0.01, holder: 'A' } })).message,
    ).toBe('gate.fraction is 0.01 of expected spend, but expected is 0; leave the gate out.');
    expect(
      fieldErrorOf(() =>
        gainLossShare({ ...flat, caps: { loss: { A: { fraction: 0.1 } }, overflowTo: 'B' } }),
      ).field,
    ).toBe('caps.loss.A.fraction');
  });

  it('a cap of zero passes the whole of that party’s share to the overflow party', () => {
    const result = gainLossShare({
      ...alliance(90_000_000),
      caps: { gain: { NOP: { amount: 0 } }, overflowTo: 'Owner' },
    });
    expect(amounts(result)).toEqual({ Owner: '10000000.00', NOP: '0.00' });
  });

  it('a cap given as a fraction of expected is cut down to whole pence, never up', () => {
    const result = gainLossShare({
      expected: '1000.01',
      actual: 0,
      parties: ['A', 'B'],
      gainBands: [{ shares: { A: 1 } }],
      caps: { gain: { A: { fraction: 0.5 } }, overflowTo: 'B' },
    });
    expect(amounts(result)).toEqual({ A: '500.00', B: '500.01' });
  });

  it('splits an odd penny by the remainder rule, so the parts still sum to the variance', () => {
    const result = gainLossShare({
      expected: '100.01',
      actual: 100,
      parties: ['A', 'B'],
      gainBands: [{ shares: [0.5, 0.5] }],
    });
    expect(amounts(result)).toEqual({ A: '0.01', B: '0.00' });
  });

  it('a gate for gains only lets a small loss be shared', () => {
    const result = gainLossShare({
      ...mssp(75_100_000),
      lossBands: [{ shares: { ACO: 0.5, Medicare: 0.5 } }],
      gate: { fraction: 0.033, holder: 'Medicare', appliesTo: 'gains' },
    });
    expect(result.gateMet).toBeUndefined();
    expect(amounts(result)).toEqual({ ACO: '-50000.00', Medicare: '-50000.00' });
  });

  it('gives the same figures on a repeat of the same terms, and still refuses bad terms after', () => {
    expect(amounts(gainLossShare(bedfordshire))).toEqual(amounts(gainLossShare(bedfordshire)));
    expect(() => gainLossShare({ ...bedfordshire, parties: ['Provider', 'ICB'] })).toThrow(
      EngineError,
    );
  });
});

describe('tieredShare', () => {
  it("King's Fund 2014, Bedfordshire MSK through the two-party tiered path", () => {
    const result = tieredShare({
      expected: 25_175_000,
      actual: 23_000_000,
      retainedBandFraction: 0.05,
      splitBeyond: 0.5,
    });
    expect(amounts(result)).toEqual({ Provider: '1716875.00', Commissioner: '458125.00' });
  });

  it('mirrors gains for losses unless a provider loss share is given', () => {
    const terms = { expected: 1000, actual: 1100, retainedBandFraction: 0.05, splitBeyond: 0.5 };
    expect(amounts(tieredShare(terms))).toEqual({ Provider: '-75.00', Commissioner: '-25.00' });
    expect(amounts(tieredShare({ ...terms, providerLossShare: 1 }))).toEqual({
      Provider: '-100.00',
      Commissioner: '0.00',
    });
  });

  it('gives exactly what gainLossShare gives for the same terms', () => {
    const full = gainLossShare({
      expected: '1234567.89',
      actual: '1000000.01',
      parties: ['Provider', 'Commissioner'],
      gainBands: [{ upToFraction: 0.03, shares: [1, 0] }, { shares: [0.35, 0.65] }],
    });
    const quick = tieredShare({
      expected: '1234567.89',
      actual: '1000000.01',
      retainedBandFraction: 0.03,
      splitBeyond: 0.35,
    });
    expect(amounts(quick)).toEqual(amounts(full));
  });

  it('refuses a retained band with expected 0', () => {
    expect(
      fieldErrorOf(() =>
        tieredShare({ expected: 0, actual: 5, retainedBandFraction: 0.05, splitBeyond: 0.5 }),
      ),
    ).toMatchObject({ code: 'GAINSHARE.INCONSISTENT', field: 'retainedBandFraction' });
  });
});

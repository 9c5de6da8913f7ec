import {
  gainLossShare,
  type GainLossShareInput,
} from '../../src/engine/gainLossShare/gainLossShare';
import { EngineError } from '../../src/engine/errors';

const valid: GainLossShareInput = {
  expected: '25175000.00',
  actual: '23000000.00',
  parties: ['Provider', 'CCG'],
  gainBands: [
    { upToFraction: 0.05, shares: { Provider: 1, CCG: 0 } },
    { shares: { Provider: 0.5, CCG: 0.5 } },
  ],
  lossBands: [{ shares: { Provider: 1 } }],
};

/** Runs with `change` applied to the valid terms and returns the error's code, field and message. */
function refusal(change: Record<string, unknown>): {
  code: string;
  field: string;
  message: string;
} {
  try {
    gainLossShare({ ...valid, ...change });
  } catch (error) {
    if (error instanceof EngineError) {
      return { code: error.code, field: error.field, message: error.message };
    }
    throw error;
  }
  throw new Error('expected an EngineError');
}

describe('gainLossShare: invalid terms are refused, naming the field and the value', () => {
  it.each<[string, Record<string, unknown>, string, string, string]>([
    [
      'shares that do not sum to 1',
      {
        gainBands: [
          { upToFraction: 0.05, shares: [1, 0] },
          { shares: { Provider: 0.5, CCG: 0.45 } },
        ],
      },
      'GAINSHARE.SHARES_NOT_ONE',
      'gainBands[1].shares',
      'Gain band 2 shares sum to 0.95, not 1.',
    ],
    [
      'a share for a party not in the list',
      { lossBands: [{ shares: { Provider: 0.5, Cirle: 0.5 } }] },
      'GAINSHARE.UNKNOWN_PARTY',
      'lossBands[0].shares',
      'lossBands[0].shares names "Cirle", who is not one of the parties (Provider, CCG).',
    ],
    [
      'a party named twice',
      { parties: ['Provider', 'provider'] },
      'GAINSHARE.DUPLICATE',
      'parties',
      'parties lists "provider" twice.',
    ],
    [
      'no parties',
      { parties: [] },
      'GAINSHARE.EMPTY',
      'parties',
      'parties is empty; at least one is needed.',
    ],
    [
      'bounds that do not ascend',
      {
        gainBands: [
          { upToAmount: 2000000, shares: [1, 0] },
          { upToFraction: 0.05, shares: [1, 0] },
          { shares: [0.5, 0.5] },
        ],
      },
      'GAINSHARE.BANDS_NOT_ASCENDING',
      'gainBands[1].upToFraction',
      'Gain band 2 ends at £1,258,750.00, not above where band 1 ends (£2,000,000.00).',
    ],
    [
      'a middle band with no bound',
      { gainBands: [{ shares: [1, 0] }, { shares: [0.5, 0.5] }] },
      'GAINSHARE.MISSING',
      'gainBands[0].upToFraction',
      'gainBands[0] needs upToFraction or upToAmount; only the last band is open-ended.',
    ],
    [
      'a bound on the last band',
      { lossBands: [{ upToFraction: 0.1, shares: [1, 0] }] },
      'GAINSHARE.INCONSISTENT',
      'lossBands[0].upToFraction',
      'lossBands[0].upToFraction is 0.1, but the last band is open-ended: leave its bound out.',
    ],
    [
      'both kinds of bound on one band',
      { gainBands: [{ upToFraction: 0.05, upToAmount: 10, shares: [1, 0] }, { shares: [1, 0] }] },
      'GAINSHARE.INCONSISTENT',
      'gainBands[0]',
      'gainBands[0] gives both upToFraction and upToAmount; give one.',
    ],
    [
      'a bound of zero',
      { gainBands: [{ upToAmount: 0, shares: [1, 0] }, { shares: [1, 0] }] },
      'GAINSHARE.NOT_POSITIVE',
      'gainBands[0].upToAmount',
      'gainBands[0].upToAmount is 0; it must be more than 0.',
    ],
    [
      'a share above 1',
      { lossBands: [{ shares: { Provider: 1.5 } }] },
      'GAINSHARE.NOT_A_FRACTION',
      'lossBands[0].shares.Provider',
      'lossBands[0].shares.Provider is 1.5; it must be a fraction from 0 to 1 (0.05 means 5%).',
    ],
    [
      'a share list of the wrong length',
      { lossBands: [{ shares: [1] }] },
      'GAINSHARE.INCONSISTENT',
      'lossBands[0].shares',
      'lossBands[0].shares lists 1 shares for 2 parties.',
    ],
    [
      'no gain bands',
      { gainBands: [] },
      'GAINSHARE.EMPTY',
      'gainBands',
      'gainBands is empty; at least one is needed.',
    ],
    [
      'actual spend that is not a number',
      { actual: 'tbc' },
      'GAINSHARE.NOT_A_NUMBER',
      'actual',
      'actual is "tbc", not a number.',
    ],
    [
      'negative expected spend',
      { expected: -5 },
      'GAINSHARE.NEGATIVE',
      'expected',
      'expected is -5; it cannot be negative.',
    ],
    [
      'a gate holder not in the list',
      { gate: { fraction: 0.02, holder: 'NHSE' } },
      'GAINSHARE.UNKNOWN_PARTY',
      'gate.holder',
      'gate.holder names "NHSE", who is not one of the parties (Provider, CCG).',
    ],
    [
      'a gate above 100%',
      { gate: { fraction: 3, holder: 'CCG' } },
      'GAINSHARE.NOT_A_FRACTION',
      'gate.fraction',
      'gate.fraction is 3; it must be a fraction from 0 to 1 (0.05 means 5%).',
    ],
    [
      'a gate that applies to something unknown',
      { gate: { fraction: 0.02, holder: 'CCG', appliesTo: 'profits' } },
      'GAINSHARE.UNKNOWN_OPTION',
      'gate.appliesTo',
      'gate.appliesTo is "profits"; it must be one of both, gains, losses.',
    ],
    [
      'a quality multiplier above 1',
      { quality: { multipliers: { Provider: 1.2 }, unearnedTo: 'CCG' } },
      'GAINSHARE.NOT_A_FRACTION',
      'quality.multipliers.Provider',
      'quality.multipliers.Provider is 1.2; it must be a fraction from 0 to 1 (0.05 means 5%).',
    ],
    [
      'quality with nobody to receive what is not earned',
      { quality: { multipliers: { Provider: 0.9 } } },
      'GAINSHARE.MISSING',
      'quality.unearnedTo',
      'quality.unearnedTo must be a name; it is nothing.',
    ],
    [
      'a cap on the overflow party',
      { caps: { loss: { CCG: { amount: 5 } }, overflowTo: 'CCG' } },
      'GAINSHARE.INCONSISTENT',
      'caps.loss.CCG',
      'caps.loss caps "CCG", which is caps.overflowTo: the overflow party cannot be capped.',
    ],
    [
      'a cap with both an amount and a fraction',
      { caps: { gain: { Provider: { amount: 5, fraction: 0.1 } }, overflowTo: 'CCG' } },
      'GAINSHARE.INCONSISTENT',
      'caps.gain.Provider',
      'caps.gain.Provider needs exactly one of amount or fraction.',
    ],
    [
      'a negative cap',
      { caps: { gain: { Provider: { amount: -1 } }, overflowTo: 'CCG' } },
      'GAINSHARE.NEGATIVE',
      'caps.gain.Provider.amount',
      'caps.gain.Provider.amount is -1; it cannot be negative.',
    ],
    [
      'zero units',
      { units: 0 },
      'GAINSHARE.NOT_POSITIVE',
      'units',
      'units is 0; it must be more than 0.',
    ],
  ])('%s', (_what, change, code, field, message) => {
    expect(refusal(change)).toEqual({ code, field, message });
  });

  it('refuses missing terms altogether', () => {
    expect(() => gainLossShare(undefined as unknown as GainLossShareInput)).toThrow(
      'The gain/loss share terms are missing.',
    );
  });
});

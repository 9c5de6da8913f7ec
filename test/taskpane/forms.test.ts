import { checkForm, equalPercents } from '../../src/taskpane/forms/fields';
import {
  checkGainLoss,
  defaultGainLoss,
  gainLossParams,
} from '../../src/taskpane/forms/gainLossForm';
import { GAIN_LOSS_PRESETS } from '../../src/taskpane/forms/gainLossPresets';
import { SIMPLE_FORMS } from '../../src/taskpane/forms/mechanismForms';
import { buildRequest, initialForms } from '../../src/taskpane/forms/request';

const PARTIES = ['Circle', 'Bedfordshire CCG'];
const PARTNERS = ['B&NES CCG', 'B&NES Council'];

function preset(id: string) {
  const found = GAIN_LOSS_PRESETS.find((p) => p.id === id);
  if (found === undefined) throw new Error(id);
  return found.apply(PARTIES);
}

describe('parameter forms', () => {
  it('gives every simple mechanism valid defaults', () => {
    for (const [id, form] of Object.entries(SIMPLE_FORMS)) {
      const values = form.defaults(PARTIES);
      const errors = checkForm(form.fields, values, PARTIES);
      const expected = id === 'bcfPaymentForPerformance' ? { unitCost: 'Enter a value.' } : {};
      expect([id, errors]).toEqual([id, expected]);
    }
  });

  it('splits equal shares so they add up to exactly 100', () => {
    expect(equalPercents(['A', 'B', 'C'])).toEqual(['33.3333', '33.3333', '33.3334']);
    expect(equalPercents(['A', 'B'])).toEqual(['50', '50']);
  });

  it('turns the capitation form into decimal strings (Bedfordshire MSK uplift 1.3%, King’s Fund 2014)', () => {
    const forms = initialForms(PARTIES, PARTNERS);
    const values = {
      ...SIMPLE_FORMS.capitation.defaults(PARTIES),
      uplift: '1.3',
      toleranceBand: '2',
    };
    const built = buildRequest('capitation', { ...forms, simple: { capitation: values } });
    expect(built).toEqual({
      ok: true,
      request: {
        mechanism: 'capitation',
        params: {
          years: 5,
          uplift: '0.013',
          efficiency: '0',
          populationGrowth: '0',
          toleranceBand: '0.02',
          toleranceBasis: 'excess',
        },
      },
    });
  });

  it('checks agreed fixed shares of a pooled fund add up to 100% (Rotherham 50/50)', () => {
    const forms = initialForms(PARTIES, PARTNERS);
    const values = {
      ...SIMPLE_FORMS.pooledFund.defaults(PARTNERS),
      rule: 'fixed',
      'fixedShares.B&NES CCG': '60',
    };
    expect(buildRequest('pooledFund', { ...forms, simple: { pooledFund: values } })).toEqual({
      ok: false,
      errors: { fixedShares: 'Agreed shares of a variance must add up to 100%.' },
    });
    const fixed = { ...values, 'fixedShares.B&NES CCG': '50' };
    expect(buildRequest('pooledFund', { ...forms, simple: { pooledFund: fixed } })).toEqual({
      ok: true,
      request: {
        mechanism: 'pooledFund',
        params: {
          rule: 'fixed',
          unbudgetedSpend: 'error',
          fixedShares: { 'B&NES CCG': '0.5', 'B&NES Council': '0.5' },
        },
      },
    });
  });

  it('offers the pooled fund’s partners, not the contracts’ parties (B&NES OBC 2015)', () => {
    const forms = initialForms(PARTIES, PARTNERS);
    const built = buildRequest('pooledFund', {
      ...forms,
      simple: {
        pooledFund: { ...SIMPLE_FORMS.pooledFund.defaults(PARTNERS), rule: 'commissioner' },
      },
    });
    expect(built).toEqual({
      ok: true,
      request: {
        mechanism: 'pooledFund',
        params: {
          rule: 'commissioner',
          unbudgetedSpend: 'error',
          nhsPartner: 'B&NES CCG',
          laPartner: 'B&NES Council',
        },
      },
    });
  });

  it('sends overspend caps only for partners given one, with who takes the excess', () => {
    const values = {
      ...SIMPLE_FORMS.pooledFund.defaults(PARTNERS),
      'overspendCaps.B&NES Council': 'lots',
    };
    expect(checkForm(SIMPLE_FORMS.pooledFund.fields, values, PARTNERS)).toEqual({
      'overspendCaps.B&NES Council': '"lots" is not an amount in pounds, e.g. 1,250,000.00.',
    });
    const params = SIMPLE_FORMS.pooledFund.toParams(
      { ...values, 'overspendCaps.B&NES Council': '£500,000', excessTo: 'B&NES CCG' },
      PARTNERS,
    );
    expect(params.overspendCaps).toEqual({ 'B&NES Council': '500000' });
    expect(params.excessTo).toBe('B&NES CCG');
  });

  it('picks the rate of the chosen activity payment model (2019/20 blended 20%)', () => {
    const defaults = SIMPLE_FORMS.activityPayment.defaults(PARTIES);
    expect(SIMPLE_FORMS.activityPayment.toParams(defaults, PARTIES)).toEqual({
      model: 'blended',
      rate: '0.2',
    });
    expect(
      SIMPLE_FORMS.activityPayment.toParams({ ...defaults, model: 'marginal' }, PARTIES),
    ).toEqual({
      model: 'marginal',
      rate: '0.7',
    });
    expect(
      SIMPLE_FORMS.activityPayment.toParams({ ...defaults, model: 'corridor' }, PARTIES),
    ).toEqual({
      model: 'corridor',
      rate: '0.7',
      corridorBand: '0.03',
      refundRate: '0',
    });
  });
});

describe('gain/loss share editor', () => {
  it('starts with one band shared equally, losses like gains', () => {
    const form = defaultGainLoss(PARTIES);
    expect(checkGainLoss(form, PARTIES)).toEqual({});
    expect(gainLossParams(form, PARTIES)).toEqual({
      parties: PARTIES,
      bandLimits: 'fraction',
      gainBands: [{ shares: { Circle: '0.5', 'Bedfordshire CCG': '0.5' } }],
    });
  });

  it('Bedfordshire MSK preset (King’s Fund 2014): first 5% to the provider, then 50:50; provider bears losses', () => {
    expect(gainLossParams(preset('bedfordshire'), PARTIES)).toEqual({
      parties: PARTIES,
      bandLimits: 'fraction',
      gainBands: [
        { upTo: '0.05', shares: { Circle: '1', 'Bedfordshire CCG': '0' } },
        { shares: { Circle: '0.5', 'Bedfordshire CCG': '0.5' } },
      ],
      lossBands: [{ shares: { Circle: '1', 'Bedfordshire CCG': '0' } }],
    });
  });

  it('alliance preset (Australian alliance, traditional risk or reward): 50:50 with the NOP loss capped at £8m', () => {
    const params = gainLossParams(preset('alliance'), PARTIES);
    expect(params.lossBands).toBeUndefined();
    expect(params.caps).toEqual({
      gain: {},
      loss: { Circle: '8000000' },
      overflowTo: 'Bedfordshire CCG',
    });
  });

  it('shared-savings preset (Medicare Shared Savings Program): 3.3% gate on gains, quality on gains', () => {
    const params = gainLossParams(preset('shared-savings'), PARTIES);
    expect(params.gate).toEqual({
      fraction: '0.033',
      holder: 'Bedfordshire CCG',
      appliesTo: 'gains',
    });
    expect(params.quality).toEqual({
      multipliers: { Circle: '1', 'Bedfordshire CCG': '1' },
      unearnedTo: 'Bedfordshire CCG',
    });
    expect(params.lossBands).toEqual([{ shares: { Circle: '0', 'Bedfordshire CCG': '1' } }]);
  });

  it('names band shares that do not add up, limits out of order and bad caps', () => {
    const form = preset('bedfordshire');
    const bad = {
      ...form,
      gainBands: [
        { upTo: '5', shares: { Circle: '100', 'Bedfordshire CCG': '0' } },
        { upTo: '4', shares: { Circle: '50', 'Bedfordshire CCG': '45' } },
        { upTo: '', shares: { Circle: 'x', 'Bedfordshire CCG': '50' } },
      ],
      caps: { ...form.caps, on: true, loss: { Circle: 'lots' } },
    };
    expect(checkGainLoss(bad, PARTIES)).toEqual({
      'gain.1.upTo': 'Each band must end above the one before.',
      'gain.1.shares': 'Band 2 shares add up to 95%, not 100%.',
      'gain.2.share.Circle': '"x" is not a percentage, e.g. 5 or 2.5.',
      'caps.loss.Circle': '"lots" is not an amount in pounds, e.g. 1,250,000.00.',
    });
  });

  it('reads band limits in pounds when chosen', () => {
    const form = { ...preset('bedfordshire'), bandLimits: 'amount' as const };
    const withAmount = {
      ...form,
      gainBands: form.gainBands.map((b, i) => (i === 0 ? { ...b, upTo: '1,258,750' } : b)),
    };
    expect(gainLossParams(withAmount, PARTIES).gainBands[0]?.upTo).toBe('1258750');
  });

  it('refuses to run without parties', () => {
    expect(checkGainLoss(defaultGainLoss([]), [])).toEqual({
      parties: 'The contracts table names no parties.',
    });
  });
});

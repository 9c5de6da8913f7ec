import {
  checkForm,
  equalPercents,
  recordsOf,
  withRecords,
  type FieldChoices,
} from '../../src/taskpane/forms/fields';
import {
  ALL_CONTRACTS,
  checkGainLoss,
  defaultGainLoss,
  NO_BANDS_FOR_ALL,
  withoutBandsWarning,
  gainLossParams,
  type GainLossForm,
} from '../../src/taskpane/mechanisms/gainLossShare/gainLossForm';
import {
  GAIN_LOSS_PRESETS,
  rolesOf,
} from '../../src/taskpane/mechanisms/gainLossShare/gainLossPresets';
import { SIMPLE_FORMS } from '../../src/taskpane/forms/mechanismForms';
import { buildRequest, initialForms } from '../../src/taskpane/forms/request';
import type { ContractSummary } from '../../src/taskpane/operations';

const PARTNERS = ['B&NES CCG', 'B&NES Council'];
/** Bedfordshire MSK prime contract (King's Fund 2014); the Parties cell lists the CCG first. */
const MSK: ContractSummary = {
  id: 'MSK1',
  provider: 'Circle',
  commissioner: 'Bedfordshire CCG',
  parties: ['Bedfordshire CCG', 'Circle'],
  hasBands: false,
};
const CONTRACTS = [MSK];
const NONE: FieldChoices = { names: [], contracts: ['MSK1'] };
const POOL: FieldChoices = { names: PARTNERS, contracts: [] };

function preset(id: string): GainLossForm {
  const found = GAIN_LOSS_PRESETS.find((p) => p.id === id);
  const roles = rolesOf(MSK);
  if (found === undefined || roles === undefined) throw new Error(id);
  return found.apply(defaultGainLoss(CONTRACTS), MSK.parties, roles);
}

describe('parameter forms', () => {
  it('gives every simple mechanism valid defaults, except the plan checks’ minima', () => {
    for (const [id, form] of Object.entries(SIMPLE_FORMS)) {
      const choices = form.names === 'partners' ? POOL : NONE;
      const errors = checkForm(form.fields, form.defaults(choices), choices);
      const expected =
        id === 'checks'
          ? { socialCareMinimum: 'Enter a value.', nhsOutOfHospitalMinimum: 'Enter a value.' }
          : {};
      expect([id, errors]).toEqual([id, expected]);
    }
  });

  it('turns funding envelope changes into the layer’s list (B&NES: −7% over four years; CCG −3% a year)', () => {
    const form = SIMPLE_FORMS.envelope;
    const values = withRecords({ ...form.defaults(POOL), years: '4' }, 'changes', [
      {
        name: 'Net budget reduction',
        partner: '',
        how: 'total',
        rate: '-7',
        overYears: '4',
        phasing: 'compound',
      },
      {
        name: 'CCG savings',
        partner: 'B&NES CCG',
        how: 'annual',
        rate: '-3',
        overYears: '4',
        phasing: 'compound',
      },
      {
        name: 'Bad',
        partner: 'Nobody',
        how: 'annual',
        rate: 'x',
        overYears: '4',
        phasing: 'compound',
      },
    ]);
    expect(checkForm(form.fields, values, POOL)).toEqual({
      'changes.2.partner': 'Choose a party.',
      'changes.2.rate': '"x" is not a percentage, e.g. 5 or 2.5.',
    });
    const valid = withRecords(values, 'changes', recordsOf(values, 'changes').slice(0, 2));
    expect(checkForm(form.fields, valid, POOL)).toEqual({});
    expect(form.toParams(valid, POOL)).toEqual({
      years: 4,
      changes: [
        {
          name: 'Net budget reduction',
          totalOverYears: '-0.07',
          overYears: 4,
          phasing: 'compound',
        },
        { name: 'CCG savings', partner: 'B&NES CCG', annualRate: '-0.03' },
      ],
    });
  });

  it('splits equal shares so they add up to exactly 100', () => {
    expect(equalPercents(['A', 'B', 'C'])).toEqual(['33.3333', '33.3333', '33.3334']);
    expect(equalPercents(['A', 'B'])).toEqual(['50', '50']);
  });

  it('turns the capitation form into decimal strings (Bedfordshire MSK uplift 1.3%, King’s Fund 2014)', () => {
    const forms = initialForms(CONTRACTS, PARTNERS);
    const values = {
      ...SIMPLE_FORMS.capitation.defaults(NONE),
      years: '5',
      uplift: '1.3',
      toleranceBand: '2',
    };
    expect(buildRequest('capitation', { ...forms, simple: { capitation: values } })).toEqual({
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
          actualYear: 1,
        },
      },
    });
  });

  it('checks agreed fixed shares of a pooled fund add up to 100% (Rotherham 50/50)', () => {
    const forms = initialForms(CONTRACTS, PARTNERS);
    const values = {
      ...SIMPLE_FORMS.pool.defaults(POOL),
      rule: 'fixed',
      'fixedShares.B&NES CCG': '60',
    };
    expect(buildRequest('pool', { ...forms, simple: { pool: values } })).toEqual({
      ok: false,
      errors: { fixedShares: 'Agreed shares of a variance must add up to 100%.' },
    });
    const fixed = { ...values, 'fixedShares.B&NES CCG': '50' };
    expect(buildRequest('pool', { ...forms, simple: { pool: fixed } })).toEqual({
      ok: true,
      request: {
        mechanism: 'pool',
        params: {
          rule: 'fixed',
          unbudgetedSpend: 'error',
          fixedShares: { 'B&NES CCG': '0.5', 'B&NES Council': '0.5' },
        },
      },
    });
  });

  it('offers the pooled fund’s partners for the commissioner rule (B&NES OBC 2015)', () => {
    const forms = initialForms(CONTRACTS, PARTNERS);
    const values = { ...SIMPLE_FORMS.pool.defaults(POOL), rule: 'commissioner' };
    expect(buildRequest('pool', { ...forms, simple: { pool: values } })).toEqual({
      ok: true,
      request: {
        mechanism: 'pool',
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
      ...SIMPLE_FORMS.pool.defaults(POOL),
      'overspendCaps.B&NES Council': 'lots',
    };
    expect(checkForm(SIMPLE_FORMS.pool.fields, values, POOL)).toEqual({
      'overspendCaps.B&NES Council': '"lots" is not an amount in pounds, e.g. 1,250,000.00.',
    });
    const params = SIMPLE_FORMS.pool.toParams(
      { ...values, 'overspendCaps.B&NES Council': '£500,000', excessTo: 'B&NES CCG' },
      POOL,
    );
    expect(params.overspendCaps).toEqual({ 'B&NES Council': '500000' });
    expect(params.excessTo).toBe('B&NES CCG');
  });

  it('sends the activity model’s own rate (2019/20 blended 20%, marginal 70%, aligned 75%)', () => {
    const defaults = SIMPLE_FORMS.activity.defaults(NONE);
    const params = (model: string) => SIMPLE_FORMS.activity.toParams({ ...defaults, model }, NONE);
    expect(params('marginal')).toEqual({ model: 'marginal', marginalRate: '0.7' });
    expect(params('blended')).toEqual({ model: 'blended', variableRate: '0.2' });
    expect(params('aligned')).toEqual({ model: 'aligned', variableRate: '0.75' });
    expect(params('corridor')).toEqual({
      model: 'corridor',
      marginalRate: '0.7',
      band: '0.03',
      refundRate: '0',
    });
    expect(
      SIMPLE_FORMS.activity.toParams(
        { ...defaults, model: 'block', blockValue: '20,000,000', years: '3', inflator: '-1.1' },
        NONE,
      ),
    ).toEqual({ model: 'block', blockValue: '20000000', years: 3, inflator: '-0.011' });
  });

  it('asks for a contract when pay for performance has several', () => {
    const choices = { names: [], contracts: ['A', 'B'] };
    const defaults = SIMPLE_FORMS.p4p.defaults(choices);
    expect(defaults.contract).toBe('A');
    expect(checkForm(SIMPLE_FORMS.p4p.fields, { ...defaults, contract: '' }, choices)).toEqual({
      contract: 'Choose a contract.',
    });
    expect(SIMPLE_FORMS.p4p.toParams(defaults, choices)).toEqual({
      contract: 'A',
      period: 'Contract period',
      phasing: 'applied',
      appliedFraction: '1',
    });
  });
});

describe('gain/loss share editor', () => {
  it('starts with the pane’s terms when the workbook has no bands for the contract', () => {
    const form = defaultGainLoss(CONTRACTS);
    expect(checkGainLoss(form, CONTRACTS)).toEqual({});
    expect(gainLossParams(form, CONTRACTS)).toEqual({
      terms: 'pane',
      parties: ['Bedfordshire CCG', 'Circle'],
      editor: {
        bandLimits: 'fraction',
        gainBands: [{ shares: { 'Bedfordshire CCG': '0.5', Circle: '0.5' } }],
      },
    });
  });

  it('uses the workbook’s risk-share tables when they have bands for the contract', () => {
    const form = defaultGainLoss([{ ...MSK, hasBands: true }]);
    expect(gainLossParams(form, [{ ...MSK, hasBands: true }])).toEqual({
      terms: 'workbook',
      parties: ['Bedfordshire CCG', 'Circle'],
    });
  });

  it('Bedfordshire MSK preset (King’s Fund 2014): provider keeps the first 5%, then 50:50; provider bears losses', () => {
    expect(gainLossParams(preset('bedfordshire'), CONTRACTS).editor).toEqual({
      bandLimits: 'fraction',
      gainBands: [
        { upTo: '0.05', shares: { 'Bedfordshire CCG': '0', Circle: '1' } },
        { shares: { 'Bedfordshire CCG': '0.5', Circle: '0.5' } },
      ],
      lossBands: [{ shares: { 'Bedfordshire CCG': '0', Circle: '1' } }],
    });
  });

  it('alliance preset (Australian alliance, traditional risk or reward): 50:50, non-owners’ loss capped at £8m', () => {
    const params = gainLossParams(preset('alliance'), CONTRACTS);
    expect(params.editor?.lossBands).toBeUndefined();
    expect(params.editor?.caps).toEqual({ gain: {}, loss: { Circle: '8000000' } });
    expect(params.overflowTo).toBe('Bedfordshire CCG');
  });

  it('shared-savings preset (Medicare Shared Savings Program): 3.3% gate on gains, quality scores', () => {
    const params = gainLossParams(preset('shared-savings'), CONTRACTS);
    expect(params.gate).toEqual({
      fraction: '0.033',
      holder: 'Bedfordshire CCG',
      appliesTo: 'gains',
    });
    expect(params.editor?.quality).toEqual({ 'Bedfordshire CCG': '1', Circle: '1' });
    expect(params.unearnedTo).toBe('Bedfordshire CCG');
    expect(params.editor?.lossBands).toEqual([
      { shares: { 'Bedfordshire CCG': '1', Circle: '0' } },
    ]);
  });

  it('names band shares that do not add up, limits out of order, bad caps and units', () => {
    const form = preset('bedfordshire');
    const bad: GainLossForm = {
      ...form,
      units: 'many',
      gainBands: [
        { upTo: '5', shares: { Circle: '100', 'Bedfordshire CCG': '0' } },
        { upTo: '4', shares: { Circle: '50', 'Bedfordshire CCG': '45' } },
        { upTo: '', shares: { Circle: 'x', 'Bedfordshire CCG': '50' } },
      ],
      caps: { ...form.caps, on: true, loss: { Circle: 'lots' } },
    };
    expect(checkGainLoss(bad, CONTRACTS)).toEqual({
      'gain.1.upTo': 'Each band must end above the one before.',
      'gain.1.shares': 'Band 2 shares add up to 95%, not 100%.',
      'gain.2.share.Circle': '"x" is not a percentage, e.g. 5 or 2.5.',
      'caps.loss.Circle': '"lots" is not an amount in pounds, e.g. 1,250,000.00.',
      units: '"many" is not a number of units, e.g. 125,000.',
    });
  });

  it('reads band limits in pounds when chosen, and units per member month (Axene: 125,000)', () => {
    const form = { ...preset('bedfordshire'), bandLimits: 'amount' as const, units: '125,000' };
    const withAmount = {
      ...form,
      gainBands: form.gainBands.map((b, i) => (i === 0 ? { ...b, upTo: '1,258,750' } : b)),
    };
    const params = gainLossParams(withAmount, CONTRACTS);
    expect(params.editor?.gainBands[0]?.upTo).toBe('1258750');
    expect(params.units).toBe('125000');
  });

  it('all contracts: the workbook’s tables, no contract, the gate without a holder', () => {
    const other: ContractSummary = { id: 'ALL2', parties: ['Trust', 'Council'], hasBands: true };
    const contracts = [MSK, other];
    const form = defaultGainLoss(contracts, ALL_CONTRACTS);
    expect(form).toMatchObject({ contract: ALL_CONTRACTS, terms: 'workbook' });
    expect(checkGainLoss(form, contracts)).toEqual({});
    expect(gainLossParams(form, contracts)).toEqual({ terms: 'workbook', parties: [] });
    const gated = {
      ...form,
      gate: { on: true, percent: '1.5', holder: '', appliesTo: 'losses' as const },
      // Left over from a contract: never sent with all contracts.
      units: '125,000',
      unearnedTo: 'Circle',
    };
    expect(checkGainLoss(gated, contracts)).toEqual({});
    expect(gainLossParams(gated, contracts)).toEqual({
      terms: 'workbook',
      parties: [],
      gate: { fraction: '0.015', appliesTo: 'losses' },
    });
    expect(checkGainLoss({ ...gated, gate: { ...gated.gate, percent: 'tbc' } }, contracts)).toEqual(
      { 'gate.percent': expect.any(String) as string },
    );
  });

  it('all contracts: refused when no contract has bands or there is only one contract; warns of those without', () => {
    const other: ContractSummary = { id: 'ALL2', parties: ['Trust', 'Council'], hasBands: false };
    const form = defaultGainLoss([MSK, other], ALL_CONTRACTS);
    expect(checkGainLoss(form, [MSK, other])).toEqual({ contract: NO_BANDS_FOR_ALL });
    expect(checkGainLoss(form, [{ ...MSK, hasBands: true }])).toEqual({
      contract: 'Choose a contract.',
    });
    expect(withoutBandsWarning([MSK, other])).toBeUndefined();
    expect(withoutBandsWarning([{ ...MSK, hasBands: true }, other])).toBe(
      'ALL2 has no bands in the RiskShareBands table, so a run over all contracts will stop: add them there, or choose one contract.',
    );
    expect(
      withoutBandsWarning([{ ...MSK, hasBands: true }, other, { ...other, id: 'K3' }]),
    ).toMatch(/^ALL2, K3 have no bands/);
  });

  it('asks for a contract when there are several, and refuses one without parties', () => {
    const other = { ...MSK, id: 'ALL1', parties: [] };
    expect(checkGainLoss({ ...defaultGainLoss([MSK, other]), contract: '' }, [MSK, other])).toEqual(
      {
        contract: 'Choose a contract.',
      },
    );
    expect(checkGainLoss(defaultGainLoss([other]), [other])).toEqual({
      contract: 'This contract names no parties.',
    });
  });
});

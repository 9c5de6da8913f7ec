/**
 * Forms restored from saved parameters that did not come from the pane: `bcf run
 * --params` files (numbers, "5%", aliases), hand-edited or damaged settings. Whatever
 * the form cannot show keeps the field's default; nothing throws.
 */
import {
  ALL_CONTRACTS,
  checkGainLoss,
} from '../../src/taskpane/mechanisms/gainLossShare/gainLossForm';
import { buildRequest, initialForms, valuesOf } from '../../src/taskpane/forms/request';
import { restoredGainLoss } from '../../src/taskpane/mechanisms/gainLossShare/restoreGainLoss';
import { restoredValues } from '../../src/taskpane/forms/restoreSimple';
import { SIMPLE_FORMS } from '../../src/taskpane/forms/mechanismForms';
import { scenarioParams } from '../../src/taskpane/layer/layerParams';
import type { ContractSummary } from '../../src/taskpane/operations';

const PARTNERS = ['B&NES CCG', 'B&NES Council'];
const POOL = { names: PARTNERS, contracts: [] };
const NONE = { names: [], contracts: ['MSK1'] };
/** Bedfordshire MSK prime contract (King's Fund 2014). */
const MSK: ContractSummary = {
  id: 'MSK1',
  provider: 'Circle',
  commissioner: 'Bedfordshire CCG',
  parties: ['Circle', 'Bedfordshire CCG'],
  hasBands: false,
};

/** The Bedfordshire MSK bands as a --params file would give them (King's Fund 2014). */
const BEDFORDSHIRE_BANDS = [
  {
    'Contract ID': 'MSK1',
    'Gain or loss': 'Gain',
    Band: 1,
    'Up to % of expected': 0.05,
    Party: 'Circle',
    Share: 1,
  },
  {
    'Contract ID': 'MSK1',
    'Gain or loss': 'Gain',
    Band: 1,
    'Up to % of expected': '5%',
    Party: 'Bedfordshire CCG',
    Share: 0,
  },
  { 'Contract ID': 'MSK1', Direction: 'gains', Band: 2, Party: 'circle', Share: '50%' },
  { 'Contract ID': 'MSK1', Direction: 'Gain', Band: '2', Party: 'Bedfordshire CCG', Share: 0.5 },
  { 'Contract ID': 'MSK1', Direction: 'Loss', Band: 1, Party: 'Circle', Share: 1 },
  { 'Contract ID': 'MSK1', Direction: 'Loss', Band: 1, Party: 'Bedfordshire CCG', Share: 0 },
];

/** The same terms as the gain share's `terms` parameter, as a --params file may give them (numbers or decimal strings). */
const BEDFORDSHIRE_TERMS = {
  gainBands: [
    { upToFraction: 0.05, shares: { Circle: 1, 'Bedfordshire CCG': '0' } },
    { shares: { circle: '0.5', 'Bedfordshire CCG': 0.5 } },
  ],
  lossBands: [{ shares: { Circle: 1 } }],
};

describe('simple forms from saved parameters', () => {
  it('reads values as the workbook layer does: numbers, "5%", numeric text (Bedfordshire MSK capitation)', () => {
    const values = restoredValues(
      'capitation',
      {
        years: 5,
        uplift: 0.013,
        efficiency: '2%',
        populationGrowth: '-0.5%',
        toleranceBand: 0.02,
        toleranceBasis: 'FULL',
        actualYear: '2',
      },
      NONE,
    );
    expect(values).toEqual({
      years: '5',
      uplift: '1.3',
      efficiency: '2',
      populationGrowth: '-0.5',
      toleranceBand: '2',
      toleranceBasis: 'full',
      actualYear: '2',
    });
  });

  it('keeps the default of each field it cannot read or show, and never throws', () => {
    const values = restoredValues(
      'capitation',
      {
        years: -3,
        uplift: 'lots',
        efficiency: 5,
        populationGrowth: [0.01],
        toleranceBand: { a: 1 },
        toleranceBasis: 'most',
      },
      NONE,
    );
    expect(values).toEqual(SIMPLE_FORMS.capitation.defaults(NONE));
    for (const junk of [null, 'x', 42, [], [{ years: 2 }], {}]) {
      expect(restoredValues('capitation', junk, NONE)).toBeUndefined();
    }
  });

  it('refuses a value outside the field’s range rather than clip it (an inflator beyond ±50%)', () => {
    const values = restoredValues(
      'activity',
      { model: 'block', blockValue: '£1,000,000', inflator: -0.6, years: 3 },
      NONE,
    );
    expect(values).toMatchObject({
      model: 'block',
      blockValue: '1000000',
      inflator: '0',
      years: '3',
    });
  });

  it('shows an activity payment’s variable rate in the box of its model', () => {
    expect(
      restoredValues('activity', { model: 'aligned', variableRate: 0.75 }, NONE),
    ).toMatchObject({ alignedRate: '75', blendedRate: '20' });
    expect(
      restoredValues('activity', { model: 'blended', variableRate: '25%' }, NONE),
    ).toMatchObject({ blendedRate: '25', alignedRate: '75' });
  });

  it('restores the pooled fund’s fixed shares (B&NES) only whole, and each cap for a partner it knows', () => {
    const values = restoredValues(
      'pool',
      {
        rule: 'fixed',
        fixedShares: { 'b&nes ccg': 0.4094, 'B&NES Council': '59.06%' },
        overspendCaps: { 'B&NES Council': 500000, 'Somerset CCG': 100000, 'B&NES CCG': 'a lot' },
        excessTo: 'B&NES CCG',
      },
      POOL,
    );
    expect(values).toMatchObject({
      rule: 'fixed',
      'fixedShares.B&NES CCG': '40.94',
      'fixedShares.B&NES Council': '59.06',
      'overspendCaps.B&NES Council': '500000',
      excessTo: 'B&NES CCG',
    });
    expect(values?.['overspendCaps.B&NES CCG']).toBeUndefined();
    const stranger = restoredValues(
      'pool',
      { rule: 'fixed', fixedShares: { 'B&NES CCG': 0.5, 'Somerset CCG': 0.5 } },
      POOL,
    );
    expect(stranger).toMatchObject({
      rule: 'fixed',
      'fixedShares.B&NES CCG': '50',
      'fixedShares.B&NES Council': '50',
    });
  });

  it('restores B&NES funding envelope changes it can show and leaves out one it cannot (a category)', () => {
    const values = restoredValues(
      'envelope',
      {
        years: 4,
        changes: [
          { name: 'Net budget reduction', totalOverYears: '-7%', overYears: 4 },
          { name: 'CCG efficiency', partner: 'B&NES CCG', annualRate: -0.03 },
          { name: 'Care homes', category: 'Residential', annualRate: 0.02 },
          { name: 'Both kinds', annualRate: 0.01, totalOverYears: 0.04, overYears: 4 },
        ],
      },
      POOL,
    );
    const forms = { ...initialForms([], PARTNERS), simple: { envelope: values } };
    const built = buildRequest('envelope', forms);
    expect(built).toEqual({
      ok: true,
      request: {
        mechanism: 'envelope',
        params: {
          years: 4,
          changes: [
            {
              name: 'Net budget reduction',
              totalOverYears: '-0.07',
              overYears: 4,
              phasing: 'compound',
            },
            { name: 'CCG efficiency', partner: 'B&NES CCG', annualRate: '-0.03' },
          ],
        },
      },
    });
  });
});

describe('the gain/loss editor from saved parameters', () => {
  it('shows the Bedfordshire MSK terms of a --params file (King’s Fund 2014) as pane terms', () => {
    const form = restoredGainLoss({ contract: 'msk1', terms: BEDFORDSHIRE_TERMS }, [MSK]);
    expect(form).toMatchObject({
      contract: 'MSK1',
      terms: 'pane',
      bandLimits: 'fraction',
      gainBands: [
        { upTo: '5', shares: { Circle: '100', 'Bedfordshire CCG': '0' } },
        { upTo: '', shares: { Circle: '50', 'Bedfordshire CCG': '50' } },
      ],
      symmetric: false,
      lossBands: [{ upTo: '', shares: { Circle: '100', 'Bedfordshire CCG': '0' } }],
      quality: { on: false },
      caps: { on: false },
    });
    expect(checkGainLoss(form ?? ({} as never), [MSK])).toEqual({});
  });

  it('takes caps in pounds and quality multipliers from the saved terms, shares as a list in party order', () => {
    const form = restoredGainLoss(
      {
        terms: {
          gainBands: [{ shares: ['0.5', '0.5'] }],
          quality: { Circle: '0.8' },
          caps: { gain: { Circle: { amount: '1000000' } } },
        },
      },
      [MSK],
    );
    expect(form).toMatchObject({
      contract: '',
      terms: 'pane',
      symmetric: true,
      gainBands: [{ upTo: '', shares: { Circle: '50', 'Bedfordshire CCG': '50' } }],
      quality: { on: true, multipliers: { Circle: '80', 'Bedfordshire CCG': '100' } },
      caps: {
        on: true,
        gain: { Circle: '1000000', 'Bedfordshire CCG': '' },
        loss: { Circle: '', 'Bedfordshire CCG': '' },
      },
    });
  });

  it('leaves the contract’s default terms when the saved terms do not pass the engine’s checks or cannot be shown, keeping the rest', () => {
    const [first, second] = BEDFORDSHIRE_TERMS.gainBands;
    const odd: unknown[] = [
      // A party who is not a party to MSK1 (the engine refuses it).
      { gainBands: [first, { shares: { Circle: '0.5', 'Somebody else': '0.5' } }] },
      // Shares that do not add up to 100% (the engine refuses them).
      { gainBands: [{ shares: { Circle: '0.5', 'Bedfordshire CCG': '0.4' } }] },
      // A limit on the last band, which is open-ended (the engine refuses it).
      { gainBands: [first, { ...second, upToFraction: '0.1' }] },
      // Limits as percentages and as amounts: the editor has one kind of limit.
      { gainBands: [first, { upToAmount: '2000000', ...second }, second] },
      // A cap as a fraction of expected spend: the editor has no box for it.
      { ...BEDFORDSHIRE_TERMS, caps: { loss: { Circle: { fraction: '0.1' } } } },
      // A part the terms do not have.
      { ...BEDFORDSHIRE_TERMS, gate: 0.01 },
      'not a record',
    ];
    for (const terms of odd) {
      const form = restoredGainLoss({ terms, gate: 0.01, gateHolder: 'Circle', units: 125000 }, [
        MSK,
      ]);
      expect(form).toMatchObject({
        terms: 'pane',
        gainBands: [{ upTo: '', shares: { Circle: '50', 'Bedfordshire CCG': '50' } }],
        symmetric: true,
        caps: { on: false },
        gate: { on: true, percent: '1', holder: 'Circle', appliesTo: 'both' },
        units: '125000',
      });
    }
  });

  it('does not read back the RiskShareBands/RiskShareTerms table parameters an older add-in saved: the contract’s default terms', () => {
    const form = restoredGainLoss(
      {
        contract: 'MSK1',
        riskShareBands: BEDFORDSHIRE_BANDS,
        riskShareTerms: [{ Party: 'Circle', 'Gain cap': 1000000 }],
        gate: 0.01,
      },
      [MSK, { ...MSK, id: 'MSK2', hasBands: true }],
    );
    // MSK1 has no bands in the workbook: the editor's one band shared equally.
    expect(form).toMatchObject({
      contract: 'MSK1',
      terms: 'pane',
      gainBands: [{ upTo: '', shares: { Circle: '50', 'Bedfordshire CCG': '50' } }],
      caps: { on: false },
      gate: { on: true, percent: '1' },
    });
    // A contract with bands in the workbook: its tables, as a fresh form has them.
    expect(
      restoredGainLoss({ contract: 'MSK2', riskShareBands: BEDFORDSHIRE_BANDS }, [
        { ...MSK, id: 'MSK2', hasBands: true },
      ]),
    ).toMatchObject({ contract: 'MSK2', terms: 'workbook' });
  });

  it('uses the workbook’s tables when the run saved no bands, and asks for a gate holder it does not know', () => {
    const form = restoredGainLoss(
      {
        contract: 'MSK1',
        gate: '2%',
        gateHolder: 'Circle Health',
        gateAppliesTo: 'GAINS',
        unearnedTo: 'nobody',
      },
      [MSK],
    );
    expect(form).toMatchObject({
      terms: 'workbook',
      gate: { on: true, percent: '2', holder: '', appliesTo: 'gains' },
      unearnedTo: '',
    });
    expect(checkGainLoss(form ?? ({} as never), [MSK])).toEqual({
      'gate.holder': 'Choose a party.',
    });
  });

  it('restores nothing for a contract the workbook no longer has', () => {
    expect(restoredGainLoss({ contract: 'GONE', gate: 0.01 }, [MSK])).toBeUndefined();
    expect(restoredGainLoss({ gate: 0.01 }, [])).toBeUndefined();
    // Nothing saved but the run itself: the workbook's tables with every default.
    expect(restoredGainLoss({}, [MSK])).toMatchObject({ contract: '', terms: 'workbook' });
  });

  it('restores a run over every contract (no contract saved, several in the workbook) as all contracts, with its gate', () => {
    const other: ContractSummary = { id: 'K2', parties: ['A', 'B'], hasBands: true };
    const forms = initialForms([MSK, other], [], undefined, {
      gainshare: { gate: '2%', gateAppliesTo: 'Gains' },
    });
    expect(forms.restored).toEqual(['gainshare']);
    expect(forms.gainLoss).toMatchObject({
      contract: ALL_CONTRACTS,
      terms: 'workbook',
      gate: { on: true, percent: '2', holder: '', appliesTo: 'gains' },
    });
    const built = buildRequest('gainshare', forms);
    expect(built.ok && scenarioParams(built.request)).toEqual({
      gate: '0.02',
      gateAppliesTo: 'gains',
    });
    // A `bcf run` over every contract with no parameters at all.
    expect(restoredGainLoss({}, [MSK, other])).toMatchObject({
      contract: ALL_CONTRACTS,
      gate: { on: false },
    });
  });

  it.each([
    ['a gate holder', { gate: 0.01, gateHolder: 'Circle' }],
    ['who receives unearned amounts', { unearnedTo: 'A' }],
    ['who takes capped amounts', { overflowTo: 'A' }],
    ['units', { units: 125000 }],
    ['terms tables', { riskShareBands: BEDFORDSHIRE_BANDS }],
    ['one contract’s terms', { terms: BEDFORDSHIRE_TERMS }],
  ])(
    'restores nothing for a run over every contract that saved %s, which all contracts cannot show',
    (_, saved) => {
      const other: ContractSummary = { id: 'K2', parties: ['A', 'B'], hasBands: true };
      const forms = initialForms([MSK, other], [], undefined, { gainshare: saved });
      expect(forms.restored).toEqual([]);
      expect(forms.gainLoss.contract).toBe('MSK1');
    },
  );

  it('starts every form from what was saved, the plan checks from their saved minima', () => {
    const forms = initialForms([MSK], PARTNERS, undefined, {
      checks: { socialCareMinimum: 2500000, nhsOutOfHospitalMinimum: '£3,000,000' },
      'bcf-p4p': { ambition: 0.035, unitCost: 1490 },
    });
    expect(forms.restored).toEqual(['bcf-p4p', 'checks']);
    expect(valuesOf(forms, 'checks')).toEqual({
      socialCareMinimum: '2500000',
      nhsOutOfHospitalMinimum: '3000000',
    });
    expect(valuesOf(forms, 'bcf-p4p')).toEqual({
      contract: '',
      ambition: '3.5',
      unitCost: '1490',
    });
  });
});

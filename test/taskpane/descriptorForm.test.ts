/**
 * The forms built from the descriptors (forms/descriptorForm.ts) and their inverse
 * (forms/restoreSimple.ts): every registered mechanism's form restores its own defaults
 * from the parameters they give, and the structured parameters (the B&NES pool's shares
 * and caps, its funding envelope's changes) go to the layer's ids and back.
 */
import { descriptorForm } from '../../src/taskpane/forms/descriptorForm';
import { checkForm, withRecords, type FieldChoices } from '../../src/taskpane/forms/fields';
import { SIMPLE_FORMS } from '../../src/taskpane/forms/mechanismForms';
import { restoredFormValues } from '../../src/taskpane/forms/restoreSimple';
import { MECHANISM_LIST } from '../../src/workbook/mechanisms/index';

const PARTNERS = ['B&NES CCG', 'B&NES Council'];
const CHOICE_SETS: readonly FieldChoices[] = [
  { names: [], contracts: [] },
  { names: PARTNERS, contracts: ['MSK1'] },
  { names: ['CCG', 'Council', 'Trust'], contracts: ['MSK1', 'ALL2'] },
];

/** Saves parameters as the settings store does (JSON). */
const saved = (params: unknown): unknown => JSON.parse(JSON.stringify(params)) as unknown;

describe('a form built from each registered descriptor', () => {
  it.each(MECHANISM_LIST.map((m) => [m.id, m] as const))(
    '%s: defaults → parameters → restored form → the same values and parameters',
    (_id, mechanism) => {
      const form = descriptorForm(mechanism);
      for (const choices of CHOICE_SETS) {
        const defaults = form.defaults(choices);
        // The plan checks' minima have no default: the user must give them.
        const values = Object.fromEntries(
          Object.entries(defaults).map(([k, v]) => [
            k,
            v === '' && checkForm(form.fields, defaults, choices)[k] !== undefined ? '1000' : v,
          ]),
        );
        expect(checkForm(form.fields, values, choices)).toEqual({});
        const params = form.toParams(values, choices);
        const restored = restoredFormValues(form, saved(params), choices);
        if (Object.keys(params).length === 0) {
          expect(restored).toBeUndefined();
          continue;
        }
        expect(restored).toEqual(values);
        expect(form.toParams(restored ?? {}, choices)).toEqual(params);
      }
    },
  );

  it('is the pane’s form of every mechanism but the gain/loss share, which has its own editor', () => {
    expect(Object.keys(SIMPLE_FORMS)).toEqual([
      'pool',
      'capitation',
      'p4p',
      'bcf-p4p',
      'activity',
      'envelope',
      'checks',
    ]);
  });
});

describe('structured parameters', () => {
  const POOL = { names: PARTNERS, contracts: [] };

  it('sends the B&NES pool’s fixed shares and caps by partner and restores them', () => {
    const form = SIMPLE_FORMS.pool;
    const values = {
      ...form.defaults(POOL),
      rule: 'fixed',
      'fixedShares.B&NES CCG': '40.94',
      'fixedShares.B&NES Council': '59.06',
      'overspendCaps.B&NES Council': '£500,000',
      excessTo: 'B&NES CCG',
    };
    expect(checkForm(form.fields, values, POOL)).toEqual({});
    const params = form.toParams(values, POOL);
    expect(params).toEqual({
      rule: 'fixed',
      fixedShares: { 'B&NES CCG': '0.4094', 'B&NES Council': '0.5906' },
      overspendCaps: { 'B&NES Council': '500000' },
      excessTo: 'B&NES CCG',
      unbudgetedSpend: 'error',
    });
    const restored = restoredFormValues(form, saved(params), POOL);
    expect(restored).toEqual({ ...values, 'overspendCaps.B&NES Council': '500000' });
    expect(form.toParams(restored ?? {}, POOL)).toEqual(params);
    // Shares that do not add up to 100% are refused, naming the field.
    expect(checkForm(form.fields, { ...values, 'fixedShares.B&NES CCG': '40' }, POOL)).toEqual({
      fixedShares: 'Agreed shares of a variance must add up to 100%.',
    });
  });

  it('sends no caps and no one to bear their excess when no cap is given', () => {
    const form = SIMPLE_FORMS.pool;
    expect(form.toParams({ ...form.defaults(POOL), excessTo: 'B&NES Council' }, POOL)).toEqual({
      rule: 'proportional',
      unbudgetedSpend: 'error',
    });
  });

  it('sends the B&NES envelope changes as annual rates or totals over years, and restores them', () => {
    const form = SIMPLE_FORMS.envelope;
    const values = withRecords({ ...form.defaults(POOL), years: '4' }, 'changes', [
      {
        name: 'Net budget reduction',
        partner: '',
        how: 'total',
        rate: '-7',
        overYears: '4',
        phasing: 'straightLine',
      },
      {
        name: 'CCG efficiency',
        partner: 'B&NES CCG',
        how: 'annual',
        rate: '-3',
        overYears: '4',
        phasing: 'compound',
      },
    ]);
    const params = form.toParams(values, POOL);
    expect(params).toEqual({
      years: 4,
      changes: [
        {
          name: 'Net budget reduction',
          totalOverYears: '-0.07',
          overYears: 4,
          phasing: 'straightLine',
        },
        { name: 'CCG efficiency', partner: 'B&NES CCG', annualRate: '-0.03' },
      ],
    });
    const restored = restoredFormValues(form, saved(params), POOL);
    expect(restored).toEqual(values);
    expect(form.toParams(restored ?? {}, POOL)).toEqual(params);
  });

  it('describes the envelope’s change fields from the descriptor: one box for an annual rate or a total', () => {
    const changes = SIMPLE_FORMS.envelope.fields.find((f) => f.key === 'changes');
    expect(changes?.kind === 'records' && changes.fields.map((f) => [f.key, f.label])).toEqual([
      ['name', 'Name'],
      ['partner', 'Applies to'],
      ['how', 'Kind of change'],
      ['rate', 'Change (%)'],
      ['overYears', 'Over years'],
      ['phasing', 'Phasing'],
    ]);
  });
});

describe('when a field shows, from its parameter’s shownWhen', () => {
  const form = descriptorForm({
    params: [
      {
        id: 'mode',
        label: 'Mode',
        type: { kind: 'enum', options: [{ value: 'a', label: 'A' }, { value: 'b' }] },
        default: 'a',
        help: 'a or b.',
      },
      { id: 'band', label: 'Band', type: { kind: 'fraction' }, help: 'Optional.' },
      {
        id: 'onlyB',
        label: 'Only b',
        type: { kind: 'amount', nonNegative: true },
        shownWhen: { param: 'mode', is: ['b'] },
        help: 'With b.',
      },
      {
        id: 'withBand',
        label: 'With band',
        type: { kind: 'integer', min: 1, max: 5 },
        default: 1,
        shownWhen: { param: 'band' },
        help: 'With a band.',
      },
      { id: 'hidden', label: 'Hidden', type: { kind: 'text' }, pane: { ask: false }, help: '-' },
      {
        id: 'withHidden',
        label: 'With hidden',
        type: { kind: 'text' },
        shownWhen: { param: 'hidden' },
        help: 'Never asked: what it depends on is not asked.',
      },
    ],
  });
  const shown = (values: Record<string, string>): string[] =>
    form.fields.filter((f) => f.showWhen === undefined || f.showWhen(values)).map((f) => f.key);

  it('shows a field for the values it is for, or when what it goes with is given', () => {
    const defaults = form.defaults({ names: [], contracts: [] });
    expect(defaults).toEqual({ mode: 'a', band: '', onlyB: '', withBand: '1', withHidden: '' });
    expect(form.fields.map((f) => [f.key, f.label])).toEqual([
      ['mode', 'Mode'],
      ['band', 'Band (%)'],
      ['onlyB', 'Only b (£)'],
      ['withBand', 'With band'],
      ['withHidden', 'With hidden'],
    ]);
    expect(shown(defaults)).toEqual(['mode', 'band']);
    expect(shown({ ...defaults, mode: 'b', band: '2' })).toEqual([
      'mode',
      'band',
      'onlyB',
      'withBand',
    ]);
    const choices = { names: [], contracts: [] };
    expect(form.toParams({ ...defaults, mode: 'b', onlyB: '£1,000' }, choices)).toEqual({
      mode: 'b',
      onlyB: '1000',
    });
    expect(form.toParams({ ...defaults, band: '2.5', onlyB: '5' }, choices)).toEqual({
      mode: 'a',
      band: '0.025',
      withBand: 1,
    });
  });
});

/**
 * The parameter forms of the mechanisms other than the gain/loss share (which has its
 * own editor): fields, defaults and the conversion of checked text into parameters.
 * Defaults follow DOMAIN.md where it gives one; elsewhere the neutral value (no uplift,
 * no tolerance) so nothing is assumed silently.
 */
import type { MechanismId, MechanismParamsMap, PooledFundParams } from '../operations';
import {
  anyPartyValue,
  equalPercents,
  partyAmounts,
  partyFractions,
  partyKey,
  valueOf,
  type FieldSpec,
  type FormValues,
  type PartyAmountsField,
  type PartyPercentsField,
} from './fields';

/** A simple mechanism's form. */
export interface SimpleForm<M extends MechanismId> {
  readonly fields: readonly FieldSpec[];
  /** Whose names the party fields list: the contracts' parties (default) or the pool's partners. */
  readonly names?: 'parties' | 'partners';
  defaults(parties: readonly string[]): FormValues;
  /** Parameters from values that passed `checkForm`. */
  toParams(values: FormValues, parties: readonly string[]): MechanismParamsMap[M];
}

const when =
  (key: string, ...accepted: string[]) =>
  (values: FormValues): boolean =>
    accepted.includes(values[key] ?? '');

const fixedShares: PartyPercentsField = {
  key: 'fixedShares',
  label: 'Agreed shares of a variance',
  kind: 'partyPercents',
  total100: true,
  showWhen: when('rule', 'fixed'),
};

const overspendCaps: PartyAmountsField = {
  key: 'overspendCaps',
  label: 'Most each partner bears of an overspend (£)',
  hint: 'Blank for no cap.',
  kind: 'partyAmounts',
};

const hasCap = (values: FormValues): boolean => anyPartyValue('overspendCaps', values);

const pooledFundFields: readonly FieldSpec[] = [
  {
    key: 'rule',
    label: 'How an over- or underspend is shared',
    kind: 'choice',
    options: [
      { value: 'proportional', label: 'In proportion to contributions' },
      { value: 'fixed', label: 'Agreed fixed shares' },
      { value: 'commissioner', label: 'By each scheme’s commissioner' },
    ],
  },
  fixedShares,
  {
    key: 'nhsPartner',
    label: 'Partner bearing NHS-commissioned schemes',
    kind: 'party',
    showWhen: when('rule', 'commissioner'),
  },
  {
    key: 'laPartner',
    label: 'Partner bearing LA-commissioned schemes',
    kind: 'party',
    showWhen: when('rule', 'commissioner'),
  },
  overspendCaps,
  { key: 'excessTo', label: 'Overspend beyond a cap goes to', kind: 'party', showWhen: hasCap },
  {
    key: 'unbudgetedSpend',
    label: 'Spend on a scheme with no budget',
    kind: 'choice',
    options: [
      { value: 'error', label: 'Is an error (a misspelt scheme)' },
      { value: 'overspend', label: 'Is an overspend of a £0 budget' },
    ],
  },
];

const pooledFund: SimpleForm<'pooledFund'> = {
  fields: pooledFundFields,
  names: 'partners',
  defaults: (partners) => {
    const values: Record<string, string> = { rule: 'proportional', unbudgetedSpend: 'error' };
    equalPercents(partners).forEach((p, i) => {
      values[partyKey('fixedShares', partners[i] ?? '')] = p;
    });
    values.nhsPartner = partners[0] ?? '';
    values.laPartner = partners[1] ?? partners[0] ?? '';
    values.excessTo = partners[0] ?? '';
    return values;
  },
  toParams: (values, partners) => {
    const rule = (values.rule ?? 'proportional') as PooledFundParams['rule'];
    return {
      rule,
      unbudgetedSpend: values.unbudgetedSpend === 'overspend' ? 'overspend' : 'error',
      ...(rule === 'fixed' ? { fixedShares: partyFractions(fixedShares, values, partners) } : {}),
      ...(rule === 'commissioner'
        ? { nhsPartner: values.nhsPartner ?? '', laPartner: values.laPartner ?? '' }
        : {}),
      ...(hasCap(values)
        ? {
            overspendCaps: partyAmounts(overspendCaps, values, partners),
            excessTo: values.excessTo ?? '',
          }
        : {}),
    };
  },
};

const capitationFields: readonly FieldSpec[] = [
  { key: 'years', label: 'Years', kind: 'whole', min: 1, max: 25 },
  {
    key: 'uplift',
    label: 'Annual uplift (%)',
    kind: 'percent',
    max: 50,
    hint: 'Bedfordshire MSK: about 1.3',
  },
  { key: 'efficiency', label: 'Annual efficiency (%)', kind: 'percent', max: 50 },
  {
    key: 'populationGrowth',
    label: 'Population growth a year (%)',
    kind: 'percent',
    min: -50,
    max: 50,
  },
  {
    key: 'toleranceBand',
    label: 'Population tolerance (%)',
    kind: 'percent',
    optional: true,
    hint: 'Leave blank for no population adjustment.',
  },
  {
    key: 'toleranceBasis',
    label: 'Adjust for',
    kind: 'choice',
    options: [
      { value: 'excess', label: 'Only the variance beyond the tolerance' },
      { value: 'full', label: 'The whole variance' },
    ],
    showWhen: (v) => (v.toleranceBand ?? '').trim() !== '',
  },
];

const capitation: SimpleForm<'capitation'> = {
  fields: capitationFields,
  defaults: () => ({
    years: '5',
    uplift: '0',
    efficiency: '0',
    populationGrowth: '0',
    toleranceBand: '',
    toleranceBasis: 'excess',
  }),
  toParams: (values) => {
    const v = (key: string): string => valueOf(capitationFields, values, key);
    const band = v('toleranceBand');
    return {
      years: Number(v('years')),
      uplift: v('uplift'),
      efficiency: v('efficiency'),
      populationGrowth: v('populationGrowth'),
      ...(band === '' ? {} : { toleranceBand: band }),
      toleranceBasis: values.toleranceBasis === 'full' ? 'full' : 'excess',
    };
  },
};

const p4pFields: readonly FieldSpec[] = [
  {
    key: 'atRiskRate',
    label: 'Contract value at risk (%)',
    kind: 'percent',
    hint: 'Bedfordshire: 2.5',
  },
  {
    key: 'phasing',
    label: 'Phasing',
    kind: 'choice',
    options: [
      { value: 'applied', label: 'Applied: payment depends on performance' },
      { value: 'shadow', label: 'Shadow: measured, not applied' },
    ],
  },
  {
    key: 'appliedFraction',
    label: 'Share of the risk applied (%)',
    kind: 'percent',
    hint: 'Below 100 while ramping up to full risk.',
    showWhen: when('phasing', 'applied'),
  },
];

const payForPerformance: SimpleForm<'payForPerformance'> = {
  fields: p4pFields,
  defaults: () => ({ atRiskRate: '2.5', phasing: 'applied', appliedFraction: '100' }),
  toParams: (values) => ({
    atRiskRate: valueOf(p4pFields, values, 'atRiskRate'),
    phasing: values.phasing === 'shadow' ? 'shadow' : 'applied',
    appliedFraction:
      values.phasing === 'shadow' ? '0' : valueOf(p4pFields, values, 'appliedFraction'),
  }),
};

const bcfFields: readonly FieldSpec[] = [
  {
    key: 'ambition',
    label: 'Reduction in emergency admissions aimed for (%)',
    kind: 'percent',
    hint: 'At least 3.5 unless justified locally.',
  },
  {
    key: 'unitCost',
    label: 'Unit cost of an admission (£)',
    kind: 'money',
    hint: 'The national figure for the year.',
  },
];

const bcfPaymentForPerformance: SimpleForm<'bcfPaymentForPerformance'> = {
  fields: bcfFields,
  defaults: () => ({ ambition: '3.5', unitCost: '' }),
  toParams: (values) => ({
    ambition: valueOf(bcfFields, values, 'ambition'),
    unitCost: valueOf(bcfFields, values, 'unitCost'),
  }),
};

const activityFields: readonly FieldSpec[] = [
  {
    key: 'model',
    label: 'Payment model',
    kind: 'choice',
    options: [
      { value: 'block', label: 'Block with annual inflator' },
      { value: 'marginal', label: 'Marginal rate above baseline' },
      { value: 'blended', label: 'Blended payment' },
      { value: 'aligned', label: 'Aligned payment' },
      { value: 'corridor', label: 'Corridor around plan' },
    ],
  },
  {
    key: 'inflator',
    label: 'Annual inflator (%)',
    kind: 'percent',
    min: -50,
    max: 50,
    showWhen: when('model', 'block'),
  },
  {
    key: 'marginalRate',
    label: 'Marginal rate (% of price)',
    kind: 'percent',
    showWhen: when('model', 'marginal', 'corridor'),
  },
  {
    key: 'blendedRate',
    label: 'Variable rate (% of price)',
    kind: 'percent',
    showWhen: when('model', 'blended'),
  },
  {
    key: 'alignedRate',
    label: 'Variable rate above plan (% of price)',
    kind: 'percent',
    showWhen: when('model', 'aligned'),
  },
  {
    key: 'corridorBand',
    label: 'Corridor either side of plan (%)',
    kind: 'percent',
    showWhen: when('model', 'corridor'),
  },
  {
    key: 'refundRate',
    label: 'Refund rate below the corridor (% of price)',
    kind: 'percent',
    showWhen: when('model', 'corridor'),
  },
];

const RATE_KEY = {
  marginal: 'marginalRate',
  blended: 'blendedRate',
  aligned: 'alignedRate',
  corridor: 'marginalRate',
} as const;

const activityPayment: SimpleForm<'activityPayment'> = {
  fields: activityFields,
  defaults: () => ({
    model: 'blended',
    inflator: '0',
    marginalRate: '70',
    blendedRate: '20',
    alignedRate: '75',
    corridorBand: '3',
    refundRate: '0',
  }),
  toParams: (values) => {
    const v = (key: string): string => valueOf(activityFields, values, key);
    const model = (values.model ?? 'blended') as keyof typeof RATE_KEY | 'block';
    if (model === 'block') return { model, rate: '0', inflator: v('inflator') };
    const base = { model, rate: v(RATE_KEY[model]) };
    return model === 'corridor'
      ? { ...base, corridorBand: v('corridorBand'), refundRate: v('refundRate') }
      : base;
  },
};

const envelopeFields: readonly FieldSpec[] = [
  { key: 'years', label: 'Years', kind: 'whole', min: 1, max: 25 },
  {
    key: 'annualChange',
    label: 'Annual change to net budgets (%)',
    kind: 'percent',
    min: -50,
    max: 50,
    hint: 'Negative for a reduction, e.g. −1.75 a year.',
  },
  {
    key: 'demographicGrowth',
    label: 'Demographic growth a year (%)',
    kind: 'percent',
    min: -50,
    max: 50,
  },
];

const fundingEnvelope: SimpleForm<'fundingEnvelope'> = {
  fields: envelopeFields,
  defaults: () => ({ years: '4', annualChange: '0', demographicGrowth: '0' }),
  toParams: (values) => ({
    years: Number(valueOf(envelopeFields, values, 'years')),
    annualChange: valueOf(envelopeFields, values, 'annualChange'),
    demographicGrowth: valueOf(envelopeFields, values, 'demographicGrowth'),
  }),
};

const planCheckFields: readonly FieldSpec[] = [
  {
    key: 'ascMinimum',
    label: 'Minimum adult social care spend (£)',
    kind: 'money',
    optional: true,
    hint: 'Leave blank to use the figure in the plan.',
  },
  {
    key: 'outOfHospitalMinimum',
    label: 'NHS out-of-hospital ring-fence (£)',
    kind: 'money',
    optional: true,
    hint: 'Leave blank to use the figure in the plan.',
  },
];

const planChecks: SimpleForm<'planChecks'> = {
  fields: planCheckFields,
  defaults: () => ({ ascMinimum: '', outOfHospitalMinimum: '' }),
  toParams: (values) => {
    const asc = valueOf(planCheckFields, values, 'ascMinimum');
    const ooh = valueOf(planCheckFields, values, 'outOfHospitalMinimum');
    return {
      ...(asc === '' ? {} : { ascMinimum: asc }),
      ...(ooh === '' ? {} : { outOfHospitalMinimum: ooh }),
    };
  },
};

/** The forms by mechanism (the gain/loss share has its own editor). */
export const SIMPLE_FORMS: {
  readonly [M in Exclude<MechanismId, 'gainLossShare'>]: SimpleForm<M>;
} = {
  pooledFund,
  capitation,
  payForPerformance,
  bcfPaymentForPerformance,
  activityPayment,
  fundingEnvelope,
  planChecks,
};

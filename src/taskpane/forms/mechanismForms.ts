/**
 * The parameter forms of the mechanisms other than the gain/loss share (which has its
 * own editor): fields, defaults and the conversion of checked text into parameters.
 * Defaults follow DOMAIN.md where it gives one; elsewhere the neutral value (no uplift,
 * no tolerance) so nothing is assumed silently.
 */
import type {
  ActivityPaymentParams,
  EnvelopeChange,
  MechanismId,
  MechanismParamsMap,
  PooledFundParams,
} from '../operations';
import {
  anyPartyValue,
  equalPercents,
  partyAmounts,
  partyFractions,
  partyKey,
  recordsOf,
  valueOf,
  type FieldChoices,
  type FieldSpec,
  type FormValues,
  type PartyAmountsField,
  type PartyPercentsField,
} from './fields';

/** A simple mechanism's form. */
export interface SimpleForm<M extends MechanismId> {
  readonly fields: readonly FieldSpec[];
  /** Whose names the party fields list: the pool's partners, or none. */
  readonly names?: 'partners';
  defaults(choices: FieldChoices): FormValues;
  /** Parameters from values that passed `checkForm`. */
  toParams(values: FormValues, choices: FieldChoices): MechanismParamsMap[M];
}

/** `{ [key]: value }`, or nothing for a blank value (the parameter is left out). */
function present<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined || value.trim() === '' ? {} : ({ [key]: value } as Record<K, string>);
}

const hasText =
  (key: string) =>
  (values: FormValues): boolean =>
    (values[key] ?? '').trim() !== '';

/** "" (the only contract) when there is at most one, else the first. */
function firstContract(choices: FieldChoices): string {
  return choices.contracts.length > 1 ? (choices.contracts[0] ?? '') : '';
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
  hint: 'Blank for no cap on that partner.',
  info: 'A cap: the most a partner bears of the pool’s overspend; the rest goes to the partner named below.',
  kind: 'partyAmounts',
};

const hasCap = (values: FormValues): boolean => anyPartyValue('overspendCaps', values);

const pooledFundFields: readonly FieldSpec[] = [
  {
    key: 'rule',
    label: 'How an over- or underspend is shared',
    info: 'A section 75 agreement (NHS Act 2006) lets the NHS and a council pool their budgets; it says how the pool’s over- or underspend is shared between them.',
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
  defaults: ({ names: partners }) => {
    const values: Record<string, string> = { rule: 'proportional', unbudgetedSpend: 'error' };
    equalPercents(partners).forEach((p, i) => {
      values[partyKey('fixedShares', partners[i] ?? '')] = p;
    });
    values.nhsPartner = partners[0] ?? '';
    values.laPartner = partners[1] ?? partners[0] ?? '';
    values.excessTo = partners[0] ?? '';
    return values;
  },
  toParams: (values, { names: partners }) => {
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
  {
    key: 'years',
    label: 'Years',
    kind: 'whole',
    min: 1,
    max: 25,
    hint: 'How many contract years the budget is set for.',
  },
  {
    key: 'uplift',
    label: 'Annual uplift (%)',
    kind: 'percent',
    min: -100,
    max: 100,
    hint: 'The yearly rise in the budget per person, before efficiency.',
    info: 'Capitation: a budget per person covered, paid whatever care each person uses; the provider carries the risk of their use.',
  },
  { key: 'efficiency', label: 'Annual efficiency (%)', kind: 'percent' },
  {
    key: 'populationGrowth',
    label: 'Population growth a year (%)',
    kind: 'percent',
    min: -100,
    max: 100,
  },
  {
    key: 'toleranceBand',
    label: 'Population tolerance (%)',
    kind: 'percent',
    optional: true,
    hint: 'Needs actual populations in the table; blank for no adjustment.',
    info: 'The tolerance: how far the actual population may differ from the planned one (as a share of it) before the budget is adjusted.',
  },
  {
    key: 'toleranceBasis',
    label: 'Adjust for',
    kind: 'choice',
    options: [
      { value: 'excess', label: 'Only the variance beyond the tolerance' },
      { value: 'full', label: 'The whole variance' },
    ],
    showWhen: hasText('toleranceBand'),
  },
  {
    key: 'actualYear',
    label: 'Plan year of the actual population',
    kind: 'whole',
    min: 1,
    max: 25,
    showWhen: hasText('toleranceBand'),
  },
];

const capitation: SimpleForm<'capitation'> = {
  fields: capitationFields,
  defaults: () => ({
    years: '1',
    uplift: '0',
    efficiency: '0',
    populationGrowth: '0',
    toleranceBand: '',
    toleranceBasis: 'excess',
    actualYear: '1',
  }),
  toParams: (values) => {
    const v = (key: string): string => valueOf(capitationFields, values, key);
    const band = v('toleranceBand');
    return {
      years: Number(v('years')),
      uplift: v('uplift'),
      efficiency: v('efficiency'),
      populationGrowth: v('populationGrowth'),
      toleranceBasis: values.toleranceBasis === 'full' ? 'full' : 'excess',
      ...(band === '' ? {} : { toleranceBand: band, actualYear: Number(v('actualYear')) }),
    };
  },
};

const p4pFields: readonly FieldSpec[] = [
  {
    key: 'contract',
    label: 'Contract',
    kind: 'contract',
    none: 'The only contract',
    oneRequired: true,
  },
  { key: 'period', label: 'Period measured', kind: 'text', hint: 'A label, e.g. Year 2.' },
  {
    key: 'atRiskRate',
    label: 'Contract value at risk (%)',
    kind: 'percent',
    optional: true,
    hint: 'The share of the contract’s value that depends on performance; blank for the contract’s At-risk rate.',
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
  defaults: (choices) => ({
    contract: firstContract(choices),
    period: 'Contract period',
    atRiskRate: '',
    phasing: 'applied',
    appliedFraction: '100',
  }),
  toParams: (values) => {
    const v = (key: string): string => valueOf(p4pFields, values, key);
    const shadow = values.phasing === 'shadow';
    return {
      ...present('contract', values.contract),
      period: v('period'),
      ...present('atRiskRate', v('atRiskRate')),
      phasing: shadow ? 'shadow' : 'applied',
      ...(shadow ? {} : { appliedFraction: v('appliedFraction') }),
    };
  },
};

const bcfFields: readonly FieldSpec[] = [
  { key: 'contract', label: 'Contract', kind: 'contract', none: 'All activity rows' },
  {
    key: 'ambition',
    label: 'Reduction in emergency admissions aimed for (%)',
    kind: 'percent',
    hint: 'At least 3.5 unless justified locally.',
  },
  {
    key: 'unitCost',
    label: 'Cost of an admission (£)',
    kind: 'money',
    optional: true,
    hint: 'The national unit cost, where the Activity rows give no price.',
  },
];

const bcfPaymentForPerformance: SimpleForm<'bcfPaymentForPerformance'> = {
  fields: bcfFields,
  defaults: () => ({ contract: '', ambition: '3.5', unitCost: '' }),
  toParams: (values) => ({
    ...present('contract', values.contract),
    ambition: valueOf(bcfFields, values, 'ambition'),
    ...present('unitCost', valueOf(bcfFields, values, 'unitCost')),
  }),
};

const variable = when('model', 'blended', 'aligned', 'corridor');

const activityFields: readonly FieldSpec[] = [
  {
    key: 'model',
    label: 'Payment model',
    kind: 'choice',
    options: [
      { value: 'marginal', label: 'Marginal rate above baseline' },
      { value: 'blended', label: 'Blended payment (2019/20)' },
      { value: 'aligned', label: 'Aligned payment (2022/23)' },
      { value: 'corridor', label: 'Corridor around plan' },
      { value: 'block', label: 'Block with annual inflator' },
    ],
  },
  { key: 'contract', label: 'Contract', kind: 'contract', none: 'All activity rows' },
  {
    key: 'price',
    label: 'Price per unit (£)',
    kind: 'money',
    optional: true,
    hint: 'Where an Activity row gives no price.',
    showWhen: (v) => v.model !== 'block',
  },
  {
    key: 'fixed',
    label: 'Fixed payment (£)',
    kind: 'money',
    optional: true,
    hint: 'Blank: planned activity × price.',
    showWhen: variable,
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
    key: 'band',
    label: 'Corridor either side of plan (%)',
    kind: 'percent',
    showWhen: when('model', 'corridor'),
  },
  {
    key: 'refundRate',
    label: 'Refund below the corridor (% of price)',
    kind: 'percent',
    showWhen: when('model', 'corridor'),
  },
  {
    key: 'blockValue',
    label: 'Block value in year 1 (£)',
    kind: 'money',
    showWhen: when('model', 'block'),
  },
  {
    key: 'years',
    label: 'Years',
    kind: 'whole',
    min: 1,
    max: 25,
    showWhen: when('model', 'block'),
  },
  {
    key: 'inflator',
    label: 'Annual inflator (%)',
    kind: 'percent',
    min: -50,
    max: 50,
    hint: 'Negative for a deflator.',
    showWhen: when('model', 'block'),
  },
];

type ActivityModel = ActivityPaymentParams['model'];

const activityPayment: SimpleForm<'activityPayment'> = {
  fields: activityFields,
  defaults: () => ({
    model: 'marginal',
    contract: '',
    price: '',
    fixed: '',
    marginalRate: '70',
    blendedRate: '20',
    alignedRate: '75',
    band: '3',
    refundRate: '0',
    blockValue: '',
    years: '1',
    inflator: '0',
  }),
  toParams: (values) => {
    const v = (key: string): string => valueOf(activityFields, values, key);
    const model = (values.model ?? 'marginal') as ActivityModel;
    const contract = present('contract', values.contract);
    if (model === 'block') {
      return {
        model,
        ...contract,
        blockValue: v('blockValue'),
        years: Number(v('years')),
        inflator: v('inflator'),
      };
    }
    const common = { model, ...contract, ...present('price', v('price')) };
    switch (model) {
      case 'marginal':
        return { ...common, marginalRate: v('marginalRate') };
      case 'blended':
        return { ...common, ...present('fixed', v('fixed')), variableRate: v('blendedRate') };
      case 'aligned':
        return { ...common, ...present('fixed', v('fixed')), variableRate: v('alignedRate') };
      default:
        return {
          ...common,
          ...present('fixed', v('fixed')),
          marginalRate: v('marginalRate'),
          band: v('band'),
          refundRate: v('refundRate'),
        };
    }
  },
};

const changeFields: readonly FieldSpec[] = [
  {
    key: 'name',
    label: 'Name',
    kind: 'text',
    hint: 'What the change is called on the result sheet, e.g. Net budget reduction.',
  },
  { key: 'partner', label: 'Applies to', kind: 'party', none: 'All partners' },
  {
    key: 'how',
    label: 'Kind of change',
    kind: 'choice',
    options: [
      { value: 'annual', label: 'A change every year' },
      { value: 'total', label: 'A total over several years' },
    ],
  },
  {
    key: 'rate',
    label: 'Change (%)',
    kind: 'percent',
    min: -100,
    max: 100,
    hint: 'Negative for a reduction.',
  },
  {
    key: 'overYears',
    label: 'Over years',
    kind: 'whole',
    min: 1,
    max: 25,
    showWhen: when('how', 'total'),
  },
  {
    key: 'phasing',
    label: 'Phasing',
    kind: 'choice',
    options: [
      { value: 'compound', label: 'Compound' },
      { value: 'straightLine', label: 'Straight line' },
    ],
    showWhen: when('how', 'total'),
  },
];

const envelopeFields: readonly FieldSpec[] = [
  {
    key: 'years',
    label: 'Plan years after the baseline year',
    kind: 'whole',
    min: 1,
    max: 25,
    hint: 'How many years the envelope is projected beyond the baseline year.',
  },
  {
    key: 'changes',
    label: 'Changes to the baseline',
    kind: 'records',
    itemLabel: 'Change',
    hint: 'Reductions or growth applied to the baseline, to every partner or to one.',
    fields: changeFields,
    blank: { name: '', partner: '', how: 'annual', rate: '0', overYears: '4', phasing: 'compound' },
  },
];

function envelopeChange(values: FormValues): EnvelopeChange {
  const v = (key: string): string => valueOf(changeFields, values, key);
  const common = { name: v('name'), ...present('partner', values.partner) };
  if (values.how === 'total') {
    return {
      ...common,
      totalOverYears: v('rate'),
      overYears: Number(v('overYears')),
      phasing: values.phasing === 'straightLine' ? 'straightLine' : 'compound',
    };
  }
  return { ...common, annualRate: v('rate') };
}

const fundingEnvelope: SimpleForm<'fundingEnvelope'> = {
  fields: envelopeFields,
  names: 'partners',
  defaults: () => ({ years: '4', 'changes.count': '0' }),
  toParams: (values) => ({
    years: Number(valueOf(envelopeFields, values, 'years')),
    changes: recordsOf(values, 'changes').map(envelopeChange),
  }),
};

const planCheckFields: readonly FieldSpec[] = [
  {
    key: 'socialCareMinimum',
    label: 'Minimum adult social care spend (£)',
    kind: 'money',
    hint: 'The least the plan must spend on adult social care from the minimum NHS contribution.',
    info: 'Published for each Health and Wellbeing Board with the BCF allocations (the planning return shows it beside “Minimum required”). At £0 the check passes whatever the plan spends.',
  },
  {
    key: 'nhsOutOfHospitalMinimum',
    label: 'NHS out-of-hospital ring-fence (£)',
    kind: 'money',
    hint: 'The least the plan must spend on NHS-commissioned out-of-hospital services from the minimum NHS contribution.',
    info: 'Published for each Health and Wellbeing Board with the BCF allocations (the planning return shows it beside “Minimum required”). At £0 the check passes whatever the plan spends.',
  },
];

const planChecks: SimpleForm<'planChecks'> = {
  fields: planCheckFields,
  defaults: () => ({ socialCareMinimum: '', nhsOutOfHospitalMinimum: '' }),
  toParams: (values) => ({
    socialCareMinimum: valueOf(planCheckFields, values, 'socialCareMinimum'),
    nhsOutOfHospitalMinimum: valueOf(planCheckFields, values, 'nhsOutOfHospitalMinimum'),
  }),
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

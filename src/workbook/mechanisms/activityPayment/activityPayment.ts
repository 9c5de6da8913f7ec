import {
  activityPayment,
  type ActivityModel,
  type ActivityPaymentInput,
  type ActivityPaymentResult,
} from '../../../engine/activityPayment/activityPayment';
import { moneyText, sum, type Dec } from '../../../engine/decimal';
import { EngineError } from '../../../engine/errors';
import type { Step } from '../../../engine/explain';
import { PLAN_YEARS_LIMIT } from '../../params';
import { defineMechanism } from '../../mechanism';
import { numberCell } from '../../results/cells';
import { COUNT, MONEY, TEXT, type ResultBlock } from '../../results/layout';
import { TABLE_KINDS } from '../../tableKinds';
import { buildActivity, type ActivityRunInput } from './activityPaymentInput';

export type { ActivityRunInput } from './activityPaymentInput';

/** Each period's payment and the total. */
export interface ActivityRunResult {
  readonly model: ActivityModel;
  readonly periods: readonly { readonly period: string; readonly result: ActivityPaymentResult }[];
  readonly payment: Dec;
  readonly steps: readonly Step[];
}

const MODELS = [
  { value: 'marginal', label: 'Marginal rate above baseline' },
  { value: 'blended', label: 'Blended payment (2019/20)' },
  { value: 'aligned', label: 'Aligned payment (2022/23)' },
  { value: 'corridor', label: 'Corridor around plan' },
  { value: 'block', label: 'Block with annual inflator' },
];
/** The models with a variable element, which may set a fixed payment. */
const VARIABLE = ['blended', 'aligned', 'corridor'];
/** The models paid per unit of activity, at a price. */
const PRICED = ['marginal', ...VARIABLE];

/** Runs the engine per period; a refusal names the period's field (`periods[2].price`). */
function calculate(input: ActivityRunInput): ActivityRunResult {
  const periods = input.periods.map(({ period, input: one }, i) => {
    try {
      return { period, result: activityPayment(one) };
    } catch (error) {
      if (!(error instanceof EngineError)) throw error;
      throw new EngineError(
        error.code,
        `${period}: ${error.message}`,
        `periods[${i}].${error.field}`,
        error.value,
      );
    }
  });
  return {
    model: input.model,
    periods,
    payment: sum(periods.map((p) => p.result.payment)),
    steps: periods.flatMap((p) =>
      p.result.steps.map((s) => ({ rule: s.rule, text: `${p.period}: ${s.text}` })),
    ),
  };
}

function table(r: ActivityRunResult, input: ActivityRunInput): ResultBlock {
  const components = [
    ...new Set(r.periods.flatMap((p) => p.result.components.map((c) => c.component))),
  ];
  return {
    kind: 'table',
    heading: `Payments (${r.model})`,
    name: 'BCF_Activity_Payments',
    columns: [
      { header: 'Period', format: TEXT },
      { header: 'Payment', format: MONEY },
      ...components.map((c) => ({ header: c.charAt(0).toUpperCase() + c.slice(1), format: MONEY })),
      { header: 'Actual activity', format: COUNT },
    ],
    rows: r.periods.map((p, i) => {
      const one = input.periods[i]?.input;
      return [
        p.period,
        numberCell(p.result.payment),
        ...components.map((c) => {
          const found = p.result.components.find((x) => x.component === c);
          return found === undefined ? null : numberCell(found.amount);
        }),
        one !== undefined && 'actual' in one ? Number(String(one.actual)) : null,
      ];
    }),
  };
}

/** Activity payments (block, marginal rate, blended, aligned, corridor) as the workbook runs them. */
export const activityPaymentMechanism = defineMechanism<
  ActivityRunInput,
  ActivityRunResult,
  ActivityPaymentInput
>({
  title: 'Activity payments',
  summary: 'Payment for activity under a block, marginal, blended, aligned or corridor rule.',
  functions: ['MARGINALRATE'],
  sheet: 'BCF Results - Activity',
  tables: [{ kind: TABLE_KINDS.activity, required: false }],
  params: [
    {
      id: 'model',
      label: 'Payment model',
      type: { kind: 'enum', options: MODELS },
      default: 'marginal',
      help: 'block, marginal (reduced rate above a baseline), blended, aligned or corridor.',
    },
    {
      id: 'contract',
      label: 'Contract',
      type: { kind: 'text' },
      help: 'Read only the Activity rows of this Contract ID (and rows with none).',
      pane: { names: 'contract', none: 'All activity rows' },
    },
    {
      id: 'price',
      label: 'Price per unit',
      type: { kind: 'amount', nonNegative: true },
      shownWhen: { param: 'model', is: PRICED },
      help: "Where an Activity row's Price is blank.",
      pane: { label: 'Price per unit (£)', hint: 'Where an Activity row gives no price.' },
    },
    {
      id: 'fixed',
      label: 'Fixed payment',
      type: { kind: 'amount', nonNegative: true },
      shownWhen: { param: 'model', is: VARIABLE },
      help: 'Blended, aligned, corridor: the fixed element (default planned activity × price).',
      pane: { hint: 'Blank: planned activity × price.' },
    },
    {
      id: 'marginalRate',
      label: 'Marginal rate',
      type: { kind: 'fraction' },
      shownWhen: { param: 'model', is: ['marginal', 'corridor'] },
      help: 'Marginal and corridor: share of the price paid above baseline or corridor (engine default 70%).',
      pane: { label: 'Marginal rate (% of price)', start: '70%' },
    },
    {
      id: 'variableRate',
      label: 'Variable rate',
      type: { kind: 'fraction' },
      shownWhen: { param: 'model', is: ['blended', 'aligned'] },
      help: 'Blended (default 20%) and aligned (default 75%).',
      pane: {
        variants: [
          {
            key: 'blendedRate',
            is: ['blended'],
            label: 'Variable rate (% of price)',
            start: '20%',
          },
          {
            key: 'alignedRate',
            is: ['aligned'],
            label: 'Variable rate above plan (% of price)',
            start: '75%',
          },
        ],
      },
    },
    {
      id: 'band',
      label: 'Corridor band',
      type: { kind: 'fraction' },
      shownWhen: { param: 'model', is: ['corridor'] },
      help: 'Corridor: half-width as a share of plan, e.g. 3%.',
      pane: { label: 'Corridor either side of plan (%)', start: '3%' },
    },
    {
      id: 'refundRate',
      label: 'Refund rate',
      type: { kind: 'fraction' },
      shownWhen: { param: 'model', is: ['corridor'] },
      help: 'Corridor: share of the price refunded below the corridor (default 0).',
      pane: { label: 'Refund below the corridor (% of price)', start: 0 },
    },
    {
      id: 'blockValue',
      label: 'Block value',
      type: { kind: 'amount', nonNegative: true },
      shownWhen: { param: 'model', is: ['block'] },
      help: 'Block: the value in year 1.',
      pane: { label: 'Block value in year 1 (£)', needed: true },
    },
    {
      id: 'years',
      label: 'Years',
      type: { kind: 'integer', min: 1, max: PLAN_YEARS_LIMIT },
      unit: 'years',
      shownWhen: { param: 'model', is: ['block'] },
      help: 'Block: years to show (default 1).',
      pane: { start: 1 },
    },
    {
      id: 'inflator',
      label: 'Annual inflator',
      type: { kind: 'fraction', signed: true },
      shownWhen: { param: 'model', is: ['block'] },
      help: 'Block: yearly inflator (negative for a deflator).',
      pane: { hint: 'Negative for a deflator.', start: 0, range: [-50, 50] },
    },
  ],
  build: buildActivity,
  calculate,
  // A JSON scenario is one period's terms, as the engine takes them.
  scenario: activityPayment,
  blocks: (r, input) => [table(r, input)],
  headline: (r) => [
    ...r.periods.map((p) => ({ label: p.period, text: moneyText(p.result.payment) })),
    { label: 'Total', text: moneyText(r.payment) },
  ],
});

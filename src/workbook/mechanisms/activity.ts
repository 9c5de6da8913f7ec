import {
  activityPayment,
  type ActivityModel,
  type ActivityPaymentInput,
  type ActivityPaymentResult,
} from '../../engine/activityPayment';
import { ZERO, moneyText, sum, type Dec } from '../../engine/decimal';
import { EngineError } from '../../engine/errors';
import type { Step } from '../../engine/explain';
import { FindingCode } from '../findings';
import { decOf, textOf } from '../inputTable';
import { defineMechanism, type Built } from '../mechanism';
import { decParam, intParam, paramFinding, textParam, type TypedParams } from '../params';
import type { InputTables } from '../readInputs';
import { num } from '../results/cells';
import { COUNT, MONEY, TEXT, type ResultBlock } from '../results/layout';
import { TABLE_KINDS } from '../tableKinds';
import { OriginRecorder, rowFinding, rowsFor } from './build';

/** Activity payments for each period of the Activity table (or one block contract). */
export interface ActivityRunInput {
  readonly model: ActivityModel;
  readonly periods: readonly { readonly period: string; readonly input: ActivityPaymentInput }[];
}

/** Each period's payment and the total. */
export interface ActivityRunResult {
  readonly model: ActivityModel;
  readonly periods: readonly { readonly period: string; readonly result: ActivityPaymentResult }[];
  readonly payment: Dec;
  readonly steps: readonly Step[];
}

const MODELS = ['block', 'marginal', 'blended', 'aligned', 'corridor'].map((value) => ({ value }));

function periodInput(
  model: ActivityModel,
  row: Parameters<typeof decOf>[0],
  values: TypedParams,
): ActivityPaymentInput {
  const price = decOf(row, 'price') ?? decParam(values, 'price') ?? ZERO;
  const planned = decOf(row, 'planned') ?? ZERO;
  const actual = decOf(row, 'actual') ?? 0;
  const marginalRate = decParam(values, 'marginalRate');
  const variableRate = decParam(values, 'variableRate');
  const fixed = decParam(values, 'fixed') ?? planned.times(price);
  if (model === 'marginal') {
    return {
      model,
      price,
      baseline: planned,
      actual,
      ...(marginalRate === undefined ? {} : { marginalRate }),
    };
  }
  if (model === 'corridor') {
    const refundRate = decParam(values, 'refundRate');
    return {
      model,
      fixed,
      planned,
      price,
      actual,
      band: decParam(values, 'band') ?? 0,
      ...(marginalRate === undefined ? {} : { marginalRate }),
      ...(refundRate === undefined ? {} : { refundRate }),
    };
  }
  const m = model === 'aligned' ? 'aligned' : 'blended';
  return {
    model: m,
    fixed,
    planned,
    price,
    actual,
    ...(variableRate === undefined ? {} : { variableRate }),
  };
}

/**
 * Builds activity payments: for `block`, one payment of the `blockValue` parameter over
 * `years` with `inflator`; otherwise one payment per Activity row (Planned activity as
 * the baseline or plan, Actual activity, Price or the `price` parameter), the fixed
 * element being the `fixed` parameter or else planned activity × price.
 */
function buildActivity(tables: InputTables, values: TypedParams): Built<ActivityRunInput> {
  const origins = new OriginRecorder();
  const model = (textParam(values, 'model') ?? 'marginal') as ActivityModel;
  if (model === 'block') {
    const value = decParam(values, 'blockValue');
    const findings =
      value === undefined
        ? [paramFinding('Block value', 'the block model needs the year-1 value.')]
        : [];
    const inflator = decParam(values, 'inflator');
    const input: ActivityPaymentInput = {
      model,
      value: value ?? 0,
      years: intParam(values, 'years') ?? 1,
      ...(inflator === undefined ? {} : { inflator }),
    };
    return {
      input: { model, periods: [{ period: 'Block contract', input }] },
      origins: origins.map,
      findings,
    };
  }
  const table = tables.activity;
  const findings =
    table === undefined
      ? [paramFinding('Model', `the ${model} model needs the Activity table.`)]
      : [];
  const rows = rowsFor(table, textParam(values, 'contract'));
  const periods = rows.map((row, i) => {
    if (table !== undefined) {
      origins.addRow(`periods[${i}]`, table, row, {
        baseline: 'planned',
        planned: 'planned',
        actual: 'actual',
        price: 'price',
      });
      if (decOf(row, 'price') === undefined && decParam(values, 'price') === undefined) {
        findings.push(
          ...rowFinding(
            FindingCode.BLANK,
            table,
            row,
            'price',
            'the cell is blank; give the price per unit here or as a parameter.',
          ),
        );
      }
    }
    return { period: textOf(row, 'period') ?? '', input: periodInput(model, row, values) };
  });
  return { input: { model, periods }, origins: origins.map, findings };
}

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
        num(p.result.payment),
        ...components.map((c) => {
          const found = p.result.components.find((x) => x.component === c);
          return found === undefined ? null : num(found.amount);
        }),
        one !== undefined && 'actual' in one ? Number(String(one.actual)) : null,
      ];
    }),
  };
}

/** Activity payments (block, marginal rate, blended, aligned, corridor) as the workbook runs them. */
export const activityMechanism = defineMechanism<ActivityRunInput, ActivityRunResult>({
  id: 'activity',
  title: 'Activity payments',
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
    },
    {
      id: 'price',
      label: 'Price per unit',
      type: { kind: 'amount', nonNegative: true },
      help: "Where an Activity row's Price is blank.",
    },
    {
      id: 'fixed',
      label: 'Fixed payment',
      type: { kind: 'amount', nonNegative: true },
      help: 'Blended, aligned, corridor: the fixed element (default planned activity × price).',
    },
    {
      id: 'marginalRate',
      label: 'Marginal rate',
      type: { kind: 'fraction' },
      help: 'Marginal and corridor: share of the price paid above baseline or corridor (engine default 70%).',
    },
    {
      id: 'variableRate',
      label: 'Variable rate',
      type: { kind: 'fraction' },
      help: 'Blended (default 20%) and aligned (default 75%).',
    },
    {
      id: 'band',
      label: 'Corridor band',
      type: { kind: 'fraction' },
      help: 'Corridor: half-width as a share of plan, e.g. 3%.',
    },
    {
      id: 'refundRate',
      label: 'Refund rate',
      type: { kind: 'fraction' },
      help: 'Corridor: share of the price refunded below the corridor (default 0).',
    },
    {
      id: 'blockValue',
      label: 'Block value',
      type: { kind: 'amount', nonNegative: true },
      help: 'Block: the value in year 1.',
    },
    {
      id: 'years',
      label: 'Years',
      type: { kind: 'integer', min: 1 },
      help: 'Block: years to show (default 1).',
    },
    {
      id: 'inflator',
      label: 'Annual inflator',
      type: { kind: 'fraction', signed: true },
      help: 'Block: yearly inflator (negative for a deflator).',
    },
  ],
  build: buildActivity,
  calculate,
  blocks: (r, input) => [table(r, input)],
  headline: (r) => [
    ...r.periods.map((p) => ({ label: p.period, text: moneyText(p.result.payment) })),
    { label: 'Total', text: moneyText(r.payment) },
  ],
});

import {
  bcfPerformancePayment,
  type BcfPerformancePaymentInput,
  type BcfPerformancePaymentResult,
  type BcfQuarterInput,
} from '../../../engine/bcfPerformancePayment/bcfPerformancePayment';
import { moneyText } from '../../../engine/decimal';
import { decOf, textOf } from '../../inputTable';
import { defineMechanism, type Built } from '../../mechanism';
import { decParam, textParam, type TypedParams } from '../../params';
import type { InputTables } from '../../readInputs';
import { numberCell, numberCellOrBlank, percent2 } from '../../results/cells';
import {
  COUNT,
  MONEY,
  MONEY_AXIS,
  PERCENT,
  QUANTITY,
  TEXT,
  type ResultBlock,
} from '../../results/layout';
import { TABLE_KINDS } from '../../tableKinds';
import { OriginRecorder, rowsFor } from '../rowsToInput';

const QUARTER_FIELDS = {
  quarter: 'period',
  baseline: 'planned',
  actual: 'actual',
  unitCost: 'price',
  ambition: 'ambition',
};

/**
 * Builds the BCF 2015/16 payment for performance from the Activity rows (one a quarter:
 * Period, Planned activity as the baseline admissions, Actual activity, and optionally
 * Price as the unit cost and Ambition) and the `ambition` and `unitCost` parameters,
 * which apply where a row leaves its own blank. `contract` picks rows by Contract ID.
 */
function buildBcfP4p(tables: InputTables, values: TypedParams): Built<BcfPerformancePaymentInput> {
  const origins = new OriginRecorder();
  const table = tables.activity;
  const quarters = rowsFor(table, textParam(values, 'contract')).map((row, i): BcfQuarterInput => {
    if (table !== undefined) origins.addRow(`quarters[${i}]`, table, row, QUARTER_FIELDS);
    const unitCost = decOf(row, 'price');
    const ambition = decOf(row, 'ambition');
    return {
      quarter: textOf(row, 'period') ?? '',
      baseline: decOf(row, 'planned') ?? 0,
      actual: decOf(row, 'actual') ?? 0,
      ...(unitCost === undefined ? {} : { unitCost }),
      ...(ambition === undefined ? {} : { ambition }),
    };
  });
  const ambition = decParam(values, 'ambition');
  const unitCost = decParam(values, 'unitCost');
  const input: BcfPerformancePaymentInput = {
    quarters,
    ...(ambition === undefined ? {} : { ambition }),
    ...(unitCost === undefined ? {} : { unitCost }),
  };
  return { input, origins: origins.map, findings: [] };
}

function quarters(r: BcfPerformancePaymentResult): ResultBlock {
  return {
    kind: 'table',
    heading: 'Quarters',
    name: 'BCF_BcfP4P_Quarters',
    columns: [
      { header: 'Quarter', format: TEXT },
      { header: 'Released', format: MONEY },
      { header: 'Retained', format: MONEY },
      { header: 'Performance sum', format: MONEY },
      { header: 'Baseline admissions', format: COUNT },
      { header: 'Actual admissions', format: COUNT },
      { header: 'Planned reduction', format: QUANTITY },
      { header: 'Actual reduction', format: QUANTITY },
      { header: 'Achievement', format: PERCENT },
    ],
    rows: r.quarters.map((q) => [
      q.quarter,
      numberCell(q.released),
      numberCell(q.retained),
      numberCell(q.performanceSum),
      numberCell(q.baselineCount),
      numberCell(q.actualCount),
      numberCell(q.plannedReductionCount),
      numberCell(q.actualReductionCount),
      numberCellOrBlank(q.achievement),
    ]),
    chart: {
      kind: 'columnStacked',
      title: 'Released and retained by quarter',
      series: [1, 2],
      valueAxisFormat: MONEY_AXIS,
      categoryAxisTitle: 'Quarter',
      valueAxisTitle: 'Amount (£)',
    },
  };
}

/** The BCF 2015/16 payment for performance (non-elective admissions) as the workbook runs it. */
export const bcfPerformancePaymentMechanism = defineMechanism<
  BcfPerformancePaymentInput,
  BcfPerformancePaymentResult
>({
  title: 'BCF payment for performance',
  summary: 'Funding released each quarter for reducing emergency admissions.',
  functions: ['BCFP4P'],
  sheet: 'BCF Results - Admissions P4P',
  tables: [{ kind: TABLE_KINDS.activity, required: true }],
  params: [
    {
      id: 'contract',
      label: 'Contract',
      type: { kind: 'text' },
      help: 'Read only the Activity rows of this Contract ID (and rows with none).',
      pane: { names: 'contract', none: 'All activity rows' },
    },
    {
      id: 'ambition',
      label: 'Ambition',
      type: { kind: 'fraction' },
      default: '3.5%',
      help: 'Planned reduction in non-elective admissions, as a share of the baseline (default 3.5%).',
      pane: {
        label: 'Reduction in emergency admissions aimed for (%)',
        hint: 'At least 3.5 unless justified locally.',
      },
    },
    {
      id: 'unitCost',
      label: 'Cost per admission',
      type: { kind: 'amount', nonNegative: true },
      help: "The national unit cost of a non-elective admission, where the Activity rows' Price is blank.",
      pane: {
        label: 'Cost of an admission (£)',
        hint: 'The national unit cost, where the Activity rows give no price.',
      },
    },
  ],
  build: buildBcfP4p,
  calculate: bcfPerformancePayment,
  blocks: (r) => [quarters(r)],
  headline: (r) => [
    { label: 'Performance sum', text: moneyText(r.performanceSum) },
    { label: 'Released', text: moneyText(r.released) },
    { label: 'Retained', text: moneyText(r.retained) },
    ...(r.releasedShare === undefined
      ? []
      : [{ label: 'Released share', text: percent2(r.releasedShare) }]),
  ],
});

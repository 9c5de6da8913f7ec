import { moneyText } from '../../../engine/decimal';
import {
  performancePayment,
  type PerformancePaymentInput,
  type PerformancePaymentResult,
} from '../../../engine/payForPerformance/performancePayment';
import { defineMechanism } from '../../mechanism';
import { numberCell, percent2 } from '../../results/cells';
import { MONEY, PERCENT, TEXT, type ResultBlock } from '../../results/layout';
import { TABLE_KINDS } from '../../tableKinds';
import { buildP4p } from './payForPerformanceInput';

function summary(r: PerformancePaymentResult): ResultBlock {
  const [period] = r.periods;
  const money = [TEXT, MONEY];
  const percent = [TEXT, PERCENT];
  return {
    kind: 'table',
    heading: period === undefined ? 'Payment' : `Payment: ${period.period}`,
    name: 'BCF_P4P_Summary',
    columns: [
      { header: 'Measure', format: TEXT, width: 34 },
      { header: 'Value', format: MONEY },
    ],
    rows: [
      ['Contract value', period === undefined ? null : numberCell(period.contractValue)],
      ['At-risk rate', period === undefined ? null : numberCell(period.atRiskRate)],
      ['At risk', numberCell(r.atRisk)],
      ['Weighted achievement', period === undefined ? null : numberCell(period.achievement)],
      ['Earned', numberCell(r.earned)],
      ['Withheld', numberCell(r.withheld)],
      ['Payable (after phasing)', numberCell(r.payable)],
      ['Deducted', numberCell(r.deducted)],
      ['Contract payable', numberCell(r.contractPayable)],
    ],
    rowFormats: [money, percent, money, percent, money, money, money, money, money],
  };
}

function metrics(r: PerformancePaymentResult): ResultBlock {
  const rows = r.periods.flatMap((p) => p.metrics);
  return {
    kind: 'table',
    heading: 'Metrics: achievement against weight',
    name: 'BCF_P4P_Metrics',
    columns: [
      { header: 'Metric', format: TEXT, width: 32 },
      { header: 'Weight', format: PERCENT },
      { header: 'Achievement', format: PERCENT },
      { header: 'Weighted achievement', format: PERCENT },
      { header: 'Earned', format: MONEY },
      { header: 'Target met', format: TEXT },
      { header: 'Scoring', format: TEXT },
    ],
    rows: rows.map((m) => [
      m.name,
      numberCell(m.weight),
      numberCell(m.achievement),
      numberCell(m.weightedAchievement),
      numberCell(m.earned),
      m.targetMet ? 'yes' : 'no',
      m.scoring,
    ]),
    chart: {
      kind: 'barClustered',
      title: 'Metric achievement against weight',
      series: [1, 2],
      valueAxisFormat: '0%',
      categoryAxisTitle: 'Metric',
      valueAxisTitle: 'Weight and achievement',
    },
  };
}

/** Pay for performance (outcome-based incentive) as the workbook runs it. */
export const payForPerformanceMechanism = defineMechanism<
  PerformancePaymentInput,
  PerformancePaymentResult
>({
  title: 'Pay for performance',
  summary: 'How much of the at-risk contract value performance on weighted metrics earns.',
  functions: ['ACHIEVEMENT', 'P4P'],
  sheet: 'BCF Results - P4P',
  tables: [
    { kind: TABLE_KINDS.contracts, required: true },
    { kind: TABLE_KINDS.metrics, required: true },
  ],
  params: [
    {
      id: 'contract',
      label: 'Contract',
      type: { kind: 'text' },
      help: 'The Contract ID; may be left out when the Contracts table has one row.',
      pane: { names: 'contract', none: 'The only contract', oneRequired: true },
    },
    {
      id: 'period',
      label: 'Period',
      type: { kind: 'text' },
      default: 'Contract period',
      help: 'A label for the period measured, e.g. "Year 2".',
      pane: { label: 'Period measured', hint: 'A label, e.g. Year 2.' },
    },
    {
      id: 'atRiskRate',
      label: 'At-risk rate',
      type: { kind: 'fraction' },
      help: "Share of contract value at risk; default the contract's At-risk rate.",
      pane: {
        label: 'Contract value at risk (%)',
        hint: 'The share of the contract’s value that depends on performance; blank for the contract’s At-risk rate.',
      },
    },
    {
      id: 'phasing',
      label: 'Phasing',
      type: {
        kind: 'enum',
        options: [
          { value: 'applied', label: 'Applied: payment depends on performance' },
          { value: 'shadow', label: 'Shadow: measured, not applied' },
        ],
      },
      default: 'applied',
      help: 'applied, or shadow (measured, not applied: the full at-risk sum is paid).',
    },
    {
      id: 'appliedFraction',
      label: 'Risk applied',
      type: { kind: 'fraction' },
      shownWhen: { param: 'phasing', is: ['applied'] },
      help: 'For a ramp: the fraction of the risk applied (default 100%; leave out for shadow).',
      pane: {
        label: 'Share of the risk applied (%)',
        hint: 'Below 100 while ramping up to full risk.',
        start: '100%',
      },
    },
  ],
  build: buildP4p,
  calculate: performancePayment,
  blocks: (r) => [summary(r), metrics(r)],
  headline: (r) => [
    { label: 'At risk', text: moneyText(r.atRisk) },
    {
      label: 'Achievement',
      text: r.periods[0] === undefined ? '' : percent2(r.periods[0].achievement),
    },
    { label: 'Earned', text: moneyText(r.earned) },
    { label: 'Withheld', text: moneyText(r.withheld) },
    { label: 'Payable', text: moneyText(r.payable) },
  ],
});

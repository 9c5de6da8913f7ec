import { Dec, moneyText, type Amount } from '../../../engine/decimal';
import {
  fundingEnvelope,
  type FundingEnvelopeInput,
  type FundingEnvelopeResult,
} from '../../../engine/fundingEnvelope/fundingEnvelope';
import type { Finding } from '../../findings';
import { decOf, intOf, textOf } from '../../inputTable';
import { defineMechanism, type Built } from '../../mechanism';
import { intParam, type ScenarioParams, type TypedParams, PLAN_YEARS_LIMIT } from '../../params';
import type { InputTables } from '../../readInputs';
import { numberCell, numberCellOrBlank, percent2 } from '../../results/cells';
import { MONEY, MONEY_AXIS, TEXT, type ResultBlock } from '../../results/layout';
import { TABLE_KINDS } from '../../tableKinds';
import { OriginRecorder } from '../rowsToInput';
import { CHANGE_FIELDS, readChanges } from './fundingEnvelopeChanges';
import { listParam } from '../structuredParams';

/**
 * Builds a funding envelope: the baseline from the Contributions table (Scheme as the
 * spending category), the `changes` parameter, and planned spend from the PlannedSpend
 * table when there is one.
 */
function buildEnvelope(
  tables: InputTables,
  values: TypedParams,
  raw: ScenarioParams,
): Built<FundingEnvelopeInput> {
  const origins = new OriginRecorder();
  const findings: Finding[] = [];
  const { contributions, plannedSpend } = tables;
  const baseline = (contributions?.rows ?? []).map((row, i) => {
    if (contributions !== undefined) {
      origins.addRow(`baseline[${i}]`, contributions, row, {
        amount: 'amount',
        partner: 'partner',
        category: 'scheme',
      });
    }
    return {
      category: textOf(row, 'scheme') ?? '',
      partner: textOf(row, 'partner') ?? '',
      amount: decOf(row, 'amount') ?? 0,
    };
  });
  const planned = (plannedSpend?.rows ?? []).map((row, i) => {
    if (plannedSpend !== undefined) {
      origins.addRow(`planned[${i}]`, plannedSpend, row, {
        amount: 'amount',
        year: 'year',
        category: 'category',
        partner: 'partner',
      });
    }
    const category = textOf(row, 'category');
    const partner = textOf(row, 'partner');
    return {
      year: intOf(row, 'year') ?? 1,
      amount: decOf(row, 'amount') ?? 0,
      ...(category === undefined ? {} : { category }),
      ...(partner === undefined ? {} : { partner }),
    };
  });
  const input: FundingEnvelopeInput = {
    baseline,
    years: intParam(values, 'years') ?? plannedYears(planned),
    changes: readChanges(listParam(raw, 'changes'), findings),
    ...(planned.length > 0 ? { planned } : {}),
  };
  return { input, origins: origins.map, findings };
}

/**
 * Plan years when the run does not say: as many as the PlannedSpend table covers (its
 * latest year), so a plan of four years is projected over four without being told; one
 * when there is no planned spend (or its years are not whole numbers from 1, which the
 * engine then reports against their rows).
 */
function plannedYears(planned: readonly { readonly year: number }[]): number {
  const years = planned.map((p) => p.year).filter((y) => Number.isInteger(y) && y >= 1);
  return years.length === 0 ? 1 : Math.max(...years);
}

/** A change's rate for the parameters block: "-7.00%". */
const rate = (value: Amount): string => percent2(new Dec(value));

function byYear(r: FundingEnvelopeResult): ResultBlock {
  const withPlan = r.years.some((y) => y.planned !== undefined);
  return {
    kind: 'table',
    heading: 'Envelope and planned spend by year',
    name: 'BCF_Envelope_Years',
    columns: [
      { header: 'Plan year', format: TEXT },
      { header: 'Envelope', format: MONEY },
      ...(withPlan
        ? [
            { header: 'Planned spend', format: MONEY },
            // Envelope − plan: positive is headroom, negative a shortfall (as the pane says it).
            { header: 'Headroom (+) / shortfall (−)', format: MONEY },
          ]
        : []),
      { header: 'Change from baseline', format: MONEY },
    ],
    rows: r.years.map((y) => [
      `Year ${y.year}`,
      numberCell(y.envelope),
      ...(withPlan ? [numberCellOrBlank(y.planned), numberCellOrBlank(y.gap)] : []),
      numberCell(y.changeFromBaseline),
    ]),
    chart: {
      kind: 'columnClustered',
      title: withPlan ? 'Funding envelope and planned spend by year' : 'Funding envelope by year',
      series: withPlan ? [1, 2] : [1],
      valueAxisFormat: MONEY_AXIS,
      categoryAxisTitle: 'Plan year',
      valueAxisTitle: 'Amount (£)',
    },
  };
}

function lines(r: FundingEnvelopeResult): ResultBlock {
  return {
    kind: 'table',
    heading: 'Envelope by category and partner',
    name: 'BCF_Envelope_Lines',
    columns: [
      { header: 'Plan year', format: TEXT },
      { header: 'Category', format: TEXT, width: 28 },
      { header: 'Partner', format: TEXT, width: 24 },
      { header: 'Baseline', format: MONEY },
      { header: 'Envelope', format: MONEY },
    ],
    rows: r.years.flatMap((y) =>
      y.lines.map((l) => [
        `Year ${y.year}`,
        l.category,
        l.partner,
        numberCell(l.baseline),
        numberCell(l.envelope),
      ]),
    ),
  };
}

/** The funding envelope and savings as the workbook runs it. */
export const fundingEnvelopeMechanism = defineMechanism<
  FundingEnvelopeInput,
  FundingEnvelopeResult
>({
  title: 'Funding envelope',
  summary:
    'The envelope per year after savings and growth, and the headroom or shortfall against planned spend.',
  sheet: 'BCF Results - Funding envelope',
  tables: [
    { kind: TABLE_KINDS.contributions, required: true },
    { kind: TABLE_KINDS.plannedSpend, required: false },
  ],
  params: [
    {
      id: 'years',
      label: 'Plan years',
      type: { kind: 'integer', min: 1, max: PLAN_YEARS_LIMIT },
      unit: 'years',
      help: 'Plan years after the baseline year; default the latest year in the PlannedSpend table, else 1.',
      pane: {
        label: 'Plan years after the baseline year',
        hint: 'How many years the envelope is projected beyond the baseline year.',
        start: 4,
      },
    },
  ],
  structured: [
    {
      id: 'changes',
      kind: 'list',
      label: 'Changes',
      fields: CHANGE_FIELDS,
      help: 'Savings or growth applied to the baseline, e.g. [{ "name": "Net budget reduction", "totalOverYears": "-7%", "overYears": 4 }]; each needs annualRate or totalOverYears.',
      pane: {
        label: 'Changes to the baseline',
        hint: 'Reductions or growth applied to the baseline, to every partner or to one.',
        itemLabel: 'Change',
        either: {
          key: 'how',
          label: 'Kind of change',
          options: [
            { value: 'annual', label: 'A change every year', field: 'annualRate' },
            { value: 'total', label: 'A total over several years', field: 'totalOverYears' },
          ],
          box: { key: 'rate', label: 'Change (%)', hint: 'Negative for a reduction.', start: 0 },
        },
      },
    },
  ],
  build: buildEnvelope,
  calculate: fundingEnvelope,
  blocks: (r) => [byYear(r), lines(r)],
  extraParamRows: (input) =>
    (input.changes ?? []).map((c, i) => [
      `Change ${i + 1}`,
      [
        c.name,
        c.category,
        c.partner,
        c.annualRate === undefined ? undefined : `${rate(c.annualRate)} a year`,
        c.totalOverYears === undefined
          ? undefined
          : `${rate(c.totalOverYears)} over ${String(c.overYears)} years`,
      ]
        .filter((x) => x !== undefined)
        .join('; '),
      TEXT,
    ]),
  headline: (r) => [
    { label: 'Baseline', text: moneyText(r.baseline) },
    ...r.years.map((y) => ({ label: `Year ${y.year} envelope`, text: moneyText(y.envelope) })),
    ...(r.cumulativeGap === undefined
      ? []
      : [
          {
            label: 'Cumulative headroom (+) / shortfall (−)',
            text: moneyText(r.cumulativeGap),
          },
        ]),
  ],
});

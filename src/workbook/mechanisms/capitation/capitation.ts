import type { CapitationInput, CapitationResult } from '../../../engine/capitation/capitation';
import {
  capitationExploration,
  type CapitationExploration,
  type CapitationExplorationInput,
} from '../../../engine/capitation/capitationCurve';
import { moneyText } from '../../../engine/decimal';
import { defineMechanism, type Built } from '../../mechanism';
import { paramFinding, PLAN_YEARS_LIMIT, type TypedParams } from '../../params';
import { numberCell, numberCellOrBlank } from '../../results/cells';
import { MONEY, MONEY_AXIS, QUANTITY, TEXT, type ResultBlock } from '../../results/layout';
import { TABLE_KINDS } from '../../tableKinds';
import { buildCapitation } from './capitationInput';
import { capitationCurveBlocks } from './capitationCurveBlocks';
import { curveParams, withCurveParams } from '../curveParams';

const yearLabel = (yearIndex: number): string => `Year ${yearIndex + 1}`;

function byYear(r: CapitationResult): ResultBlock {
  const names = r.years[0]?.segments.map((s) => s.segment) ?? [];
  return {
    kind: 'table',
    heading: 'Budget by year and segment',
    name: 'BCF_Capitation_Budget',
    columns: [
      { header: 'Year', format: TEXT },
      ...names.map((n) => ({ header: n, format: MONEY })),
      { header: 'Total', format: MONEY },
    ],
    rows: r.years.map((y) => [
      yearLabel(y.yearIndex),
      ...y.segments.map((s) => numberCell(s.budget)),
      numberCell(y.budget),
    ]),
    chart: {
      kind: 'columnStacked',
      title: 'Capitation budget by year and segment',
      series: names.map((_, i) => i + 1),
      valueAxisFormat: MONEY_AXIS,
      categoryAxisTitle: 'Plan year',
      valueAxisTitle: 'Budget (£)',
    },
  };
}

function detail(r: CapitationResult): ResultBlock {
  return {
    kind: 'table',
    heading: 'Segments by year',
    name: 'BCF_Capitation_Segments',
    columns: [
      { header: 'Year', format: TEXT },
      { header: 'Segment', format: TEXT, width: 24 },
      { header: 'Projected population', format: QUANTITY },
      { header: 'Rate per person', format: MONEY },
      { header: 'Risk weight', format: QUANTITY },
      { header: 'Budget', format: MONEY },
      { header: 'Actual population', format: QUANTITY },
      { header: 'Tolerance adjustment', format: MONEY },
    ],
    rows: r.years.flatMap((y) =>
      y.segments.map((s) => [
        yearLabel(y.yearIndex),
        s.segment,
        numberCell(s.projectedPopulation),
        numberCell(s.rate),
        numberCell(s.weight),
        numberCell(s.budget),
        numberCellOrBlank(s.actualPopulation),
        numberCellOrBlank(s.adjustment),
      ]),
    ),
  };
}

function totals(r: CapitationResult): ResultBlock {
  return {
    kind: 'table',
    heading: 'Totals',
    name: 'BCF_Capitation_Totals',
    columns: [
      { header: 'Measure', format: TEXT, width: 28 },
      { header: 'Amount', format: MONEY },
    ],
    rows: [
      ['Total budget', numberCell(r.total)],
      ['Tolerance adjustment', numberCellOrBlank(r.totalAdjustment)],
      ['Adjusted total', numberCellOrBlank(r.adjustedTotal)],
    ],
  };
}

/** The budget with the outturn curve its parameters ask for, which needs the tolerance band. */
function withToleranceCurve(
  built: Built<CapitationInput>,
  values: TypedParams,
): Built<CapitationExplorationInput> {
  const curved = withCurveParams(built, values);
  if (!('curve' in curved.input) || curved.input.tolerance !== undefined) return curved;
  return {
    ...curved,
    findings: [
      ...curved.findings,
      paramFinding(
        'Population tolerance',
        'is needed for an outturn curve: the curve shows the tolerance adjustment.',
        'toleranceBand',
      ),
    ],
  };
}

/** Capitation as the workbook runs it. */
export const capitationMechanism = defineMechanism<
  CapitationExplorationInput,
  CapitationExploration
>({
  title: 'Capitation',
  summary: 'A budget per person in the population, projected year by year.',
  functions: ['CAPITATION', 'CAPITATIONSCHEDULE'],
  sheet: 'BCF Results - Capitation',
  tables: [{ kind: TABLE_KINDS.population, required: true }],
  params: [
    {
      id: 'years',
      label: 'Years',
      type: { kind: 'integer', min: 1, max: PLAN_YEARS_LIMIT },
      unit: 'years',
      default: 1,
      help: 'Number of plan years.',
      pane: { hint: 'How many contract years the budget is set for.' },
    },
    {
      id: 'uplift',
      label: 'Annual uplift',
      type: { kind: 'fraction', signed: true },
      default: 0,
      help: 'Yearly change to the rate per person (from −100% to 100%).',
      pane: {
        hint: 'The yearly rise in the budget per person, before efficiency.',
        info: 'Capitation: a budget per person covered, paid whatever care each person uses; the provider carries the risk of their use.',
      },
    },
    {
      id: 'efficiency',
      label: 'Annual efficiency',
      type: { kind: 'fraction' },
      default: 0,
      help: 'Yearly efficiency deduction from the rate.',
    },
    {
      id: 'populationGrowth',
      label: 'Population growth',
      type: { kind: 'fraction', signed: true },
      default: 0,
      help: 'Yearly growth of each segment (a projection, not rounded).',
      pane: { label: 'Population growth a year (%)' },
    },
    {
      id: 'toleranceBand',
      label: 'Population tolerance',
      type: { kind: 'fraction' },
      help: 'With actual populations: the band beyond which the budget is adjusted.',
      pane: {
        hint: 'Needs actual populations in the table; blank for no adjustment.',
        info: 'The tolerance: how far the actual population may differ from the planned one (as a share of it) before the budget is adjusted.',
      },
    },
    {
      id: 'toleranceBasis',
      label: 'Tolerance basis',
      type: {
        kind: 'enum',
        options: [
          { value: 'excess', label: 'Only the variance beyond the tolerance' },
          { value: 'full', label: 'The whole variance' },
        ],
      },
      default: 'excess',
      shownWhen: { param: 'toleranceBand' },
      help: 'excess (only the variance beyond the band) or full.',
      pane: { label: 'Adjust for' },
    },
    {
      id: 'actualYear',
      label: 'Year of actual population',
      type: { kind: 'integer', min: 1, max: PLAN_YEARS_LIMIT },
      default: 1,
      shownWhen: { param: 'toleranceBand' },
      help: 'The plan year the Actual population column is for.',
      pane: { label: 'Plan year of the actual population' },
    },
    ...curveParams(
      "every segment's population in every year at its projection × (1 + this)",
      'the tolerance adjustment (needs the tolerance band)',
    ),
  ],
  build: (tables, values) => withToleranceCurve(buildCapitation(tables, values), values),
  calculate: capitationExploration,
  blocks: (r) => [byYear(r), totals(r), detail(r), ...capitationCurveBlocks(r)],
  headline: (r) => [
    ...r.years.map((y) => ({ label: yearLabel(y.yearIndex), text: moneyText(y.budget) })),
    { label: 'Total', text: moneyText(r.total) },
    ...(r.adjustedTotal === undefined
      ? []
      : [{ label: 'Adjusted total', text: moneyText(r.adjustedTotal) }]),
  ],
});

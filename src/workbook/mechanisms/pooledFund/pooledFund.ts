import { moneyText } from '../../../engine/decimal';
import {
  pooledFundExploration,
  type PooledFundExploration,
  type PooledFundExplorationInput,
} from '../../../engine/pooledFund/poolCurve';
import type { PooledFundResult } from '../../../engine/pooledFund/pooledFund';
import { defineMechanism } from '../../mechanism';
import { numberCell, numberCellOrBlank, percent2 } from '../../results/cells';
import { MONEY, MONEY_AXIS, PERCENT, TEXT, type ResultBlock } from '../../results/layout';
import { TABLE_KINDS } from '../../tableKinds';
import { curveParams, withCurveParams } from '../curveParams';
import { buildPool } from './pooledFundInput';
import { poolCurveBlocks } from './pooledFundCurveBlocks';

/** Pooled fund (section 75): contribution shares and, with actual spend, the variance shared. */

const RULES = [
  { value: 'proportional', label: 'In proportion to contributions' },
  { value: 'fixed', label: 'Agreed fixed shares' },
  { value: 'commissioner', label: 'By each scheme’s commissioner' },
];

function blocks(result: PooledFundResult): ResultBlock[] {
  const withVariance = result.variance !== undefined;
  const partners: ResultBlock = {
    kind: 'table',
    heading: 'Partners',
    name: 'BCF_Pool_Partners',
    columns: [
      { header: 'Partner', format: TEXT, width: 28 },
      { header: 'Contribution', format: MONEY },
      { header: 'Contribution share', format: PERCENT },
      ...(withVariance
        ? [
            { header: 'Variance before caps', format: MONEY },
            { header: 'Variance borne', format: MONEY },
          ]
        : []),
    ],
    rows: result.partners.map((p) => [
      p.partner,
      numberCell(p.contribution),
      numberCell(p.contributionShare),
      ...(withVariance
        ? [numberCellOrBlank(p.varianceBeforeCap), numberCellOrBlank(p.variance)]
        : []),
    ]),
    chart: {
      kind: 'barClustered',
      title: 'Contributions by partner',
      series: [1],
      valueAxisFormat: MONEY_AXIS,
      valueAxisTitle: 'Contribution (£)',
    },
  };
  const schemes: ResultBlock = {
    kind: 'table',
    heading: 'Schemes',
    name: 'BCF_Pool_Schemes',
    columns: [
      { header: 'Scheme', format: TEXT, width: 28 },
      { header: 'Budget', format: MONEY },
      ...(withVariance
        ? [
            { header: 'Actual spend', format: MONEY },
            { header: 'Variance (budget − actual)', format: MONEY },
          ]
        : []),
    ],
    rows: result.schemes.map((s) => [
      s.scheme,
      numberCell(s.budget),
      ...(withVariance ? [numberCellOrBlank(s.actual), numberCellOrBlank(s.variance)] : []),
    ]),
  };
  return [partners, schemes];
}

/** The pooled fund as the workbook runs it. */
export const pooledFundMechanism = defineMechanism<
  PooledFundExplorationInput,
  PooledFundExploration
>({
  title: 'Pooled fund',
  summary: 'Each partner’s share of a section 75 pool and of any over- or underspend.',
  functions: ['POOLSHARE'],
  sheet: 'BCF Results - Pooled fund',
  tables: [
    { kind: TABLE_KINDS.contributions, required: true },
    { kind: TABLE_KINDS.schemes, required: false },
  ],
  params: [
    {
      id: 'rule',
      label: 'Variance sharing rule',
      type: { kind: 'enum', options: RULES },
      default: 'proportional',
      help: 'proportional (to contribution shares), fixed (agreed shares: fixedShares) or commissioner (each scheme to its commissioner; joint schemes by % NHS / % LA).',
      pane: {
        label: 'How an over- or underspend is shared',
        info: 'A section 75 agreement (NHS Act 2006) lets the NHS and a council pool their budgets; it says how the pool’s over- or underspend is shared between them.',
      },
    },
    {
      id: 'nhsPartner',
      label: 'NHS partner',
      type: { kind: 'text' },
      shownWhen: { param: 'rule', is: ['commissioner'] },
      help: 'Commissioner rule: the partner that bears NHS-commissioned schemes (e.g. the CCG or ICB).',
      pane: { label: 'Partner bearing NHS-commissioned schemes', names: 'party', pick: 0 },
    },
    {
      id: 'laPartner',
      label: 'LA partner',
      type: { kind: 'text' },
      shownWhen: { param: 'rule', is: ['commissioner'] },
      help: 'Commissioner rule: the partner that bears LA-commissioned schemes (the council).',
      pane: { label: 'Partner bearing LA-commissioned schemes', names: 'party', pick: 1 },
    },
    {
      id: 'excessTo',
      label: 'Excess over caps to',
      type: { kind: 'text' },
      shownWhen: { param: 'overspendCaps' },
      help: 'With overspendCaps ({ partner: amount }): the partner that bears overspend beyond a cap.',
      pane: { label: 'Overspend beyond a cap goes to', names: 'party', pick: 0 },
    },
    {
      id: 'unbudgetedSpend',
      label: 'Spend on unbudgeted schemes',
      type: {
        kind: 'enum',
        options: [
          { value: 'error', label: 'Is an error (a misspelt scheme)' },
          { value: 'overspend', label: 'Is an overspend of a £0 budget' },
        ],
      },
      default: 'error',
      help: 'error (a misspelt scheme, usually) or overspend (an overspend of a £0 budget).',
      pane: { label: 'Spend on a scheme with no budget' },
    },
    ...curveParams(
      'actual spend of the pool × (1 + this), split by scheme budget',
      'what each partner bears',
    ),
  ],
  structured: [
    {
      id: 'fixedShares',
      kind: 'byName',
      label: 'Fixed shares',
      value: { kind: 'fraction' },
      total100: true,
      shownWhen: { param: 'rule', is: ['fixed'] },
      help: 'Fixed rule: each partner’s agreed share of a variance, e.g. { "CCG": "50%", "Council": "50%" }.',
      pane: { label: 'Agreed shares of a variance' },
      after: 'rule',
    },
    {
      id: 'overspendCaps',
      kind: 'byName',
      label: 'Overspend caps',
      value: { kind: 'amount', nonNegative: true },
      help: 'The most a partner bears of an overspend, e.g. { "Council": 500000 }; the rest goes to excessTo.',
      pane: {
        label: 'Most each partner bears of an overspend (£)',
        hint: 'Blank for no cap on that partner.',
        info: 'A cap: the most a partner bears of the pool’s overspend; the rest goes to the partner named below.',
      },
      after: 'laPartner',
    },
  ],
  build: (tables, values, raw) => withCurveParams(buildPool(tables, values, raw), values),
  calculate: pooledFundExploration,
  blocks: (r) => [...blocks(r), ...poolCurveBlocks(r)],
  extraParamRows: (input) => [
    ...(input.sharing?.shares ?? []).map((s): [string, number, string] => [
      `Fixed share: ${s.partner}`,
      Number(String(s.share)),
      PERCENT,
    ]),
    ...(input.sharing?.caps ?? []).map((c): [string, number, string] => [
      `Overspend cap: ${c.partner}`,
      Number(String(c.cap)),
      MONEY,
    ]),
  ],
  headline: (r) => [
    { label: 'Pool', text: moneyText(r.pool) },
    ...r.partners.map((p) => ({
      label: `${p.partner} share`,
      text: percent2(p.contributionShare),
    })),
    ...(r.variance === undefined ? [] : [{ label: 'Variance', text: moneyText(r.variance) }]),
    ...r.partners.flatMap((p) =>
      p.variance === undefined
        ? []
        : [{ label: `${p.partner} bears`, text: moneyText(p.variance) }],
    ),
  ],
});

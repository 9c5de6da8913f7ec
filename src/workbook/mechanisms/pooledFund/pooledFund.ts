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

const RULES = [{ value: 'proportional' }, { value: 'fixed' }, { value: 'commissioner' }];

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
    },
    {
      id: 'nhsPartner',
      label: 'NHS partner',
      type: { kind: 'text' },
      shownWhen: { param: 'rule', is: ['commissioner'] },
      help: 'Commissioner rule: the partner that bears NHS-commissioned schemes (e.g. the CCG or ICB).',
    },
    {
      id: 'laPartner',
      label: 'LA partner',
      type: { kind: 'text' },
      shownWhen: { param: 'rule', is: ['commissioner'] },
      help: 'Commissioner rule: the partner that bears LA-commissioned schemes (the council).',
    },
    {
      id: 'excessTo',
      label: 'Excess over caps to',
      type: { kind: 'text' },
      help: 'With overspendCaps ({ partner: amount }): the partner that bears overspend beyond a cap.',
    },
    {
      id: 'unbudgetedSpend',
      label: 'Spend on unbudgeted schemes',
      type: { kind: 'enum', options: [{ value: 'error' }, { value: 'overspend' }] },
      default: 'error',
      help: 'error (a misspelt scheme, usually) or overspend (an overspend of a £0 budget).',
    },
    ...curveParams(
      'actual spend of the pool × (1 + this), split by scheme budget',
      'what each partner bears',
    ),
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

import type { PooledFundExploration } from '../../../engine/pooledFund/poolCurve';
import { numberCell } from '../../results/cells';
import { MONEY, MONEY_AXIS, TEXT, type ResultBlock } from '../../results/layout';
import { kinksBlock } from '../curveParams';

/**
 * The pooled fund's outturn curve on the result sheet: the curve table with a line chart
 * of each partner's part against the pool's actual spend, each partner's range, and where
 * the terms bend (when they do within the range).
 */
export function poolCurveBlocks(r: PooledFundExploration): ResultBlock[] {
  if (r.curve === undefined) return [];
  const partners = r.partners.map((p) => p.partner);
  const blocks: ResultBlock[] = [
    {
      kind: 'table',
      heading: 'Outturn curve: what each partner bears at each actual spend of the pool',
      name: 'BCF_Pool_Curve',
      columns: [
        { header: 'Actual spend', format: MONEY, width: 18 },
        ...partners.map((p) => ({ header: p, format: MONEY, width: 16 })),
        { header: 'Variance (pool − actual)', format: MONEY, width: 16 },
      ],
      rows: r.curve.map((point) => [
        numberCell(point.actual),
        ...point.parties.map((p) => numberCell(p.amount)),
        numberCell(point.variance),
      ]),
      chart: {
        kind: 'line',
        title: 'Each partner against actual spend',
        series: partners.map((_, i) => i + 1),
        valueAxisFormat: MONEY_AXIS,
        valueAxisTitle: 'Underspend (+) or overspend (−) borne (£)',
        categoryAxisTitle: 'Actual spend (£)',
      },
    },
    {
      kind: 'table',
      heading: 'Most each partner can gain or bear over the curve',
      name: 'BCF_Pool_CurveRange',
      columns: [
        { header: 'Partner', format: TEXT, width: 28 },
        { header: 'Maximum gain', format: MONEY },
        { header: 'Maximum loss', format: MONEY },
        { header: 'Loss held by its cap', format: TEXT },
      ],
      rows: (r.curveParties ?? []).map((p) => [
        p.party,
        numberCell(p.maximumGain),
        numberCell(p.maximumLoss),
        p.maximumLossCapped ? 'yes' : 'no',
      ]),
    },
  ];
  return [...blocks, ...kinksBlock(r.kinks ?? [], 'BCF_Pool_Kinks', 'Partners affected')];
}

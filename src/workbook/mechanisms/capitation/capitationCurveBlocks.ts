import type { CapitationExploration } from '../../../engine/capitation/capitationCurve';
import { numberCell } from '../../results/cells';
import { MONEY, MONEY_AXIS, PERCENT, QUANTITY, TEXT, type ResultBlock } from '../../results/layout';

/**
 * The population tolerance's outturn curve on the result sheet: the curve table with a
 * line chart of each segment's adjustment (and the total) against the actual population,
 * the largest rise and fall, and the band's edges (when they fall within the range).
 */
export function capitationCurveBlocks(r: CapitationExploration): ResultBlock[] {
  if (r.curve === undefined) return [];
  const segments = r.years[0]?.segments.map((s) => s.segment) ?? [];
  const blocks: ResultBlock[] = [
    {
      kind: 'table',
      heading: 'Outturn curve: the tolerance adjustment at each actual population',
      name: 'BCF_Capitation_Curve',
      columns: [
        { header: 'Actual population', format: QUANTITY, width: 18 },
        ...segments.map((s) => ({ header: s, format: MONEY, width: 16 })),
        { header: 'Total adjustment', format: MONEY, width: 16 },
        { header: 'Variance in population', format: QUANTITY, width: 16 },
      ],
      rows: r.curve.map((point) => [
        numberCell(point.actualPopulation),
        ...point.segments.map((s) => numberCell(s.adjustment)),
        numberCell(point.adjustment),
        numberCell(point.varianceInPopulation),
      ]),
      chart: {
        kind: 'line',
        title: 'Tolerance adjustment against actual population',
        series: [...segments.map((_, i) => i + 1), segments.length + 1],
        valueAxisFormat: MONEY_AXIS,
        valueAxisTitle: 'Adjustment to the budget (£)',
        categoryAxisTitle: 'Actual population (every segment and year)',
      },
    },
    {
      kind: 'table',
      heading: 'Largest rise and fall of the budget over the curve',
      name: 'BCF_Capitation_CurveRange',
      columns: [
        { header: 'Segment', format: TEXT, width: 28 },
        { header: 'Largest increase', format: MONEY },
        { header: 'Largest decrease', format: MONEY },
      ],
      rows: [
        ...(r.curveSegments ?? []).map((s) => [
          s.segment,
          numberCell(s.maximumIncrease),
          numberCell(s.maximumDecrease),
        ]),
        ...(r.curveTotal === undefined
          ? []
          : [
              [
                'All segments',
                numberCell(r.curveTotal.maximumIncrease),
                numberCell(r.curveTotal.maximumDecrease),
              ],
            ]),
      ],
    },
  ];
  const kinks = r.kinks ?? [];
  if (kinks.length === 0) return blocks;
  return [
    ...blocks,
    {
      kind: 'table',
      heading: 'Where the tolerance bends',
      name: 'BCF_Capitation_Kinks',
      columns: [
        { header: 'Actual population', format: QUANTITY, width: 18 },
        { header: 'Variance in population', format: QUANTITY, width: 16 },
        { header: 'Change on projection', format: PERCENT },
        { header: 'What the tolerance does there', format: TEXT, width: 60 },
        { header: 'Segments affected', format: TEXT, width: 28 },
      ],
      rows: kinks.map((k) => [
        numberCell(k.actualPopulation),
        numberCell(k.varianceInPopulation),
        numberCell(k.varianceFraction),
        k.reason,
        k.segments.join('; '),
      ]),
    },
  ];
}

/**
 * Result sheets for the .xlsx adapter tests, laid out by the workbook layer's
 * `layoutSheet` from the engine's figures: the pooled fund of the B&NES community
 * services outline business case (2015), Table 3 (CCG £28,348,000, council £40,888,000),
 * with a totals row whose formula the adapter writes and a native chart.
 */
import { pooledFund, type PooledFundResult } from '../../src/engine/pooledFund/pooledFund';
import type { SheetWrite } from '../../src/ports/workbook';
import { numberCell } from '../../src/workbook/results/cells';
import { layoutSheet, MONEY, MONEY_AXIS, PERCENT, TEXT } from '../../src/workbook/results/layout';

/** The engine's result for the B&NES pool (contributions only). */
export function bnesPool(): PooledFundResult {
  return pooledFund({
    partners: ['CCG', 'Council'],
    contributions: [
      { partner: 'CCG', scheme: 'Community services', amount: 28_348_000 },
      { partner: 'Council', scheme: 'Community services', amount: 40_888_000 },
    ],
  });
}

/** A laid-out result sheet with where its totals row is. */
export interface PoolSheet {
  readonly layout: SheetWrite;
  readonly result: PooledFundResult;
  /** 1-based row of the "Total" row under the partners table. */
  readonly totalRow: number;
  /** 1-based row of the partners table's header. */
  readonly headerRow: number;
}

/**
 * The pool's result sheet: title, a Partners table (partner, contribution, share) with a
 * bar chart of contributions, and a Total row summing the contributions by formula.
 *
 * @param options.charts - Whether to draw the chart (default true).
 * @param options.savedTotal - The value saved with the total formula (default the engine's pool).
 */
export function poolSheet(
  sheet = 'BCF Results - Pooled fund',
  options: { readonly charts?: boolean; readonly savedTotal?: number } = {},
): PoolSheet {
  const result = bnesPool();
  const base = layoutSheet(sheet, [
    {
      kind: 'title',
      text: 'BCF results: Pooled fund',
      subtitle: '=Calculated from Contributions (text, not a formula)',
    },
    {
      kind: 'table',
      heading: 'Partners',
      name: 'BCF_Pool_Partners',
      columns: [
        { header: 'Partner', format: TEXT, width: 28 },
        { header: 'Contribution', format: MONEY },
        { header: 'Contribution share', format: PERCENT },
      ],
      rows: result.partners.map((p) => [
        p.partner,
        numberCell(p.contribution),
        numberCell(p.contributionShare),
      ]),
      chart: {
        kind: 'barClustered',
        title: 'Contributions by partner',
        series: [1],
        valueAxisFormat: MONEY_AXIS,
        valueAxisTitle: 'Contribution (£)',
      },
    },
  ]);
  const table = base.tables[0];
  const headerRow = Number(/^[A-Z]+(\d+)/.exec(table?.range ?? '')?.[1]);
  const lastRow = Number(/(\d+)$/.exec(table?.range ?? '')?.[1]);
  const totalRow = lastRow + 1;
  const width = base.values[0]?.length ?? 0;
  const pad = <T>(cells: T[], fill: T): T[] => [
    ...cells,
    ...Array<T>(width - cells.length).fill(fill),
  ];
  const layout: SheetWrite = {
    ...base,
    values: [...base.values, pad(['Total', options.savedTotal ?? numberCell(result.pool)], null)],
    numberFormats: [...base.numberFormats, pad([TEXT, MONEY], 'General')],
    formulas: [{ address: `B${totalRow}`, formula: `=SUM(B${headerRow + 1}:B${lastRow})` }],
    boldRows: [...(base.boldRows ?? []), totalRow],
    charts: options.charts === false ? [] : base.charts,
  };
  return { layout, result, totalRow, headerRow };
}

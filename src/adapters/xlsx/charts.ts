/**
 * Native charts from the port's ChartWrite, drawn by ExcelTS as DrawingML chart parts
 * (xl/charts/chartN.xml) that Excel and LibreOffice render and users can edit. The
 * source range's header row names the series, its first column holds the categories,
 * and each further column is one series, as Excel's "series by columns" does.
 */
import type { ChartKind, ChartWrite } from '../../ports/workbook';
import type { CellBox } from './a1';
import { absoluteRef } from './a1';
import type { Worksheet } from './excelts';
import { layoutBox } from './layoutCheck';

type ChartOptions = Parameters<Worksheet['addChart']>[0];

/** ExcelTS options per chart kind: type, direction and grouping. */
const KIND_OPTIONS: Record<
  ChartKind,
  Pick<ChartOptions, 'type' | 'barDir' | 'grouping' | 'overlap'>
> = {
  barClustered: { type: 'bar', barDir: 'bar', grouping: 'clustered' },
  columnClustered: { type: 'bar', barDir: 'col', grouping: 'clustered' },
  // Excel draws stacked bars with full overlap; without it they stand side by side.
  columnStacked: { type: 'bar', barDir: 'col', grouping: 'stacked', overlap: 100 },
  line: { type: 'line', grouping: 'standard' },
};

function series(sheet: string, source: CellBox): NonNullable<ChartOptions['series']> {
  const categories = absoluteRef(sheet, {
    top: source.top + 1,
    left: source.left,
    bottom: source.bottom,
    right: source.left,
  });
  const result: NonNullable<ChartOptions['series']> = [];
  for (let column = source.left + 1; column <= source.right; column++) {
    const name = absoluteRef(sheet, {
      top: source.top,
      left: column,
      bottom: source.top,
      right: column,
    });
    const values = absoluteRef(sheet, {
      top: source.top + 1,
      left: column,
      bottom: source.bottom,
      right: column,
    });
    result.push({ name: { formula: name }, categories, values });
  }
  return result;
}

/**
 * Adds one native chart to a worksheet whose cells already hold the source range.
 *
 * @param worksheet - The sheet the chart and its data are on.
 * @param chart - What to draw and where (see ChartWrite).
 * @returns The chart's number in the package (xl/charts/chartN.xml).
 * @throws XlsxError `WORKBOOK.BAD_LAYOUT` if a range is not an A1 range.
 */
export function addChart(worksheet: Worksheet, chart: ChartWrite): number {
  const sheet = worksheet.name;
  const source = layoutBox(sheet, chart.sourceRange, `Chart "${chart.title}" source`);
  const placement = layoutBox(sheet, chart.placement, `Chart "${chart.title}" placement`);
  const options: ChartOptions = {
    ...KIND_OPTIONS[chart.kind],
    title: chart.title,
    series: series(sheet, source),
    showLegend: true,
    legendPosition: 'b',
    valueAxis: {
      numFmt: chart.valueAxisFormat,
      numFmtLinked: false,
      majorGridlines: true,
      ...(chart.valueAxisTitle === undefined ? {} : { title: chart.valueAxisTitle }),
    },
    categoryAxis: chart.categoryAxisTitle === undefined ? {} : { title: chart.categoryAxisTitle },
  };
  return worksheet.addChart(options, {
    tl: { col: placement.left - 1, row: placement.top - 1 },
    br: { col: placement.right, row: placement.bottom },
  });
}

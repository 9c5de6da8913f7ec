/**
 * A result sheet's chart drawn by Fluent's charts, one component per kind the sheets use.
 * Loaded on its own (React.lazy in ResultChart.tsx), like CurveLineChart, so the chart
 * library stays out of the pane's start bundle.
 */
import type { ReactNode } from 'react';
import {
  DataVizPalette,
  GroupedVerticalBarChart,
  LineChart,
  VerticalStackedBarChart,
  getColorFromToken,
} from '@fluentui/react-charts';
import type { PaneChart } from '../operations';

/** Axis ticks for the eye ("£1.2m", "−£250k", "40%"); the exact figures are in the table. */
function tick(chart: PaneChart, value: number): string {
  if (chart.figure === 'fraction') return `${(value * 100).toFixed(0)}%`;
  const size = Math.abs(value);
  const sign = value < 0 ? '−' : '';
  const pound = chart.figure === 'money' ? '£' : '';
  if (size >= 1e6) return `${sign}${pound}${(size / 1e6).toFixed(1).replace(/\.0$/, '')}m`;
  if (size >= 1e3) return `${sign}${pound}${(size / 1e3).toFixed(0)}k`;
  return `${sign}${pound}${size.toFixed(0)}`;
}

const PALETTE = [
  DataVizPalette.color1,
  DataVizPalette.color2,
  DataVizPalette.color3,
  DataVizPalette.color4,
  DataVizPalette.color5,
  DataVizPalette.color6,
];
/**
 * One colour a series, the same in every bar and its legend. The bar charts take a point's
 * colour as it is (a palette token such as "qualitative.1" is not a CSS colour, and the bars
 * were drawn black with empty legend boxes), so the token is resolved to its colour here.
 */
const colour = (index: number): string =>
  getColorFromToken(PALETTE[index % PALETTE.length] ?? DataVizPalette.color1);

// Plotting needs numbers; the figures stay decimal strings in the table beside the chart.
const plotted = (value: string | null): number => (value === null ? 0 : Number(value));

/** A chart narrower than this (CSS px) shows no figures over its bars. */
const NARROW_CHART = 240;

/**
 * Whether each category of a column chart this wide has room for its name wrapped on two
 * lines ("2015/16" over "Q1", about 50 px in the chart's 10 px bold): the plot takes the
 * chart's width less about 70 px of y-axis. Measured: 4 quarters fit a 288 px chart (a
 * 320 px pane) and touched in a 238 px one (270 px), overlapped in 168 px (200 px).
 */
function roomForEachName(width: number, categories: number): boolean {
  return categories > 0 && (width - 70) / categories >= 52;
}

/** One chart of a result sheet, sized to the pane. */
export default function ResultChartDraw(props: {
  readonly chart: PaneChart;
  readonly width: number;
}): ReactNode {
  const { chart, width } = props;
  const height = 240;
  // At 200% zoom (a 160 CSS px pane) the figures over the bars ran past the chart's edge
  // and were cut ("£28.…"): below this width they are left to the table under the chart.
  const hideLabels = width < NARROW_CHART;
  const format = (v: number | string | Date): string => tick(chart, Number(v));
  if (chart.kind === 'line') {
    return (
      <LineChart
        data={{
          chartTitle: chart.title,
          lineChartData: chart.series.map((s) => ({
            legend: s.name,
            data: chart.categories.map((c, i) => ({
              x: Number(c),
              y: plotted(s.values[i] ?? null),
            })),
          })),
        }}
        width={width}
        height={height}
        xAxisTitle={chart.categoryTitle}
        yAxisTitle={chart.valueTitle}
        yAxisTickFormat={format}
        xAxisTickCount={3}
        margins={{ right: 36 }}
        enabledLegendsWrapLines
      />
    );
  }
  if (chart.kind === 'stacked') {
    return (
      <VerticalStackedBarChart
        chartTitle={chart.title}
        data={chart.categories.map((c, i) => ({
          xAxisPoint: c,
          chartData: chart.series.map((s, k) => ({
            legend: s.name,
            data: plotted(s.values[i] ?? null),
            color: colour(k),
          })),
        }))}
        width={width}
        height={height}
        yAxisTitle={chart.valueTitle}
        yAxisTickFormat={format}
        hideLabels={hideLabels}
        // Long category names ("2015/16 Q1") on two lines. The library drops every other
        // name it judges to overlap, judging by the unwrapped name: where each category
        // has room for its wrapped name, all are shown (at 320 px the four quarters, which
        // it cut to Q2 and Q4); narrower, it drops them as before rather than overlap.
        wrapXAxisLables
        hideTickOverlap={!roomForEachName(width, chart.categories.length)}
        enabledLegendsWrapLines
      />
    );
  }
  // Bars and columns alike are drawn as columns: the sheet's horizontal bars put each name
  // to the left of its bar, where a 320 px pane has no room for it.
  return (
    <GroupedVerticalBarChart
      chartTitle={chart.title}
      data={chart.categories.map((c, i) => ({
        name: c,
        series: chart.series.map((s, k) => ({
          key: s.name,
          legend: s.name,
          data: plotted(s.values[i] ?? null),
          color: colour(k),
        })),
      }))}
      width={width}
      height={height}
      yAxisTitle={chart.valueTitle}
      yAxisTickFormat={format}
      hideLabels={hideLabels}
      // At 320 px the library packed the groups in the middle and dropped every category
      // name but one as overlapping (the pooled fund's two partners showed one name): the
      // groups spread over the width (bars up to 32 px) and the names wrapped, each is
      // under its bars.
      barWidth="auto"
      maxBarWidth={32}
      wrapXAxisLables
      enabledLegendsWrapLines
    />
  );
}

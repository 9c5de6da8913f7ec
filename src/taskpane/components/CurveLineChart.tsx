/**
 * The outturn curve drawn by Fluent's line chart. Loaded on its own (React.lazy in
 * CurveChart.tsx) so that the chart library and its d3 modules are fetched only when a run
 * has a curve, and the pane's start bundle stays small.
 */
import type { ReactNode } from 'react';
import { LineChart, type LineChartPoints } from '@fluentui/react-charts';
import type { OutturnCurve } from '../operations';

/** Pounds on the axes, e.g. "£1.2m", "−£250k": ticks for the eye; the figures are in the table. */
function axisMoney(value: number): string {
  const size = Math.abs(value);
  const sign = value < 0 ? '−' : '';
  if (size >= 1e6) return `${sign}£${(size / 1e6).toFixed(1).replace(/\.0$/, '')}m`;
  if (size >= 1e3) return `${sign}£${(size / 1e3).toFixed(0)}k`;
  return `${sign}£${size.toFixed(0)}`;
}

/** Each party's amount against actual spend, one line a party. */
export default function CurveLineChart(props: {
  readonly curve: OutturnCurve;
  readonly title: string;
  readonly width: number;
}): ReactNode {
  const { curve } = props;
  // Plotting needs numbers; the exact figures stay decimal strings in the table beside it.
  const lines: LineChartPoints[] = curve.parties.map((party, i) => ({
    legend: party,
    data: curve.points.map((point) => ({
      x: Number(point.actual),
      y: Number(point.amounts[i] ?? '0'),
    })),
  }));
  return (
    <LineChart
      data={{ chartTitle: props.title, lineChartData: lines }}
      width={props.width}
      height={260}
      xAxisTitle="Actual spend (£)"
      yAxisTitle="Gain (+) or loss (−) (£)"
      yAxisTickFormat={axisMoney}
      xAxisTickCount={3}
      // Room for the last x-axis label ("28,000,000"), centred on the axis's end.
      margins={{ right: 36 }}
      enabledLegendsWrapLines
    />
  );
}

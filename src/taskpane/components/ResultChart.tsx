import { Suspense, lazy, useId, type ReactNode } from 'react';
import { makeStyles } from '@fluentui/react-components';
import type { ChartFigure, PaneChart } from '../operations';
import { figureText } from '../ukFormat';
import { ChartBoundary } from './ChartBoundary';
import { ChartBox } from './ChartBox';
import { useChartTableStyles } from './chartStyles';
import { usePaneStyles } from './styles';

// The chart library is a chunk of its own, fetched the first time a result has a chart.
const ResultChartDraw = lazy(() => import('./ResultChartDraw'));

const useStyles = makeStyles({
  drawn: { minHeight: '240px' },
});

const KIND_WORDS: Readonly<Record<PaneChart['kind'], string>> = {
  bar: 'Bar chart',
  column: 'Column chart',
  stacked: 'Stacked column chart',
  line: 'Line chart',
};

/** A figure of a chart's table, exact as on the sheet: "£1,716,875.00", "40.94%", "1,200". */
export function chartFigureText(figure: ChartFigure, value: string | null): string {
  if (value === null) return '';
  const kind = figure === 'number' ? 'count' : figure;
  return figureText({ label: '', value, kind });
}

/** What the chart shows, in words: its accessible description. */
export function chartDescription(chart: PaneChart): string {
  const series = chart.series.map((s) => s.name).join(', ');
  const over = chart.categoryTitle === undefined ? '' : ` by ${chart.categoryTitle.toLowerCase()}`;
  return `${KIND_WORDS[chart.kind]} of ${series}${over}, ${chart.categories.length} ${chart.categories.length === 1 ? 'point' : 'points'}, as on the result sheet. The figures are in the table below it.`;
}

/** One of the result sheet's charts in the pane: named and described, with its table to open. */
export function ResultChart(props: { readonly chart: PaneChart }): ReactNode {
  const pane = usePaneStyles();
  const styles = useStyles();
  const shared = useChartTableStyles();
  const { chart } = props;
  const id = useId();
  const category = (c: string): string =>
    chart.categoryFigure === undefined ? c : chartFigureText(chart.categoryFigure, c);
  const table = (
    <div className={shared.tableBox} tabIndex={0} role="region" aria-label={`${chart.title} table`}>
      <table className={shared.table}>
        <caption className={pane.hint}>{chart.title}</caption>
        <thead>
          <tr>
            <th scope="col" className={`${shared.cell} ${shared.first}`}>
              {chart.categoryTitle ?? 'Item'}
            </th>
            {chart.series.map((s) => (
              <th key={s.name} scope="col" className={shared.cell}>
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {chart.categories.map((c, i) => (
            <tr key={`${c}-${i}`}>
              <th scope="row" className={`${shared.cell} ${shared.first}`}>
                {category(c)}
              </th>
              {chart.series.map((s) => (
                <td key={s.name} className={shared.cell}>
                  {chartFigureText(chart.figure, s.values[i] ?? null)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <figure
      className={shared.figure}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-description`}
    >
      <h4 className={pane.subheading} id={`${id}-title`}>
        {chart.title}
      </h4>
      <p className={pane.hint} id={`${id}-description`}>
        {chartDescription(chart)}
      </p>
      <ChartBox
        testId="result-chart"
        drawnClass={styles.drawn}
        table={table}
        tableSummary="The chart as a table"
        chart={(width) => (
          <ChartBoundary
            fallback={
              <p className={pane.hint}>The chart could not be drawn here: its figures are below.</p>
            }
          >
            <Suspense fallback={<p className={pane.hint}>Loading the chart…</p>}>
              <ResultChartDraw chart={chart} width={width} />
            </Suspense>
          </ChartBoundary>
        )}
      />
    </figure>
  );
}

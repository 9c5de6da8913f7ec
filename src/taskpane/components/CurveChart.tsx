import { Suspense, lazy, type ReactNode } from 'react';
import { makeStyles } from '@fluentui/react-components';
import type { OutturnCurve } from '../operations';
import { figureText } from '../ukFormat';
import { ChartBox } from './ChartBox';
import { useChartTableStyles } from './chartStyles';
import { usePaneStyles } from './styles';

// The chart library is a chunk of its own, fetched the first time a curve is shown.
const CurveLineChart = lazy(() => import('./CurveLineChart'));

const useStyles = makeStyles({
  drawn: { minHeight: '260px' },
});

const money = (value: string): string => figureText({ label: '', value, kind: 'money' });

/** What the chart shows, in words: its accessible description. */
export function curveDescription(curve: OutturnCurve): string {
  const first = curve.points[0];
  const last = curve.points[curve.points.length - 1];
  const range =
    first === undefined || last === undefined
      ? ''
      : ` from ${money(first.actual)} to ${money(last.actual)}`;
  return `One line for each party (${curve.parties.join(', ')}): what it gains (+) or bears (−) at ${curve.points.length} actual spends${range}. The figures are in the table below the chart.`;
}

/**
 * A run's outturn curve: a line chart of each party's amount against actual spend (named
 * and described for screen readers), and the curve's table, which screen readers and
 * anyone wanting the exact figures can open.
 */
export function CurveChart(props: {
  readonly curve: OutturnCurve;
  readonly title: string;
}): ReactNode {
  const pane = usePaneStyles();
  const styles = useStyles();
  const shared = useChartTableStyles();
  const { curve } = props;
  const chartTitle = `${props.title}: each party against actual spend`;
  const table = (
    <div className={shared.tableBox} tabIndex={0} role="region" aria-label="Outturn curve table">
      <table className={shared.table}>
        <caption className={pane.hint}>{chartTitle}</caption>
        <thead>
          <tr>
            <th scope="col" className={shared.cell}>
              Actual spend
            </th>
            {curve.parties.map((party) => (
              <th key={party} scope="col" className={shared.cell}>
                {party}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {curve.points.map((point) => (
            <tr key={point.actual}>
              <th scope="row" className={shared.cell}>
                {money(point.actual)}
              </th>
              {point.amounts.map((amount, i) => (
                <td key={curve.parties[i] ?? i} className={shared.cell}>
                  {money(amount)}
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
      aria-labelledby="curve-title"
      aria-describedby="curve-description"
    >
      <h3 className={pane.subheading} id="curve-title">
        Outturn curve
      </h3>
      <p className={pane.hint} id="curve-description">
        {curveDescription(curve)}
      </p>
      <ChartBox
        testId="curve-chart"
        drawnClass={styles.drawn}
        table={table}
        tableSummary="The curve as a table"
        chart={(width) => (
          <Suspense fallback={<p className={pane.hint}>Loading the chart…</p>}>
            <CurveLineChart curve={curve} title={chartTitle} width={width} />
          </Suspense>
        )}
      />
    </figure>
  );
}

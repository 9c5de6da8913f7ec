import { useEffect, useRef, useState, type ReactNode } from 'react';
import { makeStyles, mergeClasses } from '@fluentui/react-components';
import { NARROW_CHART_TEXT, tooNarrowForChart } from './chartStyles';
import { usePaneStyles } from './styles';

const useStyles = makeStyles({
  // The box is measured whether the chart or its table is in it, so it is never empty.
  chart: { minWidth: 0 },
});

/**
 * The width the chart can take: its box's, followed as the pane is resized. Where the box
 * cannot be measured (jsdom: no layout, so a width of 0; no ResizeObserver) it stays at
 * 280 px, a 320 px pane's, and the chart is drawn.
 */
function useWidth(): [React.RefObject<HTMLDivElement | null>, number] {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(280);
  useEffect(() => {
    const element = box.current;
    if (element === null) return undefined;
    const measure = (): void => {
      if (element.clientWidth > 0) setWidth(element.clientWidth);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [box, width];
}

/**
 * A figure's chart, or its table where the box is too narrow for the chart library to lay
 * out its axes (one line says so); with the chart drawn, the table follows behind a
 * summary to open.
 */
export function ChartBox(props: {
  /** The box's test id, e.g. "result-chart". */
  readonly testId: string;
  /** A class giving the drawn chart its height. */
  readonly drawnClass: string;
  /** The chart's table with the exact figures. */
  readonly table: ReactNode;
  /** The summary that opens the table, e.g. "The chart as a table". */
  readonly tableSummary: string;
  /** The chart, drawn at the box's width. */
  readonly chart: (width: number) => ReactNode;
}): ReactNode {
  const pane = usePaneStyles();
  const styles = useStyles();
  const [box, width] = useWidth();
  const narrow = tooNarrowForChart(width);
  return (
    <>
      <div
        className={mergeClasses(styles.chart, !narrow && props.drawnClass)}
        ref={box}
        data-testid={props.testId}
        data-chart={narrow ? 'table' : 'drawn'}
      >
        {narrow ? (
          <>
            <p className={pane.hint}>{NARROW_CHART_TEXT}</p>
            {props.table}
          </>
        ) : (
          props.chart(width)
        )}
      </div>
      {narrow ? null : (
        <details>
          <summary className={pane.text}>{props.tableSummary}</summary>
          {props.table}
        </details>
      )}
    </>
  );
}

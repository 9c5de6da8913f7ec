import { useId, type ReactNode } from 'react';
import {
  Button,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
} from '@fluentui/react-components';
import type { CellRef, RunSuccess } from '../operations';
import { ukDateTime } from '../ukFormat';
import { CurveChart } from './CurveChart';
import { EnvelopeTable } from './EnvelopeTable';
import { FindingsList } from './FindingsList';
import { HowReached } from './HowReached';
import { ResultChart } from './ResultChart';
import { ResultFigures } from './ResultFigures';
import { usePaneStyles } from './styles';

const useStyles = makeStyles({
  // Out-of-date figures stay readable but recede; the message says why.
  stale: { opacity: 0.55 },
});

/** The message over results that no longer match the pane's inputs. */
export const STALE_MESSAGE = 'Changed since this run — Run again';

/** Where the plan checks' minima come from, for a check that passed on £0. */
export const ZERO_MINIMUM_HINT =
  'A minimum of £0 passes whatever the plan spends. The required minima are published for each Health and Wellbeing Board with the BCF allocations (the planning return shows them beside “Minimum required” on its Expenditure sheet): enter them in the plan checks’ fields.';

function ZeroMinima(props: { readonly titles: readonly string[] }): ReactNode {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        Passed on a £0 minimum: {props.titles.join('; ')}. {ZERO_MINIMUM_HINT}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * A run's results: its headline figures (with a units switch), what a gate did, plan
 * checks passed on £0, a funding envelope's years, the sheet's charts, how the figures
 * were reached, points to look at, and a link to the result sheet. When the pane's inputs
 * changed after the run (`stale`), the results are dimmed under a message saying so.
 */
export function RunResultView(props: {
  readonly result: RunSuccess;
  /** Absent where cells cannot be shown (a file). */
  readonly onSelect?: (cell: CellRef) => void;
  /** The pane's parameters or the workbook changed after this run. */
  readonly stale?: boolean;
  /** Runs again from the stale message; without it the message only says so. */
  readonly onRunAgain?: () => void;
}): ReactNode {
  const pane = usePaneStyles();
  const styles = useStyles();
  const { result, onSelect } = props;
  const stale = props.stale === true;
  const staleId = useId();
  // The curve has its own chart (CurveChart); the sheet's line chart of it is the same.
  const charts = (result.charts ?? []).filter(
    (c) => !(result.curve !== undefined && c.kind === 'line'),
  );
  return (
    <div className={pane.stack}>
      {stale ? (
        <MessageBar intent="warning" id={staleId} politeness="polite">
          <MessageBarBody>{STALE_MESSAGE}</MessageBarBody>
          {props.onRunAgain === undefined ? null : (
            <MessageBarActions>
              <Button size="small" onClick={props.onRunAgain}>
                Run again
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      ) : null}
      <div
        className={stale ? `${pane.stack} ${styles.stale}` : pane.stack}
        data-stale={stale ? 'true' : undefined}
        aria-describedby={stale ? staleId : undefined}
        role="group"
        aria-label={stale ? `${result.title} results, out of date` : `${result.title} results`}
      >
        <p className={pane.hint}>
          Written {ukDateTime(result.completedAt)} to {result.sheetsWritten.join(', ')}.
        </p>
        <ResultFigures title={result.title} headline={result.headline} />
        {result.gate === undefined ? null : (
          <p className={pane.text} data-testid="gate-outcome">
            {result.gate}
          </p>
        )}
        {result.zeroMinima === undefined ? null : <ZeroMinima titles={result.zeroMinima} />}
        {result.envelopeYears === undefined ? null : <EnvelopeTable years={result.envelopeYears} />}
        {charts.map((chart) => (
          <ResultChart key={chart.title} chart={chart} />
        ))}
        {result.curve === undefined ? null : (
          <CurveChart curve={result.curve} title={result.title} />
        )}
        <HowReached steps={result.explanation} />
        {result.notes !== undefined && result.notes.length > 0 ? (
          <>
            <h3 className={pane.subheading}>To look at</h3>
            <FindingsList findings={result.notes} label="Points to look at" onSelect={onSelect} />
          </>
        ) : null}
        <div>
          {onSelect === undefined ? (
            <p className={pane.text}>The results are on the sheet “{result.resultSheet.sheet}”.</p>
          ) : (
            <Link as="button" onClick={() => onSelect(result.resultSheet)}>
              Go to the result sheet ({result.resultSheet.sheet})
            </Link>
          )}
        </div>
      </div>
    </div>
  );
}

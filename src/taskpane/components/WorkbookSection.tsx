import { useState, type ReactNode } from 'react';
import { Button, Spinner, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { CheckmarkCircle16Regular } from '@fluentui/react-icons';
import type { WorkbookOverview } from '../operations';
import { MECHANISM_CATALOG } from '../mechanismCatalog';
import { usePaneStyles } from './styles';

const useStyles = makeStyles({
  summary: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
  },
  tick: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  // Numbered (the li keep their list markers: the flex layout is inside them).
  steps: {
    ...typographyStyles.body1Strong,
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
});

function rowsText(count: number): string {
  return count === 1 ? '1 row' : `${count} rows`;
}

/**
 * The workbook's input tables and what can run on them. Before there are any: the steps,
 * in order (the planning template, or the user's own ranges), and nothing that cannot run.
 * Once there are: one summary line, the list behind "Show".
 */
export function WorkbookSection(props: {
  readonly overview: WorkbookOverview | undefined;
  readonly busy: boolean;
  readonly onRefresh: () => void;
  readonly onCreateTemplate: () => void;
  /** The way to map the user's own ranges (the mapping flow), when the pane has one. */
  readonly mapping?: ReactNode;
}): ReactNode {
  const pane = usePaneStyles();
  const styles = useStyles();
  const [shown, setShown] = useState(false);
  const { overview } = props;
  if (overview === undefined) {
    return <Spinner size="tiny" label="Reading the workbook…" />;
  }
  const refresh = (
    <div className={pane.row}>
      <Button onClick={props.onRefresh} disabled={props.busy}>
        Read the workbook again
      </Button>
    </div>
  );
  const mapped = overview.mappings ?? [];
  const count = overview.tables.length + mapped.length;
  if (count === 0) {
    return (
      <div className={pane.stack}>
        <p className={pane.text}>
          This workbook has no input tables yet. The calculations read their figures from input
          tables: start with one of these.
        </p>
        <ol className={styles.steps} aria-label="Getting started">
          <li>
            <div className={pane.stack}>
              <h3 className={pane.subheading}>Create the planning template</h3>
              <p className={pane.hint}>
                Adds the sheets and tables the calculations read, with the cells to fill in shaded
                yellow.
              </p>
              <div className={pane.row}>
                <Button appearance="primary" onClick={props.onCreateTemplate} disabled={props.busy}>
                  Create planning template
                </Button>
              </div>
            </div>
          </li>
          <li>
            <div className={pane.stack}>
              <h3 className={pane.subheading}>Or map your own ranges</h3>
              <p className={pane.hint}>
                If your figures are already in the workbook, select a range with its header row and
                tell the pane which table it is. Then read the workbook again.
              </p>
              {props.mapping}
              {refresh}
            </div>
          </li>
        </ol>
      </div>
    );
  }
  const ready = overview.mechanisms.filter((m) => m.ready);
  return (
    <div className={pane.stack}>
      {overview.readAs === undefined ? null : (
        <p className={pane.text}>
          Read as a {overview.readAs.title}, by the add-in’s description of its layout.
        </p>
      )}
      <p className={`${pane.text} ${styles.summary}`} id="tables-summary">
        <CheckmarkCircle16Regular className={styles.tick} aria-hidden />
        <span>{count === 1 ? '1 table' : `${count} tables`} found</span>
        <span aria-hidden>·</span>
        <Button
          appearance="transparent"
          size="small"
          aria-expanded={shown}
          aria-controls="input-tables"
          aria-label={shown ? 'Hide the input tables' : 'Show the input tables'}
          onClick={() => setShown((s) => !s)}
        >
          {shown ? 'Hide' : 'Show'}
        </Button>
      </p>
      {shown ? (
        <ul className={pane.list} aria-label="Input tables" id="input-tables">
          {overview.tables.map((t) => (
            <li key={t.name} className={pane.text}>
              {t.name}{' '}
              <span className={pane.hint}>
                ({t.sheet}, {rowsText(t.rowCount)})
              </span>
            </li>
          ))}
          {mapped.map((m) => (
            <li key={`mapped-${m.kind}`} className={pane.text}>
              {m.kindName}{' '}
              <span className={pane.hint}>
                (mapped: {m.sheet}!{m.range}, {rowsText(m.rowCount)})
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className={pane.hint}>
        {ready.length === 0
          ? 'No calculation has the tables it needs yet: fill them in, then read the workbook again.'
          : `Ready to run: ${ready.map((m) => MECHANISM_CATALOG[m.mechanism].title).join(', ')}.`}
      </p>
      {props.mapping}
      {refresh}
    </div>
  );
}

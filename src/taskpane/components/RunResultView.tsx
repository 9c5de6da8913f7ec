import type { ReactNode } from 'react';
import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { CellRef, RunSuccess } from '../operations';
import { figureText, ukDateTime } from '../ukFormat';
import { CurveChart } from './CurveChart';
import { FindingsList } from './FindingsList';
import { usePaneStyles } from './styles';

const useStyles = makeStyles({
  figures: {
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  figure: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    paddingBlock: tokens.spacingVerticalXXS,
  },
  label: { margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
  value: {
    margin: 0,
    fontVariantNumeric: 'tabular-nums',
    fontWeight: tokens.fontWeightSemibold,
    marginInlineStart: 'auto',
  },
});

/** A run's headline figures as a compact list, how they were reached, and a link to the result sheet. */
export function RunResultView(props: {
  readonly result: RunSuccess;
  /** Absent where cells cannot be shown (a file). */
  readonly onSelect?: (cell: CellRef) => void;
}): ReactNode {
  const pane = usePaneStyles();
  const styles = useStyles();
  const { result, onSelect } = props;
  return (
    <div className={pane.stack}>
      <p className={pane.hint}>
        Written {ukDateTime(result.completedAt)} to {result.sheetsWritten.join(', ')}.
      </p>
      <dl className={styles.figures} aria-label={`${result.title} figures`}>
        {result.headline.map((figure) => (
          <div key={figure.label} className={styles.figure}>
            <dt className={styles.label}>{figure.label}</dt>
            <dd className={styles.value}>{figureText(figure)}</dd>
          </div>
        ))}
      </dl>
      {result.curve === undefined ? null : <CurveChart curve={result.curve} title={result.title} />}
      <h3 className={pane.subheading}>How these were reached</h3>
      <ol className={pane.list}>
        {result.explanation.map((line, i) => (
          <li key={i} className={pane.text}>
            {line}
          </li>
        ))}
      </ol>
      {result.notes !== undefined && result.notes.length > 0 ? (
        <>
          <h3 className={pane.subheading}>To look at</h3>
          <FindingsList
            findings={result.notes}
            label="Points to look at"
            onSelect={props.onSelect}
          />
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
  );
}

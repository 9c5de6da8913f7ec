import type { ReactNode } from 'react';
import { Link, makeStyles, tokens } from '@fluentui/react-components';
import type { CellRef, ComparisonSuccess } from '../operations';
import { figureText } from '../ukFormat';
import { usePaneStyles } from './styles';

const useStyles = makeStyles({
  figures: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: {
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

const text = (value: string, kind: ComparisonSuccess['figures'][number]['kind']): string =>
  value === '' ? '—' : figureText({ label: '', value, kind });

/**
 * The comparison's headline figures: for each figure, its value under each scenario and
 * each later scenario's difference from the first, one figure a group (narrow enough for
 * a 320 px pane), and a link to the comparison sheet.
 */
export function ComparisonView(props: {
  readonly comparison: ComparisonSuccess;
  readonly onSelect?: (cell: CellRef) => void;
}): ReactNode {
  const pane = usePaneStyles();
  const styles = useStyles();
  const { comparison, onSelect } = props;
  const [base, ...others] = comparison.names;
  return (
    <div className={pane.stack} role="status" aria-label="Scenarios compared">
      <p className={pane.text}>
        {comparison.names.map((n) => `“${n}”`).join(', ')} run again from their kept terms.
        Differences are from “{base ?? ''}”.
      </p>
      {comparison.figures.map((figure) => (
        <div key={figure.label}>
          <h4 className={pane.subheading}>{figure.label}</h4>
          <dl className={styles.figures} aria-label={`${figure.label} by scenario`}>
            {comparison.names.map((name, i) => (
              <div key={name} className={styles.row}>
                <dt className={styles.label}>{name}</dt>
                <dd className={styles.value}>{text(figure.values[i] ?? '', figure.kind)}</dd>
              </div>
            ))}
            {figure.differences.map((difference, i) => (
              <div key={`diff-${others[i] ?? i}`} className={styles.row}>
                <dt className={styles.label}>
                  {others[i] ?? ''} − {base ?? ''}
                </dt>
                <dd className={styles.value}>{text(difference, figure.kind)}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
      <div>
        {onSelect === undefined ? (
          <p className={pane.text}>The comparison is on the sheet “{comparison.sheet.sheet}”.</p>
        ) : (
          <Link as="button" onClick={() => onSelect(comparison.sheet)}>
            Go to the comparison sheet ({comparison.sheet.sheet})
          </Link>
        )}
      </div>
    </div>
  );
}

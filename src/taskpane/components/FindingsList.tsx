import type { ReactNode } from 'react';
import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorCircle16Regular } from '@fluentui/react-icons';
import type { CellRef, Finding } from '../operations';
import { usePaneStyles } from './styles';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorPaletteRedForeground1,
    minWidth: 0,
  },
  icon: { flexShrink: 0, marginBlockStart: '2px' },
  text: { minWidth: 0, overflowWrap: 'anywhere' },
  link: { color: tokens.colorPaletteRedForeground1, textAlign: 'start' },
});

/** "Contracts!D4", quoting a sheet name that needs it as Excel does. */
export function cellText(cell: CellRef): string {
  const sheet = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(cell.sheet)
    ? cell.sheet
    : `'${cell.sheet.replace(/'/g, "''")}'`;
  return `${sheet}!${cell.address}`;
}

/** The message, led by the cell unless the message already names it. */
function linkText(cell: CellRef, message: string): string {
  return message.includes(`!${cell.address}`) ? message : `${cellText(cell)}: ${message}`;
}

/**
 * Problems found, styled as errors (an icon and the error colour, not colour alone), each
 * a link that selects its cell in the sheet.
 */
export function FindingsList(props: {
  readonly findings: readonly Finding[];
  readonly label: string;
  /** Selects a finding's cell; absent where cells cannot be shown (a file): the text alone. */
  readonly onSelect?: (cell: CellRef) => void;
}): ReactNode {
  const pane = usePaneStyles();
  const styles = useStyles();
  const { onSelect } = props;
  return (
    <ul className={pane.plainList} aria-label={props.label}>
      {props.findings.map((finding, i) => (
        <li key={`${finding.code}-${i}`} className={`${pane.text} ${styles.item}`}>
          <ErrorCircle16Regular className={styles.icon} aria-hidden />
          <span className={styles.text}>
            {finding.cell === undefined ? (
              finding.message
            ) : onSelect === undefined ? (
              linkText(finding.cell, finding.message)
            ) : (
              <Link
                as="button"
                className={styles.link}
                onClick={() => onSelect(finding.cell as CellRef)}
              >
                {linkText(finding.cell, finding.message)}
              </Link>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

import type { ReactNode } from 'react';
import { Link } from '@fluentui/react-components';
import type { CellRef, Finding } from '../operations';
import { usePaneStyles } from './styles';

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

/** Problems found, each a link that selects its cell in the sheet. */
export function FindingsList(props: {
  readonly findings: readonly Finding[];
  readonly label: string;
  /** Selects a finding's cell; absent where cells cannot be shown (a file): the text alone. */
  readonly onSelect?: (cell: CellRef) => void;
}): ReactNode {
  const styles = usePaneStyles();
  const { onSelect } = props;
  return (
    <ul className={styles.plainList} aria-label={props.label}>
      {props.findings.map((finding, i) => (
        <li key={`${finding.code}-${i}`} className={styles.text}>
          {finding.cell === undefined ? (
            finding.message
          ) : onSelect === undefined ? (
            linkText(finding.cell, finding.message)
          ) : (
            <Link as="button" onClick={() => onSelect(finding.cell as CellRef)}>
              {linkText(finding.cell, finding.message)}
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}

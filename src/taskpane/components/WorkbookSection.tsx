import type { ReactNode } from 'react';
import { Button, Spinner } from '@fluentui/react-components';
import type { WorkbookOverview } from '../operations';
import { MECHANISM_CATALOG } from '../mechanismCatalog';
import { Section } from './Section';
import { usePaneStyles } from './styles';

function rowsText(count: number): string {
  return count === 1 ? '1 row' : `${count} rows`;
}

/** The input tables found and what can run on them; the planning template when there are none. */
export function WorkbookSection(props: {
  readonly overview: WorkbookOverview | undefined;
  readonly busy: boolean;
  readonly onRefresh: () => void;
  readonly onCreateTemplate: () => void;
}): ReactNode {
  const styles = usePaneStyles();
  const { overview } = props;
  if (overview === undefined) {
    return (
      <Section id="workbook" title="Workbook">
        <Spinner size="tiny" label="Reading the workbook…" />
      </Section>
    );
  }
  const ready = overview.mechanisms.filter((m) => m.ready);
  const mapped = overview.mappings ?? [];
  const count = overview.tables.length + mapped.length;
  return (
    <Section id="workbook" title="Workbook">
      {count === 0 ? (
        <>
          <p className={styles.text}>This workbook has no input tables yet.</p>
          <p className={styles.hint}>
            The planning template adds the sheets and tables the calculations read, with the cells
            to fill in shaded yellow.
          </p>
          <Button appearance="primary" onClick={props.onCreateTemplate} disabled={props.busy}>
            Create planning template
          </Button>
        </>
      ) : (
        <>
          {overview.readAs === undefined ? null : (
            <p className={styles.text}>
              Read as a {overview.readAs.title}, by the add-in’s description of its layout.
            </p>
          )}
          <p className={styles.text}>{count === 1 ? '1 input table:' : `${count} input tables:`}</p>
          <ul className={styles.list} aria-label="Input tables">
            {overview.tables.map((t) => (
              <li key={t.name} className={styles.text}>
                {t.name}{' '}
                <span className={styles.hint}>
                  ({t.sheet}, {rowsText(t.rowCount)})
                </span>
              </li>
            ))}
            {mapped.map((m) => (
              <li key={`mapped-${m.kind}`} className={styles.text}>
                {m.kindName}{' '}
                <span className={styles.hint}>
                  (mapped: {m.sheet}!{m.range}, {rowsText(m.rowCount)})
                </span>
              </li>
            ))}
          </ul>
          <p className={styles.hint}>
            {ready.length === 0
              ? 'No calculation has the tables it needs yet: fill them in, then read the workbook again.'
              : `Ready to run: ${ready.map((m) => MECHANISM_CATALOG[m.mechanism].title).join(', ')}.`}
          </p>
        </>
      )}
      <div className={styles.row}>
        <Button onClick={props.onRefresh} disabled={props.busy}>
          Read the workbook again
        </Button>
      </div>
    </Section>
  );
}

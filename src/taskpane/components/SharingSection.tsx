import type { ReactNode } from 'react';
import { Button } from '@fluentui/react-components';
import { ConfirmButton } from './ConfirmButton';
import { Section } from './Section';
import { usePaneStyles } from './styles';

/** Sign-off and sharing: plan checks, prepare for sharing, restore formulas. */
export function SharingSection(props: {
  readonly busy: boolean;
  readonly onPlanChecks: () => void;
  readonly onPrepare: () => void;
  readonly onRestore: () => void;
  /** Whether plan checks can run (the workbook has input tables): otherwise not offered. */
  readonly canPlanChecks: boolean;
  /** Whether there are recorded formulas to restore. */
  readonly canRestore: boolean;
}): ReactNode {
  const styles = usePaneStyles();
  return (
    <Section id="sharing" title="Sign-off and sharing">
      {props.canPlanChecks ? (
        <>
          <p className={styles.hint}>
            Plan checks test a completed BCF plan before sign-off and list each failed check by
            scheme row.
          </p>
          <div className={styles.row}>
            <Button onClick={props.onPlanChecks} disabled={props.busy}>
              Run plan checks
            </Button>
          </div>
        </>
      ) : null}
      <p className={styles.hint}>
        Before sending the workbook to someone without the add-in, replace its BCF formulas with
        their values. The formulas are kept in the workbook and can be restored.
      </p>
      <div className={styles.row}>
        <ConfirmButton
          label="Prepare for sharing"
          title="Prepare for sharing?"
          confirmLabel="Replace formulas with values"
          disabled={props.busy}
          onConfirm={props.onPrepare}
        >
          Every cell with a BCF formula will show its current value as a fixed number, so the
          workbook opens the same without the add-in. Each formula is listed on the sheet “BCF
          Shared formulas”, where whoever opens the file can see which figures are fixed; Restore
          formulas puts them back.
        </ConfirmButton>
        <ConfirmButton
          label="Restore formulas"
          title="Restore formulas?"
          confirmLabel="Restore formulas"
          disabled={props.busy || !props.canRestore}
          onConfirm={props.onRestore}
        >
          The BCF formulas recorded when the workbook was prepared for sharing will replace the
          fixed values in their cells and calculate again.
        </ConfirmButton>
      </div>
      {props.canRestore ? null : (
        <p className={styles.hint}>
          Nothing to restore: this workbook has not been prepared for sharing.
        </p>
      )}
    </Section>
  );
}

import type { ReactNode } from 'react';
import { Button, Field, ProgressBar } from '@fluentui/react-components';
import type { Progress } from '../operations';
import { usePaneStyles } from './styles';

/** The step being done, a progress bar and Cancel (until writing begins). */
export function RunProgressView(props: {
  readonly label: string;
  readonly progress: Progress | undefined;
  readonly cancelling: boolean;
  readonly onCancel: () => void;
}): ReactNode {
  const styles = usePaneStyles();
  const { progress } = props;
  const cancellable = progress?.cancellable ?? true;
  const stepText =
    progress === undefined
      ? 'Starting…'
      : `Step ${Math.min(progress.done + 1, progress.total)} of ${progress.total}: ${progress.step}`;
  return (
    <div className={styles.stack}>
      <Field label={`Running ${props.label}`} validationState="none">
        <ProgressBar
          value={
            progress === undefined || progress.total === 0
              ? undefined
              : progress.done / progress.total
          }
          aria-label={`${props.label} progress`}
        />
      </Field>
      <p className={styles.text} role="status" aria-live="polite">
        {props.cancelling ? 'Cancelling…' : stepText}
      </p>
      {cancellable ? null : (
        <p className={styles.hint}>Writing the results: the run can no longer be cancelled.</p>
      )}
      <div className={styles.row}>
        <Button onClick={props.onCancel} disabled={!cancellable || props.cancelling}>
          Cancel run
        </Button>
      </div>
    </div>
  );
}

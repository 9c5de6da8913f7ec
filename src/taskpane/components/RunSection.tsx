import type { ReactNode, Ref } from 'react';
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { CellRef } from '../operations';
import type { RunState } from '../useRun';
import { ConfirmButton } from './ConfirmButton';
import { FindingsList } from './FindingsList';
import { RunProgressView } from './RunProgressView';
import { RunResultView } from './RunResultView';
import { Section } from './Section';
import { ErrorDetails } from './StatusMessage';
import { usePaneStyles } from './styles';

const useStyles = makeStyles({
  // Dimmed by a grey ground rather than by opacity, so every text, the lighter hints
  // and the units switch's labels too, keeps a 4.5:1 contrast (axe checks it).
  stale: {
    backgroundColor: tokens.colorNeutralBackground3,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: 'dashed',
    borderInlineStartColor: tokens.colorNeutralStroke1,
    paddingInlineStart: tokens.spacingHorizontalS,
  },
});

/** What the results say once the parameters or the workbook changed after the run. */
export const STALE_TEXT = 'Changed since this run — Run again';

function titleOf(state: Exclude<RunState, { phase: 'idle' }>): string {
  if (state.phase === 'running') return `Running: ${state.label}`;
  if (state.phase === 'failed') return `${state.label}: the run failed`;
  const { outcome } = state;
  if (outcome.ok) return `Results: ${state.label}`;
  if (outcome.reason === 'cancelled') return `${state.label}: cancelled`;
  if (outcome.reason === 'userSheet') return `${state.label}: a sheet is in the way`;
  return `${state.label}: fix these first`;
}

/** The run going on, or the last run's outcome: figures, findings, cancellation or failure. */
export function RunSection(props: {
  readonly state: RunState;
  readonly headingRef: Ref<HTMLHeadingElement>;
  readonly onCancel: () => void;
  readonly onSelect?: (cell: CellRef) => void;
  /** Runs again, replacing the user's sheet that is in the way. */
  readonly onReplace: () => void;
  /** The parameters or the workbook changed since the results shown were run. */
  readonly stale: boolean;
  /** Runs the calculation again with the parameters as they are now. */
  readonly onRunAgain: () => void;
}): ReactNode {
  const styles = usePaneStyles();
  const own = useStyles();
  const { state } = props;
  if (state.phase === 'idle') {
    return (
      <Section id="run" title="No results yet" headingRef={props.headingRef}>
        <p className={styles.text}>
          Choose a calculation under Calculate and run it: its figures, how they were reached and a
          link to its result sheet appear here.
        </p>
      </Section>
    );
  }
  let body: ReactNode;
  if (state.phase === 'running') {
    body = (
      <RunProgressView
        label={state.label}
        progress={state.progress}
        cancelling={state.cancelling}
        onCancel={props.onCancel}
      />
    );
  } else if (state.phase === 'failed') {
    body = (
      <div className={styles.stack}>
        <p className={styles.error} role="alert">
          {state.message}{' '}
          {state.whileWriting
            ? 'It stopped while writing the results, so the result sheet may be incomplete: run it again to replace it.'
            : 'Nothing was written.'}
        </p>
        <ErrorDetails code={state.code} />
      </div>
    );
  } else if (state.outcome.ok) {
    // The stale note and the dimming are here, once: the view's own `stale` (a stronger
    // dimming) is not used, so every text keeps its contrast.
    const view = { result: state.outcome, onSelect: props.onSelect };
    body = props.stale ? (
      <>
        <MessageBar intent="warning" layout="multiline" id="stale-note">
          <MessageBarBody>{STALE_TEXT}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={props.onRunAgain}>
              Run again
            </Button>
          </MessageBarActions>
        </MessageBar>
        <div className={own.stale} aria-describedby="stale-note" data-stale="">
          <RunResultView {...view} />
        </div>
      </>
    ) : (
      <RunResultView {...view} />
    );
  } else if (state.outcome.reason === 'userSheet') {
    body = (
      <>
        <p className={styles.text}>{state.outcome.message} Nothing was written.</p>
        <div className={styles.row}>
          <ConfirmButton
            label="Replace the sheet"
            title={`Replace the sheet “${state.outcome.sheet}”?`}
            confirmLabel="Replace and run"
            disabled={false}
            onConfirm={props.onReplace}
          >
            The sheet “{state.outcome.sheet}” was not made by the add-in. Its contents will be lost
            and the results written in its place. To keep it, cancel and rename it first.
          </ConfirmButton>
        </div>
      </>
    );
  } else if (state.outcome.reason === 'cancelled') {
    body = (
      <p className={styles.text}>
        The run was cancelled before writing: the workbook is unchanged.
      </p>
    );
  } else {
    body = (
      <>
        <p className={styles.text}>
          Nothing was written. Select a problem to go to its cell, correct it, then run again.
        </p>
        <FindingsList
          findings={state.outcome.findings}
          label="Problems found"
          onSelect={props.onSelect}
        />
      </>
    );
  }
  return (
    <Section id="run" title={titleOf(state)} headingRef={props.headingRef}>
      {body}
    </Section>
  );
}

import type { ReactNode, Ref } from 'react';
import type { CellRef } from '../operations';
import type { RunState } from '../useRun';
import { FindingsList } from './FindingsList';
import { RunProgressView } from './RunProgressView';
import { RunResultView } from './RunResultView';
import { Section } from './Section';
import { usePaneStyles } from './styles';

function titleOf(state: Exclude<RunState, { phase: 'idle' }>): string {
  if (state.phase === 'running') return `Running: ${state.label}`;
  if (state.phase === 'failed') return `${state.label}: the run failed`;
  const { outcome } = state;
  if (outcome.ok) return `Results: ${state.label}`;
  return outcome.reason === 'cancelled'
    ? `${state.label}: cancelled`
    : `${state.label}: fix these first`;
}

/** The run going on, or the last run's outcome: figures, findings, cancellation or failure. */
export function RunSection(props: {
  readonly state: RunState;
  readonly headingRef: Ref<HTMLHeadingElement>;
  readonly onCancel: () => void;
  readonly onSelect: (cell: CellRef) => void;
}): ReactNode {
  const styles = usePaneStyles();
  const { state } = props;
  if (state.phase === 'idle') return null;
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
      <p className={styles.error} role="alert">
        {state.message} Nothing was written.
      </p>
    );
  } else if (state.outcome.ok) {
    body = <RunResultView result={state.outcome} onSelect={props.onSelect} />;
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

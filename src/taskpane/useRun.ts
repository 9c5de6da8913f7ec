/**
 * A run's life in the pane: started with an AbortController, progress as it arrives,
 * then its outcome (or the unexpected error). Cancel aborts the signal; the operation
 * decides whether it could still stop before writing and says so in its outcome.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Progress, RunControl, RunOutcome } from './operations';
import { errorCode, errorText } from './errorText';

export type RunState =
  | { readonly phase: 'idle' }
  | {
      readonly phase: 'running';
      readonly label: string;
      readonly progress?: Progress;
      readonly cancelling: boolean;
    }
  | { readonly phase: 'finished'; readonly label: string; readonly outcome: RunOutcome }
  | {
      readonly phase: 'failed';
      readonly label: string;
      readonly message: string;
      /** The failure's stable code, for the pane's "Details". */
      readonly code?: string;
      /** It failed while writing, so a result sheet may be partly written. */
      readonly whileWriting: boolean;
    };

export interface RunHandle {
  readonly state: RunState;
  /** Starts `action` unless a run is going; `label` names it ("Gain/loss share"). */
  readonly start: (label: string, action: (control: RunControl) => Promise<RunOutcome>) => void;
  readonly cancel: () => void;
  /** Back to idle (e.g. after the user picked another mechanism). */
  readonly clear: () => void;
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

export function useRun(): RunHandle {
  const [state, setState] = useState<RunState>({ phase: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      controller.current?.abort();
    };
  }, []);

  const start = useCallback(
    (label: string, action: (control: RunControl) => Promise<RunOutcome>) => {
      if (controller.current !== null) return;
      const abort = new AbortController();
      controller.current = abort;
      setState({ phase: 'running', label, cancelling: false });
      let writing = false;
      const onProgress = (progress: Progress): void => {
        writing = progress.cancellable === false;
        if (!mounted.current || controller.current !== abort) return;
        setState((s) => (s.phase === 'running' ? { ...s, progress } : s));
      };
      const settle = (next: RunState): void => {
        if (controller.current === abort) controller.current = null;
        if (mounted.current) setState(next);
      };
      action({ signal: abort.signal, onProgress }).then(
        (outcome) => settle({ phase: 'finished', label, outcome }),
        (error: unknown) =>
          settle(
            isAbort(error)
              ? { phase: 'finished', label, outcome: { ok: false, reason: 'cancelled' } }
              : {
                  phase: 'failed',
                  label,
                  message: errorText(error),
                  ...(errorCode(error) === undefined ? {} : { code: errorCode(error) }),
                  whileWriting: writing,
                },
          ),
      );
    },
    [],
  );

  const cancel = useCallback(() => {
    controller.current?.abort();
    setState((s) => (s.phase === 'running' ? { ...s, cancelling: true } : s));
  }, []);

  const clear = useCallback(() => {
    if (controller.current === null) setState({ phase: 'idle' });
  }, []);

  return { state, start, cancel, clear };
}

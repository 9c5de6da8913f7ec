import { useEffect, useRef, type ReactNode } from 'react';
import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { Dismiss16Regular } from '@fluentui/react-icons';
import type { CellRef } from '../operations';
import { usePaneStyles } from './styles';

/** A message about the last action: what happened, with a link to a cell when there is one. */
export interface PaneMessage {
  readonly intent: 'success' | 'error' | 'info' | 'warning';
  readonly title: string;
  readonly text: string;
  readonly link?: { readonly label: string; readonly cell: CellRef };
  /** The failure's stable code, shown only behind "Details" (support asks for it). */
  readonly code?: string;
}

/** A failure's code behind a "Details" disclosure: there for support, out of the user's way. */
export function ErrorDetails(props: { readonly code: string | undefined }): ReactNode {
  const styles = usePaneStyles();
  if (props.code === undefined) return null;
  return (
    <details className={styles.details}>
      <summary>Details</summary>
      <span className={styles.hint}>Error code: {props.code}</span>
    </details>
  );
}

/**
 * The message of an action, shown where the action happened. A new message takes focus
 * (and so scrolls into view), so the user sees what the action did.
 */
export function StatusMessage(props: {
  readonly message: PaneMessage | undefined;
  readonly onSelect?: (cell: CellRef) => void;
  readonly onDismiss: () => void;
}): ReactNode {
  const { message, onSelect } = props;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message !== undefined) box.current?.focus();
  }, [message]);
  return (
    <div aria-live="polite">
      {message === undefined ? null : (
        <MessageBar
          intent={message.intent}
          layout="multiline"
          ref={box}
          tabIndex={-1}
          data-pane-message=""
        >
          <MessageBarBody>
            <MessageBarTitle>{message.title}</MessageBarTitle> {message.text}{' '}
            {message.link === undefined || onSelect === undefined ? null : (
              <Link
                as="button"
                inline
                onClick={() => onSelect((message.link as { cell: CellRef }).cell)}
              >
                {message.link.label}
              </Link>
            )}
            <ErrorDetails code={message.code} />
            {/* In the body, not MessageBar's actions: those stick out of the pane at 200% zoom. */}
            <div>
              <Button
                size="small"
                appearance="subtle"
                icon={<Dismiss16Regular />}
                onClick={props.onDismiss}
              >
                Dismiss
              </Button>
            </div>
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

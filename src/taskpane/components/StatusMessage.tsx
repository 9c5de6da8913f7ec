import type { ReactNode } from 'react';
import {
  Button,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { CellRef } from '../operations';

/** A message about the last action: what happened, with a link to a cell when there is one. */
export interface PaneMessage {
  readonly intent: 'success' | 'error' | 'info' | 'warning';
  readonly title: string;
  readonly text: string;
  readonly link?: { readonly label: string; readonly cell: CellRef };
}

export function StatusMessage(props: {
  readonly message: PaneMessage | undefined;
  readonly onSelect?: (cell: CellRef) => void;
  readonly onDismiss: () => void;
}): ReactNode {
  const { message, onSelect } = props;
  return (
    <div aria-live="polite">
      {message === undefined ? null : (
        <MessageBar intent={message.intent} layout="multiline">
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
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={props.onDismiss}>
              Dismiss
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </div>
  );
}

import type { ReactNode } from 'react';
import { OutsideExcel } from './components/OutsideExcel';
import { PaneShell } from './components/PaneShell';
import { Workflow } from './components/Workflow';
import type { FileMode, PaneOperations } from './operations';
import { OperationsProvider } from './operationsContext';
import { paneTheme } from './theme';

/** Where the pane runs: in Excel on the open workbook, or in a plain browser with the file mode. */
export type PaneHost =
  | { readonly kind: 'excel'; readonly operations: PaneOperations; readonly dark: boolean }
  | { readonly kind: 'browser'; readonly fileMode: FileMode; readonly dark: boolean };

/** The task pane. Everything it does to a workbook comes in through `host`. */
export function App(props: {
  readonly host: PaneHost;
  readonly onInteractive?: () => void;
}): ReactNode {
  const { host } = props;
  return (
    <PaneShell theme={paneTheme(host.dark)}>
      {host.kind === 'excel' ? (
        <OperationsProvider operations={host.operations}>
          <Workflow onInteractive={props.onInteractive} />
        </OperationsProvider>
      ) : (
        <OutsideExcel fileMode={host.fileMode} onInteractive={props.onInteractive} />
      )}
    </PaneShell>
  );
}

/**
 * The operations reach the components through this context, so no component calls
 * `Excel.run` (or knows whether it works on Excel, a file or a test double).
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { PaneOperations } from './operations';

const OperationsContext = createContext<PaneOperations | null>(null);

export function OperationsProvider(props: {
  readonly operations: PaneOperations;
  readonly children: ReactNode;
}): ReactNode {
  return (
    <OperationsContext.Provider value={props.operations}>
      {props.children}
    </OperationsContext.Provider>
  );
}

/** The operations of the workbook the pane works on. */
export function useOperations(): PaneOperations {
  const operations = useContext(OperationsContext);
  if (operations === null) throw new Error('useOperations needs an OperationsProvider above it.');
  return operations;
}

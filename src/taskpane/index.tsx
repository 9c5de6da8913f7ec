/**
 * The task pane's entry point: waits for Office, then shows the pane on the open
 * workbook (in Excel) or the file mode (in a plain browser, where Office reports no
 * host or office.js could not load).
 */
import { createRoot } from 'react-dom/client';
import { App, type PaneHost } from './App';
import { createFileMode } from './fileMode';
import { createOfficeOperations } from './officeOperations';
import { waitingOutCellEdit } from '../adapters/office/excelRun';
import { isDarkOfficeTheme, prefersDark } from './theme';

/** Performance mark set when the pane can be used (the browser tests read it). */
export const INTERACTIVE_MARK = 'bcf-pane-interactive';

function markInteractive(): void {
  if (performance.getEntriesByName(INTERACTIVE_MARK).length === 0)
    performance.mark(INTERACTIVE_MARK);
  document.body.dataset.paneReady = 'true';
}

function mount(host: PaneHost): void {
  let container = document.getElementById('root');
  if (container === null) {
    container = document.createElement('div');
    container.id = 'root';
    document.body.appendChild(container);
  }
  createRoot(container).render(<App host={host} onInteractive={markInteractive} />);
}

function inBrowser(): PaneHost {
  return { kind: 'browser', fileMode: createFileMode(), dark: prefersDark() };
}

function start(): void {
  if (typeof Office === 'undefined') {
    mount(inBrowser());
    return;
  }
  void Office.onReady().then((info) => {
    if (info.host === Office.HostType.Excel) {
      mount({
        kind: 'excel',
        // Batches wait while the user types in a cell rather than fail (issue 12).
        operations: createOfficeOperations(
          waitingOutCellEdit((options, batch) => Excel.run(options, batch)),
        ),
        dark: isDarkOfficeTheme(Office.context.officeTheme),
      });
    } else {
      mount(inBrowser());
    }
  });
}

start();

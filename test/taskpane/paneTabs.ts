/** Moving about the pane's tabs in the component tests, as a user would. */
import { fireEvent, screen } from '@testing-library/react';

/** Opens a tab of the pane ("Workbook", "Calculate", "Results", "Share"). */
export function openTab(name: 'Workbook' | 'Calculate' | 'Results' | 'Share'): void {
  fireEvent.click(screen.getByRole('tab', { name }));
}

/**
 * Waits until the pane has read a workbook with tables: it then opens on Calculate, with
 * the calculation picker (actions are disabled before).
 */
export async function paneRead(): Promise<void> {
  await screen.findByText(/^\d+ tables? found$/);
  await screen.findByRole('combobox', { name: 'Calculation' });
}

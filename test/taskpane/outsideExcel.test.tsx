/** @jest-environment jsdom */
import './domStubs';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import type { FileSession } from '../../src/taskpane/operations';
import { FakeOperations } from './fakeOperations';
import { paragraphText } from './paneText';

describe('outside Excel', () => {
  it('says the page is not in Excel and that the file mode is unavailable', async () => {
    const onInteractive = jest.fn();
    render(
      <App
        host={{
          kind: 'browser',
          dark: true,
          fileMode: { available: false, reason: 'not in this build.' },
        }}
        onInteractive={onInteractive}
      />,
    );
    expect(screen.getByText('Not running in Excel.')).toBeTruthy();
    // Says in words what the user can do, with no reference to a README.
    expect(document.body.textContent).not.toMatch(/README/i);
    expect(screen.getByText('The file mode is unavailable: not in this build.')).toBeTruthy();
    await waitFor(() => expect(onInteractive).toHaveBeenCalled());
  });

  it('opens a chosen .xlsx file, works on it and downloads the completed workbook', async () => {
    const session: FileSession = Object.assign(new FakeOperations(), {
      fileName: 'plan.xlsx',
      save: jest.fn(() => Promise.resolve(new Blob(['xlsx bytes']))),
    });
    const open = jest.fn(() => Promise.resolve(session));
    const created: string[] = [];
    URL.createObjectURL = jest.fn(() => 'blob:completed');
    URL.revokeObjectURL = jest.fn();
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      created.push(this.download);
    });
    render(<App host={{ kind: 'browser', dark: false, fileMode: { available: true, open } }} />);
    const input = screen.getByLabelText('Choose a workbook (.xlsx)');
    const file = new File(['PK'], 'plan.xlsx');
    Object.defineProperty(file, 'arrayBuffer', {
      value: () => Promise.resolve(new ArrayBuffer(2)),
    });
    fireEvent.change(input, { target: { files: [file] } });
    expect(await paragraphText('Working on')).toBe('Working on plan.xlsx.');
    expect(open).toHaveBeenCalledWith('plan.xlsx', expect.any(ArrayBuffer));
    expect(await screen.findByText('2 tables found')).toBeTruthy();
    // Download is beside the results, and confirms where the file went.
    fireEvent.click(screen.getByRole('tab', { name: 'Results' }));
    fireEvent.click(
      within(screen.getByRole('tabpanel', { name: 'Results' })).getByRole('button', {
        name: 'Download the completed workbook',
      }),
    );
    await waitFor(() => expect(created).toEqual(['plan (completed).xlsx']));
    expect(
      await screen.findByText(
        'The workbook with the results is saved as “plan (completed).xlsx” where your browser keeps downloads. The file you chose is unchanged.',
      ),
    ).toBeTruthy();
    click.mockRestore();
  });
});

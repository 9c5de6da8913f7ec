/** @jest-environment jsdom */
import './domStubs';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import type { FileSession } from '../../src/taskpane/operations';
import { FakeOperations } from './fakeOperations';
import { messageText, paragraphText, placeOf } from './paneText';

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
    expect(await messageText('Not running in Excel.')).toBe(
      'Not running in Excel. This page is open in a web browser. To work on a workbook open in Excel, add the add-in to Excel (Home, then Add-ins) and open it from the ribbon. Here you can work on a saved .xlsx file instead: open it below, run the calculations, then download the completed workbook. The file stays on this computer.',
    );
    // Says in words what the user can do, with no reference to a README.
    expect(document.body.textContent).not.toMatch(/README/i);
    expect(placeOf(screen.getByText('The file mode is unavailable: not in this build.'))).toBe(
      'Work on a file',
    );
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
    expect(placeOf(await screen.findByText('2 tables found'))).toBe('Workbook');
    // Download is beside the results, and confirms where the file went.
    fireEvent.click(screen.getByRole('tab', { name: 'Results' }));
    fireEvent.click(
      within(screen.getByRole('tabpanel', { name: 'Results' })).getByRole('button', {
        name: 'Download the completed workbook',
      }),
    );
    await waitFor(() => expect(created).toEqual(['plan (completed).xlsx']));
    expect(
      placeOf(
        await screen.findByText(
          'The workbook with the results is saved as “plan (completed).xlsx” where your browser keeps downloads. The file you chose is unchanged.',
        ),
      ),
    ).toBe('Results');
    click.mockRestore();
  });
});

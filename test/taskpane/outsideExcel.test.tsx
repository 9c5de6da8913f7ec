/** @jest-environment jsdom */
import './domStubs';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from '../../src/taskpane/App';
import type { FileSession } from '../../src/taskpane/operations';
import { FakeOperations } from './fakeOperations';
import { messageText, paragraphText } from './paneText';

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
      'Not running in Excel. This page is open in a web browser, outside Excel. To use the add-in on a workbook in Excel, add it to Excel (see the README). Here you can work on a saved .xlsx file instead.',
    );
    expect(screen.getByRole('status').textContent).toBe(
      'The file mode is unavailable: not in this build.',
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
    const tables = await screen.findByRole('list', { name: 'Input tables' });
    expect(
      within(tables)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Contracts (Contracts, 1 row)', 'Contributions (Pooled fund, 2 rows)']);
    fireEvent.click(screen.getByRole('button', { name: 'Download the completed workbook' }));
    await waitFor(() => expect(created).toEqual(['plan (completed).xlsx']));
    click.mockRestore();
  });
});

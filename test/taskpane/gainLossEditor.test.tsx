/** @jest-environment jsdom */
import './domStubs';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { placeOf } from './paneText';
import { OfficeWorkbook } from '../../src/adapters/office/index';
import { App } from '../../src/taskpane/App';
import type {
  GainLossParams,
  MechanismRequest,
  PaneOperations,
} from '../../src/taskpane/operations';
import { workbookOperations } from '../../src/taskpane/workbookOperations';
import { createMemoryExcel } from '../support/memory-excel';
import { riskShareSeed } from './workbookSeeds';

/** The pane over the Bedfordshire MSK workbook with its RiskShareBands, recording its runs. */
function renderPane(): MechanismRequest[] {
  const operations = workbookOperations(new OfficeWorkbook(createMemoryExcel(riskShareSeed()).run));
  const requests: MechanismRequest[] = [];
  const watched: PaneOperations = {
    ...operations,
    run: (request, control) => {
      requests.push(request);
      return operations.run(request, control);
    },
  };
  render(<App host={{ kind: 'excel', operations: watched, dark: false }} />);
  return requests;
}

async function pickGainLoss(): Promise<void> {
  const picker = await screen.findByRole<HTMLSelectElement>('combobox', { name: 'Calculation' });
  fireEvent.change(picker, { target: { value: 'gainshare' } });
}

const source = (): HTMLSelectElement =>
  screen.getByRole<HTMLSelectElement>('combobox', { name: 'Bands, caps and quality scores from' });

/** The band rows as shown: each group's name and its boxes' values. */
function grid(): [string, string[]][] {
  return screen
    .getAllByRole('group')
    .filter((g) => /^(Gain|Loss) band/.test(g.getAttribute('aria-label') ?? ''))
    .map((g) => [
      g.getAttribute('aria-label') ?? '',
      within(g)
        .getAllByRole<HTMLInputElement>('textbox')
        .map((i) => `${i.getAttribute('aria-label') ?? ''}=${i.value}`),
    ]);
}

describe('the gain/loss editor', () => {
  it('starts "This pane" from the workbook’s RiskShareBands, as a grid of up to | each party’s %', async () => {
    renderPane();
    await pickGainLoss();
    expect(source().value).toBe('workbook');
    fireEvent.change(source(), { target: { value: 'pane' } });
    expect(
      placeOf(
        screen.getByText(
          'Started from the RiskShareBands table’s bands for MSK1: edit them below.',
        ),
      ),
    ).toBe('Calculate');
    // Risk share sheet: gain band 1 to 5% all Circle, band 2 halved; losses all Circle.
    expect(grid()).toEqual([
      [
        'Gain band 1',
        ['Ends at (% of expected spend)=5', 'Circle share (%)=100', 'Bedfordshire CCG share (%)=0'],
      ],
      ['Gain band 2: the rest', ['Circle share (%)=50', 'Bedfordshire CCG share (%)=50']],
      ['Loss band 1: all of a loss', ['Circle share (%)=100', 'Bedfordshire CCG share (%)=0']],
    ]);
    expect(
      screen.getByRole<HTMLInputElement>('checkbox', { name: 'Share losses like gains' }).checked,
    ).toBe(false);
  });

  it('applies a published scheme as soon as it is chosen, and undoes it', async () => {
    const requests = renderPane();
    await pickGainLoss();
    fireEvent.change(source(), { target: { value: 'pane' } });
    const before = grid();
    const scheme = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Published scheme' });
    expect(scheme.value).toBe('');
    fireEvent.change(scheme, { target: { value: 'alliance' } });
    expect(
      placeOf(
        screen.getByText(
          'Now using Alliance 50:50 with cap (Non-owner participants: Circle; Owner: Bedfordshire CCG). Check the terms below.',
        ),
      ),
    ).toBe('Calculate');
    expect(grid()).toEqual([
      ['Gain band 1: all of a gain', ['Circle share (%)=50', 'Bedfordshire CCG share (%)=50']],
    ]);
    expect(
      screen.getByRole<HTMLInputElement>('textbox', { name: 'Most Circle bears of a loss (£)' })
        .value,
    ).toBe('8,000,000');
    // What is shown is what runs: no second button.
    fireEvent.click(screen.getByRole('button', { name: 'Run Gain/loss share' }));
    await screen.findByLabelText('Gain/loss share figures');
    const params = requests[0]?.params as GainLossParams;
    expect(params.editor?.gainBands).toEqual([
      { shares: { Circle: '0.5', 'Bedfordshire CCG': '0.5' } },
    ]);
    expect(params.editor?.caps?.loss).toEqual({ Circle: '8000000' });

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(grid()).toEqual(before);
    expect(
      screen.getByRole<HTMLSelectElement>('combobox', { name: 'Published scheme' }).value,
    ).toBe('');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: 'Most Circle bears of a loss (£)' })).toBeNull();
  });

  it('undoes two schemes chosen in a row back to the terms before the first', async () => {
    renderPane();
    await pickGainLoss();
    fireEvent.change(source(), { target: { value: 'pane' } });
    const before = grid();
    const scheme = () => screen.getByRole('combobox', { name: 'Published scheme' });
    fireEvent.change(scheme(), { target: { value: 'alliance' } });
    fireEvent.change(scheme(), { target: { value: 'shared-savings' } });
    expect(
      screen.getByRole<HTMLInputElement>('checkbox', { name: 'Share only above a gate' }).checked,
    ).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(grid()).toEqual(before);
    expect(
      screen.getByRole<HTMLInputElement>('checkbox', { name: 'Share only above a gate' }).checked,
    ).toBe(false);
  });

  it('shows in the result what the gate did (Bedfordshire: saving 8.64% against a 10% gate)', async () => {
    renderPane();
    await pickGainLoss();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Share only above a gate' }));
    fireEvent.change(
      screen.getByRole('textbox', { name: /Share only from \(% of expected spend\)/ }),
      { target: { value: '10' } },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Run Gain/loss share' }));
    await screen.findByLabelText('Gain/loss share figures');
    expect(screen.getByTestId('gate-outcome').textContent).toBe(
      'Saving 8.64% is below the 10% gate: no sharing; all £2,175,000.00 goes to Bedfordshire CCG.',
    );
  });
});

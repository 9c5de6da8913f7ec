/** @jest-environment jsdom */
import './domStubs';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { OfficeWorkbook } from '../../src/adapters/office/index';
import { App } from '../../src/taskpane/App';
import { scenarioParams } from '../../src/taskpane/layer/layerParams';
import type { MechanismRequest, PaneOperations, RunControl } from '../../src/taskpane/operations';
import { workbookOperations } from '../../src/taskpane/workbookOperations';
import { createMemoryExcel, type MemoryExcel } from '../support/memory-excel';
import { paragraphText } from './paneText';
import { pooledFundSeed } from './workbookSeeds';

/** A local time, so the note's date does not depend on the machine's time zone. */
const LAST_RUN = new Date(2025, 5, 1, 14, 3);

const control = (): RunControl => ({
  signal: new AbortController().signal,
  onProgress: () => undefined,
});

/** The Bedfordshire MSK terms set in the pane (King's Fund 2014), with a cap on Circle's gain. */
const BEDFORDSHIRE_IN_PANE: MechanismRequest = {
  mechanism: 'gainshare',
  params: {
    terms: 'pane',
    contract: 'MSK1',
    parties: ['Circle', 'Bedfordshire CCG'],
    editor: {
      bandLimits: 'fraction',
      gainBands: [
        { upTo: '0.05', shares: { Circle: '1', 'Bedfordshire CCG': '0' } },
        { shares: { Circle: '0.5', 'Bedfordshire CCG': '0.5' } },
      ],
      lossBands: [{ shares: { Circle: '1', 'Bedfordshire CCG': '0' } }],
      caps: { gain: { Circle: '2000000' }, loss: {} },
    },
    overflowTo: 'Bedfordshire CCG',
  },
};

/** A workbook in which the pooled fund, then the gain share with the pane's terms, were run. */
async function workbookWithRuns(): Promise<MemoryExcel> {
  const excel = createMemoryExcel(pooledFundSeed());
  const earlier = workbookOperations(new OfficeWorkbook(excel.run), { now: () => LAST_RUN });
  const pool = await earlier.run(
    {
      mechanism: 'pool',
      params: {
        rule: 'fixed',
        fixedShares: { 'B&NES CCG': '0.4', 'B&NES Council': '0.6' },
        unbudgetedSpend: 'error',
      },
    },
    control(),
  );
  const gain = await earlier.run(BEDFORDSHIRE_IN_PANE, control());
  if (!pool.ok || !gain.ok) throw new Error(JSON.stringify([pool, gain]));
  return excel;
}

function field(group: HTMLElement, name: string): string {
  return within(group).getByRole<HTMLInputElement>('textbox', { name }).value;
}

describe('reopening a workbook', () => {
  it('opens on the last run (Bedfordshire MSK gain share, King’s Fund 2014) with the pane’s terms in the editor, and runs them again alike', async () => {
    const excel = await workbookWithRuns();
    const operations = workbookOperations(new OfficeWorkbook(excel.run));
    const requests: MechanismRequest[] = [];
    const watched: PaneOperations = {
      ...operations,
      run: (request, c) => {
        requests.push(request);
        return operations.run(request, c);
      },
    };
    render(<App host={{ kind: 'excel', operations: watched, dark: false }} />);

    expect(await paragraphText('Parameters from the last run')).toBe(
      'Parameters from the last run on 01/06/2025 14:03.',
    );
    const picker = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Calculation' });
    expect(picker.value).toBe('gainshare');
    expect(
      screen.getByRole<HTMLSelectElement>('combobox', {
        name: 'Bands, caps and quality scores from',
      }).value,
    ).toBe('pane');

    const band1 = screen.getByRole('group', { name: 'Gain band 1' });
    expect(field(band1, 'Ends at (% of expected spend)')).toBe('5');
    expect(field(band1, 'Circle share (%)')).toBe('100');
    expect(field(band1, 'Bedfordshire CCG share (%)')).toBe('0');
    const band2 = screen.getByRole('group', { name: 'Gain band 2: the rest' });
    expect(field(band2, 'Circle share (%)')).toBe('50');
    expect(field(band2, 'Bedfordshire CCG share (%)')).toBe('50');
    expect(
      screen.getByRole<HTMLInputElement>('checkbox', { name: 'Share losses like gains' }).checked,
    ).toBe(false);
    const loss = screen.getByRole('group', { name: 'Loss band 1: all of a loss' });
    expect(field(loss, 'Circle share (%)')).toBe('100');
    expect(
      screen.getByRole<HTMLInputElement>('checkbox', {
        name: 'Cap what a party receives or bears',
      }).checked,
    ).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Run Gain/loss share' }));
    await waitFor(() => expect(requests).toHaveLength(1));
    const [again] = requests;
    if (again === undefined) throw new Error('no run');
    expect(scenarioParams(again)).toEqual(scenarioParams(BEDFORDSHIRE_IN_PANE));
    const figures = await screen.findByLabelText('Gain/loss share figures');
    // Band 1 gives Circle £1,258,750.00 and band 2 half of £916,250.00; its £2,000,000 cap does not bind.
    expect(figures.textContent).toContain('Circle£1,716,875.00');
    // The form now shows this run's parameters, not the workbook's earlier one.
    expect(screen.queryByText(/^Parameters from the last run/)).toBeNull();
  });

  it('starts the other forms from their own last runs: the pooled fund’s agreed shares (B&NES)', async () => {
    const excel = await workbookWithRuns();
    render(
      <App
        host={{
          kind: 'excel',
          operations: workbookOperations(new OfficeWorkbook(excel.run)),
          dark: false,
        }}
      />,
    );
    const picker = await screen.findByRole('combobox', { name: 'Calculation' });
    await waitFor(() => expect((picker as HTMLSelectElement).value).toBe('gainshare'));
    fireEvent.change(picker, { target: { value: 'pool' } });
    expect(await paragraphText('Parameters from the last run')).toBe(
      'Parameters from the last run of this calculation in this workbook.',
    );
    const ccg = screen.getByRole<HTMLInputElement>('textbox', { name: 'B&NES CCG (%)' });
    expect(ccg.value).toBe('40');
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'B&NES Council (%)' }).value).toBe(
      '60',
    );
    // Once edited, the form no longer shows the saved parameters.
    fireEvent.change(ccg, { target: { value: '45' } });
    expect(screen.queryByText(/^Parameters from the last run/)).toBeNull();
  });
});

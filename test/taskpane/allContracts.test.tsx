/** @jest-environment jsdom */
import './domStubs';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { placeOf } from './paneText';
import { OfficeWorkbook } from '../../src/adapters/office/index';
import { App } from '../../src/taskpane/App';
import { ALL_CONTRACTS_GATE_HOLDER } from '../../src/taskpane/mechanisms/gainLossShare/GainLossTermsFields';
import { scenarioParams } from '../../src/taskpane/layer/layerParams';
import type { MechanismRequest, PaneOperations } from '../../src/taskpane/operations';
import { workbookOperations } from '../../src/taskpane/workbookOperations';
import { createMemoryExcel, type MemoryExcel } from '../support/memory-excel';
import { twoContractSeed } from './workbookSeeds';

const RESULT_SHEET = 'BCF Results - Gain share';

/** The pane over the two-contract workbook, recording what it asks the layer to run. */
function renderPane(excel: MemoryExcel): MechanismRequest[] {
  const operations = workbookOperations(new OfficeWorkbook(excel.run));
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

async function chooseAllContracts(): Promise<HTMLSelectElement> {
  const picker = await screen.findByRole<HTMLSelectElement>('combobox', { name: 'Calculation' });
  fireEvent.change(picker, { target: { value: 'gainshare' } });
  const contract = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Contract' });
  expect([...contract.options].map((o) => o.text)).toEqual(['All contracts', 'MSK1', 'ALL2']);
  fireEvent.change(contract, { target: { value: contract.options[0]?.value } });
  return contract;
}

/** The row of the per-contract table on the result sheet for `id`. */
function contractRow(excel: MemoryExcel, id: string): unknown[] | undefined {
  return excel.values(RESULT_SHEET, 'A1:L80').find((row) => row[0] === id);
}

describe('the gain/loss share of all contracts (in-memory Excel)', () => {
  it('runs both contracts (Bedfordshire MSK, King’s Fund 2014, and an alliance overspend) under their own bands and shows the totals', async () => {
    const excel = createMemoryExcel(twoContractSeed());
    const requests = renderPane(excel);
    await chooseAllContracts();

    // The editor describes one contract's parties: with all contracts the tables decide.
    expect(
      screen.queryByRole('combobox', { name: 'Bands, caps and quality scores from' }),
    ).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Published scheme' })).toBeNull();
    expect(
      placeOf(screen.getByText(/Each contract’s bands, caps and quality scores come from/)),
    ).toBe('Calculate');
    expect(
      screen.getByText(/Each contract’s bands, caps and quality scores come from/).textContent,
    ).toBe(
      'Each contract’s bands, caps and quality scores come from its own rows of the RiskShareBands and RiskShareTerms tables, else the rows with no Contract ID. To set terms in this pane, choose one contract.',
    );

    fireEvent.click(screen.getByRole('button', { name: 'Run Gain/loss share' }));
    const figures = await screen.findByLabelText('Gain/loss share figures');
    const shown = [...figures.querySelectorAll('tr')].map((d) => d.textContent);
    // MSK1: gain £2,175,000.00, the first 5% (£1,258,750.00) to Circle, the rest halved.
    // ALL2: loss £400,000.00 split 60:40 on the bands with no Contract ID.
    expect(shown).toEqual([
      'Contracts2',
      'Total gain£1,775,000.00',
      'Circle£1,716,875.00',
      'Bedfordshire CCG£458,125.00',
      'Luton Trust−£240,000.00',
      'Luton CCG−£160,000.00',
    ]);

    // The layer was given no contract (never the pane's "All contracts" value).
    expect(requests).toHaveLength(1);
    const [request] = requests;
    if (request === undefined) throw new Error('no run');
    expect(scenarioParams(request)).toEqual({});
    expect(contractRow(excel, 'MSK1')?.slice(3, 6)).toEqual([25175000, 23000000, 2175000]);
    expect(contractRow(excel, 'ALL2')?.slice(3, 6)).toEqual([10000000, 10400000, -400000]);
  });

  it('keeps the gate for all contracts, each contract’s holder left to the workbook layer', async () => {
    const excel = createMemoryExcel(twoContractSeed());
    const requests = renderPane(excel);
    await chooseAllContracts();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Share only above a gate' }));
    expect(placeOf(screen.getByText(ALL_CONTRACTS_GATE_HOLDER))).toBe('Calculate');
    expect(
      screen.queryByRole('combobox', { name: 'Below the gate, all of it goes to' }),
    ).toBeNull();
    fireEvent.change(
      screen.getByRole('textbox', { name: 'Share only from (% of expected spend)' }),
      { target: { value: '5' } },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Run Gain/loss share' }));
    const figures = await screen.findByLabelText('Gain/loss share figures');
    const [request] = requests;
    if (request === undefined) throw new Error('no run');
    expect(scenarioParams(request)).toEqual({ gate: '0.05', gateAppliesTo: 'both' });
    // MSK1's 8.64% gain passes a 5% gate; ALL2's 4% loss stays with its commissioner
    // (an alliance: not a prime contractor), Luton CCG.
    const shown = [...figures.querySelectorAll('tr')].map((d) => d.textContent);
    expect(shown).toEqual([
      'Contracts2',
      'Total gain£1,775,000.00',
      'Circle£1,716,875.00',
      'Bedfordshire CCG£458,125.00',
      'Luton Trust£0.00',
      'Luton CCG−£400,000.00',
    ]);
  });

  it('reopens on all contracts after a run over every contract', async () => {
    const excel = createMemoryExcel(twoContractSeed());
    const earlier = workbookOperations(new OfficeWorkbook(excel.run));
    const outcome = await earlier.run(
      {
        mechanism: 'gainshare',
        params: { terms: 'workbook', parties: [], gate: { fraction: '0.05', appliesTo: 'gains' } },
      },
      { signal: new AbortController().signal, onProgress: () => undefined },
    );
    expect(outcome.ok).toBe(true);
    renderPane(excel);
    const contract = await screen.findByRole<HTMLSelectElement>('combobox', { name: 'Contract' });
    await waitFor(() => expect(contract.value).toBe('*'));
    expect(contract.selectedOptions[0]?.text).toBe('All contracts');
    expect(
      screen.getByRole<HTMLInputElement>('checkbox', { name: 'Share only above a gate' }).checked,
    ).toBe(true);
    expect(
      screen.getByRole<HTMLInputElement>('textbox', {
        name: 'Share only from (% of expected spend)',
      }).value,
    ).toBe('5');
    expect(
      screen.getByRole<HTMLSelectElement>('combobox', { name: 'The gate applies to' }).value,
    ).toBe('gains');
  });
});

/** @jest-environment jsdom */
import './domStubs';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { descriptionOf, placeOf } from './paneText';
import { App } from '../../src/taskpane/App';
import type { GainLossParams, OutturnCurve, RunOutcome } from '../../src/taskpane/operations';
import { BEDFORDSHIRE_RESULT, FakeOperations } from './fakeOperations';

// The chart library draws SVG with d3 (ES modules jest does not load); the browser test
// (test/browser/scenarios.test.ts) draws the real chart. Here the lazy chunk is a stand-in
// that shows what it was given, so the pane's wiring is what is tested.
jest.mock('../../src/taskpane/components/CurveLineChart', () => ({
  __esModule: true,
  default: (props: { curve: OutturnCurve; title: string }) => (
    <svg role="img" aria-label={props.title}>
      {props.curve.parties.map((p) => (
        <path key={p} data-party={p} />
      ))}
    </svg>
  ),
}));

const CURVE: OutturnCurve = {
  parties: ['Circle', 'Bedfordshire CCG'],
  points: [
    { actual: '22657500.00', variance: '2517500.00', amounts: ['1258750.00', '1258750.00'] },
    { actual: '25175000.00', variance: '0.00', amounts: ['0.00', '0.00'] },
    { actual: '27692500.00', variance: '-2517500.00', amounts: ['-1258750.00', '-1258750.00'] },
  ],
};

function renderPane(ops: FakeOperations) {
  return render(<App host={{ kind: 'excel', operations: ops, dark: false }} />);
}

async function pickGainLoss(): Promise<void> {
  const select = await screen.findByRole('combobox', { name: 'Calculation' });
  fireEvent.change(select, {
    target: {
      value: [...(select as HTMLSelectElement).options].find((o) => o.text === 'Gain/loss share')
        ?.value,
    },
  });
}

const type = (label: string, value: string): void => {
  fireEvent.change(screen.getByRole('textbox', { name: label }), { target: { value } });
};

/** Runs the gain/loss share with the fake finishing it with `outcome`. */
async function runWith(ops: FakeOperations, outcome: RunOutcome): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name: 'Run Gain/loss share' }));
  await waitFor(() => expect(ops.runs.length).toBeGreaterThan(0));
  const held = ops.runs[ops.runs.length - 1];
  act(() => held?.finish(outcome));
  await screen.findByRole('heading', { name: 'Results: Gain/loss share' });
}

describe('the gain/loss form’s outturn curve and simulation', () => {
  it('sends the curve and the simulation as fractions and whole numbers', async () => {
    const ops = new FakeOperations();
    renderPane(ops);
    await pickGainLoss();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show an outturn curve' }));
    type('Actual spend from (change on expected)', '-10');
    type('Actual spend to (change on expected)', '10');
    type('Points on the curve', '3');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Simulate the exposure' }));
    type('Draws (random outturns)', '20,000');
    type('Spread of actual spend (coefficient of variation)', '7.5');
    fireEvent.change(screen.getByRole('combobox', { name: 'Distribution' }), {
      target: { value: 'lognormal' },
    });
    type('Seed', '42');
    type('Loss threshold', '£1,000,000');
    fireEvent.click(screen.getByRole('button', { name: 'Run Gain/loss share' }));
    await waitFor(() => expect(ops.runs).toHaveLength(1));
    const params = ops.runs[0]?.request.params as GainLossParams;
    expect(params.curve).toEqual({ from: '-0.1', to: '0.1', points: 3 });
    expect(params.simulation).toEqual({
      draws: 20000,
      cv: '0.075',
      distribution: 'lognormal',
      seed: 42,
      lossThreshold: '1000000',
    });
  });

  it('keeps the curve and simulation when a published scheme replaces the terms', async () => {
    const ops = new FakeOperations();
    renderPane(ops);
    await pickGainLoss();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show an outturn curve' }));
    type('Points on the curve', '9');
    fireEvent.change(screen.getByRole('combobox', { name: 'Published scheme' }), {
      target: { value: 'bedfordshire' },
    });
    expect(screen.getByRole('checkbox', { name: 'Show an outturn curve' })).toHaveProperty(
      'checked',
      true,
    );
    expect(screen.getByRole('textbox', { name: 'Points on the curve' })).toHaveProperty(
      'value',
      '9',
    );
  });

  it('refuses a curve that ends below where it starts, or too many points, without running', async () => {
    const ops = new FakeOperations();
    renderPane(ops);
    await pickGainLoss();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show an outturn curve' }));
    type('Actual spend from (change on expected)', '10');
    type('Actual spend to (change on expected)', '-10');
    type('Points on the curve', '1002');
    fireEvent.click(screen.getByRole('button', { name: 'Run Gain/loss share' }));
    expect(placeOf(await screen.findByText('The curve must end above where it starts.'))).toBe(
      'Calculate',
    );
    expect(placeOf(screen.getByText('Enter a whole number from 2 to 1001.'))).toBe('Calculate');
    expect(
      descriptionOf(screen.getByRole('textbox', { name: 'Actual spend to (change on expected)' })),
    ).toBe('The curve must end above where it starts. E.g. 20 for 120% of expected spend.');
    expect(descriptionOf(screen.getByRole('textbox', { name: 'Points on the curve' }))).toBe(
      'Enter a whole number from 2 to 1001. Both ends included: 2 to 1,001.',
    );
    expect(ops.runs).toHaveLength(0);
  });
});

describe('the run’s outturn curve in the pane', () => {
  it('shows the chart, named and described, with the curve’s table', async () => {
    const ops = new FakeOperations();
    renderPane(ops);
    await pickGainLoss();
    await runWith(ops, { ...(BEDFORDSHIRE_RESULT as object), curve: CURVE } as RunOutcome);
    const figure = screen.getByRole('figure', { name: 'Outturn curve' });
    expect(figure.getAttribute('aria-describedby')).toBe('curve-description');
    expect(document.getElementById('curve-description')?.textContent).toBe(
      'One line for each party (Circle, Bedfordshire CCG): what it gains (+) or bears (−) at 3 actual spends from £22,657,500.00 to £27,692,500.00. The figures are in the table below the chart.',
    );
    const chart = await within(figure).findByRole('img', {
      name: 'Gain/loss share: each party against actual spend',
    });
    expect(chart.querySelectorAll('path')).toHaveLength(2);
    const table = within(figure).getByRole('table');
    const rows = [...table.querySelectorAll('tr')].map((r) =>
      [...r.querySelectorAll('th, td')].map((c) => c.textContent),
    );
    expect(rows).toEqual([
      ['Actual spend', 'Circle', 'Bedfordshire CCG'],
      ['£22,657,500.00', '£1,258,750.00', '£1,258,750.00'],
      ['£25,175,000.00', '£0.00', '£0.00'],
      ['£27,692,500.00', '−£1,258,750.00', '−£1,258,750.00'],
    ]);
  });

  it('shows no chart for a run without a curve', async () => {
    const ops = new FakeOperations();
    renderPane(ops);
    await pickGainLoss();
    await runWith(ops, BEDFORDSHIRE_RESULT);
    expect(screen.queryByRole('figure', { name: 'Outturn curve' })).toBeNull();
  });
});

describe('keeping runs as scenarios and comparing them', () => {
  it('keeps a run under a name; an empty name is an inline error; a name kept already asks to replace', async () => {
    const ops = new FakeOperations();
    renderPane(ops);
    await pickGainLoss();
    expect(screen.queryByRole('button', { name: 'Keep as scenario' })).toBeNull();
    await runWith(ops, BEDFORDSHIRE_RESULT);

    fireEvent.click(screen.getByRole('button', { name: 'Keep as scenario' }));
    expect(placeOf(await screen.findByText('Give the scenario a name, e.g. “Proposal A”.'))).toBe(
      'Results › Scenarios',
    );
    expect(descriptionOf(screen.getByRole('textbox', { name: 'Scenario name' }))).toBe(
      'Give the scenario a name, e.g. “Proposal A”.',
    );
    expect(ops.calls.filter((c) => c.startsWith('keepScenario'))).toEqual([]);

    type('Scenario name', 'Proposal A');
    fireEvent.click(screen.getByRole('button', { name: 'Keep as scenario' }));
    expect(
      placeOf(
        await screen.findByText(
          'Kept as scenario “Proposal A”. Its results are on the sheet “BCF Proposal A”.',
        ),
      ),
    ).toBe('Results › Scenarios');
    expect(ops.keptRequests.map((k) => [k.name, k.replace, k.request.mechanism])).toEqual([
      ['Proposal A', false, 'gainshare'],
    ]);
    expect(
      screen.getByRole('checkbox', { name: 'Proposal A (Gain/loss share, 14/03/2025)' }),
    ).toHaveProperty('checked', true);
    fireEvent.click(
      screen.getByRole('button', { name: 'Go to the scenario’s sheet (BCF Proposal A)' }),
    );
    await waitFor(() => expect(ops.selected).toEqual([{ sheet: 'BCF Proposal A', address: 'A1' }]));

    type('Scenario name', 'proposal a');
    fireEvent.click(screen.getByRole('button', { name: 'Keep as scenario' }));
    expect(
      placeOf(
        await screen.findByText(
          'The workbook already keeps a scenario "Proposal A" (run on 2025-03-14); choose another name, or replace it.',
        ),
      ),
    ).toBe('Results › Scenarios');
    fireEvent.click(screen.getByRole('button', { name: 'Replace “Proposal A”' }));
    await screen.findByText(
      'Kept as scenario “proposal a”. Its results are on the sheet “BCF proposal a”.',
    );
    expect(ops.keptRequests.map((k) => [k.name, k.replace])).toEqual([
      ['Proposal A', false],
      ['proposal a', true],
    ]);
  });

  it('says why a scenario could not be kept, its code behind Details', async () => {
    const ops = new FakeOperations();
    renderPane(ops);
    await pickGainLoss();
    await runWith(ops, BEDFORDSHIRE_RESULT);
    ops.keepScenario = () =>
      Promise.reject(
        Object.assign(new Error('The workbook is protected: no sheet can be added.'), {
          code: 'WORKBOOK.PROTECTED',
        }),
      );
    type('Scenario name', 'Proposal A');
    fireEvent.click(screen.getByRole('button', { name: 'Keep as scenario' }));
    const alert = await screen.findByText(
      'Could not keep the scenario: The workbook is protected: no sheet can be added.',
    );
    expect(alert.textContent).not.toContain('WORKBOOK.PROTECTED');
    const details = screen.getByText('Details').closest('details');
    expect(details?.open).toBe(false);
    expect(details?.textContent).toBe('DetailsError code: WORKBOOK.PROTECTED');
  });

  it('compares two or more kept scenarios: figures side by side with differences, and a link to the sheet', async () => {
    const ops = new FakeOperations();
    ops.kept = [
      {
        name: 'Proposal A',
        mechanism: 'gainshare',
        title: 'Gain/loss share',
        sheet: 'BCF Proposal A',
        at: new Date(2025, 2, 14),
      },
      {
        name: 'Proposal B',
        mechanism: 'gainshare',
        title: 'Gain/loss share',
        sheet: 'BCF Proposal B',
        at: new Date(2025, 2, 15),
      },
    ];
    ops.comparison = {
      ok: true,
      names: ['Proposal A', 'Proposal B'],
      sheet: { sheet: 'BCF Scenario comparison', address: 'A1' },
      figures: [
        {
          label: 'Circle',
          kind: 'money',
          values: ['1716875.00', '1087500.00'],
          differences: ['-629375.00'],
        },
        {
          label: 'Bedfordshire CCG',
          kind: 'money',
          values: ['458125.00', '1087500.00'],
          differences: ['629375.00'],
        },
      ],
    };
    renderPane(ops);
    const a = await screen.findByRole('checkbox', {
      name: 'Proposal A (Gain/loss share, 14/03/2025)',
    });
    fireEvent.click(a);
    fireEvent.click(screen.getByRole('button', { name: 'Compare scenarios' }));
    expect(placeOf(await screen.findByText('Choose two or more scenarios to compare.'))).toBe(
      'Results › Scenarios',
    );
    expect(ops.calls.filter((c) => c.startsWith('compare'))).toEqual([]);

    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Proposal B (Gain/loss share, 15/03/2025)' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Compare scenarios' }));
    await screen.findByLabelText('Circle by scenario');
    expect(ops.calls.filter((c) => c.startsWith('compare'))).toEqual([
      'compareScenarios:Proposal A|Proposal B',
    ]);
    const pairs = (label: string) =>
      [...screen.getByLabelText(label).querySelectorAll('div')].map((d) => [
        d.querySelector('dt')?.textContent,
        d.querySelector('dd')?.textContent,
      ]);
    expect(pairs('Circle by scenario')).toEqual([
      ['Proposal A', '£1,716,875.00'],
      ['Proposal B', '£1,087,500.00'],
      ['Proposal B − Proposal A', '−£629,375.00'],
    ]);
    expect(pairs('Bedfordshire CCG by scenario')).toEqual([
      ['Proposal A', '£458,125.00'],
      ['Proposal B', '£1,087,500.00'],
      ['Proposal B − Proposal A', '£629,375.00'],
    ]);
    fireEvent.click(
      screen.getByRole('button', { name: 'Go to the comparison sheet (BCF Scenario comparison)' }),
    );
    await waitFor(() =>
      expect(ops.selected).toEqual([{ sheet: 'BCF Scenario comparison', address: 'A1' }]),
    );
  });

  it('lists what stopped a comparison, and says nothing was written', async () => {
    const ops = new FakeOperations();
    ops.kept = ['Proposal A', 'Proposal B'].map((name) => ({
      name,
      mechanism: 'gainshare' as const,
      title: 'Gain/loss share',
      sheet: `BCF ${name}`,
      at: new Date(2025, 2, 14),
    }));
    ops.comparison = {
      ok: false,
      findings: [
        {
          code: 'TABLE.NOT_A_NUMBER',
          message: 'Scenario "Proposal B": Expected spend "n/a" is not a number.',
          cell: { sheet: 'Contracts', address: 'H4' },
        },
      ],
    };
    renderPane(ops);
    await screen.findByRole('checkbox', { name: 'Proposal A (Gain/loss share, 14/03/2025)' });
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Proposal A (Gain/loss share, 14/03/2025)' }),
    );
    fireEvent.click(
      screen.getByRole('checkbox', { name: 'Proposal B (Gain/loss share, 14/03/2025)' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Compare scenarios' }));
    expect(
      placeOf(await screen.findByText('Nothing was written. The comparison found problems:')),
    ).toBe('Results › Scenarios');
    expect(screen.getByRole('list', { name: 'Comparison problems' }).textContent).toContain(
      'Scenario "Proposal B": Expected spend "n/a" is not a number.',
    );
  });
});

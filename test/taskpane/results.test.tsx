/** @jest-environment jsdom */
import './domStubs';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { descriptionOf } from './paneText';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { RunResultView, STALE_MESSAGE } from '../../src/taskpane/components/RunResultView';
import type { PaneChart, RunSuccess } from '../../src/taskpane/operations';

// The chart library draws SVG with d3 (ES modules jest does not load); the browser test
// (test/browser/results.test.ts) draws the real chart. Here the lazy chunk is a stand-in
// showing what it was given.
jest.mock('../../src/taskpane/components/ResultChartDraw', () => ({
  __esModule: true,
  default: (props: { chart: PaneChart }) => (
    <svg role="img" aria-label={props.chart.title} data-kind={props.chart.kind}>
      {props.chart.series.map((s) => (
        <path key={s.name} data-series={s.name} />
      ))}
    </svg>
  ),
}));

const ENVELOPE_CHART: PaneChart = {
  kind: 'column',
  title: 'Funding envelope and planned spend by year',
  categoryTitle: 'Plan year',
  valueTitle: 'Amount (£)',
  categories: ['Year 1', 'Year 2'],
  figure: 'money',
  series: [
    { name: 'Envelope', values: ['68024370', '66812740'] },
    { name: 'Planned spend', values: ['68000000', '66825480'] },
  ],
};

const RESULT: RunSuccess = {
  ok: true,
  title: 'Funding envelope',
  headline: [
    { label: 'Baseline', value: '£1,234,567.89', kind: 'text' },
    { label: 'Year 1 envelope', value: '−£22,000,000.00', kind: 'text' },
    { label: 'Checks passed', value: '3 of 5', kind: 'text' },
  ],
  explanation: ['Baseline: £1,234,567.89.', 'Year 1: −7%.'],
  resultSheet: { sheet: 'BCF Results - Funding envelope', address: 'A1' },
  sheetsWritten: ['BCF Results - Funding envelope'],
  completedAt: new Date(2025, 2, 14, 10, 42),
  envelopeYears: [
    { year: 1, envelope: '68024370.00', planned: '68000000.00', headroom: '24370.00' },
    { year: 2, envelope: '66812740.00', planned: '66825480.00', headroom: '-12740.00' },
  ],
  charts: [ENVELOPE_CHART],
};

function show(result: RunSuccess, extra: { stale?: boolean; onRunAgain?: () => void } = {}) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <RunResultView result={result} {...extra} />
    </FluentProvider>,
  );
}

const rowsOf = (table: HTMLElement): string[][] =>
  [...table.querySelectorAll('tr')].map((r) =>
    [...r.querySelectorAll('th, td')].map((c) => c.textContent ?? ''),
  );

describe('the results at a glance', () => {
  it('shows the headline in £, £k or £m, exactly divided and rounded as it says', () => {
    show(RESULT);
    const table = screen.getByRole('table', { name: 'Funding envelope figures' });
    expect(rowsOf(table)).toEqual([
      ['Baseline', '£1,234,567.89'],
      ['Year 1 envelope', '−£22,000,000.00'],
      ['Checks passed', '3 of 5'],
    ]);
    expect(descriptionOf(screen.getByRole('radiogroup', { name: 'Show amounts in' }))).toBe(
      'Exact to the penny, as on the sheet.',
    );
    fireEvent.click(screen.getByRole('radio', { name: '£k' }));
    expect(rowsOf(table)).toEqual([
      ['Baseline', '£1,234.6k'],
      ['Year 1 envelope', '−£22,000.0k'],
      ['Checks passed', '3 of 5'],
    ]);
    expect(descriptionOf(screen.getByRole('radiogroup', { name: 'Show amounts in' }))).toBe(
      'In thousands of pounds, rounded to 1 decimal place (halves away from zero); the sheet stays exact to the penny.',
    );
    fireEvent.click(screen.getByRole('radio', { name: '£m' }));
    expect(rowsOf(table).map((r) => r[1])).toEqual(['£1.23m', '−£22.00m', '3 of 5']);
  });

  it('offers no units switch when there is no money in the headline', () => {
    show({ ...RESULT, headline: [{ label: 'Checks passed', value: '5 of 5', kind: 'text' }] });
    expect(screen.queryByRole('radiogroup', { name: 'Show amounts in' })).toBeNull();
  });

  it('lays out a funding envelope by year: envelope, planned, headroom (+) or shortfall (−)', () => {
    show(RESULT);
    const region = screen.getByRole('region', { name: 'Envelope by year' });
    expect(rowsOf(within(region).getByRole('table'))).toEqual([
      ['Envelope', 'Planned', 'Headroom (+) / shortfall (−)'],
      ['Year 1'],
      ['£68,024,370.00', '£68,000,000.00', '+£24,370.00'],
      ['Year 2'],
      ['£66,812,740.00', '£66,825,480.00', '−£12,740.00'],
    ]);
    expect(screen.queryByText(/gap/i)).toBeNull();
  });

  it('draws the sheet’s chart lazily, named and described, with its table', async () => {
    show(RESULT);
    const figure = screen.getByRole('figure', {
      name: 'Funding envelope and planned spend by year',
    });
    expect(descriptionOf(figure)).toBe(
      'Column chart of Envelope, Planned spend by plan year, 2 points, as on the result sheet. The figures are in the table below it.',
    );
    expect(
      within(figure).getByText(
        'Column chart of Envelope, Planned spend by plan year, 2 points, as on the result sheet. The figures are in the table below it.',
      ).id,
    ).toBe(figure.getAttribute('aria-describedby'));
    const svg = await within(figure).findByRole('img', {
      name: 'Funding envelope and planned spend by year',
    });
    expect(svg.getAttribute('data-kind')).toBe('column');
    const table = within(figure).getByRole('region', {
      name: 'Funding envelope and planned spend by year table',
    });
    expect(rowsOf(within(table).getByRole('table'))).toEqual([
      ['Plan year', 'Envelope', 'Planned spend'],
      ['Year 1', '£68,024,370.00', '£68,000,000.00'],
      ['Year 2', '£66,812,740.00', '£66,825,480.00'],
    ]);
  });

  it('keeps "How these were reached" closed until asked, and copies the steps', async () => {
    const writeText = jest.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    show(RESULT);
    expect(screen.queryByText('Year 1: −7%.')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'How these were reached' }));
    expect(
      [...(screen.getByText('Year 1: −7%.').closest('ol, ul')?.children ?? [])].map(
        (li) => li.textContent,
      ),
    ).toEqual(['Baseline: £1,234,567.89.', 'Year 1: −7%.']);
    fireEvent.click(screen.getByRole('button', { name: 'Copy the steps' }));
    await screen.findByText('Copied 2 steps.');
    expect(writeText).toHaveBeenCalledWith('1. Baseline: £1,234,567.89.\n2. Year 1: −7%.');
  });

  it('flags plan checks passed on a £0 minimum and says where the minima come from', () => {
    show({
      ...RESULT,
      title: 'BCF plan checks',
      envelopeYears: undefined,
      charts: undefined,
      zeroMinima: ['NHS-commissioned out-of-hospital spend meets the required minimum'],
    });
    expect(screen.getByText(/^Passed on a £0 minimum/).textContent).toBe(
      'Passed on a £0 minimum: NHS-commissioned out-of-hospital spend meets the required minimum. A minimum of £0 passes whatever the plan spends. The required minima are published for each Health and Wellbeing Board with the BCF allocations (the planning return shows them beside “Minimum required” on its Expenditure sheet): enter them in the plan checks’ fields.',
    );
  });

  it('says what the gate did', () => {
    show({
      ...RESULT,
      gate: 'Saving 2.9% is below the 3.3% gate: no sharing; all £730,075.00 goes to CCG.',
    });
    expect(screen.getByTestId('gate-outcome').textContent).toBe(
      'Saving 2.9% is below the 3.3% gate: no sharing; all £730,075.00 goes to CCG.',
    );
  });

  it('dims results that are out of date under "Changed since this run — Run again"', () => {
    const onRunAgain = jest.fn();
    const { rerender } = show(RESULT);
    expect(screen.queryByText(STALE_MESSAGE)).toBeNull();
    const fresh = screen.getByRole('group', { name: 'Funding envelope results' });
    expect(fresh.getAttribute('data-stale')).toBeNull();
    rerender(
      <FluentProvider theme={webLightTheme}>
        <RunResultView result={RESULT} stale onRunAgain={onRunAgain} />
      </FluentProvider>,
    );
    expect(STALE_MESSAGE).toBe('Changed since this run — Run again');
    const message = screen.getByText(STALE_MESSAGE);
    const group = screen.getByRole('group', { name: 'Funding envelope results, out of date' });
    expect(group.getAttribute('data-stale')).toBe('true');
    const bar = message.closest('[id]');
    expect(group.getAttribute('aria-describedby')).toBe(bar?.id);
    fireEvent.click(screen.getByRole('button', { name: 'Run again' }));
    expect(onRunAgain).toHaveBeenCalledTimes(1);
  });
});

/** @jest-environment jsdom */
import './domStubs';
import { act, render, screen, within } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { ResultChart } from '../../src/taskpane/components/ResultChart';
import { CurveChart } from '../../src/taskpane/components/CurveChart';
import { MIN_CHART_WIDTH, NARROW_CHART_TEXT } from '../../src/taskpane/components/chartStyles';
import type { OutturnCurve, PaneChart } from '../../src/taskpane/operations';

// The chart library draws SVG with d3 (ES modules jest does not load); the browser tests
// draw the real charts. Here each lazy chunk is a stand-in SVG saying the width it was given.
jest.mock('../../src/taskpane/components/ResultChartDraw', () => ({
  __esModule: true,
  default: (props: { width: number }) => <svg data-testid="drawn" data-width={props.width} />,
}));
jest.mock('../../src/taskpane/components/CurveLineChart', () => ({
  __esModule: true,
  default: (props: { width: number }) => <svg data-testid="drawn" data-width={props.width} />,
}));

const CHART: PaneChart = {
  kind: 'bar',
  title: 'Contributions by partner',
  categoryTitle: 'Partner',
  valueTitle: 'Contribution (£)',
  categories: ['B&NES CCG', 'B&NES Council'],
  figure: 'money',
  series: [{ name: 'Contribution', values: ['28348000', '40888000'] }],
};

const CURVE: OutturnCurve = {
  parties: ['Council', 'ICB'],
  points: [
    { actual: '9000000', variance: '1000000', amounts: ['250000.5', '-250000.5'] },
    { actual: '11000000', variance: '-1000000', amounts: ['-125000', '125000'] },
  ],
};

/** The chart boxes' measured width (jsdom lays nothing out), and the observers to tell. */
let boxWidth = 0;
const observers: (() => void)[] = [];
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return this.dataset.testid?.endsWith('-chart') === true ? boxWidth : 0;
    },
  });
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    constructor(private readonly callback: () => void) {}
    observe(): void {
      observers.push(() => this.callback());
    }
    unobserve(): void {}
    disconnect(): void {}
  };
});
afterAll(() => {
  delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
});
beforeEach(() => {
  observers.length = 0;
});

const resize = (width: number): void => {
  boxWidth = width;
  act(() => observers.forEach((tell) => tell()));
};

const rowsOf = (table: HTMLElement): string[][] =>
  [...table.querySelectorAll('tr')].map((r) =>
    [...r.querySelectorAll('th, td')].map((c) => c.textContent ?? ''),
  );

const inPane = (children: React.ReactNode) =>
  render(<FluentProvider theme={webLightTheme}>{children}</FluentProvider>);

describe('a chart too narrow to draw gives way to its table', () => {
  it('shows the result chart’s table open in its place below the width, the chart above it', async () => {
    boxWidth = MIN_CHART_WIDTH - 1;
    inPane(<ResultChart chart={CHART} />);
    const figure = screen.getByRole('figure', { name: 'Contributions by partner' });
    const box = within(figure).getByTestId('result-chart');
    expect(box.dataset.chart).toBe('table');
    expect(within(figure).queryByTestId('drawn')).toBeNull();
    expect(within(box).getByText(NARROW_CHART_TEXT)).toBeTruthy();
    // The table is there, not behind a closed "The chart as a table".
    expect(figure.querySelector('details')).toBeNull();
    const table = within(box).getByRole('region', { name: 'Contributions by partner table' });
    expect(rowsOf(table)).toEqual([
      ['Partner', 'Contribution'],
      ['B&NES CCG', '£28,348,000.00'],
      ['B&NES Council', '£40,888,000.00'],
    ]);

    // The pane widened: the chart, at the box's width, and the table behind its summary.
    resize(MIN_CHART_WIDTH);
    const drawn = await within(figure).findByTestId('drawn');
    expect(drawn.dataset.width).toBe(String(MIN_CHART_WIDTH));
    expect(box.dataset.chart).toBe('drawn');
    expect(within(figure).queryByText(NARROW_CHART_TEXT)).toBeNull();
    const details = figure.querySelector('details');
    expect(details?.open).toBe(false);
    expect(details?.querySelector('summary')?.textContent).toBe('The chart as a table');
    // Named and described as before.
    expect(figure.getAttribute('aria-describedby')).toBeTruthy();

    // And narrower again.
    resize(128);
    expect(within(figure).queryByTestId('drawn')).toBeNull();
    expect(within(figure).getByText(NARROW_CHART_TEXT)).toBeTruthy();
  });

  it('does the same for the outturn curve', async () => {
    boxWidth = 128;
    inPane(<CurveChart curve={CURVE} title="Gain/loss share" />);
    const figure = screen.getByRole('figure', { name: 'Outturn curve' });
    expect(within(figure).queryByTestId('drawn')).toBeNull();
    expect(within(figure).getByText(NARROW_CHART_TEXT)).toBeTruthy();
    expect(rowsOf(within(figure).getByRole('region', { name: 'Outturn curve table' }))).toEqual([
      ['Actual spend', 'Council', 'ICB'],
      ['£9,000,000.00', '£250,000.50', '−£250,000.50'],
      ['£11,000,000.00', '−£125,000.00', '£125,000.00'],
    ]);
    resize(288);
    expect((await within(figure).findByTestId('drawn')).dataset.width).toBe('288');
    expect(figure.querySelector('details summary')?.textContent).toBe('The curve as a table');
  });

  it('draws the chart where the box cannot be measured (no layout, as in jsdom)', async () => {
    boxWidth = 0;
    inPane(<ResultChart chart={CHART} />);
    expect((await screen.findByTestId('drawn')).dataset.width).toBe('280');
  });
});

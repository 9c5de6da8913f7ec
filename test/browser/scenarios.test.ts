/** @jest-environment node */
/**
 * Exploring a risk share in the pane, in headless Chromium against the fake office.js (the
 * in-memory Excel): a gain/loss share with an outturn curve draws its chart, two proposals
 * are kept as scenarios, and their comparison sheet holds the figures worked by hand.
 * Screenshots and axe results go to test-output/.
 */
import type { Page } from 'playwright-core';
import { openPane, PANE_VIEWPORT } from './support/browser';
import { checkAccessibility, screenshot } from './support/evidence';
import {
  chartsLaidOut,
  figures,
  openTab,
  pickMechanism,
  runMechanism,
  sheetCells,
  sidewaysOverflow,
  workbookView,
} from './support/pane';
import { sessionForFile } from './support/session';

jest.setTimeout(5 * 60_000);

const currentSession = sessionForFile();

async function evidence(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await checkAccessibility(page, name)).toEqual([]);
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
}

async function setField(page: Page, label: string, value: string): Promise<void> {
  await page.getByRole('textbox', { name: label, exact: true }).fill(value);
}

/** The row of a sheet whose column A holds `label`, as column letter → value. */
async function rowOf(
  page: Page,
  sheet: string,
  label: string | number,
): Promise<Record<string, unknown>> {
  const cells = await sheetCells(page, sheet);
  const address = Object.entries(cells).find(([, v]) => v === label)?.[0];
  if (address === undefined) throw new Error(`No "${label}" on ${sheet}`);
  const row = address.replace(/^[A-Z]+/, '');
  return Object.fromEntries(
    Object.entries(cells)
      .filter(([a]) => a.replace(/^[A-Z]+/, '') === row)
      .map(([a, v]) => [a.replace(/\d+$/, ''), v]),
  );
}

async function keep(page: Page, name: string): Promise<void> {
  await setField(page, 'Scenario name', name);
  await page.getByRole('button', { name: 'Keep as scenario' }).click();
  await page
    .getByText(`Kept as scenario “${name}”. Its results are on the sheet “BCF ${name}”.`)
    .waitFor();
}

describe('in Excel: exploring a risk share', () => {
  it('curve chart → keep “Proposal A” → change a term, keep “Proposal B” → compare', async () => {
    const session = currentSession();
    const { page, errors } = await openPane(session.browser, session.server.url, { kind: 'fake' });
    await page.getByRole('button', { name: 'Create planning template' }).click();
    await page.getByText('Planning template created.').waitFor();

    // Bedfordshire MSK (King's Fund 2014) under the template's bands, with a curve.
    await pickMechanism(page, 'Gain/loss share');
    await page.getByRole('checkbox', { name: 'Show an outturn curve' }).check();
    await setField(page, 'Actual spend from (change on expected)', '-10');
    await setField(page, 'Actual spend to (change on expected)', '10');
    await setField(page, 'Points on the curve', '5');
    await runMechanism(page, 'Gain/loss share');
    expect(await figures(page, 'Gain/loss share')).toMatchObject({
      Gain: '£2,175,000.00',
      Circle: '£1,716,875.00',
      'Bedfordshire CCG': '£458,125.00',
    });
    const chart = page.getByTestId('curve-chart');
    await chart
      .locator('svg [role="region"]')
      .first()
      .waitFor({ state: 'attached', timeout: 30_000 });
    // One line a party: the chart draws each as a group of segments in one colour.
    const drawn = await chart.evaluate((box) => {
      const svg = box.querySelector('svg');
      const series = [...(svg?.querySelectorAll('g[role="region"]') ?? [])];
      return {
        name: svg?.getAttribute('aria-label') ?? '',
        lines: series.map((g) => ({
          label: g.getAttribute('aria-label'),
          segments: g.querySelectorAll('line').length,
          colours: [
            ...new Set([...g.querySelectorAll('line')].map((l) => l.getAttribute('stroke'))),
          ].length,
        })),
      };
    });
    expect(drawn.name).toMatch(
      /^Gain\/loss share: each party against actual spend\. Line chart with 2 lines\./,
    );
    expect(drawn.lines.map((l) => [l.label, l.segments, l.colours]).sort()).toEqual([
      ['Bedfordshire CCG, line 2 of 2 with 5 data points.', 4, 1],
      ['Circle, line 1 of 2 with 5 data points.', 4, 1],
    ]);
    await evidence(page, 'gain-loss-curve-chart');
    await page.getByText('The curve as a table').click();
    // The table beside the chart: the first outturn, 90% of expected (a gain of £2,517,500.00:
    // the first 5% of expected to Circle, the other £1,258,750.00 half and half).
    expect(
      await page
        .getByRole('region', { name: 'Outturn curve table' })
        .locator('tbody tr')
        .first()
        .evaluate((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent)),
    ).toEqual(['£22,657,500.00', '£1,888,125.00', '£629,375.00']);
    await evidence(page, 'gain-loss-curve-table');

    // At 200% zoom (160 CSS px, a 128 px chart box) the curve gives way to its table, open in
    // its place; back at 320 px the chart is drawn again.
    await page.setViewportSize({ width: 160, height: 450 });
    // Once React has rendered the width the box measured (the wait fails if it never does).
    await chart
      .getByText('The chart needs a wider pane: its figures are in this table.')
      .waitFor({ state: 'visible' });
    expect(
      (await chartsLaidOut(page, 'curve-chart')).map((c) => ({
        mode: c.mode,
        svgs: c.svgs,
        row: c.firstRow,
        visible: c.figureVisible,
      })),
    ).toEqual([
      {
        mode: 'table',
        svgs: 0,
        row: ['£22,657,500.00', '£1,888,125.00', '£629,375.00'],
        visible: true,
      },
    ]);
    await evidence(page, 'gain-loss-curve-zoom200');
    await page.setViewportSize(PANE_VIEWPORT);
    await chart
      .locator('svg [role="region"]')
      .first()
      .waitFor({ state: 'attached', timeout: 30_000 });
    expect((await chartsLaidOut(page, 'curve-chart')).map((c) => [c.mode, c.wider])).toEqual([
      ['drawn', []],
    ]);

    await page.getByRole('button', { name: 'Keep as scenario' }).click();
    await page.getByText('Give the scenario a name, e.g. “Proposal A”.').waitFor();
    await keep(page, 'Proposal A');
    await evidence(page, 'scenario-kept');

    // Proposal B: the alliance 50:50 preset set in the pane.
    await openTab(page, 'Calculate');
    await page
      .getByRole('combobox', { name: 'Bands, caps and quality scores from' })
      .selectOption('pane');
    await page.getByRole('combobox', { name: 'Published scheme' }).selectOption('alliance');
    // The scheme sets the terms; the curve asked for stays.
    expect(await page.getByRole('checkbox', { name: 'Show an outturn curve' }).isChecked()).toBe(
      true,
    );
    await runMechanism(page, 'Gain/loss share');
    expect(await figures(page, 'Gain/loss share')).toMatchObject({
      Circle: '£1,087,500.00',
      'Bedfordshire CCG': '£1,087,500.00',
    });
    await setField(page, 'Scenario name', 'Proposal A');
    await page.getByRole('button', { name: 'Keep as scenario' }).click();
    await page.getByRole('button', { name: 'Replace “Proposal A”' }).waitFor();
    await evidence(page, 'scenario-name-taken');
    await keep(page, 'Proposal B');

    await page.getByRole('button', { name: 'Compare scenarios' }).click();
    await page.getByLabel('Circle by scenario').waitFor();
    await evidence(page, 'scenarios-compared');
    const circle = await page
      .getByLabel('Circle by scenario')
      .locator('div')
      .evaluateAll((divs) => divs.map((d) => d.textContent));
    expect(circle).toEqual([
      'Proposal A£1,716,875.00',
      'Proposal B£1,087,500.00',
      'Proposal B − Proposal A−£629,375.00',
    ]);

    const sheets = (await workbookView(page)).sheets.map((s) => s.name);
    expect(sheets).toEqual(
      expect.arrayContaining([
        'BCF Results - Gain share',
        'BCF Proposal A',
        'BCF Proposal B',
        'BCF Scenario comparison',
      ]),
    );
    expect(await rowOf(page, 'BCF Scenario comparison', 'Circle')).toEqual({
      A: 'Circle',
      B: 1716875,
      C: 1087500,
      D: -629375,
    });
    expect(await rowOf(page, 'BCF Scenario comparison', 'Bedfordshire CCG')).toEqual({
      A: 'Bedfordshire CCG',
      B: 458125,
      C: 1087500,
      D: 629375,
    });
    expect(await rowOf(page, 'BCF Scenario comparison', 'Variance (expected − actual)')).toEqual({
      A: 'Variance (expected − actual)',
      B: 2175000,
      C: 2175000,
      D: 0,
    });
    // Both have a curve over the same outturns: the curves overlay on one line chart.
    const comparison = (await workbookView(page)).sheets.find(
      (s) => s.name === 'BCF Scenario comparison',
    );
    expect(comparison?.charts.map((c) => [c.type, c.title])).toEqual([
      ['ColumnClustered', 'Each party under each scenario'],
      ['Line', 'Each party against actual spend, by scenario'],
    ]);
    expect(await rowOf(page, 'BCF Scenario comparison', 22657500)).toEqual({
      A: 22657500,
      B: 1888125,
      C: 1258750,
      D: 629375,
      E: 1258750,
    });
    await page.getByRole('button', { name: /^Go to the comparison sheet/ }).click();
    expect(errors).toEqual([]);
    await page.close();
  });
});

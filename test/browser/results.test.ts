/** @jest-environment node */
/**
 * The results screen of every mechanism in a 320 px pane, in headless Chromium against the
 * fake office.js: the planning template's worked examples are run one by one, and each
 * result is checked for the sheet's chart drawn in the pane (SVG), axe, and no sideways
 * scroll; the units switch, the funding envelope's years and the £0-minimum flag are read.
 * Screenshots and axe results go to test-output/ (results-screen-*).
 */
import type { Page } from 'playwright-core';
import { openPane } from './support/browser';
import { checkAccessibility, screenshot } from './support/evidence';
import { figures, pickMechanism, runMechanism, sidewaysOverflow } from './support/pane';
import { sessionForFile } from './support/session';

jest.setTimeout(5 * 60_000);

const currentSession = sessionForFile();

async function evidence(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
      .slice(0, 8)
      .map(
        (e) =>
          `${e.tagName}.${e.className.toString().slice(0, 40)} ${Math.round(e.getBoundingClientRect().right)}`,
      ),
  );
  if (wide.length > 0) console.log(name, wide);
  expect(await checkAccessibility(page, name)).toEqual([]);
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
}

async function setField(page: Page, label: string, value: string): Promise<void> {
  await page.getByRole('textbox', { name: label, exact: true }).fill(value);
}

/** Waits for every chart of the result to be drawn; returns each chart's title and whether it has an SVG. */
async function chartsDrawn(page: Page): Promise<[string, boolean][]> {
  const charts = page.getByTestId('result-chart');
  const count = await charts.count();
  for (let i = 0; i < count; i += 1) {
    await charts.nth(i).locator('svg').first().waitFor({ state: 'attached', timeout: 30_000 });
  }
  return page
    .locator('figure')
    .evaluateAll((figs) =>
      figs
        .filter((f) => f.querySelector('[data-testid="result-chart"]') !== null)
        .map((f): [string, boolean] => [
          f.querySelector('h4')?.textContent ?? '',
          f.querySelector('[data-testid="result-chart"] svg') !== null,
        ]),
    );
}

/** The category names on the x-axis of the result's first chart, a wrapped name's lines joined. */
function xAxisNames(page: Page): Promise<string[]> {
  return page
    .getByTestId('result-chart')
    .first()
    .evaluate((box) =>
      [...box.querySelectorAll('svg .tick text')]
        .map((text) => {
          const lines = [...text.querySelectorAll('tspan')].map((t) => t.textContent ?? '');
          return (lines.length > 0 ? lines.join(' ') : (text.textContent ?? '')).trim();
        })
        // The value axis's ticks ("£1.2m", "40%") are not category names.
        .filter((name) => name !== '' && !/^−?£|%$/.test(name)),
    );
}

/** The charts whose category names are checked at 320 px, and their names. */
const X_AXIS_NAMES: Readonly<Record<string, string[]>> = {
  'Pooled fund': ['B&NES CCG', 'B&NES Council'],
  'BCF payment for performance': ['2015/16 Q1', '2015/16 Q2', '2015/16 Q3', '2015/16 Q4'],
};

/** Each mechanism, what to set before running it, and the chart titles its sheet has. */
const SCREENS: readonly {
  readonly title: string;
  readonly set?: (page: Page) => Promise<void>;
  readonly charts: readonly string[];
}[] = [
  { title: 'Pooled fund', charts: ['Contributions by partner'] },
  { title: 'Capitation', charts: ['Capitation budget by year and segment'] },
  { title: 'Gain/loss share', charts: ['Gain share by party'] },
  { title: 'Pay for performance', charts: ['Metric achievement against weight'] },
  { title: 'BCF payment for performance', charts: ['Released and retained by quarter'] },
  { title: 'Activity payments', charts: [] },
  {
    title: 'Funding envelope',
    set: async (page) => {
      await page.getByRole('button', { name: 'Add a change' }).click();
      await setField(page, 'Name', 'Net budget reduction');
      await page.getByRole('combobox', { name: 'Kind of change' }).selectOption('total');
      await setField(page, 'Change (%)', '-7');
    },
    charts: ['Funding envelope and planned spend by year'],
  },
  {
    title: 'BCF plan checks',
    set: async (page) => {
      await setField(page, 'Minimum adult social care spend (£)', '0');
      await setField(page, 'NHS out-of-hospital ring-fence (£)', '0');
    },
    charts: [],
  },
];

describe('in Excel: the results of each mechanism at 320 px', () => {
  it('draws the sheet’s chart, passes axe and fits the pane, for every mechanism', async () => {
    const session = currentSession();
    const { page, errors } = await openPane(session.browser, session.server.url, { kind: 'fake' });
    await page.getByRole('button', { name: 'Create planning template' }).click();
    await page.getByText('Planning template created.').waitFor();
    const drawn: Record<string, [string, boolean][]> = {};
    const names: Record<string, string[]> = {};
    for (const screen of SCREENS) {
      await pickMechanism(page, screen.title);
      await screen.set?.(page);
      await runMechanism(page, screen.title);
      drawn[screen.title] = await chartsDrawn(page);
      if (screen.title in X_AXIS_NAMES) names[screen.title] = await xAxisNames(page);
      const slug = screen.title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/-$/, '');
      await evidence(page, `results-screen-${slug}`);
    }
    expect(drawn).toEqual(
      Object.fromEntries(SCREENS.map((s) => [s.title, s.charts.map((c) => [c, true])])),
    );
    // Every category named under its bars at 320 px: the library had dropped all but one
    // partner's name and two of the four quarters as overlapping.
    expect(names).toEqual(X_AXIS_NAMES);
    expect(errors).toEqual([]);
  });

  it('switches units, lays out the envelope by year and flags £0 minima', async () => {
    const session = currentSession();
    const { page, errors } = await openPane(session.browser, session.server.url, { kind: 'fake' });
    await page.getByRole('button', { name: 'Create planning template' }).click();
    await page.getByText('Planning template created.').waitFor();

    await pickMechanism(page, 'Capitation');
    await setField(page, 'Years', '5');
    await setField(page, 'Annual uplift (%)', '1.3');
    await runMechanism(page, 'Capitation');
    expect(await figures(page, 'Capitation')).toMatchObject({ Total: '£135,990,076.86' });
    await page.getByRole('radio', { name: '£m' }).check();
    expect(await figures(page, 'Capitation')).toMatchObject({ Total: '£135.99m' });
    await page.getByRole('radio', { name: '£k' }).check();
    expect(await figures(page, 'Capitation')).toMatchObject({ Total: '£135,990.1k' });
    await evidence(page, 'results-screen-units-thousands');

    await pickMechanism(page, 'Funding envelope');
    await page.getByRole('button', { name: 'Add a change' }).click();
    await setField(page, 'Name', 'Net budget reduction');
    await page.getByRole('combobox', { name: 'Kind of change' }).selectOption('total');
    await setField(page, 'Change (%)', '-7');
    await runMechanism(page, 'Funding envelope');
    const years = page.getByRole('region', { name: 'Envelope by year' });
    expect(await years.locator('thead th').allTextContents()).toEqual([
      'Envelope',
      'Planned',
      'Headroom (+) / shortfall (−)',
    ]);
    expect(await years.locator('tbody th').allTextContents()).toEqual([
      'Year 1',
      'Year 2',
      'Year 3',
      'Year 4',
    ]);
    // The table fits the pane: nothing to scroll inside it.
    expect(await years.evaluate((box) => box.scrollWidth - box.clientWidth)).toBeLessThanOrEqual(0);

    await pickMechanism(page, 'BCF plan checks');
    await setField(page, 'Minimum adult social care spend (£)', '0');
    await setField(page, 'NHS out-of-hospital ring-fence (£)', '0');
    await runMechanism(page, 'BCF plan checks');
    await page.getByText(/^Passed on a £0 minimum: /).waitFor();
    await evidence(page, 'results-screen-zero-minima');
    expect(errors).toEqual([]);
  });
});

/** What the browser scenarios do on the pane and read from the fake workbook. */
import type { Locator, Page } from 'playwright-core';
import type { FakeWorkbookHandle, WorkbookView } from '../fakeOffice/inspect';
import type { ScalarValue } from '../../support/memory-excel';

/** The fake office.js's inspection handle, as the page has it. */
type WithFake = Window & { readonly bcfFake: FakeWorkbookHandle };

export const workbookView = (page: Page): Promise<WorkbookView> =>
  page.evaluate(() => (window as unknown as WithFake).bcfFake.view());

export const sheetCells = (page: Page, sheet: string): Promise<Record<string, ScalarValue>> =>
  page.evaluate((s) => (window as unknown as WithFake).bcfFake.cells(s), sheet);

/** Types values into cells, as the user would in Excel. */
export const typeCells = (
  page: Page,
  sheet: string,
  values: Record<string, ScalarValue>,
): Promise<void> =>
  page.evaluate(([s, v]) => (window as unknown as WithFake).bcfFake.type(s, v), [
    sheet,
    values,
  ] as const);

export const cellFormula = (
  page: Page,
  sheet: string,
  address: string,
): Promise<string | undefined> =>
  page.evaluate(([s, a]) => (window as unknown as WithFake).bcfFake.formula(s, a), [
    sheet,
    address,
  ] as const);

export const cellValues = (page: Page, sheet: string, address: string): Promise<ScalarValue[][]> =>
  page.evaluate(([s, a]) => (window as unknown as WithFake).bcfFake.values(s, a), [
    sheet,
    address,
  ] as const);

/** The user selects cells in the sheet, as with the mouse. */
export const selectCells = (page: Page, sheet: string, address: string): Promise<void> =>
  page.evaluate(([s, a]) => (window as unknown as WithFake).bcfFake.select(s, a), [
    sheet,
    address,
  ] as const);

/** The address of the first cell of `sheet` holding `value`. */
export async function addressOf(page: Page, sheet: string, value: ScalarValue): Promise<string> {
  const cells = await sheetCells(page, sheet);
  const found = Object.entries(cells).find(([, v]) => v === value)?.[0];
  if (found === undefined) throw new Error(`No cell on ${sheet} holds ${String(value)}`);
  return found;
}

/** The pane's tabs. */
export type PaneTab = 'Workbook' | 'Calculate' | 'Results' | 'Share';

/** Opens a tab of the pane, as a user clicking it. */
export async function openTab(page: Page, name: PaneTab): Promise<void> {
  const tab = page.getByRole('tab', { name });
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  await page
    .locator(`[role=tabpanel][aria-labelledby="${await tab.getAttribute('id')}"]:not([hidden])`)
    .waitFor();
}

/** Opens the Workbook tab and shows the input tables (a summary line until then). */
export async function showTables(page: Page): Promise<void> {
  await openTab(page, 'Workbook');
  const show = page.getByRole('button', { name: 'Show the input tables' });
  if (await show.isVisible()) await show.click();
  await page.getByRole('list', { name: 'Input tables' }).waitFor();
}

/** Opens the Calculate tab and chooses the calculation. */
export async function pickMechanism(page: Page, title: string): Promise<void> {
  await openTab(page, 'Calculate');
  await page.getByRole('combobox', { name: 'Calculation' }).selectOption({ label: title });
}

/** Waits until the run section shows an outcome (not a run in progress); returns its heading. */
export async function outcomeHeading(page: Page, title: string): Promise<string> {
  const handle = await page.waitForFunction(
    (t) => {
      const text = document.getElementById('run-heading')?.textContent ?? '';
      return !text.startsWith('Running') && text.includes(t) ? text : false;
    },
    title,
    { timeout: 60_000 },
  );
  return (await handle.jsonValue()) as string;
}

/** Clicks Run and waits for the outcome's heading; returns its text. */
export async function runMechanism(page: Page, title: string): Promise<string> {
  await page.getByRole('button', { name: `Run ${title}` }).click();
  return outcomeHeading(page, title);
}

/** The headline figures shown in the pane (a table, one row a figure), label → text. */
export async function figures(page: Page, title: string): Promise<Record<string, string>> {
  const pairs = await page
    .getByLabel(`${title} figures`)
    .locator('tr')
    .evaluateAll((rows) =>
      rows.map((r) => [
        r.querySelector('th')?.textContent ?? '',
        r.querySelector('td')?.textContent ?? '',
      ]),
    );
  return Object.fromEntries(pairs) as Record<string, string>;
}

/** Whether the page fits the pane: nothing wider than the viewport. */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

/**
 * Reads until the value equals `expected` (as JSON) or `timeoutMs` passes, and returns the
 * last value read, for the test to assert: the pane acts on the workbook asynchronously.
 */
export async function settled<T>(
  read: () => Promise<T>,
  expected: unknown,
  timeoutMs = 10_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (JSON.stringify(value) !== JSON.stringify(expected) && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

/** Whether the element is wholly inside the viewport, where the user sees it without scrolling. */
export async function inViewport(page: Page, element: Locator): Promise<boolean> {
  const box = await element.first().boundingBox();
  const size = page.viewportSize();
  if (box === null || size === null) return false;
  return (
    box.y >= 0 && box.x >= 0 && box.y + box.height <= size.height && box.x + box.width <= size.width
  );
}

/** How a chart box of the pane is laid out: drawn or its table, and what sticks out of it. */
export interface ChartLaidOut {
  /** The box's data-chart: "drawn" (the chart) or "table" (too narrow: its table instead). */
  readonly mode: string;
  /** The box's width, CSS px. */
  readonly width: number;
  /** How many SVGs the box holds (the chart library's, with its legend's). */
  readonly svgs: number;
  /** The SVGs wider than the box, or reaching past its right edge: "svg 160 > 128". */
  readonly wider: readonly string[];
  /** The first body row of the table in the box, cell by cell, as shown ([] if none). */
  readonly firstRow: readonly string[];
  /**
   * Whether that row's first figure is on screen once scrolled to (with the table's own
   * region scrolled sideways if need be): not hidden, not clipped by the pane.
   */
  readonly figureVisible: boolean;
}

/** Each box with the test id (result-chart, curve-chart) as laid out now. */
export async function chartsLaidOut(page: Page, testId: string): Promise<ChartLaidOut[]> {
  const boxes = page.getByTestId(testId);
  const count = await boxes.count();
  const laidOut: ChartLaidOut[] = [];
  for (let i = 0; i < count; i += 1) {
    const box = boxes.nth(i);
    await box.scrollIntoViewIfNeeded();
    const figure = box.locator('tbody tr').first().locator('td').first();
    let figureVisible = false;
    if ((await figure.count()) > 0) {
      await figure.scrollIntoViewIfNeeded();
      figureVisible = (await figure.isVisible()) && (await inViewport(page, figure));
    }
    laidOut.push({
      ...(await box.evaluate((element) => {
        const edge = element.getBoundingClientRect();
        const svgs = [...element.querySelectorAll('svg')];
        return {
          mode: (element as HTMLElement).dataset.chart ?? '',
          width: Math.round(edge.width),
          svgs: svgs.length,
          wider: svgs
            .map((svg) => svg.getBoundingClientRect())
            .filter((r) => r.width > edge.width + 0.5 || r.right > edge.right + 0.5)
            .map((r) => `svg ${Math.round(r.width)} > ${Math.round(edge.width)}`),
          firstRow: [...(element.querySelector('tbody tr')?.querySelectorAll('th, td') ?? [])].map(
            (c) => c.textContent ?? '',
          ),
        };
      })),
      figureVisible,
    });
  }
  return laidOut;
}

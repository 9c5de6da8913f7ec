/** @jest-environment node */
/**
 * The finance user's workflow in headless Chromium against the fake office.js (the
 * in-memory Excel): planning template, filling it in, every mechanism, a bad cell,
 * cancelling, sharing, keyboard only, dark theme. Screenshots and axe results go to
 * test-output/; no request leaves the machine.
 */
import type { Page } from 'playwright-core';
import { openPane, type OfficeScript } from './support/browser';
import { checkAccessibility, screenshot } from './support/evidence';
import {
  addressOf,
  cellFormula,
  cellValues,
  figures,
  openTab,
  outcomeHeading,
  pickMechanism,
  settled,
  showTables,
  runMechanism,
  sidewaysOverflow,
  typeCells,
  workbookView,
} from './support/pane';
import { sessionForFile } from './support/session';

jest.setTimeout(5 * 60_000);

const currentSession = sessionForFile();

async function open(
  office: OfficeScript = { kind: 'fake' },
): Promise<{ page: Page; errors: string[] }> {
  const session = currentSession();
  return openPane(session.browser, session.server.url, office);
}

/** Screenshot, axe (no serious or critical violation) and the 320 px fit, for one screen. */
async function evidence(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await checkAccessibility(page, name)).toEqual([]);
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
}

async function createTemplate(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Create planning template' }).click();
  await page.getByText('Planning template created.').waitFor();
}

async function setField(page: Page, label: string, value: string): Promise<void> {
  await page.getByRole('textbox', { name: label, exact: true }).fill(value);
}

describe('in Excel: the finance user’s workflow', () => {
  it('template → fill in → run every mechanism: figures in the pane, result sheets and charts in the workbook', async () => {
    const { page, errors } = await open();
    await createTemplate(page);
    await evidence(page, 'template-created');
    await page.getByRole('button', { name: 'Go to the first cell to fill in' }).click();
    expect(
      await settled(async () => (await workbookView(page)).selection?.sheet, 'Contributions'),
    ).toBe('Contributions');

    // Fill in: the CCG's contribution becomes £30,000,000 (typed into the sheet, as in Excel).
    const ccg = await addressOf(page, 'Contributions', 28348000);
    const council = await addressOf(page, 'Contributions', 40888000);
    await typeCells(page, 'Contributions', { [ccg]: 30000000 });
    await page.getByRole('button', { name: 'Read the workbook again' }).click();
    await page.getByText('Read the workbook again.').waitFor();
    await showTables(page);

    // Pooled fund (B&NES OBC 2015 with the CCG's figure changed): 30,000,000 / 70,888,000.
    await pickMechanism(page, 'Pooled fund');
    expect(await runMechanism(page, 'Pooled fund')).toBe('Results: Pooled fund');
    expect(await figures(page, 'Pooled fund')).toMatchObject({
      Pool: '£70,888,000.00',
      'B&NES CCG share': '42.32%',
      'B&NES Council share': '57.68%',
    });
    await evidence(page, 'results-pooled-fund');
    await page.getByRole('button', { name: /^Go to the result sheet/ }).click();
    expect(
      await settled(
        async () => (await workbookView(page)).selection?.sheet,
        'BCF Results - Pooled fund',
      ),
    ).toBe('BCF Results - Pooled fund');

    // Capitation (Bedfordshire MSK, King's Fund 2014): £26.5m rising 1.3% a year for five years.
    await pickMechanism(page, 'Capitation');
    await setField(page, 'Years', '5');
    await setField(page, 'Annual uplift (%)', '1.3');
    await runMechanism(page, 'Capitation');
    expect(await figures(page, 'Capitation')).toMatchObject({
      'Year 5': '£27,905,104.64',
      Total: '£135,990,076.86',
    });

    // Gain/loss share (Bedfordshire MSK): bands from the template's RiskShareBands table.
    await pickMechanism(page, 'Gain/loss share');
    await runMechanism(page, 'Gain/loss share');
    expect(await figures(page, 'Gain/loss share')).toMatchObject({
      Gain: '£2,175,000.00',
      Circle: '£1,716,875.00',
      'Bedfordshire CCG': '£458,125.00',
    });
    // The same contract under the alliance 50:50 preset, set in the pane.
    await openTab(page, 'Calculate');
    await page
      .getByRole('combobox', { name: 'Bands, caps and quality scores from' })
      .selectOption('pane');
    await page.getByRole('combobox', { name: 'Published scheme' }).selectOption('alliance');
    await page.getByText(/Now using Alliance 50:50 with cap/).waitFor();
    await evidence(page, 'gain-loss-editor');
    await runMechanism(page, 'Gain/loss share');
    expect(await figures(page, 'Gain/loss share')).toMatchObject({
      Circle: '£1,087,500.00',
      'Bedfordshire CCG': '£1,087,500.00',
    });
    await evidence(page, 'results-gain-loss');

    await pickMechanism(page, 'Pay for performance');
    await runMechanism(page, 'Pay for performance');
    expect(await figures(page, 'Pay for performance')).toMatchObject({
      'At risk': '£662,500.00',
      Earned: '£556,500.00',
    });

    await pickMechanism(page, 'BCF payment for performance');
    await runMechanism(page, 'BCF payment for performance');
    expect(await figures(page, 'BCF payment for performance')).toMatchObject({
      Released: '£1,124,950.00',
      Retained: '£997,555.00',
    });

    await pickMechanism(page, 'Activity payments');
    await runMechanism(page, 'Activity payments');
    expect(await figures(page, 'Activity payments')).toMatchObject({ Total: '£59,518,050.00' });

    await pickMechanism(page, 'Funding envelope');
    await page.getByRole('button', { name: 'Add a change' }).click();
    await setField(page, 'Name', 'Net budget reduction');
    await page.getByRole('combobox', { name: 'Kind of change' }).selectOption('total');
    await setField(page, 'Change (%)', '-7');
    await runMechanism(page, 'Funding envelope');
    expect(Object.keys(await figures(page, 'Funding envelope'))).toContain('Year 4 envelope');

    await pickMechanism(page, 'BCF plan checks');
    await setField(page, 'Minimum adult social care spend (£)', '0');
    await setField(page, 'NHS out-of-hospital ring-fence (£)', '0');
    await runMechanism(page, 'BCF plan checks');
    expect(await figures(page, 'BCF plan checks')).toMatchObject({ 'Checks passed': '7 of 7' });
    await evidence(page, 'results-plan-checks');

    const view = await workbookView(page);
    const results = view.sheets.filter((s) => s.name.startsWith('BCF Results'));
    expect(results.map((s) => s.name).sort()).toEqual(
      [
        'BCF Results - Activity',
        'BCF Results - Admissions P4P',
        'BCF Results - Capitation',
        'BCF Results - Funding envelope',
        'BCF Results - Gain share',
        'BCF Results - P4P',
        'BCF Results - Pooled fund',
      ].sort(),
    );
    const pool = view.sheets.find((s) => s.name === 'BCF Results - Pooled fund');
    expect(pool?.charts).toEqual([
      expect.objectContaining({
        title: 'Contributions by partner',
        valueAxisFormat: expect.stringContaining('£') as string,
      }),
    ]);
    // Every result sheet but the activity payment's draws a native chart.
    const charted = results.filter((s) => s.charts.length > 0).map((s) => s.name);
    expect(charted).toEqual(
      results.map((s) => s.name).filter((n) => n !== 'BCF Results - Activity'),
    );
    expect(await cellValues(page, 'Contributions', council)).toEqual([[40888000]]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a bad cell: the finding shows, clicking it selects that cell, nothing is written; fixing it lets the run through', async () => {
    const { page, errors } = await open();
    await createTemplate(page);
    const council = await addressOf(page, 'Contributions', 40888000);
    await typeCells(page, 'Contributions', { [council]: 'tbc' });
    await pickMechanism(page, 'Pooled fund');
    expect(await runMechanism(page, 'Pooled fund')).toBe('Pooled fund: fix these first');
    const finding = page.getByRole('list', { name: 'Problems found' }).getByRole('button');
    expect(await settled(() => finding.count(), 1)).toBe(1);
    expect(await finding.textContent()).toContain(`Contributions!${council}`);
    expect(await finding.textContent()).toContain('"tbc" is not an amount');
    await evidence(page, 'findings');
    await finding.click();
    expect(
      await settled(async () => (await workbookView(page)).selection, {
        sheet: 'Contributions',
        address: council,
      }),
    ).toEqual({
      sheet: 'Contributions',
      address: council,
    });
    expect((await workbookView(page)).sheets.map((s) => s.name)).not.toContain(
      'BCF Results - Pooled fund',
    );

    await typeCells(page, 'Contributions', { [council]: 40888000 });
    expect(await runMechanism(page, 'Pooled fund')).toBe('Results: Pooled fund');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the step being done and cancels before writing', async () => {
    const { page, errors } = await open({ kind: 'fake', config: { syncDelayMs: 1000 } });
    await createTemplate(page);
    await pickMechanism(page, 'Pooled fund');
    await page.getByRole('button', { name: 'Run Pooled fund' }).click();
    await page.getByText(/^Step 1 of 3: Reading and checking the tables$/).waitFor();
    await evidence(page, 'run-in-progress');
    await page.getByRole('button', { name: 'Cancel run' }).click();
    expect(await outcomeHeading(page, 'Pooled fund')).toBe('Pooled fund: cancelled');
    await page
      .getByText('The run was cancelled before writing: the workbook is unchanged.')
      .waitFor();
    expect((await workbookView(page)).sheets.map((s) => s.name)).not.toContain(
      'BCF Results - Pooled fund',
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('prepares for sharing after a confirmation, and restores the formulas', async () => {
    const { page, errors } = await open({
      kind: 'fake',
      config: {
        seed: {
          sheets: [
            {
              name: 'Plan',
              cells: {
                A1: 'Capitation budget',
                B1: {
                  value: 26500000,
                  formula: '=BCF.CAPITATION(265000,100)',
                  numberFormat: '£#,##0.00',
                },
              },
            },
          ],
        },
      },
    });
    await openTab(page, 'Share');
    await page.getByRole('button', { name: 'Prepare for sharing' }).click();
    await page.getByRole('dialog', { name: 'Prepare for sharing?' }).waitFor();
    await evidence(page, 'prepare-for-sharing-dialog');
    await page.getByRole('button', { name: 'Replace formulas with values' }).click();
    await page.getByText('Prepared for sharing.').waitFor();
    expect(await cellFormula(page, 'Plan', 'B1')).toBeUndefined();
    expect(await cellValues(page, 'Plan', 'B1')).toEqual([[26500000]]);
    await evidence(page, 'prepared-for-sharing');
    await page.getByRole('button', { name: 'Restore formulas' }).click();
    await page
      .getByRole('dialog', { name: 'Restore formulas?' })
      .getByRole('button', { name: 'Restore formulas' })
      .click();
    await page.getByText('Formulas restored.').waitFor();
    expect(await cellFormula(page, 'Plan', 'B1')).toBe('=BCF.CAPITATION(265000,100)');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('works from the keyboard alone, and focus lands on the results', async () => {
    const { page, errors } = await open();
    /** Tabs forward until the focused control has this accessible text. */
    const tabTo = async (name: string): Promise<void> => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLInputElement | null;
          const labelled = el?.getAttribute('aria-labelledby');
          const byId = labelled ? document.getElementById(labelled.split(' ')[0] ?? '') : null;
          const label =
            el?.getAttribute('aria-label') ?? byId?.textContent ?? el?.labels?.[0]?.textContent;
          return (label ?? el?.textContent ?? '').trim();
        });
        if (focused === name) return;
      }
      throw new Error(`Could not tab to "${name}"`);
    };
    await tabTo('Create planning template');
    await page.keyboard.press('Enter');
    await page.getByText('Planning template created.').waitFor();
    // The message took focus; back to the tabs, and on to Calculate with the arrow keys.
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Workbook');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByRole('combobox', { name: 'Calculation' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Calculation' }).inputValue()).toBe('pool');
    await tabTo('Calculation');
    // Chromium moves a closed <select> to the next option with the arrow keys.
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('combobox', { name: 'Calculation' }).inputValue()).toBe(
      'capitation',
    );
    await tabTo('Run Capitation');
    await page.keyboard.press('Enter');
    await outcomeHeading(page, 'Capitation');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('run-heading');
    await tabTo('Go to the result sheet (BCF Results - Capitation)');
    await page.keyboard.press('Enter');
    expect(
      await settled(
        async () => (await workbookView(page)).selection?.sheet,
        'BCF Results - Capitation',
      ),
    ).toBe('BCF Results - Capitation');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows the dark Office theme on the results screen', async () => {
    const { page, errors } = await open({
      kind: 'fake',
      config: { bodyBackgroundColor: '#262626' },
    });
    await createTemplate(page);
    await pickMechanism(page, 'Gain/loss share');
    await runMechanism(page, 'Gain/loss share');
    await evidence(page, 'results-gain-loss-dark');
    expect(errors).toEqual([]);
    await page.close();
  });
});

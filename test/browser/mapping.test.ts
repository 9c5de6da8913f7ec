/** @jest-environment node */
/**
 * Mapping a range of the user's own in headless Chromium against the fake office.js
 * (the in-memory Excel): select the range → map its columns (Fluent drop-downs) →
 * preview (£000 scaled) → save → run the pooled fund on it → reopen the saved workbook
 * → rename a header, and the saved mapping's finding names the header row. Screenshots
 * and axe results go to test-output/; the pane must fit 320 px.
 */
import type { Page } from 'playwright-core';
import type { MemoryWorkbookSeed, ScalarValue } from '../support/memory-excel';
import { openPane } from './support/browser';
import { checkAccessibility, screenshot } from './support/evidence';
import {
  figures,
  pickMechanism,
  runMechanism,
  selectCells,
  sheetCells,
  showTables,
  sidewaysOverflow,
  typeCells,
} from './support/pane';
import { sessionForFile } from './support/session';

jest.setTimeout(5 * 60_000);

const currentSession = sessionForFile();

const SHEET = 'Pool 2025-26';
const SETTINGS_SHEET = 'BCF_Settings';

/** B&NES community services OBC (2015), Table 3, in £000 under a title block, with the team's own headers. */
const POOL_VALUES: ScalarValue[][] = [
  ['B&NES pooled fund 2025-26'],
  [],
  ['Who pays', 'Line', 'Pledge (£000)', 'Notes'],
  ['B&NES CCG', 'Community services', 28348, ''],
  ['B&NES Council', 'Community services', 40888, 'Adult social care'],
  ['Total', '', 69236, ''],
];

async function open(seed: MemoryWorkbookSeed): Promise<{ page: Page; errors: string[] }> {
  const session = currentSession();
  return openPane(session.browser, session.server.url, { kind: 'fake', config: { seed } });
}

/** Screenshot, axe (no serious or critical violation) and the 320 px fit, for one screen. */
async function evidence(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await checkAccessibility(page, name)).toEqual([]);
  expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
}

/** Picks a field's column with the mouse, by the option's text. */
async function choose(page: Page, field: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: field }).selectOption({ label: option });
}

function texts(page: Page, list: string): Promise<string[]> {
  return page
    .getByRole('list', { name: list })
    .locator(':scope > li')
    .evaluateAll((items) => items.map((li) => li.textContent ?? ''));
}

describe('in Excel: mapping a range of the user’s own', () => {
  it('select → map → preview → save → run → reopen; a renamed header is a finding', async () => {
    const { page, errors } = await open({
      sheets: [{ name: SHEET, rows: { values: POOL_VALUES } }],
    });
    await page.getByText(/^This workbook has no input tables yet\./).waitFor();

    await selectCells(page, SHEET, 'A3:D5');
    await page.getByRole('button', { name: 'Use the selection as Contributions' }).click();
    await page
      .getByRole('heading', { name: "Columns of Contributions: header row 'Pool 2025-26'!A3:D3" })
      .waitFor();
    await page.getByText('Map every required field (each once) before saving.').waitFor();
    expect(await page.getByRole('button', { name: 'Save the mapping' }).isDisabled()).toBe(true);
    await evidence(page, 'mapping-columns');

    await choose(page, 'Partner', 'Who pays (A3)');
    await choose(page, 'Scheme', 'Line (B3)');
    await choose(page, 'Amount', 'Pledge (£000) (C3)');
    await page.getByRole('list', { name: 'Preview rows' }).waitFor();
    expect(await texts(page, 'Preview rows')).toEqual([
      'Row 4PartnerB&NES CCGSchemeCommunity servicesAmount£28,348,000.00',
      'Row 5PartnerB&NES CouncilSchemeCommunity servicesAmount£40,888,000.00',
    ]);
    expect(await texts(page, 'How the columns are read')).toEqual([
      'Amount read from the column "Pledge (£000)" of the Contributions range \'Pool 2025-26\'!A3:D5 in £000 and multiplied by 1,000.',
    ]);
    await evidence(page, 'mapping-preview');

    await page.getByRole('button', { name: 'Save the mapping' }).click();
    await page.getByText('Mapping saved.').waitFor();
    await showTables(page);
    expect(await texts(page, 'Input tables')).toEqual([
      'Contributions (mapped: Pool 2025-26!A3:D5, 2 rows)',
    ]);
    const settings = await sheetCells(page, SETTINGS_SHEET);
    const keyCell = Object.entries(settings).find(([, v]) => v === 'bcf.mapping')?.[0] ?? '';
    expect(JSON.parse(String(settings[keyCell.replace('A', 'B')]))).toEqual({
      tables: {
        contributions: {
          sheet: SHEET,
          columns: { partner: 'Who pays', scheme: 'Line', amount: 'Pledge (£000)' },
        },
      },
    });

    await pickMechanism(page, 'Pooled fund');
    expect(await runMechanism(page, 'Pooled fund')).toBe('Results: Pooled fund');
    expect(await figures(page, 'Pooled fund')).toMatchObject({
      Pool: '£69,236,000.00',
      'B&NES CCG share': '40.94%',
      'B&NES Council share': '59.06%',
    });
    expect(errors).toEqual([]);
    await page.close();

    // Reopened: the same workbook (its sheet and the settings sheet) in a new pane.
    const reopened = await open({
      sheets: [
        { name: SHEET, rows: { values: POOL_VALUES } },
        { name: SETTINGS_SHEET, visibility: 'VeryHidden', cells: settings },
      ],
    });
    // With an input, the pane opens on Calculate; the tables are in the Workbook tab.
    await reopened.page.getByRole('combobox', { name: 'Calculation' }).waitFor();
    await showTables(reopened.page);
    expect(await texts(reopened.page, 'Input tables')).toEqual([
      'Contributions (mapped: Pool 2025-26!A3:D5, 2 rows)',
    ]);

    // The header is renamed in the sheet: the saved mapping no longer fits, and says where.
    await typeCells(reopened.page, SHEET, { C3: 'Pledged (£000)' });
    await reopened.page.getByRole('button', { name: 'Read the workbook again' }).click();
    await reopened.page.getByRole('list', { name: 'Saved mapping findings' }).waitFor();
    expect(await texts(reopened.page, 'Saved mapping findings')).toEqual([
      '\'Pool 2025-26\'!A3:D3 (Contributions header row): the column mapping names "Pledge (£000)" for Amount, but this header row has no such column (its headers: "Who pays", "Line", "Pledged (£000)", "Notes"); nothing was read for the Contributions table.',
    ]);
    await evidence(reopened.page, 'mapping-no-longer-fits');
    expect(reopened.errors).toEqual([]);
    await reopened.page.close();
  });
});

/** @jest-environment node */
import fs from 'node:fs';
import path from 'node:path';
import { openXlsx } from '../../src/adapters/xlsx/index';
import { openPane } from './support/browser';
import { checkAccessibility, recordMeasurement, screenshot } from './support/evidence';
import { figures, inViewport, pickMechanism, runMechanism, sidewaysOverflow } from './support/pane';
import { OUTPUT, ROOT } from './support/paths';
import { endSession, SETUP_TIMEOUT, startSession, type BrowserSession } from './support/session';

const SAMPLE = path.join(ROOT, 'assets', 'samples', 'bcf-example.xlsx');

jest.setTimeout(5 * 60_000);

describe('outside Excel (the real office.js reports no host)', () => {
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    session = await startSession();
  }, SETUP_TIMEOUT);
  afterAll(() => endSession(session));
  afterEach(() => {
    // Only office.js's own telemetry page, if anything, which it loads outside Office some
    // time after it starts (aborted too; see TestBrowser.officeTelemetry).
    expect(session?.browser.blocked).toEqual([]);
    expect(
      session?.browser.officeTelemetry.filter((url) => !url.endsWith('/telemetryproxy.html')),
    ).toEqual([]);
  });

  it('says it is not in Excel and offers the file mode, with nothing leaving the machine', async () => {
    if (session === undefined) throw new Error('no session');
    const { page, errors, interactiveMs } = await openPane(session.browser, session.server.url, {
      kind: 'real',
    });
    recordMeasurement('outsideExcelInteractiveMs', Math.round(interactiveMs));
    await page.getByText('Not running in Excel.').waitFor();
    await page.getByRole('button', { name: 'Choose a workbook' }).waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/README/i);
    await screenshot(page, 'outside-excel');
    expect(await checkAccessibility(page, 'outside-excel')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('works on a chosen .xlsx file and downloads the completed workbook', async () => {
    if (session === undefined) throw new Error('no session');
    const { page, errors } = await openPane(session.browser, session.server.url, { kind: 'real' });
    await page.getByLabel('Choose a workbook (.xlsx)').setInputFiles(SAMPLE);
    await page.getByText('Working on bcf-example.xlsx.').waitFor();
    // With tables, the pane opens on Calculate.
    await page.getByRole('combobox', { name: 'Calculation' }).waitFor();
    await pickMechanism(page, 'Pooled fund');
    expect(await runMechanism(page, 'Pooled fund')).toBe('Results: Pooled fund');
    expect(await figures(page, 'Pooled fund')).toMatchObject({
      Pool: '£69,236,000.00',
    });
    await page.getByText('The results are on the sheet “BCF Results - Pooled fund”.').waitFor();
    await screenshot(page, 'file-mode-results');
    expect(await checkAccessibility(page, 'file-mode-results')).toEqual([]);
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the completed workbook' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('bcf-example (completed).xlsx');
    await page.getByText('Downloaded.').waitFor();
    expect(await inViewport(page, page.getByText('Downloaded.'))).toBe(true);
    const saved = path.join(OUTPUT, 'downloads', download.suggestedFilename());
    fs.mkdirSync(path.dirname(saved), { recursive: true });
    await download.saveAs(saved);
    const completed = await openXlsx(saved);
    expect(await completed.sheetOwner('BCF Results - Pooled fund')).toBe('addin');
    expect(errors).toEqual([]);
    await page.close();
  });
});

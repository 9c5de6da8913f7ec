/** @jest-environment node */
import { openPane } from './support/browser';
import { checkAccessibility, recordMeasurement, screenshot } from './support/evidence';
import { endSession, SETUP_TIMEOUT, startSession, type BrowserSession } from './support/session';

describe('outside Excel (real office.js, no host)', () => {
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    session = await startSession();
  }, SETUP_TIMEOUT);
  afterAll(() => endSession(session));

  it('says it is not in Excel and offers the file mode, with nothing leaving the machine', async () => {
    if (session === undefined) throw new Error('no session');
    const { page, errors, interactiveMs } = await openPane(session.browser, session.server.url, {
      kind: 'real',
    });
    recordMeasurement('outsideExcelInteractiveMs', Math.round(interactiveMs));
    await page.getByText('Not running in Excel.').waitFor();
    await page.getByRole('heading', { name: 'Work on a file' }).waitFor();
    await screenshot(page, 'outside-excel');
    expect(await checkAccessibility(page, 'outside-excel')).toEqual([]);
    expect(session.browser.blocked).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

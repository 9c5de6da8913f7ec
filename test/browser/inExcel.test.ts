/** @jest-environment node */
import { openPane } from './support/browser';
import { checkAccessibility, recordMeasurement, screenshot } from './support/evidence';
import { endSession, SETUP_TIMEOUT, startSession, type BrowserSession } from './support/session';

describe('in Excel (fake office.js over the in-memory Excel)', () => {
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    session = await startSession();
  }, SETUP_TIMEOUT);
  afterAll(() => endSession(session));

  afterEach(() => {
    expect(session?.browser.blocked).toEqual([]);
    // The fake office.js loads nothing of Microsoft's, so any telemetry request is the pane's.
    expect(session?.browser.officeTelemetry).toEqual([]);
  });

  it('opens on an empty workbook and offers the planning template (light theme)', async () => {
    if (session === undefined) throw new Error('no session');
    const { page, errors, interactiveMs } = await openPane(session.browser, session.server.url, {
      kind: 'fake',
    });
    recordMeasurement('inExcelInteractiveMs', Math.round(interactiveMs));
    console.log(`Load to interactive (in Excel, empty workbook): ${Math.round(interactiveMs)} ms`);
    await page.getByText('This workbook has no input tables yet.').waitFor();
    await screenshot(page, 'empty-workbook-light');
    expect(await checkAccessibility(page, 'empty-workbook-light')).toEqual([]);
    const associated = await page.evaluate(
      () => (window as unknown as { bcfFake: { associated: string[] } }).bcfFake.associated,
    );
    expect(associated.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows the Office dark theme', async () => {
    if (session === undefined) throw new Error('no session');
    const { page, errors } = await openPane(session.browser, session.server.url, {
      kind: 'fake',
      config: { bodyBackgroundColor: '#262626' },
    });
    await page.getByText('This workbook has no input tables yet.').waitFor();
    const background = await page.evaluate(() => {
      const provider = document.querySelector('.fui-FluentProvider');
      return provider === null ? '' : getComputedStyle(provider).backgroundColor;
    });
    expect(background).not.toBe('rgb(255, 255, 255)');
    await screenshot(page, 'empty-workbook-dark');
    expect(await checkAccessibility(page, 'empty-workbook-dark')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

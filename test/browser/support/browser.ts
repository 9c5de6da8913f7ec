/**
 * Debian's Chromium driven by playwright-core, shut off from the network: every request
 * that is not to the loopback test server is aborted and recorded (the tests assert
 * there were none), and the office.js URL is answered locally, with the fake office.js
 * (in-memory Excel) or with the real office.js from @microsoft/office-js.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Route } from 'playwright-core';
import type { FakeOfficeConfig } from '../fakeOffice/fakeOfficeScript';
import { CHROMIUM, FAKE_OFFICE, OFFICE_JS_DIST } from './paths';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const OFFICE_HOSTED = 'https://appsforoffice.microsoft.com/lib/1/hosted/';

/** Where office.js (outside Office) loads its telemetry page from: telemetryproxy.html. */
const OFFICE_TELEMETRY = 'https://telemetryservice.firstpartyapps.oaspapps.com';

/** The narrow default task-pane width of Excel. */
export const PANE_VIEWPORT = { width: 320, height: 900 };

export interface TestBrowser {
  readonly context: BrowserContext;
  /** Requests that tried to leave the machine (each was aborted), but for office.js's own telemetry. */
  readonly blocked: string[];
  /**
   * Microsoft's office.js, run outside Office, loads its telemetry page some time after it
   * starts (when depends on the machine's load): aborted like every other request, and
   * kept apart because office.js makes it, not the pane (in production office.js comes
   * from Microsoft's CDN with its telemetry).
   */
  readonly officeTelemetry: string[];
  close(): Promise<void>;
}

/** Launches Chromium with a fresh profile; non-loopback requests are aborted and recorded. */
export async function launchBrowser(): Promise<TestBrowser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'bcf-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: PANE_VIEWPORT,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    serviceWorkers: 'block',
    // No entrance animations half-way through a screenshot or an axe contrast check.
    reducedMotion: 'reduce',
  });
  const blocked: string[] = [];
  const officeTelemetry: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' && url.protocol === 'http:') return route.continue();
    (url.origin === OFFICE_TELEMETRY ? officeTelemetry : blocked).push(route.request().url());
    return route.abort('blockedbyclient');
  });
  return {
    context,
    blocked,
    officeTelemetry,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Which office.js the page gets. */
export type OfficeScript =
  { readonly kind: 'fake'; readonly config?: FakeOfficeConfig } | { readonly kind: 'real' };

/** Answers office.js (and, for the real one, the scripts it loads beside it) from local files. */
async function routeOffice(page: Page, office: OfficeScript, blocked: string[]): Promise<void> {
  const fake = office.kind === 'fake' ? fs.readFileSync(FAKE_OFFICE, 'utf8') : '';
  await page.route(`${OFFICE_HOSTED}**`, (route: Route) => {
    const url = route.request().url();
    if (office.kind === 'fake') {
      return route.fulfill({ contentType: 'text/javascript', body: fake });
    }
    const relative = decodeURIComponent(new URL(url).pathname.slice('/lib/1/hosted/'.length));
    const file = path.resolve(OFFICE_JS_DIST, relative);
    if (file.startsWith(OFFICE_JS_DIST + path.sep) && fs.existsSync(file)) {
      const type = file.endsWith('.js') ? 'text/javascript' : 'application/octet-stream';
      return route.fulfill({ contentType: type, body: fs.readFileSync(file) });
    }
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
}

export interface OpenedPane {
  readonly page: Page;
  /** Uncaught errors and console errors on the page. */
  readonly errors: string[];
  /** Milliseconds from navigation start to the pane's "interactive" mark. */
  readonly interactiveMs: number;
}

/** Opens taskpane.html with the chosen office.js and waits until the pane can be used. */
export async function openPane(
  browser: TestBrowser,
  baseUrl: string,
  office: OfficeScript,
): Promise<OpenedPane> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  if (office.kind === 'fake') {
    await page.addInitScript((config) => {
      (window as unknown as { bcfFakeConfig: unknown }).bcfFakeConfig = config;
    }, office.config ?? {});
  }
  await routeOffice(page, office, browser.blocked);
  await page.goto(`${baseUrl}taskpane.html`);
  await page.waitForFunction(() => document.body.dataset.paneReady === 'true', undefined, {
    timeout: 60_000,
  });
  const interactiveMs = await page.evaluate(
    () => performance.getEntriesByName('bcf-pane-interactive')[0]?.startTime ?? -1,
  );
  return { page, errors, interactiveMs };
}

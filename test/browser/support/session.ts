/** One browser test file's setup: build (once), serve dist/ on loopback, launch Chromium. */
import { launchBrowser, type TestBrowser } from './browser';
import { ensureBuilt } from './build';
import { DIST } from './paths';
import { serve, type StaticServer } from './server';

export interface BrowserSession {
  readonly browser: TestBrowser;
  readonly server: StaticServer;
}

/** Building can take minutes on a busy machine. */
export const SETUP_TIMEOUT = 15 * 60_000;

export async function startSession(): Promise<BrowserSession> {
  await ensureBuilt();
  const server = await serve(DIST);
  const browser = await launchBrowser();
  return { browser, server };
}

export async function endSession(session: BrowserSession | undefined): Promise<void> {
  await session?.browser.close();
  await session?.server.close();
}

/**
 * One session for the calling test file: started before its tests, closed after them,
 * and after each test the check that nothing left the machine (every request off
 * loopback is blocked and recorded). Call it at the top level of the file.
 *
 * @returns the file's session, for its tests (throws before the session has started).
 */
export function sessionForFile(): () => BrowserSession {
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
  return () => {
    if (session === undefined) throw new Error('no session');
    return session;
  };
}

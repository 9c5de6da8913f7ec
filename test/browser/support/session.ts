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

/** Where the browser tests build, serve and write their output. */
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');
/** Everything the browser tests write (gitignored). */
export const OUTPUT = path.join(ROOT, 'test-output');
export const SCREENSHOTS = path.join(OUTPUT, 'screenshots');
export const AXE_RESULTS = path.join(OUTPUT, 'axe');
/** The production build of the add-in, as served to the browser. */
export const BUILD = path.join(OUTPUT, 'browser-build');
export const DIST = path.join(BUILD, 'dist');
export const FAKE_OFFICE = path.join(BUILD, 'fake-office', 'fake-office.js');
export const OFFICE_JS_DIST = path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
export const AXE_SCRIPT = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
export const CHROMIUM = '/usr/bin/chromium';
/** The office.js URL taskpane.html loads; the tests answer it locally. */
export const OFFICE_JS_URL = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

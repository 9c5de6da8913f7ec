/**
 * The task pane page's browser check: without WebView2, Excel on Windows shows add-ins in
 * Internet Explorer 11, which cannot parse the ES2020 bundles. The page's inline check
 * must itself be ES5, and must show what is needed instead of a blank pane.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'acorn';
import { JSDOM } from 'jsdom';

const PAGE = readFileSync(join(__dirname, '../../src/taskpane/taskpane.html'), 'utf8');

/** The page's inline scripts (those without a src). */
function inlineScripts(html: string): string[] {
  const doc = new JSDOM(html).window.document;
  return Array.from(doc.querySelectorAll('script:not([src])')).map((s) => s.textContent ?? '');
}

/** Loads the page with its inline script run, after `prepare` changes the window. */
function load(prepare: (window: Record<string, unknown>) => void = () => undefined): Document {
  const dom = new JSDOM(PAGE, {
    runScripts: 'dangerously',
    beforeParse: (window) => prepare(window),
  });
  return dom.window.document;
}

const MESSAGE =
  'BCF Finance cannot run in this version of Office.' +
  'Excel is showing add-ins with Internet Explorer 11 here, which BCF Finance does not support. ' +
  'It needs Microsoft 365 Apps (Version 2101 or later) or Office 2021 or later on Windows, ' +
  'with the Microsoft Edge WebView2 Runtime installed. Ask your IT team to install the WebView2 Runtime, then restart Excel.' +
  'Meanwhile you can use BCF Finance in Excel on the web, or the bcf command on .xlsx files.';

describe('the task pane page in a browser too old for the add-in', () => {
  it('has one inline script, and it parses as ES5', () => {
    const scripts = inlineScripts(PAGE);
    expect(scripts).toHaveLength(1);
    expect(() => parse(scripts[0] ?? '', { ecmaVersion: 5 })).not.toThrow();
  });

  it('the ES5 parse would catch later syntax (the check can fail)', () => {
    expect(() => parse('var f = (a) => a ?? 0;', { ecmaVersion: 5 })).toThrow(/Unexpected token/);
    expect(() => parse('let x = 1;', { ecmaVersion: 5 })).toThrow();
  });

  it('shows nothing of its own in a modern browser', () => {
    const doc = load();
    expect(doc.getElementById('bcf-unsupported')).toBeNull();
    expect(doc.getElementById('root')?.childElementCount).toBe(0);
  });

  it.each(['Promise', 'Symbol', 'BigInt', 'globalThis'])(
    'explains what is needed when %s is missing, as in Internet Explorer 11',
    (feature) => {
      const doc = load((window) => {
        delete window[feature];
        window[feature] = undefined;
      });
      const box = doc.getElementById('bcf-unsupported');
      expect(box?.parentElement?.id).toBe('root');
      expect(box?.getAttribute('role')).toBe('alert');
      expect(box?.textContent).toBe(MESSAGE);
    },
  );
});

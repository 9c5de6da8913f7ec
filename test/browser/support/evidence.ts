/** Screenshots and accessibility (axe-core) results the browser tests leave in test-output/. */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';
import { AXE_RESULTS, AXE_SCRIPT, OUTPUT, SCREENSHOTS } from './paths';

/** Saves a full-page screenshot as test-output/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** A violation as the tests report it. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: readonly string[];
}

/**
 * Fluent UI's focus manager (tabster) puts `<i data-tabster-dummy aria-hidden tabindex=0>`
 * sentinels around focus zones; they hand focus straight on and must stay hidden from
 * screen readers. axe reports them as aria-hidden-focus; tabster's maintainers and
 * Accessibility Insights treat it as a false positive (microsoft/tabster#288,
 * microsoft/accessibility-insights-web#7605), and so do we, for those elements only.
 */
function isTabsterSentinel(result: Result, html: string): boolean {
  return result.id === 'aria-hidden-focus' && /^<i [^>]*data-tabster-dummy/.test(html);
}

function summary(result: Result): AxeViolation | undefined {
  const nodes = result.nodes.filter((n) => !isTabsterSentinel(result, n.html));
  if (nodes.length === 0) return undefined;
  return {
    id: result.id,
    impact: result.impact ?? 'unknown',
    help: result.help,
    targets: nodes.map((n) => n.target.join(' ')),
  };
}

/**
 * Runs axe-core (WCAG 2.x A and AA rules and best practices) on the page, saves the
 * violations as test-output/axe/<name>.json and returns the serious and critical ones.
 */
export async function checkAccessibility(page: Page, name: string): Promise<AxeViolation[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  if (!hasAxe) await page.addScriptTag({ content: fs.readFileSync(AXE_SCRIPT, 'utf8') });
  const results = (await page.evaluate(() =>
    (
      window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } }
    ).axe.run(document, {
      resultTypes: ['violations'],
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    }),
  )) as AxeResults;
  const violations = results.violations.flatMap((v) => summary(v) ?? []);
  fs.mkdirSync(AXE_RESULTS, { recursive: true });
  fs.writeFileSync(
    path.join(AXE_RESULTS, `${name}.json`),
    `${JSON.stringify(violations, null, 2)}\n`,
  );
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Appends a measured figure to test-output/measurements.json (bundle size, load to interactive). */
export function recordMeasurement(key: string, value: unknown): void {
  const file = path.join(OUTPUT, 'measurements.json');
  fs.mkdirSync(OUTPUT, { recursive: true });
  const current = fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>)
    : {};
  current[key] = value;
  fs.writeFileSync(file, `${JSON.stringify(current, null, 2)}\n`);
}

/** @jest-environment node */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureBuilt } from './support/build';
import { recordMeasurement } from './support/evidence';
import { DIST } from './support/paths';
import { SETUP_TIMEOUT } from './support/session';

/** The scripts taskpane.html loads (webpack injects them), in order. */
function paneScripts(): string[] {
  const html = fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
  // Minified HTML may leave attribute values unquoted.
  return [...html.matchAll(/<script[^>]*\ssrc=("?)([^"\s>]+)\1/g)]
    .map((m) => m[2] ?? '')
    .filter((src) => !/^https?:/.test(src));
}

describe('production bundle budget', () => {
  beforeAll(() => ensureBuilt(), SETUP_TIMEOUT);

  it('keeps the task pane JavaScript within 350 kB gzipped, with no icon fonts', () => {
    const scripts = paneScripts();
    expect(scripts).toEqual(expect.arrayContaining(['taskpane.js']));
    const sizes = Object.fromEntries(
      scripts.map((src) => [
        src,
        gzipSync(fs.readFileSync(path.join(DIST, src)), { level: 9 }).length,
      ]),
    );
    const lazyChunks = fs
      .readdirSync(DIST)
      .filter((f) => f.endsWith('.js') && !scripts.includes(f))
      .map((f) => [f, gzipSync(fs.readFileSync(path.join(DIST, f)), { level: 9 }).length] as const);
    const total = Object.values(sizes).reduce((a, b) => a + b, 0);
    recordMeasurement('taskpaneGzipBytes', {
      total,
      scripts: sizes,
      lazyChunks: Object.fromEntries(lazyChunks),
    });
    console.log(`Task pane JavaScript: ${(total / 1000).toFixed(1)} kB gzipped`, sizes);
    expect(total).toBeLessThanOrEqual(350_000);
    const fonts = fs
      .readdirSync(DIST, { recursive: true })
      .map(String)
      .filter((f) => /\.(woff2?|ttf|eot)$/i.test(f));
    expect(fonts).toEqual([]);
  });
});

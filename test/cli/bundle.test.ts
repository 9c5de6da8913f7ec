/**
 * The built `bcf` command (webpack.config.js with `--env cli`, what `npm run build:cli`
 * makes and src/cli/bcf.cjs prefers when it is current) behaves exactly as the
 * TypeScript sources do: same output, same exit codes, same files. The bundle tested is
 * dist/cli/bcf.js when it is current (as after `.ci/setup`: what users run), else one
 * built here into test-output/, leaving dist/ as it is.
 */
import { mkdirSync, rmSync, writeFileSync } from 'fs';
import { createRequire } from 'module';
import { join } from 'path';
import webpack, { type Configuration } from 'webpack';
import type { TableData } from '../../src/ports/workbook';
import { BCF, ROOT, runScript, scratchDir, type BcfRun } from './support/bcf';
import { openXlsx } from '../../src/adapters/xlsx';

/** Every table of a written workbook with its values. */
async function tablesOf(file: string): Promise<readonly TableData[]> {
  const book = await openXlsx(file);
  return book.readTables((await book.listTables()).map((t) => t.name));
}

type ConfigFactory = (env: Record<string, unknown>, argv: { mode: string }) => Configuration;
const load = createRequire(__filename);
const factory = load('../../webpack.config.js') as ConfigFactory;
const entry = load('../../src/cli/entry.cjs') as { bundleIsCurrent(): boolean; BUNDLE: string };

/** Inside the project (gitignored), as dist/cli/ is, so the bundle finds the project's assets. */
const OUT = join(ROOT, 'test-output', 'cli-bundle');
const RUNNER = join(OUT, 'run.cjs');
const FILES = scratchDir('bcf-bundle-');

/** Builds the bundle into test-output/ and returns its path. */
function build(): Promise<string> {
  const config = factory({ cli: true }, { mode: 'production' });
  config.output = { ...config.output, path: join(OUT, 'cli') };
  return new Promise((done, fail) => {
    webpack(config, (error, stats) => {
      if (error) fail(error);
      else if (stats?.hasErrors()) fail(new Error(stats.toString('errors-only')));
      else done(join(OUT, 'cli', 'bcf.js'));
    });
  });
}

/** `bcf <args>` through the bundle and through the sources. */
async function both(args: readonly string[]): Promise<[BcfRun, BcfRun]> {
  return Promise.all([
    runScript(RUNNER, args),
    runScript(BCF, args, { env: { BCF_FROM_SOURCE: '1' } }),
  ]);
}

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const bundle = entry.bundleIsCurrent() ? entry.BUNDLE : await build();
  writeFileSync(
    RUNNER,
    `require(${JSON.stringify(bundle)})
  .main(process.argv.slice(2))
  .then((code) => { process.exitCode = code; });
`,
  );
}, 180_000);

describe('the built bcf command', () => {
  it('gives the Bedfordshire MSK gain share (King’s Fund 2014) exactly as the sources do', async () => {
    const [bundled, source] = await both([
      'calc',
      'gainshare',
      'assets/scenarios/gainshare-bedfordshire.json',
    ]);
    expect(bundled).toEqual(source);
    expect(bundled.code).toBe(0);
    expect(JSON.parse(bundled.stdout)).toMatchObject({
      parties: [{ amount: '1716875.00' }, { amount: '458125.00' }],
    });
  }, 60_000);

  it('rejects bad input with the same message and exit code 2', async () => {
    const [bundled, source] = await both(['calc', 'gainshare', '-']);
    expect(bundled).toEqual(source);
    expect(bundled.code).toBe(2);
  }, 60_000);

  it('checks the shipped sample workbook as the sources do', async () => {
    const [bundled, source] = await both(['check', 'assets/samples/bcf-example.xlsx']);
    expect(bundled).toEqual(source);
  }, 120_000);

  it('runs the shipped sample to a new workbook with the same results as the sources', async () => {
    const args = (out: string): string[] => [
      'run',
      'assets/samples/bcf-example.xlsx',
      '--mechanism',
      'pool',
      '--out',
      join(FILES, out),
    ];
    const [bundled, source] = await Promise.all([
      runScript(RUNNER, args('bundled.xlsx')),
      runScript(BCF, args('source.xlsx'), { env: { BCF_FROM_SOURCE: '1' } }),
    ]);
    expect(bundled.code).toBe(0);
    expect(bundled.stdout.replace('bundled.xlsx', 'source.xlsx')).toBe(source.stdout);
    const [a, b] = await Promise.all([
      tablesOf(join(FILES, 'bundled.xlsx')),
      tablesOf(join(FILES, 'source.xlsx')),
    ]);
    expect(a.some((t) => t.sheet.startsWith('BCF Results'))).toBe(true);
    expect(a).toEqual(b);
  }, 120_000);
});

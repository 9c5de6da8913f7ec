/**
 * Builds the add-in once for the browser tests: the production webpack build of the
 * project (webpack.config.js, unchanged) into test-output/browser-build/dist, and the fake
 * office.js (test/browser/fakeOffice) beside it. A fingerprint of the inputs (paths, sizes,
 * modification times) is kept with the build, so a test run reuses an up-to-date build and
 * rebuilds a stale one; a lock directory keeps parallel jest workers from building twice.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import webpack, { type Configuration } from 'webpack';
import { BUILD, DIST, FAKE_OFFICE, OUTPUT, ROOT } from './paths';

type ConfigFactory = (env: Record<string, string>, argv: { mode: string }) => Configuration;

const INPUTS = [
  'src',
  'test/support/memory-excel',
  'test/browser/fakeOffice',
  'webpack.config.js',
  'manifest.xml',
  'assets',
  'package-lock.json',
];
const STAMP = path.join(BUILD, 'fingerprint.txt');
const LOCK = path.join(OUTPUT, 'browser-build.lock');

function* files(entry: string): Generator<string> {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (stat === undefined) return;
  if (!stat.isDirectory()) {
    yield `${path.relative(ROOT, entry)}:${stat.size}:${stat.mtimeMs}`;
    return;
  }
  for (const name of fs.readdirSync(entry).sort()) yield* files(path.join(entry, name));
}

function fingerprint(): string {
  const hash = createHash('sha256');
  for (const input of INPUTS)
    for (const line of files(path.join(ROOT, input))) hash.update(`${line}\n`);
  return hash.digest('hex');
}

function compile(config: Configuration | Configuration[]): Promise<void> {
  return new Promise((resolve, reject) => {
    webpack(config as Configuration, (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors())
        return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

function projectConfig(): Configuration {
  // The project's own webpack configuration, as `npm run build` uses it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const factory = require(path.join(ROOT, 'webpack.config.js')) as ConfigFactory;
  const config = factory({}, { mode: 'production' });
  return {
    ...config,
    output: { ...config.output, path: DIST },
    devtool: false,
    cache: { type: 'filesystem', cacheDirectory: path.join(OUTPUT, 'webpack-cache', 'project') },
  };
}

function fakeOfficeConfig(): Configuration {
  return {
    mode: 'development',
    devtool: false,
    entry: { 'fake-office': path.join(ROOT, 'test/browser/fakeOffice/fakeOfficeScript.ts') },
    output: { path: path.dirname(FAKE_OFFICE), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { transpileOnly: true, compilerOptions: { module: 'esnext' } },
          },
        },
      ],
    },
    cache: {
      type: 'filesystem',
      cacheDirectory: path.join(OUTPUT, 'webpack-cache', 'fake-office'),
    },
  };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function acquireLock(): Promise<() => void> {
  fs.mkdirSync(OUTPUT, { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      return () => fs.rmSync(LOCK, { recursive: true, force: true });
    } catch {
      // Another worker is building; a lock older than 15 minutes is left over from a killed run.
      const age =
        Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 15 * 60_000) fs.rmSync(LOCK, { recursive: true, force: true });
      await sleep(500);
    }
  }
}

/** Builds unless an up-to-date build is there. Returns how long it took (0 when reused). */
export async function ensureBuilt(): Promise<number> {
  const release = await acquireLock();
  try {
    const wanted = fingerprint();
    const current = fs.existsSync(STAMP) ? fs.readFileSync(STAMP, 'utf8') : '';
    if (
      current === wanted &&
      fs.existsSync(FAKE_OFFICE) &&
      fs.existsSync(path.join(DIST, 'taskpane.html'))
    )
      return 0;
    const started = Date.now();
    fs.rmSync(STAMP, { force: true });
    await compile([projectConfig(), fakeOfficeConfig()]);
    fs.writeFileSync(STAMP, wanted);
    return Date.now() - started;
  } finally {
    release();
  }
}

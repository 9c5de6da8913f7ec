/**
 * The production build (`webpack --mode production`) with a base URL: every URL in the
 * built manifest points at a file the build emits, functions.json lists every function,
 * the page loads office.js and both bundles. Plus the build's own checks (base URL,
 * URL rewriting, the functions.json guard) as units.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import webpack, { type Compiler, type Configuration, type Stats } from 'webpack';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { parse } from 'acorn';
import { JSDOM } from 'jsdom';
import { customFunctionsValidator } from '../support/functionsSchema';
import { decodePng } from '../support/icons';
import { DEV_BASE_URL, Manifest, REPO, validateWithSchema } from '../support/manifest';

interface WebpackConfigModule {
  baseUrlOf(env: { baseUrl?: string }): string;
  rewriteManifest(content: string, baseUrl: string): string;
  metadataFunctions(json: string | undefined): { functions?: unknown[]; problem?: string };
  readonly FUNCTIONS_SOURCES: readonly string[];
  readonly FunctionsMetadataCheck: new () => { apply(compiler: Compiler): void };
}
const config = createRequire(__filename)('../../webpack.config.js') as WebpackConfigModule;

const BASE_URL = 'https://bcf.example.org/finance/';
const OUT = join(REPO, 'test-output', 'production-build');
const FUNCTION_IDS = [
  'ACHIEVEMENT',
  'BCFP4P',
  'CAPITATION',
  'CAPITATIONSCHEDULE',
  'GAINSHARE',
  'GAINSHARECURVE',
  'MARGINALRATE',
  'P4P',
  'POOLSHARE',
  'TIEREDSHARE',
];

describe('the production build', () => {
  let build: { status: number | null; output: string };
  const read = (file: string) => readFileSync(join(OUT, file), 'utf8');

  beforeAll(() => {
    rmSync(OUT, { recursive: true, force: true });
    const cli = join(REPO, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
    const run = spawnSync(
      process.execPath,
      [cli, '--mode', 'production', '--output-path', OUT, '--env', `baseUrl=${BASE_URL}`],
      { cwd: REPO, encoding: 'utf8', env: { ...process.env, BCF_BASE_URL: '' } },
    );
    build = { status: run.status, output: `${run.stdout}${run.stderr}` };
  }, 600000);

  it('succeeds', () => {
    expect(build.output).toContain('compiled successfully');
    expect(build.status).toBe(0);
  });

  it('rewrites every development URL in the manifest to the base URL, and it still validates', () => {
    const xml = read('manifest.xml');
    expect(xml).not.toContain('https://localhost');
    const urls = new Manifest(xml).urls();
    expect(urls.length).toBeGreaterThan(8);
    expect(urls.filter((u) => !u.startsWith(BASE_URL))).toEqual([]);
    const { status, output } = validateWithSchema(join(OUT, 'manifest.xml'));
    expect(output).toContain('validates');
    expect(status).toBe(0);
  });

  it('emits every file the manifest points at', () => {
    const files = new Manifest(read('manifest.xml')).urls().map((u) => u.slice(BASE_URL.length));
    expect(files).toEqual(
      expect.arrayContaining(['taskpane.html', 'functions.js', 'functions.json']),
    );
    expect(files.filter((file) => !existsSync(join(OUT, file)))).toEqual([]);
  });

  it('emits the icons at the sizes their names give', () => {
    for (const size of [16, 32, 64, 80]) {
      expect(decodePng(readFileSync(join(OUT, 'assets', `icon-${size}.png`))).width).toBe(size);
    }
  });

  it('emits functions.json as generated from the JSDoc, with every function', async () => {
    const built = JSON.parse(read('functions.json')) as { functions: { id: string }[] };
    expect(built.functions.map((f) => f.id).sort()).toEqual(FUNCTION_IDS);
    const generated = await generateCustomFunctionsMetadata(
      config.FUNCTIONS_SOURCES.map((source) => join(REPO, source)),
    );
    expect(built).toEqual(JSON.parse(generated.metadataJson));
  });

  it("emits a functions.json valid against Microsoft's custom functions schema", () => {
    expect(customFunctionsValidator()(JSON.parse(read('functions.json')))).toEqual([]);
  });

  it('keeps the ES5 browser check in taskpane.html through minification', () => {
    const doc = new JSDOM(read('taskpane.html')).window.document;
    const check = doc.querySelector('script#bcf-browser-check')?.textContent ?? '';
    expect(check).toContain('bcf-unsupported');
    expect(() => parse(check, { ecmaVersion: 5 })).not.toThrow();
  });

  it('does not warn about the base URL when one is given', () => {
    expect(build.output).not.toContain('NO BASE URL');
  });

  it('associates every function with its code in functions.js', () => {
    const script = read('functions.js');
    for (const id of FUNCTION_IDS) expect(script).toContain(`CustomFunctions.associate("${id}",`);
  });

  it('loads office.js from the CDN, then the functions and task pane bundles, in taskpane.html', () => {
    const html = read('taskpane.html');
    const office = html.indexOf('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    const functions = html.indexOf('src=functions.js');
    const taskpane = html.indexOf('src=taskpane.js');
    expect(office).toBeGreaterThan(0);
    expect(functions).toBeGreaterThan(office);
    expect(taskpane).toBeGreaterThan(functions);
    expect(existsSync(join(OUT, 'taskpane.js'))).toBe(true);
  });

  it('lists every function on the support page', () => {
    const html = read('support.html');
    for (const id of FUNCTION_IDS) expect(html).toContain(`=BCF.${id}(`);
  });
});

describe('the base URL', () => {
  const saved = process.env.BCF_BASE_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.BCF_BASE_URL;
    else process.env.BCF_BASE_URL = saved;
  });

  it('defaults to the development address', () => {
    delete process.env.BCF_BASE_URL;
    expect(config.baseUrlOf({})).toBe(DEV_BASE_URL);
  });

  it('comes from BCF_BASE_URL, or from --env baseUrl, which wins; a trailing / is added', () => {
    process.env.BCF_BASE_URL = 'https://env.example.org/bcf';
    expect(config.baseUrlOf({})).toBe('https://env.example.org/bcf/');
    expect(config.baseUrlOf({ baseUrl: 'https://cli.example.org/' })).toBe(
      'https://cli.example.org/',
    );
  });

  it.each([
    ['http://example.org/', 'must start with https://'],
    ['example.org', 'is not a URL'],
    ['https://example.org/?v=1', 'must not have a query or fragment'],
  ])('refuses %s', (url, message) => {
    expect(() => config.baseUrlOf({ baseUrl: url })).toThrow(message);
  });

  it('replaces every development URL, not just the first', () => {
    const xml = `<a v="${DEV_BASE_URL}x.js"/><b v="${DEV_BASE_URL}y.png"/>`;
    expect(config.rewriteManifest(xml, BASE_URL)).toBe(
      `<a v="${BASE_URL}x.js"/><b v="${BASE_URL}y.png"/>`,
    );
  });
});

describe('the functions.json guard', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bcf-guard-'));
    writeFileSync(join(dir, 'entry.js'), 'export const x = 1;\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Compiles a one-line entry with the guard, emitting `functionsJson` if given. */
  function compile(functionsJson: string | undefined): Promise<Stats> {
    const emit = {
      apply(compiler: Compiler) {
        compiler.hooks.thisCompilation.tap('EmitFunctionsJson', (compilation) => {
          compilation.hooks.processAssets.tap({ name: 'EmitFunctionsJson' }, () => {
            if (functionsJson !== undefined) {
              compilation.emitAsset(
                'functions.json',
                new compiler.webpack.sources.RawSource(functionsJson),
              );
            }
          });
        });
      },
    };
    const options: Configuration = {
      mode: 'development',
      context: dir,
      entry: './entry.js',
      output: { path: join(dir, 'dist') },
      plugins: [emit, new config.FunctionsMetadataCheck()],
    };
    return new Promise((resolve, reject) =>
      webpack(options, (error, stats) =>
        error || stats === undefined
          ? reject(error ?? new Error('webpack gave no stats'))
          : resolve(stats),
      ),
    );
  }

  it.each([
    [undefined, 'functions.json is missing or empty'],
    ['', 'functions.json is missing or empty'],
    ['{"functions": []}', 'functions.json lists no functions'],
    ['{"functions": ', 'functions.json is not JSON'],
  ])(
    'fails the build when functions.json is %p',
    async (json, message) => {
      const stats = await compile(json);
      expect(stats.hasErrors()).toBe(true);
      expect(
        stats
          .toJson({ errors: true })
          .errors?.map((e) => e.message)
          .join('\n'),
      ).toContain(message);
    },
    60000,
  );

  it('passes a functions.json that lists functions', async () => {
    const stats = await compile('{"functions": [{"id": "X", "name": "X", "parameters": []}]}');
    expect(stats.hasErrors()).toBe(false);
  }, 60000);
});

/**
 * `npm start`: webpack-dev-server over https with office-addin-dev-certs, as Microsoft's
 * templates do. The server is started on loopback (a free port, BCF_DEV_PORT) with its
 * certificates in a temporary directory (BCF_DEV_CERT_DIR, generated offline by mkcert's
 * JavaScript generator), and the pane's page, functions.json and the manifest are fetched
 * over https trusting only the generated CA. Then the certificate step's failure path:
 * when the CA cannot be installed (no administrator rights), a clear message.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { Manifest, REPO } from '../support/manifest';

jest.mock('office-addin-dev-certs', () => {
  const actual = jest.requireActual<Record<string, unknown>>('office-addin-dev-certs');
  return { ...actual, getHttpsServerOptions: jest.fn() };
});

interface WebpackConfigModule {
  readonly FUNCTIONS_SOURCES: readonly string[];
  devHttpsOptions(store?: string): Promise<{ ca: Buffer; cert: Buffer; key: Buffer }>;
  baseUrlWarning(env: { baseUrl?: string }, production: boolean): string | undefined;
}
// Through jest's require, so the mock above applies inside webpack.config.js.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require('../../webpack.config.js') as WebpackConfigModule;
const { FUNCTIONS_SOURCES } = config;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const devCerts = require('office-addin-dev-certs') as { getHttpsServerOptions: jest.Mock };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

function fetchText(url: string, ca: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { ca }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

describe('npm start: the dev server over https', () => {
  const certs = mkdtempSync(join(tmpdir(), 'bcf-dev-certs-'));
  let port = 0;
  let server: ChildProcess | undefined;
  let output = '';
  let ca: Buffer;

  beforeAll(async () => {
    port = await freePort();
    const cli = join(REPO, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
    const child = spawn(process.execPath, [cli, 'serve', '--mode', 'development'], {
      cwd: REPO,
      env: {
        ...process.env,
        BCF_DEV_PORT: String(port),
        BCF_DEV_CERT_DIR: certs,
        BCF_BASE_URL: '',
      },
    });
    server = child;
    await new Promise<void>((resolve, reject) => {
      const seen = (chunk: Buffer): void => {
        output += chunk.toString();
        if (/compiled (successfully|with)/.test(output)) resolve();
      };
      child.stdout.on('data', seen);
      child.stderr.on('data', seen);
      child.once('exit', (code) => reject(new Error(`webpack serve exited (${code}):\n${output}`)));
    });
    ca = readFileSync(join(certs, 'ca.crt'));
  }, 600000);

  afterAll(async () => {
    const child = server;
    if (child && child.exitCode === null) {
      // webpack-dev-server closes on SIGTERM; wait for it, so nothing outlives the test.
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(certs, { recursive: true, force: true });
  }, 60000);

  it('compiles without errors', () => {
    expect(output).toContain('compiled successfully');
  });

  it('made its certificate offline, for localhost and 127.0.0.1, signed by the generated CA', () => {
    const cert = new X509Certificate(readFileSync(join(certs, 'localhost.crt')));
    expect(cert.subjectAltName).toContain('DNS:localhost');
    expect(cert.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(cert.checkIssued(new X509Certificate(ca))).toBe(true);
  });

  it('serves the pane page, trusted through the generated CA', async () => {
    const page = await fetchText(`https://localhost:${port}/taskpane.html`, ca);
    expect(page.status).toBe(200);
    expect(page.body).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(page.body).toMatch(/<script defer(="defer")? src="functions\.js">/);
    expect(page.body).toMatch(/<script defer(="defer")? src="taskpane\.js">/);
    expect(page.body).toContain('id="bcf-browser-check"');
  });

  it('serves functions.json with every function', async () => {
    const metadata = await fetchText(`https://127.0.0.1:${port}/functions.json`, ca);
    expect(metadata.status).toBe(200);
    const generated = await generateCustomFunctionsMetadata(
      FUNCTIONS_SOURCES.map((source) => join(REPO, source)),
    );
    expect(JSON.parse(metadata.body)).toEqual(JSON.parse(generated.metadataJson));
  });

  it('serves a manifest whose URLs all point at this server', async () => {
    const manifest = await fetchText(`https://localhost:${port}/manifest.xml`, ca);
    const urls = new Manifest(manifest.body).urls();
    expect(urls.length).toBeGreaterThan(8);
    expect(urls.filter((url) => !url.startsWith(`https://localhost:${port}/`))).toEqual([]);
  });
});

describe("the certificate step when the CA can't be installed", () => {
  let dir: string;
  let store: string;
  let errors: jest.SpyInstance;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bcf-home-'));
    store = join(dir, '.office-addin-dev-certs');
    delete process.env.BCF_DEV_CERT_DIR;
    errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    devCerts.getHttpsServerOptions.mockRejectedValue(
      new Error('Unable to install the CA certificate. sudo: a password is required'),
    );
  });
  afterEach(() => {
    errors.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says what failed and how to trust the CA, and stops when there is no certificate', async () => {
    await expect(config.devHttpsOptions(store)).rejects.toThrow('sudo: a password is required');
    const message = errors.mock.calls.map((call: unknown[]) => String(call[0])).join('\n');
    expect(message).toContain(
      'The development certificate authority could not be installed into the system store:',
    );
    expect(message).toContain('npx office-addin-dev-certs install');
    expect(message).toContain(join(store, 'ca.crt'));
    expect(message).toContain('No certificate was generated, so the server cannot start.');
  });

  it('serves with the generated certificate (untrusted until installed) when one was made', async () => {
    const { generateCertificates } = jest.requireActual<{
      generateCertificates(ca: string, cert: string, key: string): Promise<void>;
    }>('office-addin-dev-certs');
    await generateCertificates(
      join(store, 'ca.crt'),
      join(store, 'localhost.crt'),
      join(store, 'localhost.key'),
    );
    const options = await config.devHttpsOptions(store);
    expect(options.cert.toString()).toBe(readFileSync(join(store, 'localhost.crt'), 'utf8'));
    expect(errors.mock.calls.map((call: unknown[]) => String(call[0])).join('\n')).toContain(
      'Serving now with the generated certificate.',
    );
  });
});

describe('a production build without a base URL', () => {
  const given = process.env.BCF_BASE_URL;
  afterEach(() => {
    if (given === undefined) delete process.env.BCF_BASE_URL;
    else process.env.BCF_BASE_URL = given;
  });

  it('warns loudly, naming BCF_BASE_URL; not with a base URL, nor in development', () => {
    delete process.env.BCF_BASE_URL;
    expect(config.baseUrlWarning({}, true)).toContain(
      'NO BASE URL: this production build points the manifest at https://localhost:3000/',
    );
    expect(config.baseUrlWarning({}, true)).toContain('BCF_BASE_URL=https://your-host/bcf/');
    expect(config.baseUrlWarning({ baseUrl: 'https://bcf.example.org/' }, true)).toBeUndefined();
    expect(config.baseUrlWarning({}, false)).toBeUndefined();
    process.env.BCF_BASE_URL = 'https://bcf.example.org/';
    expect(config.baseUrlWarning({}, true)).toBeUndefined();
  });
});

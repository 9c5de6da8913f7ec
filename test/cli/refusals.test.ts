/**
 * How the commands refuse a file: a damaged workbook is one line on stderr naming it and
 * what is wrong, exit 2, nothing written; with `--json` the same refusal as an error
 * object on stdout (run, check, template); `consolidate` skips a damaged file, names it
 * and goes on (exit 1). A fault inside bcf is never a stack trace: one line, exit 2.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { reviewPlan } from '../../src/cli/consolidate/review';
import { bcf, ROOT, scratchDir } from './support/bcf';

/** When set, openXlsx fails with it (a stand-in for a fault inside bcf). */
let mockFault: Error | undefined;

jest.mock('../../src/adapters/xlsx/openXlsx', () => {
  const actual = jest.requireActual<typeof import('../../src/adapters/xlsx/openXlsx')>(
    '../../src/adapters/xlsx/openXlsx',
  );
  return {
    ...actual,
    openXlsx: (...args: Parameters<typeof actual.openXlsx>) =>
      mockFault === undefined ? actual.openXlsx(...args) : Promise.reject(mockFault),
  };
});

const SAMPLE = join(ROOT, 'assets/samples/bcf-example.xlsx');

/** The sample with its end cut off, as an interrupted download leaves it. */
function damagedCopy(dir: string, name = 'cut.xlsx'): string {
  const bytes = readFileSync(SAMPLE);
  const path = join(dir, name);
  writeFileSync(path, bytes.subarray(0, bytes.length - 100));
  return path;
}

const damagedMessage = (path: string): string =>
  `${path} is damaged or incompletely downloaded (End of Central Directory not found); download or copy it again, or open and save it in Excel.`;

describe('a damaged workbook through the real command', () => {
  jest.setTimeout(60_000);

  it('run and check: one line, exit 2, nothing written; --json gives the error object', async () => {
    const dir = scratchDir();
    const path = damagedCopy(dir);
    const [run, check, runJson, checkJson] = await Promise.all([
      bcf(['run', path]),
      bcf(['check', path]),
      bcf(['run', path, '--json']),
      bcf(['check', path, '--json']),
    ]);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `bcf run: XLSX.DAMAGED: ${damagedMessage(path)}\n`,
    });
    expect(check).toEqual({
      code: 2,
      stdout: '',
      stderr: `bcf check: XLSX.DAMAGED: ${damagedMessage(path)}\n`,
    });
    const error = { error: { code: 'XLSX.DAMAGED', message: damagedMessage(path), file: path } };
    expect([runJson.code, JSON.parse(runJson.stdout)]).toEqual([2, error]);
    expect([checkJson.code, JSON.parse(checkJson.stdout)]).toEqual([2, error]);
    expect(runJson.stderr).toBe(run.stderr);
    expect(existsSync(join(dir, 'cut-results.xlsx'))).toBe(false);
  });

  it('template --json: the output exists, as an error object; or what was written', async () => {
    const dir = scratchDir();
    const out = join(dir, 'plan.xlsx');
    const made = await bcf(['template', out, '--json']);
    expect(made.code).toBe(0);
    const written = JSON.parse(made.stdout) as { output: string; sheets: string[] };
    expect(written.output).toBe(out);
    expect(written.sheets[0]).toBe('BCF Template');
    const again = await bcf(['template', out, '--json']);
    expect([again.code, JSON.parse(again.stdout)]).toEqual([
      2,
      {
        error: {
          code: 'XLSX.OUTPUT_EXISTS',
          message: `${out} already exists; use --force to replace it.`,
          file: out,
        },
      },
    ]);
  });

  it('consolidate skips a damaged file, names it and goes on (exit 1)', async () => {
    const dir = scratchDir();
    copyFileSync(SAMPLE, join(dir, 'hwb-01 Bath.xlsx'));
    const path = damagedCopy(dir, 'hwb-02 cut.xlsx');
    const out = join(scratchDir(), 'summary.xlsx');
    const run = await bcf(['consolidate', dir, '--out', out, '--quiet', '--json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`bcf consolidate: skipped ${path}: ${damagedMessage(path)}\n`);
    const json = JSON.parse(run.stdout) as {
      files: { file: string; status: string; code?: string; reason?: string }[];
    };
    expect(json.files.map((f) => [f.status, f.code ?? null])).toEqual([
      ['consolidated', null],
      ['skipped', 'XLSX.DAMAGED'],
    ]);
    expect(json.files[1]?.reason).toBe(damagedMessage(path));
    expect(existsSync(out)).toBe(true);
  });
});

describe('a fault inside bcf never shows a stack trace', () => {
  const stderr: string[] = [];
  const stdout: string[] = [];

  beforeEach(() => {
    stderr.length = 0;
    stdout.length = 0;
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      stderr.push(String(chunk));
      return true;
    });
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      stdout.push(String(chunk));
      return true;
    });
    mockFault = new RangeError('Offset is outside the bounds of the DataView');
  });

  afterEach(() => {
    mockFault = undefined;
    delete process.env.BCF_DEBUG;
    jest.restoreAllMocks();
  });

  const line = (command: string): string =>
    `bcf ${command}: BCF.INTERNAL: bcf failed on plan.xlsx (RangeError: Offset is outside the bounds of the DataView); nothing was written. Please report this, with the file if you can.\n`;

  it('run: one line naming the file, exit 2', async () => {
    const dir = scratchDir();
    const code = await main(['run', 'plan.xlsx', '--out', join(dir, 'out.xlsx')]);
    expect(code).toBe(2);
    expect(stderr).toEqual([line('run')]);
    expect(stdout).toEqual([]);
  });

  it('check --json: the line, and an error object on stdout', async () => {
    const code = await main(['check', 'plan.xlsx', '--json']);
    expect(code).toBe(2);
    expect(stderr).toEqual([line('check')]);
    expect(JSON.parse(stdout.join(''))).toEqual({
      error: {
        code: 'BCF.INTERNAL',
        message: 'RangeError: Offset is outside the bounds of the DataView',
        file: 'plan.xlsx',
      },
    });
  });

  it('BCF_DEBUG=1 adds the stack for whoever debugs it', async () => {
    process.env.BCF_DEBUG = '1';
    await main(['check', 'plan.xlsx']);
    expect(stderr[0]).toBe(line('check'));
    expect(stderr[1]).toMatch(/^RangeError: Offset is outside the bounds of the DataView\n\s+at /);
  });

  it('consolidate skips the file it failed on and goes on', async () => {
    const review = await reviewPlan('hwb-09.xlsx', { now: new Date() });
    expect(review).toMatchObject({
      status: 'skipped',
      code: 'BCF.INTERNAL',
      reason:
        'bcf failed on hwb-09.xlsx (RangeError: Offset is outside the bounds of the DataView); please report this, with the file if you can.',
    });
  });
});

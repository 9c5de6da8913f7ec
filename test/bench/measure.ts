/**
 * Timing whole commands for the file benchmark: wall-clock seconds, CPU seconds and
 * peak memory of a `bcf` run in a child process, and of a LibreOffice conversion (CPU of
 * soffice and its children from bash's `times`). On a machine shared with other work,
 * CPU time is the steadier figure; both are printed.
 */
import { spawn } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { performance } from 'perf_hooks';

/** What one command cost. */
export interface Measured {
  readonly code: number | null;
  readonly wallS: number;
  readonly cpuS: number;
  /** Peak resident memory in MB (bcf only: LibreOffice's is not measured). */
  readonly peakMb?: number;
  readonly stdout: string;
  readonly stderr: string;
}

const WRAPPER = resolve(__dirname, 'bcfMeasured.cjs');

function collect(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number | null; wallS: number; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(command, [...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', fail);
    child.on('close', (code) =>
      done({ code, wallS: (performance.now() - start) / 1000, stdout, stderr }),
    );
  });
}

/** Runs `bcf <args>` in a child process and measures it. */
export async function measureBcf(args: readonly string[]): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'bcf-bench-'));
  const usageFile = join(dir, 'usage.json');
  try {
    const run = await collect(process.execPath, [WRAPPER, ...args], {
      ...process.env,
      BCF_BENCH_USAGE: usageFile,
    });
    const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as {
      userMs: number;
      systemMs: number;
      maxRssKb: number;
    };
    return {
      ...run,
      cpuS: (usage.userMs + usage.systemMs) / 1000,
      peakMb: usage.maxRssKb / 1024,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs a command under bash and measures it, CPU including every child it waited for. */
export async function measureCommand(command: string, args: readonly string[]): Promise<Measured> {
  const script = '"$@" >/dev/null 2>&1; status=$?; times; exit $status';
  const run = await collect('bash', ['-c', script, 'measure', command, ...args]);
  const children = run.stdout.trim().split('\n')[1] ?? '';
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map(
    (m) => Number(m[1]) * 60 + Number(m[2]),
  );
  return { ...run, cpuS: seconds.reduce((a, b) => a + b, 0) };
}

/**
 * Runs the real `bcf` command (node src/cli/bcf.cjs: the built bundle when it is current,
 * else the TypeScript through tsx, see src/cli/entry.cjs) as a child
 * process, as a user or a script would, and collects its exit code and output.
 */
import { spawn } from 'child_process';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

/** The repository root. */
export const ROOT = resolve(__dirname, '../../..');
/** The command's entry point. */
export const BCF = join(ROOT, 'src/cli/bcf.cjs');

export interface BcfRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a Node script as a child process and waits for it to end.
 *
 * @param script - the script's path.
 * @param args - its command line.
 * @param options - working folder (default the repository), text for standard input,
 *   environment variables to add.
 */
export function runScript(
  script: string,
  args: readonly string[],
  options: {
    readonly cwd?: string;
    readonly input?: string;
    readonly env?: Readonly<Record<string, string>>;
  } = {},
): Promise<BcfRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, FORCE_COLOR: '0', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/**
 * Runs `bcf <args>` and waits for it to end.
 *
 * @param args - the command line after `bcf`.
 * @param options - working folder (default the repository), text for standard input.
 */
export function bcf(
  args: readonly string[],
  options: { readonly cwd?: string; readonly input?: string } = {},
): Promise<BcfRun> {
  return runScript(BCF, args, options);
}

/** A new empty folder under the system's temporary folder. */
export function scratchDir(prefix = 'bcf-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

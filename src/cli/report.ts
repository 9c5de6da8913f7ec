/**
 * How the commands talk: results on standard output, messages on standard error as
 * `bcf <command>: <message>`, one line each (a message is never split over lines, so
 * scripts can read it).
 */

/** Writes `bcf <command>: <message>` on standard error, on one line. */
export function complain(command: string, message: string): void {
  process.stderr.write(`bcf ${command}: ${oneLine(message)}\n`);
}

/** Writes text on standard output. */
export function printLine(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** A message on one line: line breaks become spaces. */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** The `code` and message of a typed error, for one line of stderr: "XLSX.NOT_A_WORKBOOK: x.txt is ...". */
export function errorText(error: { readonly code?: unknown; readonly message: string }): string {
  return typeof error.code === 'string' ? `${error.code}: ${error.message}` : error.message;
}

/** A refusal as `--json` prints it on standard output: `{ "error": { code, message, file } }`. */
export function errorJson(
  error: { readonly code?: unknown; readonly message: string; readonly file?: unknown },
  file?: string,
): string {
  const named = typeof error.file === 'string' ? error.file : file;
  return JSON.stringify(
    {
      error: {
        code: typeof error.code === 'string' ? error.code : 'CLI.ERROR',
        message: oneLine(error.message),
        file: named ?? null,
      },
    },
    null,
    2,
  );
}

/** Whether a command line asks for `--json` (before any `--`). */
export function wantsJson(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).includes('--json');
}

import { XlsxError } from '../adapters/xlsx';
import { WorkbookError } from '../workbook/errors';
import { UsageError } from './args';
import { calcCommand } from './calcCommand';
import { checkCommand } from './checkCommand';
import { compareCommand } from './compareCommand';
import { consolidateCommand } from './consolidate/command';
import { demoCommand } from './demoCommand';
import { ExitCode } from './exitCodes';
import { paramsCommand } from './paramsCommand';
import { ParamsFileError } from './paramsFile';
import { complain, errorJson, errorText, oneLine, printLine, wantsJson } from './report';
import { runCommand } from './runCommand';
import { templateCommand } from './templateCommand';
import { USAGE } from './usage';

type Command = (args: readonly string[]) => ExitCode | Promise<ExitCode>;

const COMMANDS: Readonly<Record<string, Command>> = {
  calc: calcCommand,
  run: runCommand,
  check: checkCommand,
  template: templateCommand,
  consolidate: consolidateCommand,
  compare: compareCommand,
  demo: demoCommand,
  params: paramsCommand,
};

/** The file a command line names first (its input, or the template to write), if any. */
function firstFile(args: readonly string[]): string | undefined {
  return args.find((arg) => !arg.startsWith('--'));
}

/**
 * The `bcf` command: runs one sub-command and returns its exit code (see exitCodes.ts:
 * 0 done, 1 a check failed or a file was skipped, 2 invalid input, a bad file or usage).
 * Typed errors (a bad file, an output that exists, a user's sheet in the way) become one
 * line on stderr naming the file, sheet or cell, and with `--json` an error object on
 * stdout too. Anything else is a fault in bcf: one line naming it and the file, exit 2,
 * never a stack trace (BCF_DEBUG=1 prints the stack on stderr as well).
 */
export async function main(args: readonly string[]): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? process.stderr : process.stdout).write(USAGE);
    return name === undefined ? ExitCode.INVALID : ExitCode.OK;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    process.stderr.write(`bcf: unknown command "${name}".\n${USAGE}`);
    return ExitCode.INVALID;
  }
  // Only commands that take --json answer errors in JSON (calc prints JSON anyway, and to
  // it --json is an unknown option, which is the error).
  const json = name !== 'calc' && wantsJson(rest);
  try {
    return await command(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      complain(name, `${error.message} See bcf --help.`);
      if (json) printLine(errorJson(error));
      return ExitCode.INVALID;
    }
    if (
      error instanceof ParamsFileError ||
      error instanceof XlsxError ||
      error instanceof WorkbookError
    ) {
      complain(name, errorText(error));
      if (json) printLine(errorJson(error, firstFile(rest)));
      return ExitCode.INVALID;
    }
    return unexpected(name, error, firstFile(rest), json);
  }
}

/** A fault in bcf itself: one line (and the stack with BCF_DEBUG=1), exit 2. */
function unexpected(name: string, error: unknown, file: string | undefined, json: boolean): number {
  const detail = oneLine(
    error instanceof Error ? `${error.name}: ${error.message}` : String(error),
  );
  const where = file === undefined ? '' : ` on ${file}`;
  complain(
    name,
    `BCF.INTERNAL: bcf failed${where} (${detail}); nothing was written. Please report this, with the file if you can.`,
  );
  if (process.env.BCF_DEBUG === '1' && error instanceof Error && error.stack !== undefined) {
    process.stderr.write(`${error.stack}\n`);
  }
  if (json) printLine(errorJson({ code: 'BCF.INTERNAL', message: detail }, file));
  return ExitCode.INVALID;
}

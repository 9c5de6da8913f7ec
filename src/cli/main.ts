import { XlsxError } from '../adapters/xlsx';
import { WorkbookError } from '../workbook/errors';
import { UsageError } from './args';
import { calcCommand } from './calcCommand';
import { checkCommand } from './checkCommand';
import { compareCommand } from './compareCommand';
import { consolidateCommand } from './consolidate/command';
import { demoCommand } from './demoCommand';
import { ExitCode } from './exitCodes';
import { ParamsFileError } from './paramsFile';
import { complain, errorText } from './report';
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
};

/**
 * The `bcf` command: runs one sub-command and returns its exit code (see exitCodes.ts:
 * 0 done, 1 a check failed or a file was skipped, 2 invalid input, a bad file or usage).
 * Typed errors (a bad file, an output that exists, a user's sheet in the way) become one
 * line on stderr naming the file, sheet or cell; anything else is a fault and is thrown.
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
  try {
    return await command(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      complain(name, `${error.message} See bcf --help.`);
      return ExitCode.INVALID;
    }
    if (
      error instanceof ParamsFileError ||
      error instanceof XlsxError ||
      error instanceof WorkbookError
    ) {
      complain(name, errorText(error));
      return ExitCode.INVALID;
    }
    throw error;
  }
}

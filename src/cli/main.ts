import { UsageError } from './args';
import { calcCommand } from './calcCommand';
import { ExitCode } from './exitCodes';
import { complain } from './report';
import { USAGE } from './usage';

type Command = (args: readonly string[]) => ExitCode | Promise<ExitCode>;

const COMMANDS: Readonly<Record<string, Command>> = {
  calc: calcCommand,
};

/**
 * The `bcf` command: runs one sub-command and returns its exit code (see exitCodes.ts:
 * 0 done, 1 a check failed or a file was skipped, 2 invalid input or usage).
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
    throw error;
  }
}

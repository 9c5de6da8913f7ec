import { readFileSync } from 'fs';
import { calc, EngineError, UnknownMechanismError } from './calc';

const USAGE = `Usage:
  bcf calc <mechanism> <scenario.json|->   run one calculation, print the result as JSON
`;

/** Exit codes: 0 done, 1 a check failed, 2 invalid input or usage. */
export async function main(args: readonly string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'calc':
      return Promise.resolve(calcCommand(rest));
    case undefined:
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`bcf: unknown command "${command}".\n${USAGE}`);
      return 2;
  }
}

function calcCommand(args: readonly string[]): number {
  const [mechanism, file] = args;
  if (!mechanism || !file) {
    process.stderr.write(`bcf calc: needs a mechanism and a scenario file.\n${USAGE}`);
    return 2;
  }
  let scenario: unknown;
  try {
    scenario = JSON.parse(readFileSync(file === '-' ? 0 : file, 'utf8'));
  } catch (error) {
    process.stderr.write(`bcf calc: cannot read ${file}: ${(error as Error).message}\n`);
    return 2;
  }
  try {
    process.stdout.write(`${JSON.stringify(calc(mechanism, scenario), null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof EngineError || error instanceof UnknownMechanismError) {
      process.stderr.write(`bcf calc: ${error.code}: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

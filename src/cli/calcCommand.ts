import { readFileSync } from 'fs';
import { parseArgs } from './args';
import { calc, EngineError, UnknownMechanismError } from './calc';
import { ExitCode } from './exitCodes';
import { complain, errorText, printLine } from './report';

/**
 * `bcf calc <mechanism> <scenario.json|->`: one calculation on a JSON scenario, the
 * result as JSON on stdout. Invalid input (bad JSON, an engine refusal naming the field,
 * an unknown mechanism) gives one line on stderr, nothing on stdout, and exit 2.
 */
export function calcCommand(args: readonly string[]): ExitCode {
  const { positional } = parseArgs(args, {});
  const [mechanism, file, ...extra] = positional;
  if (mechanism === undefined || file === undefined || extra.length > 0) {
    complain('calc', 'needs a mechanism and a scenario file.');
    return ExitCode.INVALID;
  }
  let scenario: unknown;
  try {
    scenario = JSON.parse(readFileSync(file === '-' ? 0 : file, 'utf8'));
  } catch (error) {
    const name = file === '-' ? 'standard input' : file;
    complain('calc', `cannot read ${name}: ${(error as Error).message}`);
    return ExitCode.INVALID;
  }
  try {
    printLine(JSON.stringify(calc(mechanism, scenario), null, 2));
    return ExitCode.OK;
  } catch (error) {
    if (error instanceof EngineError || error instanceof UnknownMechanismError) {
      complain('calc', errorText(error));
      return ExitCode.INVALID;
    }
    throw error;
  }
}

import { MECHANISM_LIST } from '../workbook/mechanisms/index';
import { parseArgs, UsageError } from './args';
import { ExitCode } from './exitCodes';
import { paramsHelp, paramsSchema } from './paramsHelp';
import { printLine } from './report';

/**
 * `bcf params [mechanism] [--schema]`: each mechanism's simple parameters (type, bounds,
 * unit, default, when it applies, help), as a params file takes them; `--schema` prints
 * the JSON Schema of a keyed params file instead.
 *
 * @throws UsageError for a mechanism the registry does not have, or a second name.
 */
export function paramsCommand(args: readonly string[]): ExitCode {
  const { positional, flags } = parseArgs(args, { schema: 'boolean' });
  const [asked, ...extra] = positional;
  if (extra.length > 0) throw new UsageError('takes at most one mechanism.');
  const chosen =
    asked === undefined
      ? MECHANISM_LIST
      : MECHANISM_LIST.filter((m) => m.id === asked.toLowerCase());
  if (chosen.length === 0) {
    throw new UsageError(
      `unknown mechanism "${String(asked)}"; use one of ${MECHANISM_LIST.map((m) => m.id).join(', ')}.`,
    );
  }
  printLine(
    flags.has('schema') ? JSON.stringify(paramsSchema(chosen), null, 2) : paramsHelp(chosen),
  );
  return ExitCode.OK;
}

import { newPlanningTemplate } from '../workbook/template';
import { parseArgs, UsageError } from './args';
import { ExitCode } from './exitCodes';
import { newWorkbook } from './newWorkbook';
import { refuseOutput } from './outputPath';
import { printLine } from './report';

/**
 * `bcf template <out.xlsx> [--force] [--json]`: writes the BCF planning template to a new
 * file, exactly as the task pane's "New planning template" makes it (the same sheets,
 * tables, example rows, drop-down lists, yellow input cells and Checks sheet). With
 * `--json`, what was written as JSON (`{ output, sheets }`), or the refusal's error object.
 */
export async function templateCommand(args: readonly string[]): Promise<ExitCode> {
  const { positional, flags } = parseArgs(args, { force: 'boolean', json: 'boolean' });
  const [out, ...extra] = positional;
  if (out === undefined || extra.length > 0) throw new UsageError('needs the file to write.');
  const force = flags.has('force');
  await refuseOutput(out, 'xlsx', force);
  const workbook = newWorkbook();
  const sheets = await newPlanningTemplate(workbook, { now: new Date() });
  await workbook.saveAs(out, { force });
  printLine(
    flags.has('json')
      ? JSON.stringify({ output: out, sheets }, null, 2)
      : `Wrote the planning template to ${out}: sheets ${sheets.map((s) => `"${s}"`).join(', ')}.`,
  );
  return ExitCode.OK;
}

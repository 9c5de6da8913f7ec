/**
 * Where `bcf run` spends its time on a large workbook, stage by stage, in this process:
 * opening the file (the package's structure: zip directory, workbook, relationships),
 * reading the input tables (the adapter's scanner over the sheet XML, timed alone on a
 * second open of the file), reading again, checking every cell and calculating (the
 * workbook layer and the engine), and saving the copy (the result sheet grafted into
 * the input package, the user's sheets copied as stored). CPU time of each stage.
 */
import { openXlsx } from '../../src/adapters/xlsx';
import { runMechanism } from '../../src/workbook/run';

/** CPU milliseconds of this process so far. */
function cpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** One stage's CPU seconds. */
export interface Stage {
  readonly stage: string;
  readonly cpuS: number;
}

/**
 * Runs the gain share on `file` stage by stage, saving to bytes (no file written): of one
 * contract, or of every contract (as `bcf run` with no Contract parameter) when none is named.
 */
export async function runStages(file: string, contract?: string): Promise<Stage[]> {
  const stages: Stage[] = [];
  let last = cpuMs();
  const lap = (stage: string): void => {
    const now = cpuMs();
    stages.push({ stage, cpuS: (now - last) / 1000 });
    last = now;
  };
  const reader = await openXlsx(file);
  await reader.readTables((await reader.listTables()).map((t) => t.name));
  lap('(read every table alone: the adapter)');
  const workbook = await openXlsx(file);
  lap('open (package structure)');
  const params: Record<string, string> = contract === undefined ? {} : { contract };
  const outcome = await runMechanism(workbook, 'gainshare', params, { now: new Date() });
  if (!outcome.ok) throw new Error(`the gain share found problems: ${JSON.stringify(outcome)}`);
  lap('read, check every cell, calculate, lay out');
  await workbook.save();
  lap('save the copy (graft into the input)');
  return stages;
}

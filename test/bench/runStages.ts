/**
 * Where `bcf run` spends its time on a large workbook, stage by stage, in this process:
 * opening the file (ExcelTS reads the whole package), reading and checking the input
 * tables and calculating (the workbook layer), and saving the copy (ExcelTS writes every
 * sheet again, the user's large table included). CPU time of each stage.
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

/** Runs the gain share of `contract` on `file` stage by stage, saving to bytes (no file written). */
export async function runStages(file: string, contract: string): Promise<Stage[]> {
  const stages: Stage[] = [];
  let last = cpuMs();
  const lap = (stage: string): void => {
    const now = cpuMs();
    stages.push({ stage, cpuS: (now - last) / 1000 });
    last = now;
  };
  const workbook = await openXlsx(file);
  lap('open (ExcelTS load)');
  const outcome = await runMechanism(workbook, 'gainshare', { contract }, { now: new Date() });
  if (!outcome.ok) throw new Error(`the gain share found problems: ${JSON.stringify(outcome)}`);
  lap('read, check every cell, calculate, lay out');
  await workbook.save();
  lap('save the copy (ExcelTS write)');
  return stages;
}

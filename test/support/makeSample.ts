/**
 * Makes the shipped example workbook, assets/samples/bcf-example.xlsx:
 *   npx tsx test/support/makeSample.ts
 * It is the planning template exactly as `bcf template` and the task pane make it, whose
 * tables hold DOMAIN.md's worked examples (the B&NES pool, Bedfordshire MSK capitation,
 * risk share and metrics, the BCF 2015/16 payment-for-performance quarters, activity,
 * the envelope's planned spend and a plan's income and schemes), with each mechanism's
 * scenario parameters saved in the workbook as the task pane saves them, so that
 * `bcf run` (and `npm run demo`) runs every mechanism on it. test/cli/sample.test.ts
 * checks that the committed file reads back the same as this script makes.
 */
import { resolve } from 'path';
import { newWorkbook } from '../../src/cli/newWorkbook';
import type { MechanismId } from '../../src/workbook/mechanisms/index';
import type { ScenarioParams } from '../../src/workbook/params';
import { paramsKey } from '../../src/workbook/settingsStore';
import { newPlanningTemplate } from '../../src/workbook/template';

/** Where the sample is committed. */
export const SAMPLE_PATH = resolve(__dirname, '../../assets/samples/bcf-example.xlsx');

/** The time written on the sample's template and Checks sheets (fixed, so the file is reproducible). */
export const SAMPLE_TIME = new Date('2025-04-01T09:00:00Z');

/** Each mechanism's scenario parameters in the sample (the rest keep their defaults). */
export const SAMPLE_PARAMS: Readonly<Partial<Record<MechanismId, ScenarioParams>>> = {
  pool: { rule: 'proportional' },
  // Bedfordshire MSK (King's Fund 2014): five years at about 1.3% a year (the uplift is on the Population row).
  capitation: { years: 5 },
  gainshare: {},
  p4p: {},
  'bcf-p4p': { ambition: '3.5%' },
  activity: { model: 'marginal' },
  // B&NES: a 7% reduction to net budgets over four years.
  envelope: {
    years: 4,
    changes: [{ name: 'Net budget reduction', totalOverYears: '-7%', overYears: 4 }],
  },
  // Illustrative minima for the example plan (its social care is funded by the council).
  checks: { socialCareMinimum: 0, nhsOutOfHospitalMinimum: 8_000_000 },
};

/** The sample workbook as .xlsx bytes. */
export async function sampleBytes(): Promise<Uint8Array> {
  const workbook = newWorkbook();
  await newPlanningTemplate(workbook, { now: SAMPLE_TIME });
  const entries = Object.entries(SAMPLE_PARAMS).map(([id, params]) => [
    paramsKey(id as MechanismId),
    JSON.stringify(params),
  ]);
  await workbook.settings.set(Object.fromEntries(entries) as Record<string, string>);
  return workbook.save();
}

async function main(): Promise<void> {
  const { mkdirSync, writeFileSync } = await import('fs');
  const { dirname } = await import('path');
  mkdirSync(dirname(SAMPLE_PATH), { recursive: true });
  writeFileSync(SAMPLE_PATH, await sampleBytes());
  console.log(`Wrote ${SAMPLE_PATH}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

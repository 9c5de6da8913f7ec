/**
 * A workbook whose structure is protected (Review > Protect Workbook), as a user meets it
 * (the real command in a child process): `bcf run` refuses to add its sheets, as Excel
 * would, with exit 2 and nothing written; `bcf check` reads it as usual.
 */
import { readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { withStructureLock } from '../xlsx/fixtures';
import { bcf, scratchDir } from './support/bcf';
import { balancedPlan, writePlan } from './support/plans';
import { digest, writePoolWorkbook } from './support/workbooks';

jest.setTimeout(60_000);

async function lock(path: string): Promise<void> {
  writeFileSync(path, await withStructureLock(new Uint8Array(readFileSync(path))));
}

describe('a workbook with its structure protected', () => {
  it('bcf run refuses it: one line saying so and how to unprotect, exit 2, nothing written', async () => {
    const dir = scratchDir();
    const input = join(dir, 'locked.xlsx');
    await writePoolWorkbook(input);
    await lock(input);
    const before = digest(input);
    const run = await bcf(['run', input, '--quiet']);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `bcf run: WORKBOOK.STRUCTURE_PROTECTED: The workbook's structure is protected, so the sheets "BCF Results - Pooled fund", "BCF Results - Funding envelope", "BCF_Settings" cannot be added and nothing was written. In Excel, turn off Review > Protect Workbook (it asks for the password if one was set), save, and try again.\n`,
    });
    expect(readdirSync(dir)).toEqual(['locked.xlsx']);
    expect(digest(input)).toBe(before);
  });

  it('bcf check reads it as usual', async () => {
    const dir = scratchDir();
    const plan = join(dir, 'plan.xlsx');
    await writePlan(plan, balancedPlan());
    await lock(plan);
    const run = await bcf(['check', plan]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.split('\n')[0]).toBe(`BCF plan checks for ${plan}: 9 of 9 passed.`);
  });
});

/**
 * The shipped example workbook cannot rot: the committed assets/samples/bcf-example.xlsx
 * reads back the same tables and saved parameters as test/support/makeSample.ts makes
 * now; `npm run demo` (bcf demo) runs every mechanism on it; `bcf template` writes the
 * same template.
 */
import { existsSync, readdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { openXlsx, type XlsxWorkbook } from '../../src/adapters/xlsx';
import { MECHANISM_LIST, MECHANISMS } from '../../src/workbook/mechanisms/index';
import { paramsKey } from '../../src/workbook/settingsStore';
import { planningTemplate } from '../../src/workbook/template';
import { SAMPLE_PARAMS, SAMPLE_PATH, sampleBytes } from '../support/makeSample';
import { bcf, ROOT, scratchDir } from './support/bcf';

const MECHANISM_IDS = MECHANISM_LIST.map((m) => m.id);

jest.setTimeout(120_000);

async function contents(workbook: XlsxWorkbook): Promise<unknown> {
  const tables = await workbook.listTables();
  const data = await workbook.readTables(tables.map((t) => t.name));
  const settings = await Promise.all(
    MECHANISM_IDS.map((id) => workbook.settings.get(paramsKey(id))),
  );
  return { data, settings };
}

describe('the shipped example workbook', () => {
  it('reads back the same tables and parameters as makeSample.ts makes (run it again if this fails)', async () => {
    const committed = await openXlsx(SAMPLE_PATH);
    const made = await openXlsx(await sampleBytes(), 'the made sample');
    expect(await contents(committed)).toEqual(await contents(made));
    expect(Object.keys(SAMPLE_PARAMS)).toEqual([...MECHANISM_IDS]);
  });

  it('npm run demo (bcf demo): every mechanism, the completed workbook in demo-output/, its path and headline figures printed', async () => {
    const run = await bcf(['demo', '--quiet']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const out = join(ROOT, 'demo-output', 'bcf-example-results.xlsx');
    expect(run.stdout.split('\n')[0]).toBe(
      `Wrote ${out} (results of assets/samples/bcf-example.xlsx):`,
    );
    // Worked examples: B&NES OBC 2015 pool; Bedfordshire MSK (King's Fund 2014) capitation and gain share.
    expect(run.stdout).toContain('    Pool: £69,236,000.00\n');
    expect(run.stdout).toContain('    Total: £135,990,076.86\n');
    expect(run.stdout).toContain('    Circle: £1,716,875.00\n');
    expect(run.stdout).toContain('    Bedfordshire CCG: £458,125.00\n');
    expect(run.stdout).toContain('    Checks passed: 7 of 7\n');
    const written = await openXlsx(out);
    const owners = await Promise.all(
      MECHANISM_IDS.map((id) => written.sheetOwner(MECHANISMS[id].sheet)),
    );
    expect(owners).toEqual(MECHANISM_IDS.map(() => 'addin'));
    const names = (await written.listTables()).map((t) => t.name);
    expect(names).toEqual(
      expect.arrayContaining(['BCF_Pool_Partners', 'BCF_Checks', 'Contributions']),
    );
  });
});

describe('bcf template', () => {
  it('writes the planning template as the task pane makes it; an existing file needs --force', async () => {
    const dir = scratchDir();
    const out = join(dir, 'plan.xlsx');
    const run = await bcf(['template', out]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const sheets = planningTemplate(new Date()).map((s) => s.sheet);
    expect(run.stdout).toBe(
      `Wrote the planning template to ${out}: sheets ${sheets.map((s) => `"${s}"`).join(', ')}.\n`,
    );
    const written = await openXlsx(out);
    const expected = planningTemplate(new Date()).flatMap((s) => s.tables.map((t) => t.name));
    expect((await written.listTables()).map((t) => t.name).sort()).toEqual([...expected].sort());
    writeFileSync(join(dir, 'taken.xlsx'), 'keep');
    const again = await bcf(['template', join(dir, 'taken.xlsx')]);
    expect(again).toMatchObject({ code: 2, stdout: '' });
    expect(again.stderr).toMatch(/XLSX\.OUTPUT_EXISTS: .*taken\.xlsx already exists; use --force/);
    expect(readdirSync(dir).sort()).toEqual(['plan.xlsx', 'taken.xlsx']);
    expect(existsSync(out)).toBe(true);
  });
});

/**
 * `bcf check` as a user runs it (the real command in a child process): the BCF plan
 * checks and every validation finding, as text and --json, with its exit codes
 * (0 all passed, 1 a check failed, 2 findings or a bad file) and nothing written.
 */
import { readdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { TEMPLATE_VERSION } from '../../src/workbook/template';
import { TEMPLATE_VERSION_KEY } from '../../src/workbook/template/version';
import { bcf, scratchDir } from './support/bcf';
import { balancedPlan, planBytes, writePlan } from './support/plans';
import { TEXT_FILE } from './support/workbooks';

jest.setTimeout(60_000);

describe('bcf check', () => {
  it('a plan that meets every check (B&NES-shaped figures): the checks as text, exit 0, nothing written', async () => {
    const dir = scratchDir();
    const plan = join(dir, 'bnes.xlsx');
    await writePlan(plan, balancedPlan());
    const run = await bcf(['check', plan]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe(`BCF plan checks for ${plan}: 9 of 9 passed.`);
    expect(lines).toContain(
      '  passed  Minimum NHS Contribution: planned expenditure £28,348,000.00 equals income.',
    );
    expect(lines).toContain('Findings: none.');
    expect(readdirSync(dir)).toEqual(['bnes.xlsx']);
  });

  it('a failed check: named with its figures, exit 1; --json gives the figures as exact strings', async () => {
    const dir = scratchDir();
    const plan = join(dir, 'short.xlsx');
    await writePlan(plan, balancedPlan(100, { ibcfShortfall: 50_000 }));
    const [text, json] = await Promise.all([bcf(['check', plan]), bcf(['check', plan, '--json'])]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(
      '  FAILED  iBCF: planned expenditure £3,950,000.00 does not equal income £4,000,000.00 (difference £50,000.00).\n',
    );
    expect(text.stderr).toBe(`bcf check: 1 of 9 plan checks failed in ${plan}.\n`);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as {
      passed: boolean;
      checks: {
        failedCount: number;
        checks: {
          id: string;
          subject?: string;
          passed: boolean;
          expected?: string;
          actual?: string;
          difference?: string;
          rows: string[];
        }[];
      };
      findings: unknown[];
    };
    expect(parsed.passed).toBe(false);
    expect(parsed.checks.failedCount).toBe(1);
    expect(parsed.checks.checks.find((c) => !c.passed)).toEqual({
      id: 'source-balance',
      subject: 'iBCF',
      title: 'iBCF: planned expenditure equals income',
      passed: false,
      expected: '4000000.00',
      actual: '3950000.00',
      difference: '-50000.00',
      rows: ['S3'],
      message:
        'iBCF: planned expenditure £3,950,000.00 does not equal income £4,000,000.00 (difference £50,000.00).',
    });
    expect(parsed.findings).toEqual([]);
  });

  it('bad cells: each finding names the sheet, table, row, column and cell; exit 2', async () => {
    const dir = scratchDir();
    const plan = join(dir, 'bad.xlsx');
    const figures = balancedPlan();
    const schemes = figures.schemes.map((row) => [...row]);
    (schemes[1] as unknown[])[9] = 'tbc';
    await writePlan(plan, { ...figures, schemes });
    const run = await bcf(['check', plan, '--json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`bcf check: ${plan} has 1 finding; fix them and check again.\n`);
    const parsed = JSON.parse(run.stdout) as { checks: unknown; findings: unknown[] };
    expect(parsed.checks).toBeNull();
    expect(parsed.findings).toEqual([
      {
        mechanism: 'checks',
        code: 'INPUT.NOT_AN_AMOUNT',
        sheet: 'Schemes',
        table: 'Schemes',
        row: 2,
        column: 'Expenditure',
        address: 'J3',
        value: 'tbc',
        message: 'Schemes!J3 (Schemes table, row 2, column "Expenditure"): "tbc" is not an amount.',
      },
    ]);
  });

  it('minima from --params when the workbook has none saved; without them, a finding names each', async () => {
    const dir = scratchDir();
    const plan = join(dir, 'fresh.xlsx');
    writeFileSync(plan, await planBytes(balancedPlan()));
    const params = join(dir, 'params.json');
    writeFileSync(
      params,
      JSON.stringify({
        checks: { socialCareMinimum: '£9,000,000', nhsOutOfHospitalMinimum: 15_000_000 },
      }),
    );
    const [withParams, without] = await Promise.all([
      bcf(['check', plan, '--params', params]),
      bcf(['check', plan]),
    ]);
    expect(withParams.code).toBe(0);
    expect(without.code).toBe(2);
    expect(without.stdout).toContain(
      '    Scenario parameter "Minimum social care spend": it is required. [PARAMETER.INVALID]\n',
    );
    expect(without.stdout).toContain(
      'Give the parameters in a JSON file with --params <file.json>, e.g. {"checks":{"socialCareMinimum":"…","nhsOutOfHospitalMinimum":"…"}}.',
    );
    expect(withParams.stdout).not.toContain('--params');
  });

  it('a fresh template has no findings of its own beyond the minima it must be given', async () => {
    const dir = scratchDir();
    const plan = join(dir, 'template.xlsx');
    expect((await bcf(['template', plan])).code).toBe(0);
    const run = await bcf(['check', plan, '--json']);
    const report = JSON.parse(run.stdout) as { findings: { parameter?: string; code: string }[] };
    expect(report.findings).toEqual([
      expect.objectContaining({ code: 'PARAMETER.INVALID', parameter: 'socialCareMinimum' }),
      expect.objectContaining({ code: 'PARAMETER.INVALID', parameter: 'nhsOutOfHospitalMinimum' }),
    ]);
  });

  it('a template made by a later add-in is refused, not checked under older rules: exit 2', async () => {
    const dir = scratchDir();
    const plan = join(dir, 'future.xlsx');
    await writePlan(plan, balancedPlan(), { [TEMPLATE_VERSION_KEY]: '99' });
    const run = await bcf(['check', plan]);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `bcf check: TEMPLATE.TOO_NEW: This workbook's planning template is format version 99, newer than this add-in understands (${TEMPLATE_VERSION}); update the add-in.\n`,
    });
  });

  it('a file that is not a workbook: one line naming it, exit 2', async () => {
    const dir = scratchDir();
    const text = join(dir, 'plan.xlsx');
    writeFileSync(text, TEXT_FILE);
    const run = await bcf(['check', text]);
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr: `bcf check: XLSX.NOT_A_WORKBOOK: ${text} is not an Excel workbook (.xlsx).\n`,
    });
  });
});

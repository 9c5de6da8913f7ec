/**
 * `bcf consolidate` as a user runs it (the real command in a child process): a folder
 * of Health and Wellbeing Board plans, some of them not fit to consolidate; each bad
 * file is reported and skipped, the rest are consolidated, and the summary workbook
 * names every problem by file, sheet and cell.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { openXlsx } from '../../src/adapters/xlsx';
import { bcf, scratchDir } from './support/bcf';
import { balancedPlan, writePlan } from './support/plans';
import { encryptedWorkbook, TEXT_FILE, writePoolWorkbook } from './support/workbooks';

jest.setTimeout(120_000);

/** A folder of six plans: two sound (one failing a check), four that must be skipped. */
async function plansFolder(): Promise<string> {
  const dir = join(scratchDir(), 'plans');
  mkdirSync(dir);
  await writePlan(join(dir, 'hwb-01 Bath.xlsx'), balancedPlan(100));
  await writePlan(join(dir, 'hwb-02 Bristol.xlsx'), balancedPlan(150, { ibcfShortfall: 50_000 }));
  const bad = balancedPlan(120);
  await writePlan(join(dir, 'hwb-03 bad cells.xlsx'), {
    ...bad,
    schemes: bad.schemes.map((row, i) => (i === 0 ? [...row.slice(0, 9), 'tbc', null] : row)),
  });
  writeFileSync(join(dir, 'hwb-04 notes.xlsx'), TEXT_FILE);
  writeFileSync(join(dir, 'hwb-05 locked.xlsx'), await encryptedWorkbook());
  await writePoolWorkbook(join(dir, 'hwb-06 pool only.xlsx'));
  writeFileSync(join(dir, 'readme.txt'), 'not a workbook name: not read');
  return dir;
}

describe('bcf consolidate', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await plansFolder();
  });

  it('skips and reports each bad file, consolidates the rest, exits 1; progress as plain lines off a terminal', async () => {
    const out = join(scratchDir(), 'summary.xlsx');
    const run = await bcf(['consolidate', folder, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      `Wrote ${out}: 6 workbooks, 2 consolidated, 4 skipped; income £186,840,000.00, planned expenditure £186,790,000.00; 8 rows on the Findings sheet.\n`,
    );
    const f = (name: string): string => join(folder, name);
    expect(run.stderr.split('\n')).toEqual([
      `consolidate: 1/6 ${f('hwb-01 Bath.xlsx')}`,
      `consolidate: 2/6 ${f('hwb-02 Bristol.xlsx')}`,
      `consolidate: 3/6 ${f('hwb-03 bad cells.xlsx')}`,
      `bcf consolidate: skipped ${f('hwb-03 bad cells.xlsx')}: 1 finding in the input; fix it and consolidate again.`,
      `consolidate: 4/6 ${f('hwb-04 notes.xlsx')}`,
      `bcf consolidate: skipped ${f('hwb-04 notes.xlsx')}: ${f('hwb-04 notes.xlsx')} is not an Excel workbook (.xlsx).`,
      `consolidate: 5/6 ${f('hwb-05 locked.xlsx')}`,
      expect.stringMatching(
        /^bcf consolidate: skipped .*hwb-05 locked\.xlsx: .* is protected with a password to open; /,
      ),
      `consolidate: 6/6 ${f('hwb-06 pool only.xlsx')}`,
      `bcf consolidate: skipped ${f('hwb-06 pool only.xlsx')}: 4 findings in the input; fix them and consolidate again.`,
      '',
    ]);

    const summary = await openXlsx(out);
    const [rows, findings] = await summary.readTables([
      'BCF_Consolidation',
      'BCF_Consolidation_Findings',
    ]);
    expect(rows?.rows.map((r) => r.slice(0, 8))).toEqual([
      ['hwb-01 Bath', 74_736_000, 74_736_000, 0, 'All checks passed', 9, 0, 0],
      ['hwb-02 Bristol', 112_104_000, 112_054_000, -50_000, 'Checks failed', 8, 1, 0],
      ['hwb-03 bad cells', '', '', '', 'Skipped', '', '', 1],
      ['hwb-04 notes', '', '', '', 'Skipped', '', '', 1],
      ['hwb-05 locked', '', '', '', 'Skipped', '', '', 1],
      ['hwb-06 pool only', '', '', '', 'Skipped', '', '', 4],
    ]);
    expect(rows?.rows[1]?.slice(8, 14)).toEqual([
      'Failed',
      'Passed',
      'Passed',
      'Passed',
      'Passed',
      'Passed',
    ]);
    expect(findings?.headers).toEqual([
      'File',
      'Sheet',
      'Cell',
      'Table',
      'Row',
      'Column',
      'Code',
      'Message',
    ]);
    expect(findings?.rows).toContainEqual([
      f('hwb-03 bad cells.xlsx'),
      'Schemes',
      'J2',
      'Schemes',
      1,
      'Expenditure',
      'INPUT.NOT_AN_AMOUNT',
      'Schemes!J2 (Schemes table, row 1, column "Expenditure"): "tbc" is not an amount.',
    ]);
    expect(findings?.rows).toContainEqual([
      f('hwb-02 Bristol.xlsx'),
      '',
      '',
      '',
      '',
      '',
      'CHECK.source-balance',
      'iBCF: planned expenditure £5,950,000.00 does not equal income £6,000,000.00 (difference £50,000.00).',
    ]);
    expect(findings?.rows.map((r) => r[6])).toEqual(
      expect.arrayContaining(['XLSX.NOT_A_WORKBOOK', 'XLSX.PASSWORD_PROTECTED', 'TABLE.MISSING']),
    );
  });

  it('--quiet --json: no progress (skipped files still named), the totals as exact strings', async () => {
    const out = join(scratchDir(), 'summary.xlsx');
    const run = await bcf(['consolidate', folder, '--out', out, '--quiet', '--json']);
    expect(run.code).toBe(1);
    expect(run.stderr).not.toMatch(/^consolidate: /m);
    expect(run.stderr.match(/^bcf consolidate: skipped /gm)).toHaveLength(4);
    const json = JSON.parse(run.stdout) as {
      totals: Record<string, string | number>;
      files: { board: string; status: string; income?: string }[];
    };
    expect(json.totals).toEqual({
      files: 6,
      consolidated: 2,
      skipped: 4,
      income: '186840000.00',
      expenditure: '186790000.00',
      checksPassed: 17,
      checksFailed: 1,
      findings: 8,
    });
    expect(json.files.map((f) => [f.board, f.status, f.income ?? null])).toEqual([
      ['hwb-01 Bath', 'consolidated', '74736000.00'],
      ['hwb-02 Bristol', 'consolidated', '112104000.00'],
      ['hwb-03 bad cells', 'skipped', null],
      ['hwb-04 notes', 'skipped', null],
      ['hwb-05 locked', 'skipped', null],
      ['hwb-06 pool only', 'skipped', null],
    ]);
  });

  it('every file sound: exit 0; files may be named one by one', async () => {
    const out = join(scratchDir(), 'summary.xlsx');
    const run = await bcf([
      'consolidate',
      join(folder, 'hwb-01 Bath.xlsx'),
      join(folder, 'hwb-02 Bristol.xlsx'),
      '--out',
      out,
      '--quiet',
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/: 2 workbooks, 2 consolidated, 0 skipped; /);
  });

  it('nothing is read or written without --out, over an existing file, or from a missing folder: exit 2', async () => {
    const dir = scratchDir();
    const taken = join(dir, 'summary.xlsx');
    writeFileSync(taken, 'keep me');
    const [noOut, exists, missing] = await Promise.all([
      bcf(['consolidate', folder]),
      bcf(['consolidate', folder, '--out', taken]),
      bcf(['consolidate', join(dir, 'no-such-folder'), '--out', join(dir, 'new.xlsx')]),
    ]);
    expect(noOut).toEqual({
      code: 2,
      stdout: '',
      stderr: 'bcf consolidate: needs --out <summary.xlsx>. See bcf --help.\n',
    });
    expect(exists).toEqual({
      code: 2,
      stdout: '',
      stderr: `bcf consolidate: XLSX.OUTPUT_EXISTS: ${taken} already exists; use --force to replace it.\n`,
    });
    expect(readFileSync(taken, 'utf8')).toBe('keep me');
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toMatch(/no-such-folder does not exist\. See bcf --help\.\n$/);
    expect(existsSync(join(dir, 'new.xlsx'))).toBe(false);
  });
});

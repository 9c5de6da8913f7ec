/**
 * `bcf run` as a user runs it (the real command in a child process): exit codes,
 * stdout and stderr, which files are written and which are not.
 */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { openXlsx } from '../../src/adapters/xlsx';
import { bcf, scratchDir } from './support/bcf';
import {
  digest,
  encryptedWorkbook,
  TEXT_FILE,
  writePoolWorkbook,
  writeTablesWorkbook,
} from './support/workbooks';

jest.setTimeout(60_000);

const POOL_SHEET = 'BCF Results - Pooled fund';

describe('bcf run', () => {
  it('runs every mechanism the tables allow (B&NES OBC 2015 pool: pooled fund and envelope) into <input>-results.xlsx beside the input, which is left alone', async () => {
    const dir = scratchDir();
    const input = join(dir, 'bnes.xlsx');
    await writePoolWorkbook(input);
    const before = digest(input);
    const run = await bcf(['run', input]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const out = join(dir, 'bnes-results.xlsx');
    expect(run.stdout).toBe(
      [
        `Wrote ${out} (results of ${input}):`,
        `  Pooled fund: sheet "${POOL_SHEET}"`,
        '    Pool: £69,236,000.00',
        '    B&NES CCG share: 40.94%',
        '    B&NES Council share: 59.06%',
        '  Funding envelope: sheet "BCF Results - Funding envelope"',
        '    Baseline: £69,236,000.00',
        '    Year 1 envelope: £69,236,000.00',
        '',
      ].join('\n'),
    );
    expect(digest(input)).toBe(before);
    const written = await openXlsx(out);
    expect(await written.sheetOwner(POOL_SHEET)).toBe('addin');
    expect(await written.sheetOwner('Contributions')).toBe('user');
    const tables = await written.listTables();
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['Contributions', 'BCF_Pool_Partners']),
    );
  });

  it('funding envelope against planned spend (the example workbook, 7% over four years): headroom (+) / shortfall (−), as the pane says it, in stdout and on the sheet', async () => {
    const dir = scratchDir();
    const out = join(dir, 'envelope.xlsx');
    const run = await bcf([
      'run',
      'assets/samples/bcf-example.xlsx',
      '--mechanism',
      'envelope',
      '--out',
      out,
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    // Envelope − plan over the four years: negative, so a shortfall, with its sign.
    expect(run.stdout.split('\n').slice(-3)).toEqual([
      '    Year 4 envelope: £64,389,480.00',
      '    Cumulative headroom (+) / shortfall (−): −£82,200.78',
      '',
    ]);
    const [years] = await (await openXlsx(out)).readTables(['BCF_Envelope_Years']);
    expect(years?.headers).toEqual([
      'Plan year',
      'Envelope',
      'Planned spend',
      'Headroom (+) / shortfall (−)',
      'Change from baseline',
    ]);
  });

  it('never overwrites: an existing output needs --force; the input is refused even with --force', async () => {
    const dir = scratchDir();
    const input = join(dir, 'plan.xlsx');
    const out = join(dir, 'taken.xlsx');
    await writePoolWorkbook(input);
    writeFileSync(out, 'keep me');
    const refused = await bcf(['run', input, '--out', out]);
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toBe(
      `bcf run: XLSX.OUTPUT_EXISTS: ${out} already exists; use --force to replace it.\n`,
    );
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    const before = digest(input);
    const same = await bcf(['run', input, '--out', input, '--force']);
    expect(same).toMatchObject({ code: 2, stdout: '' });
    expect(same.stderr).toMatch(/^bcf run: XLSX\.SAME_AS_INPUT: /);
    expect(digest(input)).toBe(before);
    const forced = await bcf(['run', input, '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(await (await openXlsx(out)).sheetOwner(POOL_SHEET)).toBe('addin');
  });

  it('bad cells: every finding on stderr, once, naming sheet, table, row, column and cell; exit 2; nothing written', async () => {
    const dir = scratchDir();
    const input = join(dir, 'bad.xlsx');
    await writePoolWorkbook(input, [
      ['B&NES CCG', 'Community services', 'tbc'],
      ['B&NES Council', null, 40_888_000],
    ]);
    const run = await bcf(['run', input]);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toBe(
      [
        `bcf run: ${input} has 2 findings; nothing was written.`,
        'Pooled fund:',
        '  Contributions!C2 (Contributions table, row 1, column "Amount"): "tbc" is not an amount. [INPUT.NOT_AN_AMOUNT]',
        '  Contributions!B3 (Contributions table, row 2, column "Scheme"): the cell is blank; a value is required. [INPUT.BLANK]',
        '',
      ].join('\n'),
    );
    expect(existsSync(join(dir, 'bad-results.xlsx'))).toBe(false);
  });

  it('a file that is not a workbook, or is password-protected: one line naming it, exit 2, nothing written', async () => {
    const dir = scratchDir();
    const text = join(dir, 'notes.xlsx');
    const locked = join(dir, 'locked.xlsx');
    writeFileSync(text, TEXT_FILE);
    writeFileSync(locked, await encryptedWorkbook());
    const [notText, notLocked] = await Promise.all([bcf(['run', text]), bcf(['run', locked])]);
    expect(notText).toMatchObject({
      code: 2,
      stdout: '',
      stderr: `bcf run: XLSX.NOT_A_WORKBOOK: ${text} is not an Excel workbook (.xlsx).\n`,
    });
    expect(notLocked).toMatchObject({ code: 2, stdout: '' });
    expect(notLocked.stderr).toMatch(
      new RegExp(
        `^bcf run: XLSX\\.PASSWORD_PROTECTED: ${locked.replace(/[.]/g, '\\.')} is protected with a password to open; `,
      ),
    );
    expect(existsSync(join(dir, 'notes-results.xlsx'))).toBe(false);
    expect(existsSync(join(dir, 'locked-results.xlsx'))).toBe(false);
  });

  it('missing tables: without --mechanism none applies; with --mechanism the finding names the table', async () => {
    const dir = scratchDir();
    const input = join(dir, 'other.xlsx');
    await writeTablesWorkbook(input, [
      { sheet: 'Notes', name: 'Notes', headers: ['Topic', 'Note'], rows: [['a', 'b']] },
    ]);
    const [any, pool] = await Promise.all([
      bcf(['run', input]),
      bcf(['run', input, '--mechanism', 'pool']),
    ]);
    expect(any).toMatchObject({ code: 2, stdout: '' });
    expect(any.stderr).toMatch(
      /^bcf run: .*other\.xlsx has none of the input tables a mechanism needs \(/,
    );
    expect(pool).toMatchObject({ code: 2, stdout: '' });
    expect(pool.stderr).toContain(
      '  No Contributions table: add an Excel table named "Contributions" with the headers Partner, Scheme, Amount. [TABLE.MISSING]',
    );
    expect(existsSync(join(dir, 'other-results.xlsx'))).toBe(false);
  });

  it("a user's sheet named like a result sheet: refused (exit 2, nothing written) unless --replace-user-sheets", async () => {
    const dir = scratchDir();
    const input = join(dir, 'mine.xlsx');
    await writeTablesWorkbook(input, [
      {
        sheet: 'Contributions',
        name: 'Contributions',
        headers: ['Partner', 'Scheme', 'Amount'],
        rows: [['B&NES CCG', 'Community services', 28_348_000]],
      },
      { sheet: POOL_SHEET, name: 'MyNotes', headers: ['Note'], rows: [['my own sheet']] },
    ]);
    const refused = await bcf(['run', input]);
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toBe(
      `bcf run: SHEET.USER_SHEET: The sheet "${POOL_SHEET}" was not made by the add-in; rename it, or confirm that it may be replaced. To replace it in the copy, add --replace-user-sheets.\n`,
    );
    expect(existsSync(join(dir, 'mine-results.xlsx'))).toBe(false);
    const replaced = await bcf(['run', input, '--replace-user-sheets']);
    expect(replaced.code).toBe(0);
    const written = await openXlsx(join(dir, 'mine-results.xlsx'));
    expect(await written.sheetOwner(POOL_SHEET)).toBe('addin');
  });

  it('usage errors: no workbook, an unknown mechanism or option; exit 2', async () => {
    const dir = scratchDir();
    const input = join(dir, 'plan.xlsx');
    await writePoolWorkbook(input);
    const [none, unknown, option] = await Promise.all([
      bcf(['run']),
      bcf(['run', input, '--mechanism', 'magic']),
      bcf(['run', input, '--output', 'x.xlsx']),
    ]);
    for (const run of [none, unknown, option]) expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(none.stderr).toBe('bcf run: needs one workbook. See bcf --help.\n');
    expect(unknown.stderr).toMatch(/^bcf run: unknown mechanism "magic"; use one of pool/);
    expect(option.stderr).toBe('bcf run: unknown option --output. See bcf --help.\n');
    expect(existsSync(join(dir, 'plan-results.xlsx'))).toBe(false);
  });

  it('--json prints the headline and the result as JSON (money as exact strings)', async () => {
    const dir = scratchDir();
    const input = join(dir, 'plan.xlsx');
    await writePoolWorkbook(input);
    const run = await bcf(['run', input, '--json', '--mechanism', 'pool']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as {
      output: string;
      mechanisms: { mechanism: string; result: { pool: string }; findings: unknown[] }[];
    };
    expect(json.output).toBe(join(dir, 'plan-results.xlsx'));
    expect(json.mechanisms.map((m) => [m.mechanism, m.result.pool, m.findings])).toEqual([
      ['pool', '69236000.00', []],
    ]);
  });
});

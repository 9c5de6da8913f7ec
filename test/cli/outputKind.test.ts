/**
 * Output files named for what they hold, as a user meets it (the real command in a child
 * process): `bcf run` on a macro-enabled workbook writes .xlsm (told from the content,
 * not the name), a template gives a workbook of its kind, and an `--out` whose extension
 * does not fit is refused (exit 2, nothing written) naming the extension it needs.
 */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { readParts } from '../../src/adapters/xlsx/zipParts';
import { asKind, MAIN_TYPES, VBA_PROJECT } from '../xlsx/fixtures';
import { bcf, scratchDir } from './support/bcf';
import { writePoolWorkbook } from './support/workbooks';

jest.setTimeout(120_000);

async function poolAs(path: string, kind: keyof typeof MAIN_TYPES): Promise<void> {
  await writePoolWorkbook(path);
  writeFileSync(path, await asKind(new Uint8Array(readFileSync(path)), kind));
}

async function workbookType(path: string): Promise<string | undefined> {
  const parts = await readParts(new Uint8Array(readFileSync(path)));
  const types = new TextDecoder().decode(parts.get('[Content_Types].xml'));
  return /<Override PartName="\/xl\/workbook\.xml" ContentType="([^"]*)"/.exec(types)?.[1];
}

describe('bcf names its outputs for their content', () => {
  it('run on a macro-enabled workbook writes <name>-results.xlsm with the VBA project, even when the input is misnamed .xlsx', async () => {
    const dir = scratchDir();
    const input = join(dir, 'm.xlsx');
    await poolAs(input, 'xlsm');
    const run = await bcf(['run', input, '--quiet']);
    const out = join(dir, 'm-results.xlsm');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.split('\n')[0]).toBe(`Wrote ${out} (results of ${input}):`);
    expect(existsSync(join(dir, 'm-results.xlsx'))).toBe(false);
    const parts = await readParts(new Uint8Array(readFileSync(out)));
    expect(parts.get('xl/vbaProject.bin')).toEqual(VBA_PROJECT);
    expect(await workbookType(out)).toBe(MAIN_TYPES.xlsm);
  });

  it('run --out with an extension that does not fit (.xlsx for macros, .csv, none) is refused: exit 2, nothing written', async () => {
    const dir = scratchDir();
    const input = join(dir, 'm.xlsm');
    await poolAs(input, 'xlsm');
    for (const [name, has] of [
      ['r.xlsx', 'ends .xlsx'],
      ['r.csv', 'ends .csv'],
      ['r', 'has no extension'],
    ]) {
      const out = join(dir, name ?? '');
      const run = await bcf(['run', input, '--out', out, '--quiet']);
      expect(run).toEqual({
        code: 2,
        stdout: '',
        stderr: `bcf run: XLSX.WRONG_EXTENSION: ${out} ${has}, but the output is a macro-enabled Excel workbook, which Excel opens only as .xlsm; name it .xlsm. Nothing was written.\n`,
      });
      expect(existsSync(out)).toBe(false);
    }
  });

  it('run on a .xltx template writes a .xlsx workbook, on a .xltm one a .xlsm workbook', async () => {
    const dir = scratchDir();
    for (const [template, kind] of [
      ['xltx', 'xlsx'],
      ['xltm', 'xlsm'],
    ] as const) {
      const input = join(dir, `t.${template}`);
      await poolAs(input, template);
      const run = await bcf(['run', input, '--quiet']);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      const out = join(dir, `t-results.${kind}`);
      expect(run.stdout.split('\n')[0]).toBe(`Wrote ${out} (results of ${input}):`);
      expect(await workbookType(out)).toBe(MAIN_TYPES[kind]);
    }
  });

  it('template and consolidate refuse an output not named .xlsx before any work', async () => {
    const dir = scratchDir();
    const csv = join(dir, 'plan.csv');
    const template = await bcf(['template', csv]);
    expect(template).toEqual({
      code: 2,
      stdout: '',
      stderr: `bcf template: XLSX.WRONG_EXTENSION: ${csv} ends .csv, but the output is an Excel workbook, which Excel opens only as .xlsx; name it .xlsx. Nothing was written.\n`,
    });
    const summary = join(dir, 'summary.xlsm');
    const consolidate = await bcf(['consolidate', dir, '--out', summary, '--quiet']);
    expect(consolidate).toEqual({
      code: 2,
      stdout: '',
      stderr: `bcf consolidate: XLSX.WRONG_EXTENSION: ${summary} ends .xlsm, but the output is an Excel workbook, which Excel opens only as .xlsx; name it .xlsx. Nothing was written.\n`,
    });
    expect(existsSync(csv) || existsSync(summary)).toBe(false);
  });
});

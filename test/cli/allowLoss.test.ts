/**
 * `bcf run` on workbooks other producers wrote: a namespace-prefixed macro-enabled
 * workbook comes through a run with every original part kept (grafted); one the graft
 * cannot take (a styles part without borders), which ExcelTS must rewrite whole, is
 * refused with each lost part (a query table) named and nothing written, unless
 * `--allow-loss`; a
 * damaged sheet is refused naming the part, line and column.
 */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { readParts, writeParts } from '../../src/adapters/xlsx/zipParts';
import { excelExtras, prefixedPackage } from '../xlsx/producerParts';
import { bcf, scratchDir } from './support/bcf';
import { writePoolWorkbook } from './support/workbooks';

jest.setTimeout(60_000);

/** Parts a graft rewrites. */
const REWRITTEN = [
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  '[Content_Types].xml',
  'docProps/app.xml',
];

async function poolWith(
  dir: string,
  name: string,
  change: (bytes: Uint8Array) => Promise<Uint8Array>,
): Promise<string> {
  const plain = join(dir, `plain-${name}`);
  await writePoolWorkbook(plain);
  const path = join(dir, name);
  writeFileSync(path, await change(new Uint8Array(readFileSync(plain))));
  return path;
}

async function withoutBorders(bytes: Uint8Array): Promise<Uint8Array> {
  const parts = await readParts(bytes);
  const styles = new TextDecoder().decode(parts.get('xl/styles.xml'));
  parts.set(
    'xl/styles.xml',
    new TextEncoder().encode(styles.replace(/<borders\b[\s\S]*?<\/borders>/, '')),
  );
  return writeParts(parts);
}

describe('bcf run on workbooks from other producers', () => {
  it('keeps every part of a prefixed macro-enabled workbook, byte for byte but for the five it edits', async () => {
    const dir = scratchDir();
    // Macro-enabled, so named .xlsm (as Excel names it), and so is the copy.
    const input = await poolWith(dir, 'sdk.xlsm', async (b) =>
      prefixedPackage(await excelExtras(b)),
    );
    const out = join(dir, 'out.xlsm');
    const run = await bcf(['run', input, '--out', out, '--mechanism', 'pool']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const before = await readParts(new Uint8Array(readFileSync(input)));
    const after = await readParts(new Uint8Array(readFileSync(out)));
    const changed = [...before]
      .filter(([name]) => !REWRITTEN.includes(name))
      .filter(([name, data]) => !Buffer.from(data).equals(Buffer.from(after.get(name) ?? [])))
      .map(([name]) => name);
    expect(changed).toEqual([]);
  });

  it('refuses a rewrite that would lose a query table, naming the part; --allow-loss writes it with a warning', async () => {
    const dir = scratchDir();
    const input = await poolWith(dir, 'plan.xlsm', async (b) =>
      withoutBorders(await excelExtras(b)),
    );
    const out = join(dir, 'plan-results.xlsm');
    const refused = await bcf(['run', input, '--mechanism', 'pool']);
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toBe(
      [
        `bcf run: XLSX.PARTS_LOST: writing the results would lose a part of ${input} (the workbook had to be rewritten whole); nothing was written. Add --allow-loss to write it without them.`,
        'bcf run: lost: xl/queryTables/queryTable1.xml (a query table)',
        '',
      ].join('\n'),
    );
    expect(existsSync(out)).toBe(false);

    const allowed = await bcf(['run', input, '--mechanism', 'pool', '--allow-loss']);
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toBe(
      `bcf run: warning: ${out} lacks this part of ${input}: xl/queryTables/queryTable1.xml (a query table)\n`,
    );
    expect(allowed.stdout).toContain(`Wrote ${out}`);
    const parts = await readParts(new Uint8Array(readFileSync(out)));
    expect(parts.has('xl/vbaProject.bin')).toBe(true); // carried through the rewrite
  });

  it('refuses a damaged sheet, naming the part, line and column', async () => {
    const dir = scratchDir();
    const input = await poolWith(dir, 'cut.xlsx', async (bytes) => {
      const parts = await readParts(bytes);
      const sheet = new TextDecoder().decode(parts.get('xl/worksheets/sheet1.xml'));
      parts.set(
        'xl/worksheets/sheet1.xml',
        new TextEncoder().encode(sheet.replace('</sheetData>', '')),
      );
      return writeParts(parts);
    });
    const run = await bcf(['run', input]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      new RegExp(
        `^bcf run: XLSX\\.DAMAGED: ${input.replace(/[.\\/]/g, '\\$&')} is damaged: xl/worksheets/sheet1\\.xml, line \\d+, column \\d+: the element <sheetData> is never closed\\.`,
      ),
    );
  });
});

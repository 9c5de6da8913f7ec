/**
 * The kind of workbook a package is, told from its content types, and the output named
 * for it: a macro-enabled workbook stays one (its VBA project copied byte for byte), a
 * template gives a workbook of its kind with the workbook part's content type changed
 * as Excel changes it, and a name whose extension does not fit is refused before
 * anything is written. Figures: the B&NES pool (community services OBC 2015, Table 3).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openXlsx, XlsxError } from '../../src/adapters/xlsx';
import { packageFacts } from '../../src/adapters/xlsx/packageFacts';
import { asWorkbookTypes, workbookKind } from '../../src/adapters/xlsx/workbookKind';
import { readParts } from '../../src/adapters/xlsx/zipParts';
import { asKind, bytesOf, MAIN_TYPES, planningWorkbook, tempDir, VBA_PROJECT } from './fixtures';
import { poolSheet } from './layouts';

jest.setTimeout(60_000);

const TYPES = (main: string, extra = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${main}"/>${extra}</Types>`;

function workbookType(types: string): string | undefined {
  return /<Override PartName="\/xl\/workbook\.xml" ContentType="([^"]*)"/.exec(types)?.[1];
}

async function savedParts(path: string): Promise<Map<string, Uint8Array>> {
  const { readFileSync } = await import('node:fs');
  return readParts(new Uint8Array(readFileSync(path)));
}

describe('the kind of a workbook package', () => {
  it('is read from the workbook part’s content type: an Override, else the Default for .xml', () => {
    expect(workbookKind(TYPES(MAIN_TYPES.xlsx), 'xl/workbook.xml')).toBe('xlsx');
    expect(workbookKind(TYPES(MAIN_TYPES.xlsm), 'xl/workbook.xml')).toBe('xlsm');
    expect(workbookKind(TYPES(MAIN_TYPES.xltx), 'xl/workbook.xml')).toBe('xltx');
    expect(workbookKind(TYPES(MAIN_TYPES.xltm), 'xl/workbook.xml')).toBe('xltm');
    const byDefault = `<Types><Default Extension="xml" ContentType="${MAIN_TYPES.xlsm}"/></Types>`;
    expect(workbookKind(byDefault, 'xl/workbook.xml')).toBe('xlsm');
    expect(workbookKind(TYPES('application/xml'), 'xl/workbook.xml')).toBeUndefined();
  });

  it('a template’s content types become a workbook’s of the same kind; others stay as they are', () => {
    expect(workbookType(asWorkbookTypes(TYPES(MAIN_TYPES.xltx), 'xl/workbook.xml'))).toBe(
      MAIN_TYPES.xlsx,
    );
    expect(workbookType(asWorkbookTypes(TYPES(MAIN_TYPES.xltm), 'xl/workbook.xml'))).toBe(
      MAIN_TYPES.xlsm,
    );
    for (const main of [MAIN_TYPES.xlsx, MAIN_TYPES.xlsm]) {
      expect(asWorkbookTypes(TYPES(main), 'xl/workbook.xml')).toBe(TYPES(main));
    }
    const byDefault = `<Types><Default Extension="xml" ContentType="${MAIN_TYPES.xltx}"/></Types>`;
    expect(asWorkbookTypes(byDefault, 'xl/workbook.xml')).toBe(
      `<Types><Default Extension="xml" ContentType="${MAIN_TYPES.xltx}"/><Override PartName="/xl/workbook.xml" ContentType="${MAIN_TYPES.xlsx}"/></Types>`,
    );
  });

  it('of bytes: from the root relationships and content types', async () => {
    const plain = await bytesOf(planningWorkbook());
    expect(await packageFacts(plain)).toEqual({ kind: 'xlsx', structureLocked: false });
    expect((await packageFacts(await asKind(plain, 'xltm'))).kind).toBe('xltm');
  });
});

describe('saving names the output for its kind', () => {
  it('a macro-enabled workbook (even one named .xlsx) saves as .xlsm, its VBA project byte for byte; .xlsx is refused, nothing written', async () => {
    const dir = tempDir();
    const workbook = await openXlsx(await asKind(await bytesOf(planningWorkbook()), 'xlsm'));
    expect(workbook.kind).toBe('xlsm');
    await workbook.writeSheets([poolSheet().layout]);
    const wrong = join(dir, 'results.xlsx');
    const refused = await workbook.saveAs(wrong).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(XlsxError);
    expect(refused).toMatchObject({
      code: 'XLSX.WRONG_EXTENSION',
      message: `${wrong} ends .xlsx, but the output is a macro-enabled Excel workbook, which Excel opens only as .xlsm; name it .xlsm. Nothing was written.`,
    });
    expect(existsSync(wrong)).toBe(false);
    const right = join(dir, 'results.xlsm');
    await workbook.saveAs(right);
    const parts = await savedParts(right);
    expect(parts.get('xl/vbaProject.bin')).toEqual(VBA_PROJECT);
    const types = new TextDecoder().decode(parts.get('[Content_Types].xml'));
    expect(workbookType(types)).toBe(MAIN_TYPES.xlsm);
  });

  it.each([
    ['xltx', 'xlsx', MAIN_TYPES.xlsx],
    ['xltm', 'xlsm', MAIN_TYPES.xlsm],
  ] as const)(
    'a .%s template gives a .%s workbook, its workbook part typed as a workbook',
    async (template, kind, main) => {
      const dir = tempDir();
      const input = await asKind(await bytesOf(planningWorkbook()), template);
      const withResults = await openXlsx(input);
      expect(withResults.kind).toBe(kind);
      await withResults.writeSheets([poolSheet().layout]);
      const out = join(dir, `results.${kind}`);
      await withResults.saveAs(out);
      const types = new TextDecoder().decode((await savedParts(out)).get('[Content_Types].xml'));
      expect(workbookType(types)).toBe(main);
      expect(await (await openXlsx(out)).sheetOwner('BCF Results - Pooled fund')).toBe('addin');
      // Saved with nothing written, it still becomes a workbook: never a template renamed.
      const untouched = join(dir, `untouched.${kind}`);
      await (await openXlsx(input)).saveAs(untouched);
      const asSaved = await savedParts(untouched);
      expect(workbookType(new TextDecoder().decode(asSaved.get('[Content_Types].xml')))).toBe(main);
      const inputParts = await readParts(input);
      inputParts.delete('[Content_Types].xml');
      asSaved.delete('[Content_Types].xml');
      expect(asSaved).toEqual(inputParts);
      await expect(
        (await openXlsx(input)).saveAs(join(dir, `t.${template}`)),
      ).rejects.toMatchObject({ code: 'XLSX.WRONG_EXTENSION' });
    },
  );

  it('a plain workbook refuses .csv, no extension and .xlsm; any case of .xlsx will do', async () => {
    const dir = tempDir();
    const workbook = await openXlsx(await bytesOf(planningWorkbook()));
    await workbook.writeSheets([poolSheet().layout]);
    for (const [name, has] of [
      ['out.csv', 'ends .csv'],
      ['out', 'has no extension'],
      ['out.xlsm', 'ends .xlsm'],
    ]) {
      const path = join(dir, name ?? '');
      await expect(workbook.saveAs(path)).rejects.toMatchObject({
        code: 'XLSX.WRONG_EXTENSION',
        message: `${path} ${has}, but the output is an Excel workbook, which Excel opens only as .xlsx; name it .xlsx. Nothing was written.`,
      });
      expect(existsSync(path)).toBe(false);
    }
    await workbook.saveAs(join(dir, 'OUT.XLSX'));
    expect(existsSync(join(dir, 'OUT.XLSX'))).toBe(true);
  });
});

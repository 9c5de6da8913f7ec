import { existsSync, linkSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openXlsx } from '../../src/adapters/xlsx';
import { Workbook } from '../../src/adapters/xlsx/excelts';
import { partText, writeParts } from '../../src/adapters/xlsx/zipParts';
import {
  bytesOf,
  entryNames,
  partsOf,
  planningWorkbook,
  tempDir,
  withoutTheme,
  withRootParts,
} from './fixtures';
import { poolSheet } from './layouts';

const WEB_EXTENSION_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{52811C31-4593-4C4B-9DE0-2A4B2E8E6C9A}"><we:reference id="bcf-finance-addin" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties><we:property name="bcf.lastRun" value="&quot;pool&quot;"/></we:properties><we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>`;
const TASKPANES_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"><wetp:taskpane dockstate="right" visibility="1" width="350" row="4"><wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`;
const TASKPANES_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/></Relationships>`;
const CUSTOM_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="MSIP_Label_Classification"><vt:lpwstr>OFFICIAL</vt:lpwstr></property></Properties>`;

/** A user's workbook as Excel saves it with the add-in's task pane open and a sensitivity label. */
async function labelledWorkbook(): Promise<Uint8Array> {
  const bytes = await bytesOf(planningWorkbook());
  const withPane = await withRootParts(bytes, [
    {
      path: 'xl/webextensions/taskpanes.xml',
      type: 'http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes',
      contentType: 'application/vnd.ms-office.webextensiontaskpanes+xml',
      xml: TASKPANES_XML,
      rels: TASKPANES_RELS,
    },
    {
      path: 'docProps/custom.xml',
      type: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties',
      contentType: 'application/vnd.openxmlformats-officedocument.custom-properties+xml',
      xml: CUSTOM_XML,
    },
  ]);
  // The web extension part itself is reached through the task pane's relationships only.
  const parts = await partsOf(withPane);
  parts.set('xl/webextensions/webextension1.xml', new TextEncoder().encode(WEB_EXTENSION_XML));
  const types = partText(parts, '[Content_Types].xml') ?? '';
  parts.set(
    '[Content_Types].xml',
    new TextEncoder().encode(
      types.replace(
        '</Types>',
        '<Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/></Types>',
      ),
    ),
  );
  return writeParts(parts);
}

describe("saveAs: a user's file is never modified in place", () => {
  it('writes a new file and leaves the input byte for byte as it was', async () => {
    const dir = tempDir();
    const input = join(dir, 'plan.xlsx');
    const original = await bytesOf(planningWorkbook());
    writeFileSync(input, original);
    const workbook = await openXlsx(input);
    await workbook.writeSheets([poolSheet().layout]);
    await workbook.saveAs(join(dir, 'plan-results.xlsx'));
    expect(new Uint8Array(readFileSync(input))).toEqual(original);
    const written = await openXlsx(join(dir, 'plan-results.xlsx'));
    expect(await written.sheetOwner('BCF Results - Pooled fund')).toBe('addin');
  });

  it('refuses to write onto the input, even with force, naming the file', async () => {
    const dir = tempDir();
    const input = join(dir, 'plan.xlsx');
    writeFileSync(input, await bytesOf(planningWorkbook()));
    const workbook = await openXlsx(input);
    for (const target of [input, join(dir, '.', 'plan.xlsx')]) {
      await expect(workbook.saveAs(target, { force: true })).rejects.toMatchObject({
        code: 'XLSX.SAME_AS_INPUT',
        message: `${target} is the workbook being read; results go to a new file, never into the user's own.`,
        file: target,
      });
    }
  });

  it('knows the input under another name (a symbolic or hard link)', async () => {
    const dir = tempDir();
    const input = join(dir, 'plan.xlsx');
    writeFileSync(input, await bytesOf(planningWorkbook()));
    symlinkSync(input, join(dir, 'shortcut.xlsx'));
    linkSync(input, join(dir, 'hardlink.xlsx'));
    const workbook = await openXlsx(input);
    for (const name of ['shortcut.xlsx', 'hardlink.xlsx']) {
      await expect(workbook.saveAs(join(dir, name), { force: true })).rejects.toMatchObject({
        code: 'XLSX.SAME_AS_INPUT',
      });
    }
  });

  it('does not overwrite an existing file without force, and replaces it with force', async () => {
    const dir = tempDir();
    const output = join(dir, 'out.xlsx');
    writeFileSync(output, 'an earlier result');
    const workbook = await openXlsx(await bytesOf(planningWorkbook()));
    await expect(workbook.saveAs(output)).rejects.toMatchObject({
      code: 'XLSX.OUTPUT_EXISTS',
      message: `${output} already exists; use --force to replace it.`,
    });
    expect(readFileSync(output, 'utf8')).toBe('an earlier result');
    await workbook.saveAs(output, { force: true });
    expect((await (await openXlsx(output)).listTables()).map((t) => t.name)).toEqual([
      'Contracts',
      'Metrics',
    ]);
  });

  it('reports a folder that does not exist as a write failure naming the file', async () => {
    const output = join(tempDir(), 'no such folder', 'out.xlsx');
    const workbook = await openXlsx(await bytesOf(planningWorkbook()));
    await expect(workbook.saveAs(output)).rejects.toMatchObject({
      code: 'XLSX.CANNOT_WRITE',
      message: `Cannot write ${output} (no such file or folder, ENOENT).`,
    });
    await expect(workbook.saveAs(output, { force: true })).rejects.toMatchObject({
      code: 'XLSX.CANNOT_WRITE',
    });
    expect(existsSync(output)).toBe(false);
  });
});

describe("save: a sound package by ExcelTS's own OOXML self-check", () => {
  it.each([
    ["a user's workbook with a chart", () => bytesOf(planningWorkbook())],
    ['a theme-less workbook', async () => withoutTheme(await bytesOf(planningWorkbook()))],
  ])('finds no problem in %s with a result sheet, table and chart added', async (_what, input) => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const workbook = await openXlsx(await input());
      await workbook.writeSheets([poolSheet().layout]);
      await workbook.settings.set({ 'bcf.lastRun': '{}' });
      await workbook.save({ selfCheck: true });
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  it('would report a problem (the check is live)', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const book = new Workbook();
      await book.xlsx.load(await withoutTheme(await bytesOf(planningWorkbook())));
      await book.xlsx.writeBuffer({ validate: true }); // without the adapter's work-around
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('theme1.xml'));
    } finally {
      warn.mockRestore();
    }
  });
});

describe('save: what is already in the file survives', () => {
  it("keeps the user's chart beside the add-in's, each in its own drawing, with no duplicate zip entry", async () => {
    const workbook = await openXlsx(await bytesOf(planningWorkbook()));
    await workbook.writeSheets([poolSheet().layout]);
    const bytes = await workbook.save();
    const names = await entryNames(bytes);
    expect(new Set(names).size).toBe(names.length);
    const parts = await partsOf(bytes);
    const drawings = [...parts.keys()].filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p));
    expect(drawings).toHaveLength(2);
    const charts = drawings.flatMap((d) => {
      const rels = partText(parts, d.replace('drawings/', 'drawings/_rels/') + '.rels') ?? '';
      return [...rels.matchAll(/Target="\.\.\/charts\/(chart\d+\.xml)"/g)].map((m) => m[1]);
    });
    expect(charts.sort()).toEqual(['chart1.xml', 'chart2.xml']);
    const titles = charts.map((c) => partText(parts, `xl/charts/${c ?? ''}`) ?? '');
    expect(titles.some((xml) => xml.includes('User chart'))).toBe(true);
    expect(titles.some((xml) => xml.includes('Contributions by partner'))).toBe(true);
  });

  it('writes a theme for a file that had none (as LibreOffice saves them), so no relationship dangles', async () => {
    const workbook = await openXlsx(await withoutTheme(await bytesOf(planningWorkbook())));
    await workbook.writeSheets([poolSheet().layout]);
    const parts = await partsOf(await workbook.save());
    const rels = partText(parts, 'xl/_rels/workbook.xml.rels') ?? '';
    for (const [, target] of rels.matchAll(/Target="([^"]+)"/g))
      expect(parts.has(`xl/${target ?? ''}`)).toBe(true);
  });

  it('carries over the task pane, its settings and custom properties (sensitivity label) that ExcelTS drops', async () => {
    const workbook = await openXlsx(await labelledWorkbook());
    await workbook.writeSheets([poolSheet().layout]);
    const parts = await partsOf(await workbook.save());
    expect(partText(parts, 'xl/webextensions/taskpanes.xml')).toBe(TASKPANES_XML);
    expect(partText(parts, 'xl/webextensions/webextension1.xml')).toBe(WEB_EXTENSION_XML);
    expect(partText(parts, 'xl/webextensions/_rels/taskpanes.xml.rels')).toBe(TASKPANES_RELS);
    expect(partText(parts, 'docProps/custom.xml')).toBe(CUSTOM_XML);
    const rootRels = partText(parts, '_rels/.rels') ?? '';
    expect(rootRels).toContain('Target="xl/webextensions/taskpanes.xml"');
    expect(rootRels).toContain('Target="docProps/custom.xml"');
    const ids = [...rootRels.matchAll(/Id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const types = partText(parts, '[Content_Types].xml') ?? '';
    for (const part of [
      'xl/webextensions/taskpanes.xml',
      'xl/webextensions/webextension1.xml',
      'docProps/custom.xml',
    ]) {
      expect(types.match(new RegExp(`PartName="/${part}"`, 'g'))).toHaveLength(1);
    }
    // And the result opens again, with everything the adapter wrote.
    expect(
      await (await openXlsx(await workbook.save())).sheetOwner('BCF Results - Pooled fund'),
    ).toBe('addin');
  });

  it('changes nothing for a file with nothing to carry', async () => {
    const workbook = await openXlsx(await bytesOf(planningWorkbook()));
    const parts = await partsOf(await workbook.save());
    expect(parts.has('docProps/custom.xml')).toBe(false);
    expect([...parts.keys()].some((p) => p.startsWith('xl/webextensions/'))).toBe(false);
  });
});

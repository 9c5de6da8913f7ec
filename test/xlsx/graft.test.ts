/**
 * Saving by grafting the add-in's sheets into the input package (graft.ts): what the
 * user made is copied through as stored, byte for byte; the add-in's sheets, styles,
 * tables, charts, owner marks and settings are added; running again replaces them
 * without leaving parts behind; every XML part is well-formed (xmllint) and LibreOffice
 * Calc reads the values back. Figures: the B&NES community services outline business
 * case (2015), Table 3.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openXlsx } from '../../src/adapters/xlsx';
import { Workbook } from '../../src/adapters/xlsx/excelts';
import { entryData, readZip, type ZipEntry } from '../../src/adapters/xlsx/zipPackage';
import type { CellValue, SheetWrite } from '../../src/ports/workbook';
import { viewInCalc } from '../support/libreoffice';
import { bytesOf, planningWorkbook, tempDir } from './fixtures';
import { poolSheet } from './layouts';

jest.setTimeout(240_000);

const SHEET = 'BCF Results - Pooled fund';
/** Parts a graft rewrites: the workbook, its relationships, styles, content types, app properties. */
const REWRITTEN = [
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  '[Content_Types].xml',
  'docProps/app.xml',
];

/** A user's workbook with styles, shared strings, a note, conditional formats, names, a validation. */
function decoratedWorkbook(): Workbook {
  const book = planningWorkbook();
  const notes = book.addWorksheet('Notes');
  notes.getCell('A1').value = 'Reviewed by finance';
  notes.getCell('A1').font = { name: 'Arial', size: 14, italic: true, color: { argb: 'FF1F4E79' } };
  notes.getCell('A1').note = 'Checked against the ledger';
  notes.getCell('B2').value = 1234.5;
  notes.getCell('B2').numFmt = '#,##0.0 "k"';
  notes.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  notes.getCell('B2').border = { top: { style: 'thin' }, bottom: { style: 'double' } };
  notes.addConditionalFormatting({
    ref: 'B2:B10',
    rules: [
      {
        type: 'cellIs',
        operator: 'greaterThan',
        formulae: ['1000'],
        priority: 1,
        style: { font: { bold: true } },
      },
    ],
  });
  notes.dataValidations.add('C2', { type: 'list', allowBlank: true, formulae: ['"Yes,No"'] });
  book.definedNames.add("'Notes'!$B$2", 'ReviewedAmount');
  return book;
}

async function run(input: Uint8Array, settings: Record<string, string> = {}): Promise<Uint8Array> {
  const workbook = await openXlsx(input);
  await workbook.writeSheets([poolSheet().layout]);
  await workbook.settings.set({ 'bcf.lastRun': '{"mechanism":"pool"}', ...settings });
  return workbook.save();
}

function text(entries: ReadonlyMap<string, ZipEntry>, part: string): string {
  const entry = entries.get(part);
  return entry ? new TextDecoder().decode(entryData(entry)) : '';
}

/** Every part reachable from the package root through relationships. */
function reachable(entries: ReadonlyMap<string, ZipEntry>): Set<string> {
  const found = new Set<string>();
  const visit = (part: string, rels: string): void => {
    const folder = part.slice(0, part.lastIndexOf('/') + 1);
    for (const [, target, mode] of text(entries, rels).matchAll(
      /Target="([^"]*)"(?:\s+TargetMode="([^"]*)")?/g,
    )) {
      if (mode === 'External' || target === undefined) continue;
      const segments = folder.split('/').filter(Boolean);
      for (const s of target.split('/')) {
        if (s === '..') segments.pop();
        else if (s !== '.') segments.push(s);
      }
      const next = segments.join('/');
      if (found.has(next)) continue;
      found.add(next);
      const slash = next.lastIndexOf('/');
      visit(next, `${next.slice(0, slash + 1)}_rels/${next.slice(slash + 1)}.rels`);
    }
  };
  visit('', '_rels/.rels');
  return found;
}

describe('saving by grafting the add-in sheets into the input package', () => {
  it("copies every part it does not rewrite through as stored, the user's sheets byte for byte", async () => {
    const input = await bytesOf(decoratedWorkbook());
    const before = await readZip(input);
    const after = await readZip(await run(input));
    for (const [name, entry] of before) {
      if (REWRITTEN.includes(name)) continue;
      expect([name, Buffer.from(after.get(name)?.raw ?? [])]).toEqual([
        name,
        Buffer.from(entry.raw),
      ]);
    }
    // The note, its drawing and the user's chart are among them.
    expect([...before.keys()].some((p) => p.startsWith('xl/comments'))).toBe(true);
  });

  it("keeps the user's defined names, styles and number formats, and adds the result's", async () => {
    const output = await run(await bytesOf(decoratedWorkbook()));
    const workbook = text(await readZip(output), 'xl/workbook.xml');
    expect(workbook).toContain('name="ReviewedAmount"');
    const book = new Workbook();
    await book.xlsx.load(output);
    const notes = book.getWorksheet('Notes');
    expect(notes?.getCell('A1').font).toMatchObject({ name: 'Arial', size: 14, italic: true });
    expect(notes?.getCell('B2').numFmt).toBe('#,##0.0 "k"');
    expect(book.getWorksheet('Inputs')?.getCell('C4').numFmt).toBe('£#,##0.00');
    const result = book.getWorksheet(SHEET);
    const { layout, totalRow } = poolSheet();
    expect(result?.getCell(1, 1).font?.bold).toBe(true);
    expect(result?.getCell(6, 2).numFmt).toBe(layout.numberFormats[5]?.[1]);
    expect(result?.getCell(totalRow, 2).value).toMatchObject({ formula: 'SUM(B6:B7)' });
    expect(result?.getCell(2, 1).value).toBe(layout.values[1]?.[0]); // text starting with "="
  });

  it("writes the add-in's sheet in the workbook's own default font, bold rows included", async () => {
    const book = planningWorkbook();
    book.defaultFont = { name: 'Arial', size: 10 };
    const output = await run(await bytesOf(book));
    const loaded = new Workbook();
    await loaded.xlsx.load(output);
    const result = loaded.getWorksheet(SHEET);
    expect(result?.getCell(1, 1).font).toMatchObject({ name: 'Arial', size: 10, bold: true });
    const styles = text(await readZip(output), 'xl/styles.xml');
    expect(styles).not.toContain('Calibri');
  });

  it('replaces its own sheet on a second run, at the same tab, leaving no part behind', async () => {
    const first = await run(await bytesOf(decoratedWorkbook()));
    const second = await run(first, { 'bcf.other': 'kept' });
    const entries = await readZip(second);
    const live = reachable(entries);
    const orphans = [...entries.keys()].filter(
      (p) => !p.includes('_rels/') && p !== '[Content_Types].xml' && !live.has(p),
    );
    expect(orphans).toEqual([]);
    for (const part of live) expect(entries.has(part)).toBe(true);
    const types = text(entries, '[Content_Types].xml');
    for (const [, part] of types.matchAll(/PartName="\/([^"]*)"/g))
      expect(entries.has(part ?? '')).toBe(true);
    const tableIds = [...entries.keys()]
      .filter((p) => p.startsWith('xl/tables/'))
      .map((p) => /\sid="(\d+)"/.exec(text(entries, p))?.[1]);
    expect(new Set(tableIds).size).toBe(3);
    expect([...entries.keys()].filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(
      2,
    );
    const workbook = text(entries, 'xl/workbook.xml');
    const sheets = [...workbook.matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1]);
    expect(sheets).toEqual(['Inputs', 'Metrics', 'Dashboard', 'Notes', SHEET, 'BCF_Settings']);
    expect(workbook.match(/name="BCF_OWNER"/g)).toHaveLength(2);
    // The styles do not grow with each run.
    const xfs = async (bytes: Uint8Array): Promise<string | undefined> =>
      /<cellXfs count="(\d+)"/.exec(text(await readZip(bytes), 'xl/styles.xml'))?.[1];
    expect(await xfs(second)).toBe(await xfs(first));
    const reopened = await openXlsx(second);
    expect(await reopened.sheetOwner(SHEET)).toBe('addin');
    expect(await reopened.sheetOwner('Notes')).toBe('user');
    expect(await reopened.settings.get('bcf.lastRun')).toBe('{"mechanism":"pool"}');
    expect(await reopened.settings.get('bcf.other')).toBe('kept');
  });

  it("removes a replaced user's sheet with its note and conditional formats, when asked to replace it", async () => {
    const workbook = await openXlsx(await bytesOf(decoratedWorkbook()));
    await workbook.writeSheets([poolSheet('Notes').layout], { replaceUserSheets: true });
    const entries = await readZip(await workbook.save());
    expect([...entries.keys()].filter((p) => /comments|vmlDrawing/.test(p))).toEqual([]);
    const live = reachable(entries);
    expect(
      [...entries.keys()].filter(
        (p) => !p.includes('_rels/') && p !== '[Content_Types].xml' && !live.has(p),
      ),
    ).toEqual([]);
    const workbookXml = text(entries, 'xl/workbook.xml');
    expect([...workbookXml.matchAll(/<sheet name="([^"]*)"/g)].map((m) => m[1])).toEqual([
      'Inputs',
      'Metrics',
      'Dashboard',
      'Notes',
    ]);
    expect(workbookXml).toContain('name="ReviewedAmount"'); // a workbook-level name stays
  });

  it('writes well-formed XML in every part (xmllint), which LibreOffice Calc opens and reads', async () => {
    const dir = tempDir();
    const output = await run(await run(await bytesOf(decoratedWorkbook())));
    const unpacked = join(dir, 'unpacked');
    for (const [name, entry] of await readZip(output)) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      const path = join(unpacked, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, entryData(entry));
      expect(() => execFileSync('xmllint', ['--noout', path], { stdio: 'pipe' })).not.toThrow();
    }
    const file = join(dir, 'grafted.xlsx');
    writeFileSync(file, output);
    const view = (await viewInCalc([file], 'xlsx-graft')).get(file);
    const result = view?.sheets.get(SHEET) ?? [];
    const { totalRow } = poolSheet();
    expect(result[5]?.slice(0, 2)).toEqual(['CCG', '28348000']);
    expect(result[totalRow - 1]?.slice(0, 2)).toEqual(['Total', '69236000']);
    expect(view?.sheets.get('Notes')?.[0]?.[0]).toBe('Reviewed by finance');
    expect(view?.sheets.get('Inputs')?.[3]?.slice(1, 3)).toEqual(['ICB', '1250000.5']);
  });

  it('replays pending writes into the model when a later operation needs it', async () => {
    const workbook = await openXlsx(await bytesOf(planningWorkbook()));
    await workbook.writeSheets([poolSheet().layout]);
    await workbook.settings.set({ 'bcf.lastRun': '{}' });
    expect(await workbook.formulas.findFormulas('BCF.')).toEqual([]); // loads the model
    const reopened = await openXlsx(await workbook.save());
    expect(await reopened.sheetOwner(SHEET)).toBe('addin');
    expect(await reopened.settings.get('bcf.lastRun')).toBe('{}');
    const [partners] = await reopened.readTables(['BCF_Pool_Partners']);
    expect(partners?.rows.map((row) => row[1])).toEqual([28_348_000, 40_888_000]);
  });
});

describe('a large result sheet (rows past the first 2,000 written without ExcelTS)', () => {
  /** A per-contract style result: title, a 5,000-row table of text, money and %, a bold total by formula. */
  function bigLayout(): SheetWrite {
    const rows = 5000;
    const values: CellValue[][] = [
      ['BCF results: Gain share', null, null],
      [null, null, null],
      ['Contract', 'Variance', 'Share'],
    ];
    const formats: string[][] = [
      ['General', 'General', 'General'],
      ['General', 'General', 'General'],
      ['General', 'General', 'General'],
    ];
    for (let i = 1; i <= rows; i++) {
      values.push([`C${String(i).padStart(6, '0')} & <co>`, i * 100.25, i % 2 === 0 ? 0.5 : '']);
      formats.push(['General', '£#,##0.00', '0.0%']);
    }
    values.push(['Total', (rows * (rows + 1) * 100.25) / 2, null]);
    formats.push(['General', '£#,##0.00', 'General']);
    return {
      sheet: 'BCF Results - Big',
      values,
      numberFormats: formats,
      formulas: [{ address: `B${rows + 4}`, formula: `=SUM(B4:B${rows + 3})` }],
      boldRows: [1, 3, rows + 4],
      columnWidths: [20, 16, 10],
      tables: [{ name: 'BCF_Big', range: `A3:C${rows + 3}` }],
      charts: [],
    };
  }

  it('writes the same cells, formats, weights and table as ExcelTS would', async () => {
    const input = await bytesOf(planningWorkbook());
    const fast = await openXlsx(input);
    await fast.writeSheets([bigLayout()]);
    const grafted = await fast.save();
    expect((await readZip(grafted)).get('xl/worksheets/sheet1.xml')?.raw).toEqual(
      (await readZip(input)).get('xl/worksheets/sheet1.xml')?.raw,
    );
    const slow = await openXlsx(input);
    await slow.formulas.findFormulas('BCF.'); // the model path: ExcelTS writes every cell
    await slow.writeSheets([bigLayout()]);
    const [a, b] = await Promise.all(
      [grafted, await slow.save()].map(async (bytes) => {
        const book = new Workbook();
        await book.xlsx.load(bytes);
        return book.getWorksheet('BCF Results - Big');
      }),
    );
    for (const row of [1, 3, 4, 5, 2003, 2004, 2005, 4000, 5003, 5004]) {
      for (const column of [1, 2, 3]) {
        const [x, y] = [a?.getCell(row, column), b?.getCell(row, column)];
        expect([row, column, x?.value, x?.numFmt, Boolean(x?.font?.bold)]).toEqual([
          row,
          column,
          y?.value,
          y?.numFmt,
          Boolean(y?.font?.bold),
        ]);
      }
    }
    expect(a?.getTable('BCF_Big')?.model.tableRef ?? a?.getTable('BCF_Big')?.ref).toBe('A3:C5003');
    const [big] = await (await openXlsx(grafted)).readTables(['BCF_Big']);
    expect(big?.rowCount).toBe(5000);
    expect(big?.rows[4999]).toEqual(['C005000 & <co>', 501250, 0.5]);
  });
});

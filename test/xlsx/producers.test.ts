/**
 * Workbooks as other producers write them, through the adapter: namespace-prefixed
 * parts (Open XML SDK writers) read on the fast path and grafted into in their own
 * prefix; the parts Excel adds to a macro-enabled workbook (macros and their signature,
 * custom XML, connections with a query table, printer settings) kept byte for byte by a graft and carried
 * by a full rewrite, which refuses when it would still lose one; empty text results;
 * damaged XML refused with the part, line and column named.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { openXlsx, PartsLostError, XlsxError } from '../../src/adapters/xlsx';
import { checkedXml, FULL_CHECK_CHARACTERS } from '../../src/adapters/xlsx/partText';
import { scanCells, UNSAVED } from '../../src/adapters/xlsx/sheetScan';
import { readParts, writeParts, type Parts } from '../../src/adapters/xlsx/zipParts';
import { prepareForSharing, restoreFormulas } from '../../src/workbook/sharing';
import { convert } from '../support/libreoffice';
import { bytesOf, planningWorkbook, tempDir } from './fixtures';
import { poolSheet } from './layouts';
import { EXTRA_PARTS, excelExtras, prefixedPackage } from './producerParts';

const SHEET = 'BCF Results - Pooled fund';
/** Parts a graft rewrites: the workbook, its relationships, styles, content types, app properties. */
const REWRITTEN = [
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/styles.xml',
  '[Content_Types].xml',
  'docProps/app.xml',
];
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const decoder = new TextDecoder();
const encoder = new TextEncoder();

function text(parts: Parts, name: string): string {
  return decoder.decode(parts.get(name) ?? new Uint8Array());
}

async function edited(
  bytes: Uint8Array,
  name: string,
  change: (xml: string) => string,
): Promise<Uint8Array> {
  const parts = await readParts(bytes);
  parts.set(name, encoder.encode(change(text(parts, name))));
  return writeParts(parts);
}

/** The user's plan with a note, as Excel would save it as a macro-enabled workbook. */
async function macroPlan(): Promise<Uint8Array> {
  const book = planningWorkbook();
  const note = book.getWorksheet('Inputs')?.getCell('A1');
  if (note) note.note = 'Checked against the ledger';
  return excelExtras(await bytesOf(book));
}

async function graftRun(input: Uint8Array): Promise<Uint8Array> {
  const workbook = await openXlsx(input);
  await workbook.writeSheets([poolSheet().layout]);
  await workbook.settings.set({ 'bcf.lastRun': '{"mechanism":"pool"}' });
  return workbook.save();
}

/** The names of the input's parts the output does not have byte for byte, but for the rewritten. */
function changedParts(before: Parts, after: Parts): string[] {
  return [...before]
    .filter(([name]) => !REWRITTEN.includes(name))
    .filter(
      ([name, data]) => Buffer.compare(Buffer.from(after.get(name) ?? []), Buffer.from(data)) !== 0,
    )
    .map(([name]) => name);
}

const CONTRACTS = [
  ['ICB', 1_250_000.5, 45748, true],
  ['Council', '', 45748, false],
  ['=not a formula', 2_500_001, '', true],
  ['Hospice', 'tbc', '', ''],
];

describe('namespace-prefixed packages (as Open XML SDK writers save them)', () => {
  it('reads the tables of a package whose every part is prefixed (<x:worksheet>, <x:c>, <x:Relationships>)', async () => {
    const input = await prefixedPackage(await bytesOf(planningWorkbook()));
    const parts = await readParts(input);
    expect(text(parts, 'xl/worksheets/sheet1.xml')).toContain('<x:c r="B4"');
    expect(text(parts, 'xl/_rels/workbook.xml.rels')).toContain('<x:Relationship ');
    const workbook = await openXlsx(input);
    expect((await workbook.listTables()).map((t) => [t.name, t.headers])).toEqual([
      ['Contracts', ['Party', 'Annual value', 'Start', 'Pooled']],
      ['Metrics', ['Metric', 'Weight']],
    ]);
    const [contracts] = await workbook.readTables(['Contracts']);
    expect(contracts?.rows).toEqual(CONTRACTS);
  });

  it("grafts into it in the part's own prefix, every other part byte for byte, all well-formed (xmllint)", async () => {
    const input = await prefixedPackage(await macroPlan());
    const before = await readParts(input);
    const after = await readParts(await graftRun(input));
    expect(changedParts(before, after)).toEqual([]);
    const workbook = text(after, 'xl/workbook.xml');
    expect(workbook).toMatch(/^<\?xml[^>]*>\s*<x:workbook xmlns:x="/);
    expect(workbook).toContain(`<x:sheet name="${SHEET}" sheetId="4" r:id="rId`);
    expect(workbook).toContain('<x:definedName name="BCF_OWNER" localSheetId="3" hidden="1">');
    expect(workbook).not.toMatch(/<(sheet|definedName|sheets)\b/);
    // No element of the styles (the merged fonts, fills, formats) is left unprefixed.
    expect(text(after, 'xl/styles.xml')).not.toMatch(/<\/?(?![\w.-]+:)[A-Za-z]/);
    expect(text(after, 'xl/styles.xml')).toContain('<x:cellXfs count=');
    expect(text(after, '[Content_Types].xml')).toContain(
      '<x:Override PartName="/xl/worksheets/sheet',
    );
    const dir = tempDir();
    for (const [name, data] of after) {
      if (!/\.(xml|rels)$/.test(name)) continue;
      const path = join(dir, name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, data);
      expect(() => execFileSync('xmllint', ['--noout', path], { stdio: 'pipe' })).not.toThrow();
    }
    const reopened = await openXlsx(await writeParts(after));
    expect(await reopened.sheetOwner(SHEET)).toBe('addin');
    const [partners] = await reopened.readTables(['BCF_Pool_Partners']);
    expect(partners?.rows.map((row) => row[1])).toEqual([28_348_000, 40_888_000]);
  });

  it('loads it into ExcelTS for a full rewrite (prepare for sharing), reading the same tables', async () => {
    const input = await prefixedPackage(await bytesOf(planningWorkbook()));
    const workbook = await openXlsx(input);
    expect(await workbook.formulas.findFormulas('BCF.')).toEqual([]); // loads the model
    const [contracts] = await workbook.readTables(['Contracts']);
    expect(contracts?.rows).toEqual(CONTRACTS);
  });
});

describe('the parts Excel adds to a macro-enabled workbook', () => {
  it('come through a graft byte for byte, and the workbook stays macro-enabled', async () => {
    const input = await macroPlan();
    const before = await readParts(input);
    const after = await readParts(await graftRun(input));
    expect(changedParts(before, after)).toEqual([]);
    for (const part of Object.values(EXTRA_PARTS)) expect(after.has(part)).toBe(true);
    expect(text(after, '[Content_Types].xml')).toContain(
      'ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"',
    );
  });

  it('are carried through a full rewrite, printer settings linked again, but for a query table, which it refuses to lose', async () => {
    const input = await macroPlan();
    const workbook = await openXlsx(input);
    await workbook.formulas.findFormulas('BCF.'); // the model path, as prepare for sharing
    await workbook.writeSheets([poolSheet().layout]);
    const refusal = await workbook.save().catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(PartsLostError);
    expect((refusal as PartsLostError).code).toBe('XLSX.PARTS_LOST');
    expect((refusal as PartsLostError).parts).toEqual([
      'xl/queryTables/queryTable1.xml (a query table)',
    ]);
    const dir = tempDir();
    const out = join(dir, 'out.xlsm');
    await expect(workbook.saveAs(out)).rejects.toThrow(PartsLostError);
    expect(existsSync(out)).toBe(false); // nothing written

    const lost = await workbook.saveAs(out, { allowLoss: true });
    expect(lost).toEqual(['xl/queryTables/queryTable1.xml (a query table)']);
    const [before, after] = [
      await readParts(input),
      await readParts(await workbook.save({ allowLoss: true })),
    ];
    for (const part of [
      EXTRA_PARTS.vba,
      EXTRA_PARTS.signature,
      EXTRA_PARTS.customXml,
      EXTRA_PARTS.customXmlProps,
      EXTRA_PARTS.connections,
      EXTRA_PARTS.printerSettings,
    ]) {
      expect([part, Buffer.from(after.get(part) ?? [])]).toEqual([
        part,
        Buffer.from(before.get(part) ?? []),
      ]);
    }
    expect(text(after, 'xl/_rels/vbaProject.bin.rels')).toContain('vbaProjectSignature.bin');
    // The edited sheet is sound: read back (checked well-formed) with its table.
    const [contracts] = await (await openXlsx(await writeParts(after))).readTables(['Contracts']);
    expect(contracts?.rows).toEqual(CONTRACTS);
    // The first sheet's page setup links its printer settings again.
    const id =
      /Id="([^"]+)" Type="[^"]*\/printerSettings" Target="..\/printerSettings\/printerSettings1.bin"/.exec(
        text(after, 'xl/worksheets/_rels/sheet1.xml.rels'),
      )?.[1];
    expect(id).toBeDefined();
    expect(text(after, 'xl/worksheets/sheet1.xml')).toMatch(
      new RegExp(`<pageSetup\\b[^>]*\\sr:id="${id ?? ''}"/>`),
    );
    const types = text(after, '[Content_Types].xml');
    expect(types).toContain('ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"');
    expect(types).toContain(
      '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>',
    );
    expect(types).toContain('PartName="/customXml/itemProps1.xml"');
    const rels = text(after, 'xl/_rels/workbook.xml.rels');
    for (const target of ['vbaProject.bin', '../customXml/item1.xml', 'connections.xml']) {
      expect(rels).toContain(`Target="${target}"`);
    }
    // The comment and its VML come through the rewrite too.
    expect(
      [...after.keys()].filter((p) => /comments|vmlDrawing/.test(p)).length,
    ).toBeGreaterThanOrEqual(2);
  });
});

describe('prepare for sharing and restore formulas (full rewrites) on a macro-enabled workbook', () => {
  it('keep its macros, signature, custom XML, connections, printer settings and note, with nothing lost', async () => {
    const book = planningWorkbook();
    const inputs = book.getWorksheet('Inputs');
    if (inputs) {
      inputs.getCell('A1').note = 'Checked against the ledger';
      inputs.getCell('H2').value = { formula: 'BCF.POOLSHARE(B4:C5,"ICB")', result: 1 };
    }
    const input = await excelExtras(await bytesOf(book), { queryTable: false });
    const before = await readParts(input);
    const shared = await openXlsx(input);
    expect(await prepareForSharing(shared, { now: new Date(Date.UTC(2026, 0, 5)) })).toEqual({
      converted: 1,
      recorded: 1,
      notConverted: [],
    });
    const sharedBytes = await shared.save();
    expect(shared.lost).toEqual([]);
    const restored = await openXlsx(sharedBytes);
    expect(await restoreFormulas(restored)).toEqual({ restored: 1 });
    const restoredBytes = await restored.save();
    expect(restored.lost).toEqual([]);
    for (const output of [sharedBytes, restoredBytes]) {
      const after = await readParts(output);
      for (const part of Object.values(EXTRA_PARTS).filter((p) => !p.includes('queryTable'))) {
        expect([part, Buffer.from(after.get(part) ?? [])]).toEqual([
          part,
          Buffer.from(before.get(part) ?? []),
        ]);
      }
      expect(text(after, '[Content_Types].xml')).toContain('sheet.macroEnabled.main+xml');
      expect([...after.keys()].filter((p) => /comments|vmlDrawing/.test(p))).toHaveLength(2);
    }
  });
});

describe('a workbook saved by LibreOffice Calc (converted at test time)', () => {
  it('keeps every part byte for byte through a run, its note and VML included', async () => {
    const inDir = tempDir();
    const outDir = tempDir();
    const book = planningWorkbook();
    const note = book.getWorksheet('Inputs')?.getCell('A1');
    if (note) note.note = 'Checked against the ledger';
    writeFileSync(join(inDir, 'plan.xlsx'), await bytesOf(book));
    await convert([join(inDir, 'plan.xlsx')], 'xlsx:Calc MS Excel 2007 XML', outDir);
    const input = new Uint8Array(readFileSync(join(outDir, 'plan.xlsx')));
    const before = await readParts(input);
    expect([...before.keys()].filter((p) => /comments|vmlDrawing/.test(p)).length).toBe(2);
    const after = await readParts(await graftRun(input));
    expect(changedParts(before, after)).toEqual([]);
    const [contracts] = await (await openXlsx(await writeParts(after))).readTables(['Contracts']);
    expect(contracts?.rows[0]).toEqual(['ICB', 1_250_000.5, 45748, true]);
  }, 120_000);
});

describe('empty text results (=IF(…,"",…) saved as <c t="str"><f>…</f><v></v></c>)', () => {
  async function emptyResult(v: string): Promise<Uint8Array> {
    return edited(await bytesOf(planningWorkbook()), 'xl/worksheets/sheet1.xml', (xml) =>
      xml.replace(
        /<c r="C6"[^>]*>[\s\S]*?<\/c>/,
        `<c r="C6" t="str"><f>IF(B6="","","x")</f>${v}</c>`,
      ),
    );
  }

  it.each(['<v></v>', '<v/>'])(
    'reads %s as the text "" on the fast path and through ExcelTS',
    async (v) => {
      const input = await emptyResult(v);
      const fast = await openXlsx(input);
      const slow = await openXlsx(input);
      await slow.formulas.findFormulas('BCF.');
      for (const workbook of [fast, slow]) {
        const [contracts] = await workbook.readTables(['Contracts']);
        expect(contracts?.rows[2]).toEqual(['=not a formula', '', '', true]);
      }
    },
  );

  it('is read as "" by the package scanner itself, not left to ExcelTS', () => {
    const sheet = (v: string): string =>
      `<worksheet><sheetData><row r="1"><c r="A1" t="str"><f>IF(1,"","x")</f>${v}</c><c r="B1"><f>1+1</f>${v}</c></row></sheetData></worksheet>`;
    const box = [{ top: 1, left: 1, bottom: 1, right: 1 }];
    expect(scanCells(sheet('<v></v>'), box, () => [], false)).toEqual([[['']]]);
    expect(scanCells(sheet('<v/>'), box, () => [], false)).toEqual([[['']]]);
    // A number formula with an empty value was never calculated.
    expect(
      scanCells(sheet('<v/>'), [{ top: 1, left: 2, bottom: 1, right: 2 }], () => [], false),
    ).toBe(UNSAVED);
  });

  it('still refuses a formula saved with no value at all', async () => {
    const input = await emptyResult('');
    const error = await (await openXlsx(input)).readTables(['Contracts']).catch((e: unknown) => e);
    expect((error as XlsxError).code).toBe('XLSX.NO_SAVED_VALUE');
  });
});

describe('damaged XML in a part the run reads', () => {
  async function refusal(bytes: Uint8Array, tables = ['Contracts']): Promise<XlsxError> {
    const error = await openXlsx(bytes, 'plan.xlsx')
      .then((workbook) => workbook.readTables(tables))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(XlsxError);
    return error as XlsxError;
  }

  it('names the part, the line and column, and the fault in plain words', async () => {
    const input = await edited(
      await bytesOf(planningWorkbook()),
      'xl/worksheets/sheet1.xml',
      (xml) => `${xml}\n</junk>`,
    );
    const error = await refusal(input);
    expect(error.code).toBe('XLSX.DAMAGED');
    expect(error.message).toMatch(
      /^plan\.xlsx is damaged: xl\/worksheets\/sheet1\.xml, line \d+, column \d+: <\/junk> closes an element that is not open\./,
    );
  });

  it('says "text after the end of the document" for bytes after the root', async () => {
    const input = await edited(
      await bytesOf(planningWorkbook()),
      'xl/tables/table1.xml',
      (xml) => `${xml}\nxx`,
    );
    const error = await refusal(input);
    expect(error.message).toMatch(
      /^plan\.xlsx is damaged: xl\/tables\/table1\.xml, line 3, column \d+: text after the end of the document\./,
    );
  });

  it('refuses a sheet cut short, which the scanner alone would read as a shorter table', async () => {
    const input = await edited(
      await bytesOf(planningWorkbook()),
      'xl/worksheets/sheet1.xml',
      (xml) => xml.slice(0, xml.indexOf('<row r="6"')),
    );
    const error = await refusal(input);
    expect(error.message).toContain('plan.xlsx is damaged: xl/worksheets/sheet1.xml, line');
    expect(error.message).toContain('is never closed');
  });

  it('refuses a broken workbook part and a missing [Content_Types].xml or workbook relationships when opening', async () => {
    const base = await bytesOf(planningWorkbook());
    const broken = await edited(base, 'xl/workbook.xml', (xml) =>
      xml.replace('<sheets>', '<sheets'),
    );
    expect((await refusal(broken)).message).toMatch(
      /^plan\.xlsx is damaged: xl\/workbook\.xml, line \d+, column \d+: /,
    );
    const parts = await readParts(base);
    parts.delete('[Content_Types].xml');
    expect((await refusal(await writeParts(parts))).message).toBe(
      'plan.xlsx is damaged or incompletely downloaded (it has no [Content_Types].xml, which every workbook has); download or copy it again, or open and save it in Excel.',
    );
    const noRels = await readParts(base);
    noRels.delete('xl/_rels/workbook.xml.rels');
    expect((await refusal(await writeParts(noRels))).message).toBe(
      'plan.xlsx is damaged or incompletely downloaded (xl/_rels/workbook.xml.rels is missing); download or copy it again, or open and save it in Excel.',
    );
  });

  it('checks a sheet over the full-check size around its rows: cut short or with text after its end is refused', () => {
    const rows: string[] = [];
    for (let r = 1, length = 0; length <= FULL_CHECK_CHARACTERS; r++) {
      const row = `<row r="${r}"><c r="A${r}"><v>${r}.25</v></c><c r="B${r}" t="s"><v>0</v></c></row>`;
      rows.push(row);
      length += row.length;
    }
    const sheet = `<?xml version="1.0"?>\n<worksheet xmlns="${MAIN}"><sheetData>${rows.join('')}</sheetData></worksheet>`;
    const check = (xml: string): string =>
      checkedXml(encoder.encode(xml), 'xl/worksheets/sheet1.xml', 'big.xlsx');
    expect(check(sheet)).toBe(sheet);
    expect(() => check(sheet.slice(0, sheet.length / 2))).toThrow(
      /^big\.xlsx is damaged: xl\/worksheets\/sheet1\.xml, line 2, column \d+: the element <\S+> is never closed\./,
    );
    expect(() => check(`${sheet}\n<junk/>`)).toThrow(
      /^big\.xlsx is damaged: xl\/worksheets\/sheet1\.xml, line 3, column \d+: a second document after the first\./,
    );
    // A fault inside the rows of such a sheet is past this check (see FULL_CHECK_CHARACTERS).
    expect(check(sheet.replace('<v>7.25</v>', '<v>7.25<v>'))).toContain('<v>7.25<v>');
  });

  it('copies a damaged part the run does not read through as it is', async () => {
    const input = await edited(
      await bytesOf(planningWorkbook()),
      'xl/worksheets/sheet3.xml',
      (xml) => `${xml}junk`,
    );
    const after = await readParts(await graftRun(input));
    expect(text(after, 'xl/worksheets/sheet3.xml').endsWith('junk')).toBe(true);
  });
});

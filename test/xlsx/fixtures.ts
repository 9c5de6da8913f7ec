/**
 * Workbooks for the .xlsx adapter tests, made the way users' files arrive: built with
 * ExcelTS directly (not through the adapter), saved to bytes, and read back through
 * `openXlsx`. Also bad files: text, a zip that is no workbook, an encrypted workbook, an
 * old .xls, each made here so no binary fixture needs keeping.
 */
import { encryptDocx, writeCfb } from '@cj-tech-master/excelts/word/crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from '../../src/adapters/xlsx/excelts';
import { readParts, writeParts, type Parts } from '../../src/adapters/xlsx/zipParts';
import { unzip } from '@cj-tech-master/excelts/archive';

/** A fresh temporary folder for one test's files. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'bcf-xlsx-'));
}

/** An ExcelTS workbook as .xlsx bytes. */
export async function bytesOf(book: Workbook): Promise<Uint8Array> {
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/**
 * A user's planning workbook: a Contracts table (B3:E7) on "Inputs" with text, money,
 * a blank, a date, a TRUE and a formula with its saved value; a Metrics table with a
 * totals row on "Metrics"; and a native chart over the contracts on "Dashboard".
 */
export function planningWorkbook(): Workbook {
  const book = new Workbook();
  const inputs = book.addWorksheet('Inputs');
  inputs.getCell('A1').value = 'BCF plan 2025-26';
  inputs.addTable({
    name: 'Contracts',
    ref: 'B3',
    columns: [{ name: 'Party' }, { name: 'Annual value' }, { name: 'Start' }, { name: 'Pooled' }],
    rows: [
      ['ICB', 1_250_000.5, new Date(Date.UTC(2025, 3, 1)), true],
      ['Council', null, new Date(Date.UTC(2025, 3, 1)), false],
      ['=not a formula', { formula: 'C4*2', result: 2_500_001 }, null, true],
      ['Hospice', 'tbc', null, null],
    ],
  });
  inputs.getCell('C4').numFmt = '£#,##0.00';
  const metrics = book.addWorksheet('Metrics');
  metrics.addTable({
    name: 'Metrics',
    ref: 'A1',
    totalsRow: true,
    columns: [
      { name: 'Metric', totalsRowLabel: 'Total' },
      { name: 'Weight', totalsRowFunction: 'sum' },
    ],
    rows: [
      ['Admissions', 0.6],
      ['Discharges', 0.4],
    ],
  });
  const dashboard = book.addWorksheet('Dashboard');
  dashboard.addRows([
    ['Party', 'Value'],
    ['ICB', 10],
    ['Council', 20],
  ]);
  dashboard.addColumnChart(
    {
      title: 'User chart',
      series: [
        {
          name: { formula: 'Dashboard!$B$1' },
          categories: 'Dashboard!$A$2:$A$3',
          values: 'Dashboard!$B$2:$B$3',
        },
      ],
    },
    'D2:K16',
  );
  return book;
}

/** Plain text, as a CSV saved under an .xlsx name would be. */
export const TEXT_FILE = new TextEncoder().encode('Party,Annual value\nICB,1250000\n');

/** A zip that is not a workbook. */
export function zipOfNotes(): Promise<Uint8Array> {
  return writeParts(new Map([['notes.txt', new TextEncoder().encode('not a workbook')]]));
}

/** A workbook encrypted with a password to open (Agile encryption, as Excel writes it). */
export async function encryptedWorkbook(password = 'secret'): Promise<Uint8Array> {
  return encryptDocx(await bytesOf(planningWorkbook()), password, { spinCount: 1000 });
}

/** Just the first bytes of an OLE compound file: the signature an encrypted .xlsx starts with. */
export const CFB_SIGNATURE_ONLY = new Uint8Array([
  0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0,
]);

/** An old .xls: an OLE compound file holding a `Workbook` stream (its content does not matter here). */
export function legacyXls(): Uint8Array {
  return writeCfb([{ name: 'Workbook', data: new Uint8Array(4096).fill(9) }]);
}

/** Package parts of .xlsx bytes. */
export function partsOf(bytes: Uint8Array): Promise<Parts> {
  return readParts(bytes);
}

/** Adds parts (with root relationships and content types) to .xlsx bytes, as other tools do. */
export async function withRootParts(
  bytes: Uint8Array,
  extra: readonly { path: string; type: string; contentType: string; xml: string; rels?: string }[],
): Promise<Uint8Array> {
  const parts = await readParts(bytes);
  const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
  const decode = (path: string): string => new TextDecoder().decode(parts.get(path));
  let rels = decode('_rels/.rels');
  let types = decode('[Content_Types].xml');
  extra.forEach((part, i) => {
    parts.set(part.path, encode(part.xml));
    if (part.rels) {
      const slash = part.path.lastIndexOf('/');
      parts.set(
        `${part.path.slice(0, slash)}/_rels/${part.path.slice(slash + 1)}.rels`,
        encode(part.rels),
      );
    }
    rels = rels.replace(
      '</Relationships>',
      `<Relationship Id="rId${90 + i}" Type="${part.type}" Target="${part.path}"/></Relationships>`,
    );
    types = types.replace(
      '</Types>',
      `<Override PartName="/${part.path}" ContentType="${part.contentType}"/></Types>`,
    );
  });
  parts.set('_rels/.rels', encode(rels));
  parts.set('[Content_Types].xml', encode(types));
  return writeParts(parts);
}

/** Every entry name in a zip, duplicates included (a sound package has none). */
export async function entryNames(bytes: Uint8Array): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of unzip(bytes).entries()) {
    names.push(entry.path);
    entry.discard();
  }
  return names;
}

/** A package without its theme part, as LibreOffice writes .xlsx files. */
export async function withoutTheme(bytes: Uint8Array): Promise<Uint8Array> {
  const parts = await readParts(bytes);
  const edit = (path: string, change: (xml: string) => string): void => {
    parts.set(path, new TextEncoder().encode(change(new TextDecoder().decode(parts.get(path)))));
  };
  parts.delete('xl/theme/theme1.xml');
  edit('xl/_rels/workbook.xml.rels', (xml) =>
    xml.replace(/<Relationship [^>]*theme1\.xml"\/>/, ''),
  );
  edit('[Content_Types].xml', (xml) =>
    xml.replace(/<Override PartName="\/xl\/theme\/theme1\.xml"[^>]*\/>/, ''),
  );
  return writeParts(parts);
}

/** The main content types of the workbook kinds other than a plain workbook. */
export const MAIN_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  xlsm: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml',
  xltx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml',
  xltm: 'application/vnd.ms-excel.template.macroEnabled.main+xml',
} as const;

/** Bytes standing in for a VBA project (their content is copied, never read). */
export const VBA_PROJECT = new Uint8Array(2048).map((_, i) => (i * 37) % 251);

/**
 * .xlsx bytes made another kind, as Excel saves them: the workbook part's content type,
 * and for the macro kinds an xl/vbaProject.bin with its relationship and content type.
 */
export async function asKind(
  bytes: Uint8Array,
  kind: keyof typeof MAIN_TYPES,
): Promise<Uint8Array> {
  const parts = await readParts(bytes);
  const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
  const decode = (path: string): string => new TextDecoder().decode(parts.get(path));
  let types = decode('[Content_Types].xml').replace(
    /(<Override PartName="\/xl\/workbook\.xml" ContentType=")[^"]*"/,
    `$1${MAIN_TYPES[kind]}"`,
  );
  if (kind === 'xlsm' || kind === 'xltm') {
    parts.set('xl/vbaProject.bin', VBA_PROJECT);
    types = types.replace(
      '</Types>',
      '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>',
    );
    const rels = decode('xl/_rels/workbook.xml.rels').replace(
      '</Relationships>',
      '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
    );
    parts.set('xl/_rels/workbook.xml.rels', encode(rels));
  }
  parts.set('[Content_Types].xml', encode(types));
  return writeParts(parts);
}

/**
 * .xlsx bytes with the workbook's structure protected (Review > Protect Workbook), as
 * Excel writes it: `<workbookProtection lockStructure="1"/>` before `<bookViews>`.
 *
 * @param lock - The `lockStructure` value written (Excel writes "1").
 */
export async function withStructureLock(bytes: Uint8Array, lock = '1'): Promise<Uint8Array> {
  const parts = await readParts(bytes);
  const xml = new TextDecoder().decode(parts.get('xl/workbook.xml'));
  const at = xml.search(/<bookViews\b|<sheets\b/);
  const locked = `${xml.slice(0, at)}<workbookProtection lockStructure="${lock}"/>${xml.slice(at)}`;
  parts.set('xl/workbook.xml', new TextEncoder().encode(locked));
  return writeParts(parts);
}

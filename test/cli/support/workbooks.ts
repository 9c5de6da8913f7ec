/**
 * Input workbooks for the command-line tests, made as a user's file arrives: built with
 * ExcelTS directly (not through the add-in), with Excel tables over the input ranges.
 */
import { encryptDocx } from '@cj-tech-master/excelts/word/crypto';
import { createHash } from 'crypto';
import { readFileSync, writeFileSync } from 'fs';
import { Workbook } from '../../../src/adapters/xlsx/excelts';

type Row = (string | number | null)[];

/** Writes a workbook with one table per entry: sheet, table name, headers and rows. */
export async function writeTablesWorkbook(
  path: string,
  tables: readonly { sheet: string; name: string; headers: string[]; rows: Row[] }[],
): Promise<void> {
  const book = new Workbook();
  for (const t of tables) {
    const sheet = book.getWorksheet(t.sheet) ?? book.addWorksheet(t.sheet);
    sheet.addTable({
      name: t.name,
      ref: 'A1',
      columns: t.headers.map((name) => ({ name })),
      rows: t.rows,
    });
  }
  writeFileSync(path, new Uint8Array(await book.xlsx.writeBuffer()));
}

/** The B&NES pool (B&NES community services OBC 2015, Table 3, in pounds) as a Contributions table. */
export const BNES_CONTRIBUTIONS: Row[] = [
  ['B&NES CCG', 'Community services', 28_348_000],
  ['B&NES Council', 'Community services', 40_888_000],
];

/** Writes a workbook with a Contributions table of the given rows. */
export function writePoolWorkbook(path: string, rows: Row[] = BNES_CONTRIBUTIONS): Promise<void> {
  return writeTablesWorkbook(path, [
    {
      sheet: 'Contributions',
      name: 'Contributions',
      headers: ['Partner', 'Scheme', 'Amount'],
      rows,
    },
  ]);
}

/** A file's SHA-256, to show it was not changed. */
export function digest(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Plain text under an .xlsx name (a CSV saved with the wrong extension). */
export const TEXT_FILE = new TextEncoder().encode(
  'Partner,Scheme,Amount\nB&NES CCG,Community services,28348000\n',
);

/** A pool workbook encrypted with a password to open (as Excel writes it). */
export async function encryptedWorkbook(password = 'secret'): Promise<Uint8Array> {
  const book = new Workbook();
  book.addWorksheet('Contributions').addRow(['Partner', 'Scheme', 'Amount']);
  return encryptDocx(new Uint8Array(await book.xlsx.writeBuffer()), password, { spinCount: 1000 });
}

/**
 * The .xlsx adapter's side of the contract: a contract seed made into an .xlsx file with
 * ExcelTS (as a user's file would arrive), opened through the adapter; snapshots read
 * back from what the adapter saves.
 */
import { openXlsx } from '../../src/adapters/xlsx';
import { Workbook } from '../../src/adapters/xlsx/excelts';
import type { CellValue } from '../../src/ports/workbook';
import type { WorkbookSeed } from './seed';
import type { ContractSubject } from './subject';
import { snapshotOfXlsx } from './xlsxSnapshot';

function corner(address: string): { row: number; column: number } {
  const match = /^([A-Z]+)(\d+)/.exec(address.replace(/\$/g, ''));
  const column = [...(match?.[1] ?? 'A')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(match?.[2] ?? 1), column };
}

function seededSheets(book: Workbook, seed: WorkbookSeed): void {
  for (const sheet of seed.sheets) {
    const worksheet = book.addWorksheet(sheet.name, { state: sheet.hidden ? 'hidden' : 'visible' });
    const origin = corner(sheet.at ?? 'A1');
    (sheet.rows ?? []).forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null) worksheet.getCell(origin.row + r, origin.column + c).value = value;
      }),
    );
    for (const { address, formula, value } of sheet.formulas ?? []) {
      const text = formula.replace(/^=/, '');
      worksheet.getCell(address).value =
        value === null ? { formula: text } : { formula: text, result: value };
    }
  }
}

function seededTables(book: Workbook, seed: WorkbookSeed): void {
  for (const table of seed.tables ?? []) {
    const worksheet = book.getWorksheet(table.sheet);
    if (!worksheet) throw new Error(`No sheet ${table.sheet} for table ${table.name}`);
    const [first = 'A1', last = first] = table.range.split(':');
    const top = corner(first);
    const bottom = corner(last);
    const at = (row: number, column: number): CellValue =>
      (worksheet.findCell(row, column)?.value ?? null) as CellValue;
    const headers: string[] = [];
    for (let c = top.column; c <= bottom.column; c++) headers.push(String(at(top.row, c) ?? ''));
    const rows: CellValue[][] = [];
    for (let r = top.row + 1; r <= bottom.row; r++) {
      const row: CellValue[] = [];
      for (let c = top.column; c <= bottom.column; c++) row.push(at(r, c));
      rows.push(row);
    }
    worksheet.addTable({
      name: table.name,
      ref: first,
      columns: headers.map((name) => ({ name })),
      rows,
    });
  }
}

function ownerMarks(book: Workbook, seed: WorkbookSeed): void {
  const marks = seed.sheets.flatMap((sheet, i) =>
    sheet.ownedByAddin
      ? [
          {
            name: 'BCF_OWNER',
            ranges: [],
            rawText: '"bcf"',
            localSheetId: i,
            hidden: true,
            kind: 'opaque' as const,
          },
        ]
      : [],
  );
  book.definedNames.model = [...book.definedNames.model, ...marks];
}

/** A contract seed as .xlsx bytes. */
export async function xlsxFromSeed(seed: WorkbookSeed): Promise<Uint8Array> {
  const book = new Workbook();
  seededSheets(book, seed);
  seededTables(book, seed);
  ownerMarks(book, seed);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** A contract subject: the .xlsx adapter over a file made from the seed. */
export async function xlsxSubject(seed: WorkbookSeed): Promise<ContractSubject> {
  const workbook = await openXlsx(await xlsxFromSeed(seed), 'contract.xlsx');
  return { workbook, inspect: async () => snapshotOfXlsx(await workbook.save()) };
}

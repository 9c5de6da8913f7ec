/**
 * Workbook structure protection in file mode, as Excel has it: with
 * `<workbookProtection lockStructure="1">` no sheet may be added, so saving the workbook
 * with the add-in's result sheet or its settings sheet added is refused before anything
 * is written; tables are still read, and the add-in's own sheets already in the workbook
 * are rewritten in place. A protected sheet (`sheetProtection`) is only read, and keeps
 * its protection.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openXlsx, XlsxError } from '../../src/adapters/xlsx';
import { structureLocked } from '../../src/adapters/xlsx/structureLock';
import { readParts } from '../../src/adapters/xlsx/zipParts';
import { bytesOf, planningWorkbook, tempDir, withStructureLock } from './fixtures';
import { poolSheet } from './layouts';

jest.setTimeout(60_000);

const SHEET = 'BCF Results - Pooled fund';
const REFUSAL = (sheets: string): string =>
  `The workbook's structure is protected, so ${sheets} cannot be added and nothing was written. In Excel, turn off Review > Protect Workbook (it asks for the password if one was set), save, and try again.`;

describe('workbook structure protection', () => {
  it('is lockStructure "1" or "true" on workbookProtection, with or without a prefix', () => {
    expect(structureLocked('<workbook><workbookProtection lockStructure="1"/></workbook>')).toBe(
      true,
    );
    expect(
      structureLocked("<x:workbookProtection workbookPassword='CC23' lockStructure='true'/>"),
    ).toBe(true);
    expect(structureLocked('<workbookProtection lockStructure="0" lockWindows="1"/>')).toBe(false);
    expect(structureLocked('<workbookProtection lockWindows="1"/>')).toBe(false);
    expect(structureLocked('<workbook><sheets/></workbook>')).toBe(false);
  });

  it('a locked workbook is read and run on in memory as usual, but saving it with a new result sheet and settings sheet is refused; nothing is written', async () => {
    const dir = tempDir();
    const input = await withStructureLock(await bytesOf(planningWorkbook()));
    const workbook = await openXlsx(input);
    const [contracts] = await workbook.readTables(['Contracts']);
    expect(contracts?.rows[0]?.[0]).toBe('ICB');
    expect(await workbook.save()).toBe(input); // nothing added: saved as it came
    await workbook.writeSheets([poolSheet().layout]);
    await workbook.settings.set({ 'bcf.lastRun': '{}' });
    const refused = await workbook.save().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(XlsxError);
    expect(refused).toMatchObject({
      code: 'WORKBOOK.STRUCTURE_PROTECTED',
      message: REFUSAL(`the sheets "${SHEET}", "BCF_Settings"`),
    });
    const out = join(dir, 'results.xlsx');
    await expect(workbook.saveAs(out)).rejects.toMatchObject({
      code: 'WORKBOOK.STRUCTURE_PROTECTED',
    });
    expect(existsSync(out)).toBe(false);
  });

  it('refuseAddingSheets says so before any work, naming only the sheets not there yet', async () => {
    const locked = await openXlsx(await withStructureLock(await bytesOf(planningWorkbook())));
    expect(() => locked.refuseAddingSheets(['inputs', SHEET])).toThrow(
      REFUSAL(`the sheet "${SHEET}"`),
    );
    expect(() => locked.refuseAddingSheets(['Inputs', 'Metrics'])).not.toThrow();
    const open = await openXlsx(await bytesOf(planningWorkbook()));
    expect(() => open.refuseAddingSheets([SHEET])).not.toThrow();
  });

  it('lockStructure="0" is no lock: the sheet is added', async () => {
    const workbook = await openXlsx(
      await withStructureLock(await bytesOf(planningWorkbook()), '0'),
    );
    await workbook.writeSheets([poolSheet().layout]);
    expect(await workbook.sheetOwner(SHEET)).toBe('addin');
  });

  it('the add-in’s sheets already in a locked workbook are rewritten where they are', async () => {
    const first = await openXlsx(await bytesOf(planningWorkbook()));
    await first.writeSheets([poolSheet().layout]);
    await first.settings.set({ 'bcf.lastRun': '{"mechanism":"pool"}' });
    const locked = await openXlsx(await withStructureLock(await first.save()));
    await locked.writeSheets([poolSheet().layout]);
    await locked.settings.set({ 'bcf.lastRun': '{"mechanism":"pool","again":true}' });
    const saved = await openXlsx(await locked.save());
    expect(await saved.settings.get('bcf.lastRun')).toBe('{"mechanism":"pool","again":true}');
    const parts = await readParts(await locked.save());
    const workbookXml = new TextDecoder().decode(parts.get('xl/workbook.xml'));
    expect(workbookXml).toContain('<workbookProtection lockStructure="1"/>');
    expect([...workbookXml.matchAll(/<sheet\b/g)]).toHaveLength(5); // 3 user sheets, result, settings
  });

  it('a protected sheet is read, and keeps its protection when results are added', async () => {
    const book = planningWorkbook();
    await book.getWorksheet('Inputs')?.protect('', { selectLockedCells: true });
    const workbook = await openXlsx(await bytesOf(book));
    const [contracts] = await workbook.readTables(['Contracts']);
    expect(contracts?.rows.map((row) => row[0])).toEqual([
      'ICB',
      'Council',
      '=not a formula',
      'Hospice',
    ]);
    await workbook.writeSheets([poolSheet().layout]);
    const parts = await readParts(await workbook.save());
    const inputs = new TextDecoder().decode(parts.get('xl/worksheets/sheet1.xml'));
    expect(inputs).toMatch(/<sheetProtection\b[^>]*\ssheet="1"/);
  });
});

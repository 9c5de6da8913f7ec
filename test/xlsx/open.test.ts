import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openXlsx, XlsxError } from '../../src/adapters/xlsx';
import { fileKind } from '../../src/adapters/xlsx/fileKind';
import {
  bytesOf,
  CFB_SIGNATURE_ONLY,
  encryptedWorkbook,
  legacyXls,
  planningWorkbook,
  tempDir,
  TEXT_FILE,
  zipOfNotes,
} from './fixtures';

/** Opens a file and returns the error it gives (the test fails if it opens). */
async function refusal(path: string): Promise<XlsxError> {
  try {
    await openXlsx(path);
  } catch (error) {
    if (error instanceof XlsxError) return error;
    throw error;
  }
  throw new Error(`${path} opened`);
}

function fileWith(name: string, bytes: Uint8Array): string {
  const path = join(tempDir(), name);
  writeFileSync(path, bytes);
  return path;
}

describe('openXlsx: bad files give a named error naming the file', () => {
  it('a text file renamed .xlsx is not a workbook', async () => {
    const path = fileWith('plan.xlsx', TEXT_FILE);
    const error = await refusal(path);
    expect(error.code).toBe('XLSX.NOT_A_WORKBOOK');
    expect(error.message).toBe(`${path} is not an Excel workbook (.xlsx).`);
    expect(error.file).toBe(path);
  });

  it('an empty file is not a workbook, and is named as empty', async () => {
    const path = fileWith('empty.xlsx', new Uint8Array());
    const error = await refusal(path);
    expect([error.code, error.message]).toEqual([
      'XLSX.NOT_A_WORKBOOK',
      `${path} is an empty file (0 bytes), not a workbook; it may not have finished downloading or saving.`,
    ]);
  });

  it('a zip that holds no workbook is not a workbook', async () => {
    const path = fileWith('notes.xlsx', await zipOfNotes());
    const error = await refusal(path);
    expect(error.code).toBe('XLSX.NOT_A_WORKBOOK');
    expect(error.message).toContain(path);
  });

  it('a damaged zip (cut short) is damaged or incompletely downloaded', async () => {
    const whole = await bytesOf(planningWorkbook());
    const path = fileWith('cut.xlsx', whole.subarray(0, Math.floor(whole.length / 2)));
    const error = await refusal(path);
    expect([error.code, error.message, error.file]).toEqual([
      'XLSX.DAMAGED',
      `${path} is damaged or incompletely downloaded (End of Central Directory not found); download or copy it again, or open and save it in Excel.`,
      path,
    ]);
  });

  it('a workbook encrypted with a password to open is password-protected', async () => {
    const path = fileWith('locked.xlsx', await encryptedWorkbook());
    const error = await refusal(path);
    expect(error.code).toBe('XLSX.PASSWORD_PROTECTED');
    expect(error.message).toBe(
      `${path} is protected with a password to open; remove the password in Excel (File > Info > Protect Workbook), save, and try again.`,
    );
  });

  it('an old .xls workbook is named as such', async () => {
    const path = fileWith('old.xlsx', legacyXls());
    const error = await refusal(path);
    expect(error.code).toBe('XLSX.NOT_A_WORKBOOK');
    expect(error.message).toBe(
      `${path} is an old-style .xls workbook; save it as .xlsx in Excel and try again.`,
    );
  });

  it('a missing file cannot be read', async () => {
    const path = join(tempDir(), 'missing.xlsx');
    const error = await refusal(path);
    expect(error.code).toBe('XLSX.CANNOT_READ');
    expect(error.message).toBe(`Cannot read ${path} (no such file or folder, ENOENT).`);
  });

  it('bytes are named as the caller says in messages', async () => {
    await expect(openXlsx(TEXT_FILE, 'upload.xlsx')).rejects.toMatchObject({
      code: 'XLSX.NOT_A_WORKBOOK',
      message: 'upload.xlsx is not an Excel workbook (.xlsx).',
    });
  });
});

describe('fileKind tells files apart by their first bytes and streams', () => {
  it('knows a zip, an encrypted package, an .xls and anything else', async () => {
    expect(fileKind(await bytesOf(planningWorkbook()))).toBe('zip');
    expect(fileKind(await encryptedWorkbook())).toBe('encrypted');
    expect(fileKind(legacyXls())).toBe('xls');
    expect(fileKind(TEXT_FILE)).toBe('other');
    expect(fileKind(new Uint8Array())).toBe('empty');
  });

  it('takes a truncated compound file (signature only) for something that cannot be opened', () => {
    expect(fileKind(CFB_SIGNATURE_ONLY)).toBe('other');
  });
});

describe('openXlsx: good files', () => {
  it('opens a workbook from a path and from bytes alike', async () => {
    const bytes = await bytesOf(planningWorkbook());
    const fromBytes = await openXlsx(bytes);
    const fromFile = await openXlsx(fileWith('plan.xlsx', bytes));
    expect(await fromFile.listTables()).toEqual(await fromBytes.listTables());
    expect(fromBytes.source).toBeUndefined();
    expect(fromFile.source).toMatch(/plan\.xlsx$/);
  });
});

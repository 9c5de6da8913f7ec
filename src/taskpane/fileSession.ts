/**
 * A .xlsx file opened in the browser (the file mode): the .xlsx adapter over the file's
 * bytes, the same workbook-layer operations as in Excel, and the completed workbook
 * saved back to bytes for download. Loaded only when a file is chosen, as its own chunk
 * (ExcelTS is large), so the pane in Excel never downloads it.
 */
import { openXlsx } from '../adapters/xlsx/index';
import type { FileSession } from './operations';
import { workbookOperations } from './workbookOperations';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Opens the chosen file; rejects with the adapter's typed error for a file that is not a workbook. */
export async function openFileSession(fileName: string, bytes: ArrayBuffer): Promise<FileSession> {
  const workbook = await openXlsx(new Uint8Array(bytes), fileName);
  return {
    ...workbookOperations(workbook, { canSelectCells: false }),
    fileName,
    save: async () => {
      const saved = await workbook.save();
      // A copy into a plain ArrayBuffer, which every Blob accepts.
      const buffer = new ArrayBuffer(saved.byteLength);
      new Uint8Array(buffer).set(saved);
      return new Blob([buffer], { type: XLSX_TYPE });
    },
  };
}

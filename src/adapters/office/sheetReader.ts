/**
 * Reading the used range of every user's worksheet (for plain ranges and labelled
 * cells) in two syncs: one for the sheet list, one for every sheet's owner mark and its
 * used range's values, formulas and merged areas together. Only when that response is over the
 * payload limit (a big workbook in Excel on the web) are the sheets read in halves, and
 * a sheet too big on its own by its size and then in runs of rows (payload.ts), each
 * one more sync. Reads change nothing, so a refused read is safely repeated smaller.
 */
import type { CellValue, SheetCells } from '../../ports/workbook';
import { cellAddress } from '../../ports/a1';
import { cellRows } from './cellValues';
import { excelCodeOf } from './errors';
import type { IsSetSupported } from './excelRun';
import { OWNER_NAME } from './ownership';
import { packBatches, READ_BYTES_PER_CELL, rowsPerReadChunk } from './payload';
import { readInPayloadBatches } from './payloadSyncs';

/** Excel's codes for a read that is too big to answer in one response. */
const TOO_BIG = new Set(['ResponsePayloadSizeLimitExceeded', 'RangeExceedsLimit']);

/** What one sheet's read gives: nothing (empty, or the add-in's), or its cells. */
type Read = SheetCells | undefined;

/** The areas of a RangeAreas address ("Sheet1!B5:B6,'My sheet'!H5:I5") without their sheet. */
export function areaAddresses(address: string): string[] {
  if (address === '') return [];
  return address
    .split(/,(?=(?:[^']*'[^']*')*[^']*$)/)
    .map((part) =>
      part
        .slice(part.lastIndexOf('!') + 1)
        .replace(/\$/g, '')
        .trim(),
    )
    .filter((part) => part !== '');
}

function cellsOf(
  sheet: string,
  top: number,
  left: number,
  values: unknown,
  formulas: unknown,
  supports: IsSetSupported,
  merged?: Excel.RangeAreas,
): SheetCells {
  const rows: CellValue[][] = cellRows(values);
  const map = new Map<string, string>();
  if (Array.isArray(formulas)) {
    formulas.forEach((line: unknown, r) => {
      if (!Array.isArray(line)) return;
      line.forEach((formula: unknown, c) => {
        if (typeof formula === 'string' && formula.startsWith('=')) {
          map.set(cellAddress(top + r + 1, left + c + 1), formula);
        }
      });
    });
  }
  const merges =
    supports('ExcelApi', '1.13') && merged !== undefined && !merged.isNullObject
      ? areaAddresses(merged.address)
      : [];
  return { sheet, top: top + 1, left: left + 1, values: rows, formulas: map, merges };
}

/**
 * A range's merged areas, asked in the same request: they need ExcelApi 1.13, and on an
 * older host headers are read without them (a header merged over two rows is then read as
 * its first row only).
 */
function mergedAreas(range: Excel.Range, supports: IsSetSupported): Excel.RangeAreas | undefined {
  return supports('ExcelApi', '1.13')
    ? range.getMergedAreasOrNullObject().load('address')
    : undefined;
}

/** Reads sheets whole, one sync for all; a too-big answer splits the batch in two. */
async function readWhole(
  context: Excel.RequestContext,
  sheets: readonly Excel.Worksheet[],
  found: Map<Excel.Worksheet, Read>,
  supports: IsSetSupported,
): Promise<void> {
  if (sheets.length === 0) return;
  const queued = sheets.map((sheet) => {
    // getUsedRange (A1 on an empty sheet), not …OrNullObject: its merged areas are asked in the same request.
    const used = sheet.getUsedRange(true).load('values, formulas, rowIndex, columnIndex');
    return {
      mark: sheet.names.getItemOrNullObject(OWNER_NAME),
      used,
      merged: mergedAreas(used, supports),
    };
  });
  try {
    await context.sync();
  } catch (error) {
    if (!TOO_BIG.has(excelCodeOf(error) ?? '')) throw error;
    if (sheets.length > 1) {
      const half = Math.ceil(sheets.length / 2);
      await readWhole(context, sheets.slice(0, half), found, supports);
      await readWhole(context, sheets.slice(half), found, supports);
    } else if (sheets[0] !== undefined) {
      found.set(sheets[0], await readInRows(context, sheets[0], supports));
    }
    return;
  }
  sheets.forEach((sheet, i) => {
    const q = queued[i];
    if (!q || !q.mark.isNullObject) {
      found.set(sheet, undefined);
      return;
    }
    const { used } = q;
    found.set(
      sheet,
      cellsOf(
        sheet.name,
        used.rowIndex,
        used.columnIndex,
        used.values,
        used.formulas,
        supports,
        q.merged,
      ),
    );
  });
}

interface Rows {
  readonly top: number;
  readonly count: number;
}

/** One sheet too big for one response: its size, then its rows in runs under the payload limit. */
async function readInRows(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  supports: IsSetSupported,
): Promise<Read> {
  const mark = sheet.names.getItemOrNullObject(OWNER_NAME);
  const used = sheet.getUsedRange(true).load('rowIndex, columnIndex, rowCount, columnCount');
  const merged = mergedAreas(used, supports);
  await context.sync();
  if (!mark.isNullObject) return undefined;
  const { rowIndex, columnIndex, rowCount, columnCount } = used;
  const chunk = Math.max(1, Math.floor(rowsPerReadChunk(columnCount) / 2));
  const parts: { item: Rows; bytes: number }[] = [];
  for (let top = 0; top < rowCount; top += chunk) {
    const count = Math.min(chunk, rowCount - top);
    parts.push({ item: { top, count }, bytes: 2 * count * columnCount * READ_BYTES_PER_CELL });
  }
  const pieces: { top: number; values: unknown; formulas: unknown }[] = [];
  await readInPayloadBatches(
    context,
    packBatches(parts),
    (batch) =>
      batch.map((p) =>
        sheet
          .getRangeByIndexes(rowIndex + p.top, columnIndex, p.count, columnCount)
          .load('values, formulas'),
      ),
    (batch, ranges) =>
      batch.forEach((p, i) => {
        const range = ranges[i];
        if (range) pieces.push({ top: p.top, values: range.values, formulas: range.formulas });
      }),
    (batch) => {
      if (batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        return [batch.slice(0, half), batch.slice(half)];
      }
      const [p] = batch;
      if (!p || p.count < 2) return undefined;
      const first = Math.ceil(p.count / 2);
      return [[{ top: p.top, count: first }], [{ top: p.top + first, count: p.count - first }]];
    },
  );
  pieces.sort((a, b) => a.top - b.top);
  const values = pieces.flatMap((p) => (Array.isArray(p.values) ? (p.values as unknown[]) : []));
  const formulas = pieces.flatMap((p) =>
    Array.isArray(p.formulas) ? (p.formulas as unknown[]) : [],
  );
  return cellsOf(sheet.name, rowIndex, columnIndex, values, formulas, supports, merged);
}

/**
 * The used range of each worksheet the user made (not the add-in's, marked BCF_OWNER,
 * and not very hidden ones), in tab order: two syncs for a workbook whose cells fit
 * one response.
 */
export async function readSheets(
  context: Excel.RequestContext,
  isSetSupported: IsSetSupported,
): Promise<SheetCells[]> {
  const sheets = context.workbook.worksheets.load('items/name, items/visibility');
  await context.sync();
  const wanted = sheets.items.filter((sheet) => sheet.visibility !== 'VeryHidden');
  const found = new Map<Excel.Worksheet, Read>();
  await readWhole(context, wanted, found, isSetSupported);
  return wanted.flatMap((sheet) => {
    const read = found.get(sheet);
    return read === undefined ? [] : [read];
  });
}

/**
 * Finding cells whose formula calls one of the add-in's functions: the used range of
 * every sheet is read (formulas and values together), chunked by rows to stay under the
 * payload limit. Three syncs (sheets, used ranges, cells) plus one per ~4 MB read, and,
 * when any is found, one more per ~4 MB of probes of their results (spills.ts).
 */
import type { FormulaCell } from '../../ports/workbook';
import { boxAddress } from '../../ports/a1';
import { cellValue } from './cellValues';
import { packBatches, READ_BYTES_PER_CELL, rowsPerReadChunk } from './payload';
import type { IsSetSupported } from './excelRun';
import { gridOf, readInPayloadBatches } from './payloadSyncs';
import { withResults } from './spills';

/** A run of rows of one sheet's used range. */
interface Part {
  readonly sheet: Excel.Worksheet;
  readonly sheetName: string;
  readonly top: number;
  readonly left: number;
  readonly rows: number;
  readonly columns: number;
}

/** Whether a formula calls a function whose name starts with `prefix` (outside string literals). */
export function callsFunction(formula: string, prefix: string): boolean {
  if (!formula.startsWith('=')) return false;
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z0-9_.])${escaped}[A-Za-z0-9_.]*\\s*\\(`, 'i').test(code);
}

function split(parts: readonly Part[]): Part[][] | undefined {
  if (parts.length > 1) {
    const half = Math.ceil(parts.length / 2);
    return [parts.slice(0, half), parts.slice(half)];
  }
  const [part] = parts;
  if (!part || part.rows < 2) return undefined;
  const first = Math.ceil(part.rows / 2);
  return [
    [{ ...part, rows: first }],
    [{ ...part, top: part.top + first, rows: part.rows - first }],
  ];
}

function chunksOf(part: Part): Part[] {
  const chunk = Math.max(1, Math.floor(rowsPerReadChunk(part.columns) / 2));
  const chunks: Part[] = [];
  for (let offset = 0; offset < part.rows; offset += chunk) {
    chunks.push({ ...part, top: part.top + offset, rows: Math.min(chunk, part.rows - offset) });
  }
  return chunks;
}

/**
 * Every formula cell calling a function whose name starts with `prefix`, sheet by sheet,
 * with what its result is (an error; the block a dynamic array spills into: spills.ts).
 */
export async function findFormulas(
  context: Excel.RequestContext,
  prefix: string,
  isSetSupported: IsSetSupported,
): Promise<FormulaCell[]> {
  const sheets = context.workbook.worksheets.load('items/name');
  await context.sync();
  const used = sheets.items.map((sheet) =>
    sheet.getUsedRangeOrNullObject(true).load('rowIndex, columnIndex, rowCount, columnCount'),
  );
  await context.sync();
  const parts = sheets.items.flatMap((sheet, i) => {
    const range = used[i];
    if (!range || range.isNullObject) return [];
    const whole = {
      sheet,
      sheetName: sheet.name,
      top: range.rowIndex,
      left: range.columnIndex,
      rows: range.rowCount,
      columns: range.columnCount,
    };
    return chunksOf(whole);
  });
  const found: FormulaCell[] = [];
  const sized = parts.map((part) => ({
    item: part,
    bytes: 2 * part.rows * part.columns * READ_BYTES_PER_CELL,
  }));
  await readInPayloadBatches(
    context,
    packBatches(sized),
    (batch) =>
      batch.map((p) =>
        p.sheet.getRangeByIndexes(p.top, p.left, p.rows, p.columns).load('formulas, values'),
      ),
    (batch, ranges) => {
      // Checked whole before anything is collected: a batch may be read again in halves.
      const read = batch.map((part, i) => {
        const what = `rows ${part.top + 1} to ${part.top + part.rows} of sheet "${part.sheetName}"`;
        const range = ranges[i];
        return {
          part,
          formulas: gridOf(range?.formulas, part.rows, part.columns, what),
          values: gridOf(range?.values, part.rows, part.columns, what),
        };
      });
      for (const { part, formulas, values } of read) collect(part, formulas, values, prefix, found);
    },
    split,
  );
  if (found.length === 0) return found;
  const byName = new Map(sheets.items.map((sheet) => [sheet.name, sheet]));
  return withResults(context, found, byName, isSetSupported);
}

function collect(
  part: Part,
  formulas: unknown[][],
  values: unknown[][],
  prefix: string,
  found: FormulaCell[],
): void {
  formulas.forEach((row, r) =>
    row.forEach((formula, c) => {
      if (typeof formula !== 'string' || !callsFunction(formula, prefix)) return;
      const address = boxAddress({
        top: part.top + r + 1,
        left: part.left + c + 1,
        bottom: part.top + r + 1,
        right: part.left + c + 1,
      });
      found.push({ sheet: part.sheetName, address, formula, value: cellValue(values[r]?.[c]) });
    }),
  );
}

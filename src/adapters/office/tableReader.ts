/**
 * Reading tables through Office.js in a fixed number of syncs: one for every table's
 * name, sheet and size, one more for headers and bodies (plus one per ~4 MB of body
 * values, see payload.ts), however many tables and rows there are.
 */
import type { CellValue, TableData, TableInfo } from '../../ports/workbook';
import { cellRows, headerTexts } from './cellValues';
import { OfficeErrorCode, officeFail } from './errors';
import { packBatches, READ_BYTES_PER_CELL, rowsPerReadChunk } from './payload';
import { checkedGrid, gridOf, readInPayloadBatches } from './payloadSyncs';

/** What one sync tells of a table. */
interface TableMeta {
  readonly table: Excel.Table;
  readonly name: string;
  readonly sheet: string;
  readonly sheetPosition: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** A piece of a table to read: its header row, or a run of body rows. */
type ReadPart =
  | { readonly kind: 'header'; readonly meta: TableMeta }
  | {
      readonly kind: 'body';
      readonly meta: TableMeta;
      readonly start: number;
      readonly count: number;
    };

interface HeaderRead {
  readonly headers: string[];
  readonly headerRow: number;
  readonly firstColumn: number;
}

/** Loads every table's name, sheet and size in one sync. */
export async function loadTableMeta(context: Excel.RequestContext): Promise<TableMeta[]> {
  const tables = context.workbook.tables.load(
    'items/name, items/worksheet/name, items/worksheet/position, items/rows/count, items/columns/count',
  );
  await context.sync();
  return tables.items.map((table) => ({
    table,
    name: table.name,
    sheet: table.worksheet.name,
    sheetPosition: table.worksheet.position,
    rowCount: table.rows.count,
    columnCount: table.columns.count,
  }));
}

function info(meta: TableMeta, header: HeaderRead): TableInfo {
  return { name: meta.name, sheet: meta.sheet, rowCount: meta.rowCount, ...header };
}

function inSheetOrder(
  a: TableInfo & { sheetPosition: number },
  b: TableInfo & { sheetPosition: number },
): number {
  return (
    a.sheetPosition - b.sheetPosition || a.headerRow - b.headerRow || a.firstColumn - b.firstColumn
  );
}

/** Every table with its headers and position, in sheet order (two syncs). */
export async function listTables(context: Excel.RequestContext): Promise<TableInfo[]> {
  const metas = await loadTableMeta(context);
  const headers = metas.map((meta) =>
    meta.table.getHeaderRowRange().load('values, rowIndex, columnIndex'),
  );
  await context.sync();
  metas.forEach((meta, i) =>
    checkedGrid(headers[i]?.values, 1, meta.columnCount, `the header row of table "${meta.name}"`),
  );
  return metas
    .map((meta, i) => {
      const range = headers[i];
      const header = range ? headerOf(range) : { headers: [], headerRow: 0, firstColumn: 0 };
      return { ...info(meta, header), sheetPosition: meta.sheetPosition };
    })
    .sort(inSheetOrder)
    .map(({ sheetPosition: _position, ...table }) => table);
}

function headerOf(range: Excel.Range): HeaderRead {
  return {
    headers: headerTexts(range.values),
    headerRow: range.rowIndex + 1,
    firstColumn: range.columnIndex + 1,
  };
}

function findMeta(metas: readonly TableMeta[], name: string): TableMeta {
  const found = metas.find((meta) => meta.name.toLowerCase() === name.toLowerCase());
  if (found) return found;
  const known = metas.map((meta) => meta.name).join(', ') || 'none';
  return officeFail(
    OfficeErrorCode.TABLE_NOT_FOUND,
    `There is no table named "${name}" in this workbook (tables: ${known}).`,
  );
}

function partsOf(meta: TableMeta): ReadPart[] {
  const parts: ReadPart[] = [{ kind: 'header', meta }];
  const chunk = rowsPerReadChunk(meta.columnCount);
  for (let start = 0; start < meta.rowCount; start += chunk) {
    parts.push({ kind: 'body', meta, start, count: Math.min(chunk, meta.rowCount - start) });
  }
  return parts;
}

function bytesOf(part: ReadPart): number {
  const rows = part.kind === 'header' ? 1 : part.count;
  return rows * Math.max(part.meta.columnCount, 1) * READ_BYTES_PER_CELL;
}

function queuePart(part: ReadPart): Excel.Range {
  if (part.kind === 'header')
    return part.meta.table.getHeaderRowRange().load('values, rowIndex, columnIndex');
  const body = part.meta.table.getDataBodyRange().getRow(part.start);
  return body.getResizedRange(part.count - 1, 0).load('values');
}

function splitParts(parts: readonly ReadPart[]): ReadPart[][] | undefined {
  if (parts.length > 1) {
    const half = Math.ceil(parts.length / 2);
    return [parts.slice(0, half), parts.slice(half)];
  }
  const [part] = parts;
  if (part?.kind !== 'body' || part.count < 2) return undefined;
  const first = Math.ceil(part.count / 2);
  return [
    [{ ...part, count: first }],
    [{ ...part, start: part.start + first, count: part.count - first }],
  ];
}

/**
 * A part's values, checked to be the rows and columns asked for: a host may answer an
 * oversized read with `null` values rather than an error, and a table read as `[]`
 * would silently lose its rows.
 */
function checkedRows(part: ReadPart, range: Excel.Range | undefined): CellValue[][] {
  const { name, columnCount } = part.meta;
  const [rows, what] =
    part.kind === 'header'
      ? [1, `the header row of table "${name}"`]
      : [
          part.count,
          part.count === 1
            ? `row ${part.start + 1} of table "${name}"`
            : `rows ${part.start + 1} to ${part.start + part.count} of table "${name}"`,
        ];
  return cellRows(gridOf(range?.values, rows, Math.max(columnCount, 1), what));
}

/** Reads the named tables: headers and bodies, chunked to stay under the payload limit. */
export async function readTables(
  context: Excel.RequestContext,
  names: readonly string[],
): Promise<TableData[]> {
  const metas = await loadTableMeta(context);
  const wanted = [...new Set(names.map((name) => findMeta(metas, name)))];
  const headers = new Map<TableMeta, HeaderRead>();
  const bodies = new Map<TableMeta, { start: number; rows: CellValue[][] }[]>();
  const parts = wanted.flatMap(partsOf).map((part) => ({ item: part, bytes: bytesOf(part) }));
  await readInPayloadBatches(
    context,
    packBatches(parts),
    (batch) => batch.map(queuePart),
    (batch, ranges) => {
      // Every part is checked before any is recorded, so a batch read again in halves
      // (see readInPayloadBatches) records nothing twice.
      const read = batch.map((part, i) => ({
        part,
        range: ranges[i],
        rows: checkedRows(part, ranges[i]),
      }));
      for (const { part, range, rows } of read) {
        if (part.kind === 'header' && range) headers.set(part.meta, headerOf(range));
        else if (part.kind === 'body')
          bodies.set(part.meta, [...(bodies.get(part.meta) ?? []), { start: part.start, rows }]);
      }
    },
    splitParts,
  );
  return names.map((name) => {
    const meta = findMeta(wanted, name);
    const chunks = [...(bodies.get(meta) ?? [])].sort((a, b) => a.start - b.start);
    const header = headers.get(meta) ?? { headers: [], headerRow: 0, firstColumn: 0 };
    return { ...info(meta, header), rows: chunks.flatMap((chunk) => chunk.rows) };
  });
}

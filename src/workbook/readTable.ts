import type { CellValue, TableData } from '../ports/workbook';
import { cellAddress, columnNumber, sheetRef } from '../ports/a1';
import {
  isBlank,
  nameKey,
  parseAmount,
  parseFraction,
  parseInteger,
  parseNumber,
  parseOption,
  parseText,
  type Parsed,
} from './cells';
import {
  FindingCode,
  cellFinding,
  quoteCell,
  tableFinding,
  type CellPlace,
  type Finding,
} from './findings';
import { matchHeaders, type ColumnMatch } from './headers';
import { placeOf, type InputRow, type InputTable, type TypedValue } from './inputTable';
import type { ColumnType, TableKind } from './tableSchema';

/** Reads one cell by its column's type. */
export function parseCell(value: CellValue, type: ColumnType): Parsed<TypedValue> {
  switch (type.kind) {
    case 'amount':
      return parseAmount(value, type);
    case 'number':
      return parseNumber(value, type);
    case 'fraction':
      return parseFraction(value, type);
    case 'integer':
      return parseInteger(value, type);
    case 'text':
      return parseText(value, type);
    case 'enum':
      return parseOption(value, type.options);
  }
}

/** "Contracts table on Contracts!B3": how table findings name a table. */
export function tableText(data: TableData, kind: TableKind): string {
  const label = data.name === kind.defaultName ? data.name : `${data.name} (${kind.defaultName})`;
  const corner = cellAddress(data.headerRow, data.firstColumn);
  return `${label} table on ${sheetRef(data.sheet)}!${corner}`;
}

function headerFindings(data: TableData, kind: TableKind): Finding[] {
  const match = matchHeaders(kind, data.headers);
  const where = {
    sheet: data.sheet,
    table: data.name,
    address: cellAddress(data.headerRow, data.firstColumn),
  };
  const missing = match.missing.map((spec) => {
    const also = spec.aliases.length > 0 ? ` (also accepted: ${spec.aliases.join(', ')})` : '';
    return tableFinding(
      FindingCode.MISSING_COLUMN,
      where,
      `${tableText(data, kind)}: no "${spec.header}" column${also}.`,
    );
  });
  const repeated = match.repeated.map(({ spec, headers }) =>
    tableFinding(
      FindingCode.DUPLICATE_COLUMN,
      where,
      `${tableText(data, kind)}: the columns ${headers.map((h) => `"${h}"`).join(' and ')} all mean "${spec.header}"; keep one.`,
    ),
  );
  return [...missing, ...repeated];
}

/** The place of a cell in one of the table's own columns (so always there). */
function placeIn(table: InputTable, row: number, id: string): CellPlace {
  return placeOf(table, row, id) as CellPlace;
}

function readRow(
  table: InputTable,
  cells: readonly CellValue[],
  row: number,
  findings: Finding[],
): InputRow {
  const values: Record<string, TypedValue> = {};
  const invalid = new Set<string>();
  for (const [id, match] of table.columns) {
    const value = cells[match.index] ?? null;
    // The cell's place (and its address) is made only for a finding: most cells have none.
    if (isBlank(value)) {
      if (match.spec.required) {
        findings.push(
          cellFinding(
            FindingCode.BLANK,
            placeIn(table, row, id),
            value,
            'the cell is blank; a value is required.',
          ),
        );
      }
      continue;
    }
    const parsed = parseCell(value, match.spec.type);
    if (parsed.ok) values[id] = parsed.value;
    else {
      invalid.add(id);
      findings.push(cellFinding(parsed.code, placeIn(table, row, id), value, parsed.problem));
    }
  }
  return { row, values, invalid };
}

function keyText(value: TypedValue | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? nameKey(value) : value.toString();
}

function duplicateFindings(table: InputTable, raw: readonly (readonly CellValue[])[]): Finding[] {
  const parts = table.kind.key.flatMap((id) => {
    const match = table.columns.get(id);
    return match === undefined ? [] : [{ id, match }];
  });
  const last = parts[parts.length - 1];
  if (last === undefined) return [];
  const firstRowOf = new Map<string, number>();
  const findings: Finding[] = [];
  for (const row of table.rows) {
    if (parts.some((p) => p.match.spec.required && row.values[p.id] === undefined)) continue;
    const key = JSON.stringify(parts.map((p) => keyText(row.values[p.id])));
    const first = firstRowOf.get(key);
    if (first === undefined) {
      firstRowOf.set(key, row.row);
      continue;
    }
    const place = placeOf(table, row.row, last.id);
    const value = raw[row.row - 1]?.[last.match.index] ?? null;
    if (place !== undefined) {
      findings.push(
        cellFinding(
          FindingCode.DUPLICATE,
          place,
          value,
          duplicateText(
            value,
            first,
            parts.map((p) => p.match),
          ),
        ),
      );
    }
  }
  return findings;
}

function duplicateText(value: CellValue, first: number, parts: readonly ColumnMatch[]): string {
  const last = parts[parts.length - 1];
  if (parts.length === 1 && last !== undefined) {
    return `${quoteCell(value)} repeats row ${first}; each ${last.header} may appear once.`;
  }
  const others = parts.slice(0, -1).map((p) => p.header);
  const together =
    others.length === 1
      ? others[0]
      : `${others.slice(0, -1).join(', ')} and ${others[others.length - 1]}`;
  return `${quoteCell(value)} repeats row ${first} with the same ${together}; each combination may appear once.`;
}

/** Cell findings sorted by row, then left to right (stable). */
function inReadingOrder(findings: readonly Finding[]): Finding[] {
  const column = (f: Finding): number => columnNumber(f.address ?? '');
  return [...findings].sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || column(a) - column(b));
}

/**
 * Reads one input table against its kind: matches the headers, types every cell of the
 * kind's columns, and checks the key for repeats. Wholly blank rows are skipped.
 *
 * @returns the typed table and every finding (missing or repeated columns, bad cells,
 *   blank required cells, repeated keys), in reading order.
 */
export function readTable(
  data: TableData,
  kind: TableKind,
): { readonly table: InputTable; readonly findings: readonly Finding[] } {
  const match = matchHeaders(kind, data.headers);
  const columns = new Map(match.columns.map((c) => [c.spec.id, c]));
  const shell: InputTable = { kind, info: data, columns, rows: [] };
  const findings: Finding[] = [];
  const rows: InputRow[] = [];
  data.rows.forEach((cells, i) => {
    if (cells.every((c) => isBlank(c))) return;
    rows.push(readRow(shell, cells, i + 1, findings));
  });
  const table: InputTable = { ...shell, rows };
  const cellFindings = [...findings, ...duplicateFindings(table, data.rows)];
  return { table, findings: [...headerFindings(data, kind), ...inReadingOrder(cellFindings)] };
}

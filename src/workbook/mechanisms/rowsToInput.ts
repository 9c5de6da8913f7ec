import type { Dec } from '../../engine/decimal';
import { nameKey } from '../cells';
import { FindingCode, cellFinding, type CellPlace, type Finding } from '../findings';
import { placeOf, textOf, type InputRow, type InputTable } from '../inputTable';
import { paramFinding } from '../params';

/**
 * Turning typed table rows into engine inputs, for every mechanism's builder: recording
 * where each engine field came from, choosing a contract's rows, splitting and matching
 * names, and the cross-row findings.
 */

/** Collects engine field path → cell place while a builder works. */
export class OriginRecorder {
  readonly map = new Map<string, CellPlace>();

  /** Records that `path` came from `row`'s cell of `columnId` (skipped when the table lacks it). */
  add(path: string, table: InputTable, row: InputRow, columnId: string): void {
    const place = placeOf(table, row.row, columnId);
    if (place !== undefined) this.map.set(path, place);
  }

  /** Records several fields of one row: `{ amount: 'amount', partner: 'partner' }` under `prefix`. */
  addRow(
    prefix: string,
    table: InputTable,
    row: InputRow,
    fields: Readonly<Record<string, string>>,
  ): void {
    const first = Object.values(fields)[0];
    if (first !== undefined) this.add(prefix, table, row, first);
    for (const [field, columnId] of Object.entries(fields)) {
      this.add(`${prefix}.${field}`, table, row, columnId);
    }
  }
}

/** Whether two names are the same ignoring case and spacing. */
export const sameName = (a: string, b: string): boolean => nameKey(a) === nameKey(b);

/**
 * The rows of a table that belong to a contract: rows whose Contract ID is the given one
 * or blank (applies to every contract). Without a contract, or a Contract ID column, all rows.
 */
export function rowsFor(table: InputTable | undefined, contractId: string | undefined): InputRow[] {
  if (table === undefined) return [];
  if (contractId === undefined || !table.columns.has('contractId')) return [...table.rows];
  return table.rows.filter((r) => {
    const id = textOf(r, 'contractId');
    return id === undefined || sameName(id, contractId);
  });
}

/**
 * A finding on one cell of a row, with its value shown as read; none when that cell
 * could not be read (it has its finding already: one finding per cell).
 */
export function rowFinding(
  code: string,
  table: InputTable,
  row: InputRow,
  columnId: string,
  problem: string,
): Finding[] {
  const place = placeOf(table, row.row, columnId);
  if (place === undefined || row.invalid.has(columnId)) return [];
  const value = row.values[columnId];
  const shown = value === undefined ? null : typeof value === 'number' ? value : value.toString();
  return [cellFinding(code, place, shown, problem)];
}

/** Contract IDs named in a message before the rest are counted. */
const NAMED_IDS = 5;

/** "C1, C2, C3, C4, C5 and 99,995 more": the first few Contract IDs of the rows. */
function someIds(rows: readonly InputRow[]): string {
  const ids = rows.slice(0, NAMED_IDS).map((r) => textOf(r, 'contractId') ?? '?');
  const rest = rows.length - ids.length;
  return rest > 0 ? `${ids.join(', ')} and ${rest.toLocaleString('en-GB')} more` : ids.join(', ');
}

/** Chooses the contract a run is about: the `contract` parameter, or the only row. */
export function chooseContract(
  table: InputTable | undefined,
  wanted: string | undefined,
): { readonly row?: InputRow; readonly findings: readonly Finding[] } {
  const rows = table?.rows ?? [];
  if (wanted === undefined) {
    const [only] = rows;
    if (rows.length === 1 && only !== undefined) return { row: only, findings: [] };
    if (rows.length === 0) return { findings: [] };
    return {
      findings: [
        paramFinding(
          'Contract',
          `the Contracts table has ${rows.length.toLocaleString('en-GB')} contracts (${someIds(rows)}); choose one.`,
        ),
      ],
    };
  }
  const row = rows.find((r) => sameName(textOf(r, 'contractId') ?? '', wanted));
  if (row !== undefined) return { row, findings: [] };
  return {
    findings: [
      paramFinding('Contract', `"${wanted}" is not a Contract ID in the Contracts table.`),
    ],
  };
}

/** Splits a list of names written in one cell: "Circle; Bedfordshire CCG" (semicolons or new lines). */
export function splitNames(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** A finding that a name in one table is not defined where it should be. */
export function unknownName(
  table: InputTable,
  row: InputRow,
  columnId: string,
  what: string,
  known: readonly string[],
): Finding[] {
  const list = known.length > 0 ? ` (${known.join(', ')})` : '';
  const name = textOf(row, columnId) ?? '';
  return rowFinding(
    FindingCode.UNKNOWN_NAME,
    table,
    row,
    columnId,
    `"${name}" is not ${what}${list}.`,
  );
}

/** A decimal as plain text for messages, e.g. "0.95". */
export const plainText = (value: Dec): string => value.toString();

import type { TableData, WorkbookReader } from '../ports/workbook';
import { cellAddress, sheetRef } from '../ports/a1';
import { FindingCode, tableFinding, type Finding } from './findings';
import type { InputTable } from './inputTable';
import { locateTables, type WantedTable } from './locate';
import { readTable } from './readTable';
import type { TableKindId } from './tableSchema';

/** The input tables of a run, typed, by kind (absent: an optional table not in the workbook). */
export type InputTables = Partial<Record<TableKindId, InputTable>>;

/**
 * Reads the input tables a run needs: one `listTables` and one `readTables` call. Every
 * finding is collected (missing tables and columns, bad and blank cells, repeated keys,
 * required tables with no rows filled in); nothing stops at the first.
 *
 * @param reader - the workbook.
 * @param wanted - the kinds to read and whether each is required.
 * @param names - table names chosen by the user, by kind.
 * @param standIns - tables given instead of the workbook's, by kind (see standIns.ts):
 *   the workbook is not searched for those kinds.
 * @returns the typed tables and all findings.
 */
export async function readInputTables(
  reader: WorkbookReader,
  wanted: readonly WantedTable[],
  names: Partial<Record<TableKindId, string>> = {},
  standIns: ReadonlyMap<TableKindId, TableData> = new Map(),
): Promise<{ readonly tables: InputTables; readonly findings: readonly Finding[] }> {
  const inWorkbook = wanted.filter((w) => !standIns.has(w.kind.id));
  const located: ReturnType<typeof locateTables> =
    inWorkbook.length === 0
      ? { found: new Map(), findings: [] }
      : locateTables(await reader.listTables(), inWorkbook, names);
  const findings: Finding[] = [...located.findings];
  const chosen = [...located.found.values()].map((t) => t.name);
  const data = chosen.length === 0 ? [] : await reader.readTables(chosen);
  const tables: InputTables = {};
  for (const { kind, required } of wanted) {
    const info = located.found.get(kind.id);
    const body =
      standIns.get(kind.id) ??
      (info === undefined ? undefined : data.find((d) => d.name === info.name));
    if (body === undefined) continue;
    const read = readTable(body, kind);
    findings.push(...read.findings);
    if (required && read.table.rows.length === 0) {
      findings.push(
        tableFinding(
          FindingCode.EMPTY_TABLE,
          {
            sheet: body.sheet,
            table: body.name,
            address: cellAddress(body.headerRow, body.firstColumn),
          },
          `The ${body.name} table on ${sheetRef(body.sheet)} has no rows filled in.`,
        ),
      );
    }
    tables[kind.id] = read.table;
  }
  return { tables, findings };
}

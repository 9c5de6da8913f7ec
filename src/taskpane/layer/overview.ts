/**
 * What the pane shows of a workbook before a run: its tables, which mechanisms have the
 * tables they need, the parties of the contracts and the partners of the pooled fund.
 * One `listTables` and, when there are contracts or contributions, one `readTables`.
 */
import type { TableInfo, Workbook } from '../../ports/workbook';
import { textOf, type InputTable } from '../../workbook/inputTable';
import { locateTables } from '../../workbook/locate';
import { MECHANISMS } from '../../workbook/mechanisms/index';
import { readInputTables } from '../../workbook/readInputs';
import { TABLE_KINDS } from '../../workbook/tableKinds';
import { MECHANISM_IDS, type MechanismStatus, type WorkbookOverview } from '../operations';
import { LAYER_ID } from './mechanismIds';

function statusOf(
  mechanism: (typeof MECHANISM_IDS)[number],
  tables: readonly TableInfo[],
): MechanismStatus {
  const def = MECHANISMS[LAYER_ID[mechanism]];
  if (def === undefined) {
    return {
      mechanism,
      ready: false,
      missing: [],
      reason: 'Not available in this version of the add-in.',
    };
  }
  const { found } = locateTables(tables, def.tables);
  const missing = def.tables
    .filter(({ kind, required }) => required && (found.get(kind.id)?.rowCount ?? 0) === 0)
    .map(({ kind }) => kind.defaultName);
  return { mechanism, ready: missing.length === 0, missing };
}

/** Adds names in order, once each (ignoring case and spacing). */
function addNames(into: string[], names: readonly (string | undefined)[]): void {
  for (const name of names) {
    const clean = name?.trim() ?? '';
    const key = clean.toLowerCase().replace(/\s+/g, ' ');
    if (clean !== '' && !into.some((n) => n.toLowerCase().replace(/\s+/g, ' ') === key))
      into.push(clean);
  }
}

/** Provider first, then commissioner, then any other parties (";"-separated), row by row. */
function contractParties(table: InputTable | undefined): string[] {
  const parties: string[] = [];
  for (const row of table?.rows ?? []) {
    const others = (textOf(row, 'parties') ?? '').split(/[;\n]/);
    addNames(parties, [textOf(row, 'provider'), textOf(row, 'commissioner'), ...others]);
  }
  return parties;
}

function partnersOf(table: InputTable | undefined): string[] {
  const partners: string[] = [];
  addNames(
    partners,
    (table?.rows ?? []).map((row) => textOf(row, 'partner')),
  );
  return partners;
}

export async function workbookOverview(workbook: Workbook): Promise<WorkbookOverview> {
  const tables = await workbook.listTables();
  const mechanisms = MECHANISM_IDS.map((id) => statusOf(id, tables));
  const wanted = [
    { kind: TABLE_KINDS.contracts, required: false },
    { kind: TABLE_KINDS.contributions, required: false },
  ];
  const located = locateTables(tables, wanted);
  const read = located.found.size === 0 ? undefined : await readInputTables(workbook, wanted);
  return {
    tables,
    mechanisms,
    parties: contractParties(read?.tables.contracts),
    partners: partnersOf(read?.tables.contributions),
  };
}

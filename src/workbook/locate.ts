import type { TableInfo } from '../ports/workbook';
import { sheetRef } from '../ports/a1';
import { FindingCode, tableFinding, type Finding } from './findings';
import { hasRequiredHeaders } from './headers';
import type { TableKind, TableKindId } from './tableSchema';

/**
 * Finding input tables. A kind's table is, in order of preference:
 * 1. the table named in `names` (the user chose it), which must then exist;
 * 2. the table with the kind's default name (e.g. `Contributions`), any case;
 * 3. the one table whose header row has all the kind's required columns, among tables
 *    not named after another kind and not made by the add-in (names starting `BCF_`).
 * Two or more header matches are ambiguous: a finding asks for the table to be named.
 */

/** Prefix of the names of tables the add-in writes on its result sheets. */
export const ADDIN_TABLE_PREFIX = 'BCF_';

/** A kind wanted by a run, and whether the run cannot go on without it. */
export interface WantedTable {
  readonly kind: TableKind;
  readonly required: boolean;
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const describe = (t: TableInfo): string => `${t.name} on ${sheetRef(t.sheet)}`;

function byHeaders(
  kind: TableKind,
  tables: readonly TableInfo[],
  reserved: ReadonlySet<string>,
): TableInfo[] {
  return tables.filter(
    (t) =>
      !reserved.has(t.name.toLowerCase()) &&
      !t.name.startsWith(ADDIN_TABLE_PREFIX) &&
      hasRequiredHeaders(kind, t.headers),
  );
}

function requiredHeaders(kind: TableKind): string {
  return kind.columns
    .filter((c) => c.required)
    .map((c) => c.header)
    .join(', ');
}

/**
 * Chooses the table for each wanted kind.
 *
 * @param tables - every table in the workbook (`listTables`).
 * @param wanted - the kinds a run reads.
 * @param names - table names chosen by the user, by kind, overriding the defaults.
 * @returns the chosen tables by kind, and findings for required tables not found,
 *   named tables that do not exist and ambiguous header matches.
 */
export function locateTables(
  tables: readonly TableInfo[],
  wanted: readonly WantedTable[],
  names: Partial<Record<TableKindId, string>> = {},
): { readonly found: ReadonlyMap<TableKindId, TableInfo>; readonly findings: readonly Finding[] } {
  const found = new Map<TableKindId, TableInfo>();
  const findings: Finding[] = [];
  const reserved = new Set(
    wanted.map(({ kind }) => (names[kind.id] ?? kind.defaultName).toLowerCase()),
  );
  for (const { kind, required } of wanted) {
    const chosen = names[kind.id];
    const wantedName = chosen ?? kind.defaultName;
    const named = tables.find((t) => same(t.name, wantedName));
    if (named !== undefined) {
      found.set(kind.id, named);
      continue;
    }
    if (chosen !== undefined) {
      findings.push(
        tableFinding(
          FindingCode.MISSING_TABLE,
          { table: chosen },
          `There is no table named "${chosen}" (chosen as the ${kind.defaultName} table).`,
        ),
      );
      continue;
    }
    const candidates = byHeaders(kind, tables, reserved);
    const [only] = candidates;
    if (candidates.length === 1 && only !== undefined) {
      found.set(kind.id, only);
    } else if (candidates.length > 1) {
      findings.push(
        tableFinding(
          FindingCode.AMBIGUOUS_TABLE,
          { table: kind.defaultName },
          `More than one table could be the ${kind.defaultName} table (${candidates.map(describe).join('; ')}); name the one to use "${kind.defaultName}".`,
        ),
      );
    } else if (required) {
      findings.push(
        tableFinding(
          FindingCode.MISSING_TABLE,
          { table: kind.defaultName },
          `No ${kind.defaultName} table: add an Excel table named "${kind.defaultName}" with the headers ${requiredHeaders(kind)}.`,
        ),
      );
    }
  }
  return { found, findings };
}

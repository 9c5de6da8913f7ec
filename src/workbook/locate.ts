import type { TableInfo } from '../ports/workbook';
import { sheetRef } from '../ports/a1';
import { FindingCode, tableFinding, type Finding } from './findings';
import { columnKeys, matchHeaders } from './headers';
import { TABLE_KINDS } from './tableKinds';
import type { ColumnSpec, TableKind, TableKindId } from './tableSchema';

/**
 * Finding input tables. A kind's table is, in order of preference:
 * 1. the table named in `names` (the user chose it), which must then exist;
 * 2. the table with the kind's default name (e.g. `Contributions`), any case;
 * 3. the one table the kind claims by its header row, among tables not named after any
 *    kind (or chosen for one) and not made by the add-in (names starting `BCF_`).
 *
 * A kind claims a header row that has all its required columns and at least one column
 * of its own: not a name column other kinds share (Partner, Party, Contract ID...). So a
 * Contributions table (Partner, Scheme, Amount) is never RiskShareTerms, whose only
 * required column is Party: that needs a cap or quality column too. When several kinds
 * claim one table, the kind that recognises more of its headers keeps it (a planned
 * spend table by Plan year, Partner, Scheme and Amount is not the Contributions table);
 * a kind left without a table is reported missing, not filled by a lookalike.
 * Two or more tables claimed equally are ambiguous: a finding asks for one to be named.
 *
 * Plain ranges (cells under a header row that are not an Excel table, see
 * plainRanges.ts) compete in step 3 with the tables claimed by their headers: a kind
 * claimed by a plain range and by an Excel table (or by two plain ranges) is ambiguous,
 * and the finding names each and asks for one to be chosen, by a column mapping or by
 * naming the table.
 */

/** Prefix of the names of tables the add-in writes on its result sheets. */
export const ADDIN_TABLE_PREFIX = 'BCF_';

/** A kind wanted by a run, and whether the run cannot go on without it. */
export interface WantedTable {
  readonly kind: TableKind;
  readonly required: boolean;
}

const same = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const describe = (t: TableInfo): string =>
  t.range === undefined ? `${t.name} on ${sheetRef(t.sheet)}` : `the range ${t.name}`;

const KINDS: readonly TableKind[] = Object.values(TABLE_KINDS);
const sharedColumnsByKind = new Map<TableKindId, ReadonlySet<ColumnSpec>>();

/** A kind's text columns whose headers another kind also accepts: names of parties, contracts... */
function sharedNameColumns(kind: TableKind): ReadonlySet<ColumnSpec> {
  const known = sharedColumnsByKind.get(kind.id);
  if (known !== undefined) return known;
  const othersKeys = new Set(
    KINDS.filter((k) => k.id !== kind.id).flatMap((k) =>
      k.columns.flatMap((c) => [...columnKeys(c)]),
    ),
  );
  const shared = new Set(
    kind.columns.filter(
      (c) => c.type.kind === 'text' && [...columnKeys(c)].some((key) => othersKeys.has(key)),
    ),
  );
  sharedColumnsByKind.set(kind.id, shared);
  return shared;
}

/**
 * How well a header row fits a kind: how many of the kind's columns it has, or 0 when
 * the kind does not claim it (a required column missing, or only shared name columns).
 */
function headerFit(kind: TableKind, headers: readonly string[]): number {
  const match = matchHeaders(kind, headers);
  if (match.missing.length > 0) return 0;
  const shared = sharedNameColumns(kind);
  const specs = [...match.columns.map((c) => c.spec), ...match.years.map((y) => y.spec)];
  return specs.some((spec) => !shared.has(spec)) ? specs.length : 0;
}

/** Whether a kind claims a header row and no other kind claims it better. */
function claimsHeaders(kind: TableKind, headers: readonly string[]): boolean {
  const fit = headerFit(kind, headers);
  return fit > 0 && KINDS.every((k) => k.id === kind.id || headerFit(k, headers) <= fit);
}

function claims(kind: TableKind, table: TableInfo): boolean {
  return claimsHeaders(kind, table.headers);
}

/** Whether any kind claims a header row (how plain ranges are found). */
export function claimedByAnyKind(headers: readonly string[]): boolean {
  return KINDS.some((kind) => headerFit(kind, headers) > 0);
}

function byHeaders(
  kind: TableKind,
  tables: readonly TableInfo[],
  reserved: ReadonlySet<string>,
): TableInfo[] {
  return tables.filter(
    (t) =>
      !reserved.has(t.name.toLowerCase()) &&
      !t.name.startsWith(ADDIN_TABLE_PREFIX) &&
      claims(kind, t),
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
 * @param ranges - the plain ranges found in the workbook (plainRanges.ts), if searched.
 * @returns the chosen tables (or ranges) by kind, and findings for required tables not
 *   found, named tables that do not exist and ambiguous header matches.
 */
export function locateTables(
  tables: readonly TableInfo[],
  wanted: readonly WantedTable[],
  names: Partial<Record<TableKindId, string>> = {},
  ranges: readonly TableInfo[] = [],
): { readonly found: ReadonlyMap<TableKindId, TableInfo>; readonly findings: readonly Finding[] } {
  const found = new Map<TableKindId, TableInfo>();
  const findings: Finding[] = [];
  const reserved = new Set(
    [...KINDS.map((kind) => kind.defaultName), ...Object.values(names)].map((name) =>
      name.toLowerCase(),
    ),
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
    const candidates = [
      ...byHeaders(kind, tables, reserved),
      ...ranges.filter((r) => claims(kind, r)),
    ];
    const [only] = candidates;
    if (candidates.length === 1 && only !== undefined) {
      found.set(kind.id, only);
    } else if (candidates.length > 1) {
      findings.push(
        tableFinding(
          FindingCode.AMBIGUOUS_TABLE,
          { table: kind.defaultName },
          candidates.some((c) => c.range !== undefined)
            ? `More than one table or range could be the ${kind.defaultName} table (${candidates.map(describe).join('; ')}); choose one: map it with a column mapping (--map), or name the Excel table "${kind.defaultName}".`
            : `More than one table could be the ${kind.defaultName} table (${candidates.map(describe).join('; ')}); name the one to use "${kind.defaultName}".`,
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

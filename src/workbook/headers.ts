import { headerKey, headerReadings, normalYear, type HeaderReading } from './headerText';
import type { ColumnSpec, TableKind } from './tableSchema';

export { headerKey } from './headerText';

/**
 * Header matching. A header matches a column when, ignoring case, spaces and line
 * breaks, it equals the column's header or one of its aliases; an amount column also
 * accepts the same with "(£)" after or "£" before ("Expenditure (£)"), and a percentage
 * column with "(%)" or "%" after or "%" before ("% NHS", "Weight (%)"). Failing that,
 * the header is read without its trailing footnote marks, a trailing note in brackets,
 * a plan year and a currency or unit mark (see headerText.ts), in that order, the first
 * reading that matches winning: "Scheme Type (see table below for descriptions)" is the
 * Scheme type column, "Expenditure (£000) 2024-25" the Expenditure column for 2024-25
 * in thousands of pounds. A unit mark is taken only on an amount column, a year only on
 * a column of figures.
 */

/** Every header key a column accepts. */
export function columnKeys(spec: ColumnSpec): Set<string> {
  const keys = new Set<string>();
  for (const name of [spec.header, ...spec.aliases]) {
    const key = headerKey(name);
    keys.add(key);
    if (spec.type.kind === 'amount') {
      keys.add(`${key}(£)`);
      keys.add(`£${key}`);
    }
    if (spec.type.kind === 'fraction') {
      keys.add(`${key}(%)`);
      keys.add(`${key}%`);
      keys.add(`%${key}`);
    }
  }
  return keys;
}

/** Where each column of a kind was found: the header as written and its 0-based index. */
export interface ColumnMatch {
  readonly spec: ColumnSpec;
  readonly header: string;
  readonly index: number;
  /** Amounts in the column are in this many pounds (1,000 for a "£000" column); absent for 1. */
  readonly scale?: number;
  /** The unit as the header writes it ("£000"), when it scales. */
  readonly unit?: string;
  /** The plan year the header names ("2024-25"). */
  readonly year?: string;
}

/** A column found for more than one plan year with no year chosen, or not for the year chosen. */
export interface YearProblem {
  readonly spec: ColumnSpec;
  /** The headers of the column, each with its year, left to right. */
  readonly headers: readonly { readonly header: string; readonly year?: string }[];
  /** The year asked for, when it is not among them. */
  readonly asked?: string;
}

/** The outcome of matching a table's header row to a kind. */
export interface HeaderMatch {
  readonly columns: readonly ColumnMatch[];
  /** Required columns with no matching header. */
  readonly missing: readonly ColumnSpec[];
  /** Columns answered by more than one header: the headers, left to right. */
  readonly repeated: readonly { readonly spec: ColumnSpec; readonly headers: readonly string[] }[];
  /** Columns given for several years when no year (or a year they lack) was chosen. */
  readonly years: readonly YearProblem[];
}

/** Options of a match: the plan year to read when a column is given for several. */
export interface MatchOptions {
  readonly year?: string;
}

const FIGURES = new Set(['amount', 'number', 'fraction', 'integer']);

function fits(spec: ColumnSpec, reading: HeaderReading): boolean {
  if (reading.money && spec.type.kind !== 'amount') return false;
  return reading.year === undefined || FIGURES.has(spec.type.kind);
}

interface Assigned {
  readonly header: string;
  readonly index: number;
  readonly reading: HeaderReading;
}

const keysByKind = new WeakMap<TableKind, Map<string, ColumnSpec[]>>();

/** Each header key a kind accepts → its columns that accept it (made once per kind). */
function kindKeys(kind: TableKind): Map<string, ColumnSpec[]> {
  const known = keysByKind.get(kind);
  if (known !== undefined) return known;
  const byKey = new Map<string, ColumnSpec[]>();
  for (const spec of kind.columns) {
    for (const key of columnKeys(spec)) byKey.set(key, [...(byKey.get(key) ?? []), spec]);
  }
  keysByKind.set(kind, byKey);
  return byKey;
}

/** Which column of the kind each header is, if any: the first reading any column accepts. */
function assign(kind: TableKind, headers: readonly string[]): Map<ColumnSpec, Assigned[]> {
  const byKey = kindKeys(kind);
  const assigned = new Map<ColumnSpec, Assigned[]>();
  headers.forEach((header, index) => {
    if (header.trim() === '') return;
    for (const reading of headerReadings(header)) {
      const spec = byKey.get(reading.key)?.find((s) => fits(s, reading));
      if (spec === undefined) continue;
      assigned.set(spec, [...(assigned.get(spec) ?? []), { header, index, reading }]);
      return;
    }
  });
  return assigned;
}

function columnMatch(spec: ColumnSpec, found: Assigned): ColumnMatch {
  const { reading } = found;
  return {
    spec,
    header: found.header,
    index: found.index,
    ...(reading.scale === 1 ? {} : { scale: reading.scale }),
    ...(reading.scale === 1 || reading.unit === undefined ? {} : { unit: reading.unit }),
    ...(reading.year === undefined ? {} : { year: reading.year }),
  };
}

/**
 * Matches a header row to a table kind's columns. Headers that match nothing are ignored
 * (notes, workings, blank spacer columns).
 */
export function matchHeaders(
  kind: TableKind,
  headers: readonly string[],
  options: MatchOptions = {},
): HeaderMatch {
  const assigned = assign(kind, headers);
  const asked = options.year === undefined ? undefined : (normalYear(options.year) ?? options.year);
  const columns: ColumnMatch[] = [];
  const missing: ColumnSpec[] = [];
  const repeated: { spec: ColumnSpec; headers: string[] }[] = [];
  const years: YearProblem[] = [];
  for (const spec of kind.columns) {
    let found = assigned.get(spec) ?? [];
    const first = found[0];
    if (first === undefined) {
      if (spec.required) missing.push(spec);
      continue;
    }
    const yearsHere = [...new Set(found.flatMap((f) => f.reading.year ?? []))];
    if (yearsHere.length > 0) {
      const pick = asked ?? (yearsHere.length === 1 ? yearsHere[0] : undefined);
      const forYear = found.filter((f) => f.reading.year === pick);
      const yearless = found.filter((f) => f.reading.year === undefined);
      const chosen = forYear.length > 0 ? forYear : yearless;
      if (pick === undefined || chosen.length === 0) {
        years.push({
          spec,
          headers: found.map((f) => ({
            header: f.header,
            ...(f.reading.year === undefined ? {} : { year: f.reading.year }),
          })),
          ...(asked === undefined ? {} : { asked }),
        });
        // Still found (the table is the kind's), but no column is read for it.
        continue;
      }
      found = chosen;
    }
    const [head] = found;
    if (head === undefined) continue;
    columns.push(columnMatch(spec, head));
    if (found.length > 1) repeated.push({ spec, headers: found.map((f) => f.header) });
  }
  return { columns, missing, repeated, years };
}

/** Whether a header row has every required column of a kind (used to find a table by its headers). */
export function hasRequiredHeaders(kind: TableKind, headers: readonly string[]): boolean {
  return matchHeaders(kind, headers).missing.length === 0;
}

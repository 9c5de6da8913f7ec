import type { ColumnSpec, TableKind } from './tableSchema';

/**
 * Header matching. A header matches a column when, ignoring case and all spaces, it
 * equals the column's header or one of its aliases; an amount column also accepts the
 * same with "(£)" after or "£" before ("Expenditure (£)"), and a percentage column
 * with "(%)" or "%" after or "%" before ("% NHS", "Weight (%)"). Other decorations
 * carry meaning and are not ignored: "Amount (£000)" is thousands, not pounds, so it
 * does not match "Amount".
 */

/** The case- and space-insensitive key of a header. */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[\s\u00a0\u202f]+/g, '');
}

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
}

/** The outcome of matching a table's header row to a kind. */
export interface HeaderMatch {
  readonly columns: readonly ColumnMatch[];
  /** Required columns with no matching header. */
  readonly missing: readonly ColumnSpec[];
  /** Columns answered by more than one header: the headers, left to right. */
  readonly repeated: readonly { readonly spec: ColumnSpec; readonly headers: readonly string[] }[];
}

/** Matches a header row to a table kind's columns. Headers that match nothing are ignored (notes, workings). */
export function matchHeaders(kind: TableKind, headers: readonly string[]): HeaderMatch {
  const keys = headers.map(headerKey);
  const columns: ColumnMatch[] = [];
  const missing: ColumnSpec[] = [];
  const repeated: { spec: ColumnSpec; headers: string[] }[] = [];
  for (const spec of kind.columns) {
    const accepted = columnKeys(spec);
    const found = keys.flatMap((key, index) => (accepted.has(key) ? [index] : []));
    const first = found[0];
    if (first === undefined) {
      if (spec.required) missing.push(spec);
      continue;
    }
    columns.push({ spec, header: headers[first] ?? spec.header, index: first });
    if (found.length > 1) repeated.push({ spec, headers: found.map((i) => headers[i] ?? '') });
  }
  return { columns, missing, repeated };
}

/** Whether a header row has every required column of a kind (used to find a table by its headers). */
export function hasRequiredHeaders(kind: TableKind, headers: readonly string[]): boolean {
  return matchHeaders(kind, headers).missing.length === 0;
}

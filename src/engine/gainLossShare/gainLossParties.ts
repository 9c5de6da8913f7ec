import type { Amount, Dec } from '../decimal';
import { ErrorKind, fail, quote } from '../errors';
import { fraction, requireName, nonEmpty, unique } from '../validate';

/** The parties to a risk share: their names in order and a case-insensitive lookup. */
export interface PartyList {
  readonly names: readonly string[];
  readonly index: ReadonlyMap<string, number>;
}

/** Validates the party names (non-empty list of unique names). */
export function partyList(scope: string, field: string, raw: unknown): PartyList {
  const list = nonEmpty(scope, field, raw as readonly unknown[]);
  const names = list.map((n, i) => requireName(scope, `${field}[${i}]`, n));
  unique(scope, field, names);
  return { names, index: new Map(names.map((n, i) => [n.toLowerCase(), i])) };
}

/** The index of a named party; an unknown name fails with UNKNOWN_PARTY naming `field`. */
export function partyIndex(scope: string, field: string, parties: PartyList, raw: unknown): number {
  const party = requireName(scope, field, raw);
  const found = parties.index.get(party.toLowerCase());
  if (found === undefined) {
    fail(
      scope,
      ErrorKind.UNKNOWN_PARTY,
      field,
      raw,
      `${field} names ${quote(party)}, who is not one of the parties (${parties.names.join(', ')}).`,
    );
  }
  return found;
}

/**
 * Per-party fractions given by name (`{ "CCG": 0.5 }`) or as a list in party order,
 * as one entry per party (`fallback` for a party left out of a named map).
 */
export function fractionsByParty(
  scope: string,
  field: string,
  parties: PartyList,
  raw: Readonly<Record<string, Amount>> | readonly Amount[] | undefined,
  fallback: Dec | undefined,
): (Dec | undefined)[] {
  const out: (Dec | undefined)[] = parties.names.map(() => fallback);
  if (Array.isArray(raw)) {
    const list = raw as readonly Amount[];
    if (list.length !== parties.names.length) {
      fail(
        scope,
        ErrorKind.INCONSISTENT,
        field,
        list.length,
        `${field} lists ${list.length} shares for ${parties.names.length} parties.`,
      );
    }
    list.forEach((v, i) => (out[i] = fraction(scope, `${field}[${i}]`, v)));
    return out;
  }
  if (raw === undefined || raw === null || typeof raw !== 'object') {
    fail(scope, ErrorKind.MISSING, field, raw, `${field} is missing.`);
  }
  for (const key of Object.keys(raw)) {
    const at = partyIndex(scope, field, parties, key);
    out[at] = fraction(scope, `${field}.${key}`, (raw as Readonly<Record<string, Amount>>)[key]);
  }
  return out;
}

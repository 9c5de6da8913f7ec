import { Dec, type Amount } from '../decimal';
import { ErrorKind, fail, quote } from '../errors';
import { requireName, nonEmpty, nonNegative } from '../validate';

const SCOPE = 'ENVELOPE';

/** One baseline line: a partner's current spend on one category. */
export interface BaselineLineInput {
  readonly category: string;
  readonly partner: string;
  readonly amount: Amount;
}

/** A validated baseline line. */
export interface BaselineLine {
  readonly category: string;
  readonly partner: string;
  readonly amount: Dec;
}

/** The baseline lines, and the partners and categories in the order they first appear. */
export interface Baseline {
  readonly lines: readonly BaselineLine[];
  readonly partners: readonly string[];
  readonly categories: readonly string[];
}

/** Blank input takes its documented default. */
export const isBlank = (value: unknown): boolean =>
  value === undefined || value === null || value === '';

/** A name that must match (ignoring case) one of `names`; `undefined` when left blank (meaning all). */
export function knownName(
  field: string,
  value: unknown,
  names: readonly string[],
  kind: typeof ErrorKind.UNKNOWN_PARTY | typeof ErrorKind.UNKNOWN_NAME,
): string | undefined {
  if (isBlank(value)) return undefined;
  const key = typeof value === 'string' ? value.trim().toLowerCase() : undefined;
  const found = names.find((n) => n.toLowerCase() === key);
  if (found === undefined) {
    fail(
      SCOPE,
      kind,
      field,
      value,
      `${field} is ${quote(value)}, which is not in the baseline (${names.join(', ')}).`,
    );
  }
  return found;
}

function firstSpelling(names: string[], value: string): string {
  const found = names.find((n) => n.toLowerCase() === value.toLowerCase());
  if (found !== undefined) return found;
  names.push(value);
  return value;
}

/** Validates the baseline: at least one line, amounts ≥ 0, each category and partner once. */
export function baseline(input: readonly BaselineLineInput[] | undefined): Baseline {
  const partners: string[] = [];
  const categories: string[] = [];
  const seen = new Set<string>();
  const lines = nonEmpty(SCOPE, 'baseline', input).map((line, i) => {
    const field = `baseline[${i}]`;
    const category = firstSpelling(
      categories,
      requireName(SCOPE, `${field}.category`, line.category),
    );
    const partner = firstSpelling(partners, requireName(SCOPE, `${field}.partner`, line.partner));
    const key = `${category}\u0000${partner}`;
    if (seen.has(key)) {
      fail(
        SCOPE,
        ErrorKind.DUPLICATE,
        field,
        `${category} / ${partner}`,
        `baseline lists ${category} / ${partner} twice.`,
      );
    }
    seen.add(key);
    return { category, partner, amount: nonNegative(SCOPE, `${field}.amount`, line.amount) };
  });
  return { lines, partners, categories };
}

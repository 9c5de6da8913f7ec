import { Dec, roundPence, sum, type Amount } from '../decimal';
import { knownName } from './envelopeBaseline';
import { ErrorKind, fail, quote } from '../errors';
import { integer, nonNegative } from '../validate';

const SCOPE = 'ENVELOPE';

/**
 * Planned spend in one plan year, for the whole envelope or a part of it: leave out
 * `category` and/or `partner` to cover all of them. The lines of one year must not
 * overlap (a year total and a line of the same year would count that line twice).
 */
export interface PlannedSpendInput {
  /** Plan year, 1 for the first. */
  readonly year: Amount;
  readonly amount: Amount;
  readonly category?: string;
  readonly partner?: string;
}

/** One envelope line (category × partner) as the planned spend sees it. */
export interface EnvelopeLineRef {
  readonly category: string;
  readonly partner: string;
}

/** Planned spend against the envelope of the lines it covers. */
export interface PlannedComparison {
  readonly category?: string;
  readonly partner?: string;
  readonly envelope: Dec;
  readonly planned: Dec;
  /** Envelope − planned: negative when the plan spends more than the envelope. */
  readonly gap: Dec;
}

interface PlannedLine {
  readonly index: number;
  readonly year: number;
  readonly amount: Dec;
  readonly category?: string;
  readonly partner?: string;
}

const covers = (a: string | undefined, b: string | undefined): boolean =>
  a === undefined || b === undefined || a === b;

/** Validates planned spend: known years, partners and categories, no overlaps within a year. */
export function plannedSpend(
  input: readonly PlannedSpendInput[] | undefined,
  partners: readonly string[],
  categories: readonly string[],
  horizon: number,
): PlannedLine[] {
  const lines = (input ?? []).map((p, index): PlannedLine => {
    const field = `planned[${index}]`;
    const year = integer(SCOPE, `${field}.year`, p.year, 1);
    if (year > horizon) {
      fail(
        SCOPE,
        ErrorKind.OUT_OF_RANGE,
        `${field}.year`,
        p.year,
        `${field}.year is ${quote(p.year)}; the plan has ${horizon} year(s).`,
      );
    }
    return {
      index,
      year,
      amount: roundPence(nonNegative(SCOPE, `${field}.amount`, p.amount)),
      category: knownName(`${field}.category`, p.category, categories, ErrorKind.UNKNOWN_NAME),
      partner: knownName(`${field}.partner`, p.partner, partners, ErrorKind.UNKNOWN_PARTY),
    };
  });
  lines.forEach((b, j) => {
    const a = lines
      .slice(0, j)
      .find(
        (x) => x.year === b.year && covers(x.category, b.category) && covers(x.partner, b.partner),
      );
    if (a !== undefined) {
      fail(
        SCOPE,
        ErrorKind.DUPLICATE,
        `planned[${j}]`,
        b.amount.toString(),
        `planned[${j}] covers spend already in planned[${a.index}] for year ${b.year}; give each line once, or one total for the year.`,
      );
    }
  });
  return lines;
}

/** Compares a year's planned lines with the envelope of the lines each covers. */
export function compareToPlan(
  planned: readonly PlannedLine[],
  year: number,
  lines: readonly EnvelopeLineRef[],
  envelopes: readonly Dec[],
): PlannedComparison[] {
  return planned
    .filter((p) => p.year === year)
    .map((p) => {
      const envelope = sum(
        envelopes.filter(
          (_, i) => covers(p.category, lines[i]?.category) && covers(p.partner, lines[i]?.partner),
        ),
      );
      return {
        category: p.category,
        partner: p.partner,
        envelope,
        planned: p.amount,
        gap: envelope.minus(p.amount),
      };
    });
}

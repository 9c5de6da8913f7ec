import { Dec, ONE, ZERO, percentText, type Amount } from '../decimal';
import { isBlank, knownName } from './envelopeBaseline';
import { ErrorKind, fail, quote } from '../errors';
import { inRange, integer, option } from '../validate';

const SCOPE = 'ENVELOPE';
const MINUS_ONE = new Dec(-1);

/** How a total change spread over several years builds up. */
export type EnvelopePhasing = 'compound' | 'straightLine';

/**
 * One annual change to the envelope. Give exactly one of:
 * - `annualRate`: a signed change every year, compounding (−0.03 is 3% less each year,
 *   0.02 is 2% growth), e.g. CCG savings of 3% a year or demographic growth;
 * - `totalOverYears` with `overYears`: a signed total change reached after `overYears`
 *   years, e.g. −0.07 over 4 for "a 7% reduction over four years". With `compound`
 *   phasing (default) each year changes by the same rate, `(1 + total)^(1/overYears) − 1`;
 *   with `straightLine` each year takes `total / overYears` of the baseline.
 * A change applies to every line unless `partner` and/or `category` narrow it.
 */
export interface EnvelopeChangeInput {
  /** A label for the explanation, e.g. "Net budget reduction"; default "Change n". */
  readonly name?: string;
  readonly partner?: string;
  readonly category?: string;
  readonly annualRate?: Amount;
  readonly totalOverYears?: Amount;
  /** Years the change runs: required with `totalOverYears`; with `annualRate`, default to the last year. */
  readonly overYears?: Amount;
  /** The first plan year the change applies in (1 is the first plan year); default 1. */
  readonly fromYear?: Amount;
  /** Only with `totalOverYears`; default `compound`. */
  readonly phasing?: EnvelopePhasing;
}

/** A validated change; `factor(y)` is its cumulative multiplier in plan year `y`. */
export interface EnvelopeChange {
  readonly name: string;
  readonly partner?: string;
  readonly category?: string;
  readonly factor: (year: number) => Dec;
  readonly description: string;
}

const blank = isBlank;

/** A signed change in words: "3% less" or "1.5% more". */
const changeText = (rate: Dec): string =>
  `${percentText(rate.abs())} ${rate.isNegative() && !rate.isZero() ? 'less' : 'more'}`;

/** Years a change has been running by plan year `year`: 0 before it starts, at most `span`. */
const activeYears = (year: number, from: number, span: number): number =>
  Math.max(0, Math.min(year - from + 1, span));

function yearsText(from: number, span: number, horizon: number): string {
  const to = Math.min(from + span - 1, horizon);
  return from === to ? `in year ${from}` : `in years ${from} to ${to}`;
}

/** Caches a change's factor per year: fractional powers are the slow part of the envelope. */
function perYear(factor: (year: number) => Dec): (year: number) => Dec {
  const cache = new Map<number, Dec>();
  return (year) => {
    const known = cache.get(year);
    if (known !== undefined) return known;
    const value = factor(year);
    cache.set(year, value);
    return value;
  };
}

/** Validates one change against the baseline's partners and categories and the horizon. */
export function envelopeChange(
  input: EnvelopeChangeInput,
  index: number,
  partners: readonly string[],
  categories: readonly string[],
  horizon: number,
): EnvelopeChange {
  const change = uncachedChange(input, index, partners, categories, horizon);
  return { ...change, factor: perYear(change.factor) };
}

function uncachedChange(
  input: EnvelopeChangeInput,
  index: number,
  partners: readonly string[],
  categories: readonly string[],
  horizon: number,
): EnvelopeChange {
  const field = `changes[${index}]`;
  const name = blank(input.name) ? `Change ${index + 1}` : String(input.name).trim();
  const partner = knownName(`${field}.partner`, input.partner, partners, ErrorKind.UNKNOWN_PARTY);
  const category = knownName(
    `${field}.category`,
    input.category,
    categories,
    ErrorKind.UNKNOWN_NAME,
  );
  const from = blank(input.fromYear) ? 1 : integer(SCOPE, `${field}.fromYear`, input.fromYear, 1);
  if (from > horizon) {
    fail(
      SCOPE,
      ErrorKind.OUT_OF_RANGE,
      `${field}.fromYear`,
      input.fromYear,
      `${field}.fromYear is ${quote(input.fromYear)}; the plan has ${horizon} year(s).`,
    );
  }
  if (blank(input.annualRate) === blank(input.totalOverYears)) {
    const what = blank(input.annualRate) ? 'neither' : 'both';
    fail(
      SCOPE,
      ErrorKind.INCONSISTENT,
      field,
      name,
      `${field} (${name}) must give either annualRate or totalOverYears, not ${what}.`,
    );
  }
  const where = [category, partner].filter((s) => s !== undefined).join(' / ') || 'all lines';
  if (!blank(input.annualRate)) {
    if (!blank(input.phasing)) {
      fail(
        SCOPE,
        ErrorKind.INCONSISTENT,
        `${field}.phasing`,
        input.phasing,
        `${field}.phasing applies to totalOverYears only; an annualRate always compounds.`,
      );
    }
    const rate = inRange(SCOPE, `${field}.annualRate`, input.annualRate, MINUS_ONE, ONE);
    const span = blank(input.overYears)
      ? horizon
      : integer(SCOPE, `${field}.overYears`, input.overYears, 1);
    const growth = ONE.plus(rate);
    return {
      name,
      partner,
      category,
      factor: (year) => growth.pow(activeYears(year, from, span)),
      description: `${name}: ${changeText(rate)} each year, compounding, ${yearsText(from, span, horizon)}, on ${where}.`,
    };
  }
  const total = inRange(SCOPE, `${field}.totalOverYears`, input.totalOverYears, MINUS_ONE, ONE);
  if (blank(input.overYears)) {
    fail(
      SCOPE,
      ErrorKind.MISSING,
      `${field}.overYears`,
      input.overYears,
      `${field}.overYears is missing; a totalOverYears change needs the number of years it is spread over.`,
    );
  }
  const span = integer(SCOPE, `${field}.overYears`, input.overYears, 1);
  const phasing = option(
    SCOPE,
    `${field}.phasing`,
    input.phasing,
    ['compound', 'straightLine'],
    'compound',
  );
  const reached = ONE.plus(total);
  const spanDec = new Dec(span);
  if (phasing === 'straightLine') {
    return {
      name,
      partner,
      category,
      factor: (year) => ONE.plus(total.times(activeYears(year, from, span)).dividedBy(spanDec)),
      description: `${name}: ${changeText(total)} over ${span} year(s), straight line (${changeText(total.dividedBy(spanDec))} of the baseline each year), ${yearsText(from, span, horizon)}, on ${where}.`,
    };
  }
  // One fractional power, then whole powers of it (fast); the last year is exactly 1 + total.
  const yearly = reached.isZero() ? ZERO : reached.pow(ONE.dividedBy(spanDec));
  const perYear = yearly.minus(ONE);
  return {
    name,
    partner,
    category,
    factor: (year) => {
      const k = activeYears(year, from, span);
      return k === span ? reached : yearly.pow(k);
    },
    description: `${name}: ${changeText(total)} over ${span} year(s), compounding (${changeText(perYear.toDecimalPlaces(6))} each year), ${yearsText(from, span, horizon)}, on ${where}.`,
  };
}

import { type Dec, ONE } from '../decimal';
import { bandTemplates, bandsFor, type Band, type BandTemplate } from './gainLossBands';
import {
  capAmounts,
  capTemplates,
  needsExpected,
  type CapAmounts,
  type CapTemplates,
} from './gainLossCaps';
import { EngineError, ErrorKind, fail } from '../errors';
import { fractionsByParty, partyIndex, partyList, type PartyList } from './gainLossParties';
import type {
  GainLossRowInput,
  GainLossShareInput,
  GainLossTermsInput,
} from './gainLossShareTypes';
import { RecentInputs } from '../recentInputs';
import { fraction as checkedFraction, nonNegative, option, positive } from '../validate';

export const SCOPE = 'GAINSHARE';

export type { Band } from './gainLossBands';

/** Validated terms, ready for {@link shareVariance}: parties by index, bounds as amounts. */
export interface GainLossTerms {
  /** Units when expected and actual were per-unit figures; absent otherwise. */
  readonly units: Dec | undefined;
  readonly expected: Dec;
  readonly actual: Dec;
  readonly parties: readonly string[];
  readonly gainBands: readonly Band[];
  readonly lossBands: readonly Band[];
  readonly lossBandsMirrorGains: boolean;
  readonly gate?: Gate;
  readonly quality?: { readonly multipliers: readonly Dec[]; readonly unearnedTo: number };
  readonly caps?: CapAmounts;
}

interface Gate {
  readonly fraction: Dec;
  readonly holder: number;
  readonly gains: boolean;
  readonly losses: boolean;
}

/**
 * The terms apart from the spend: what checking them gives that does not depend on
 * expected spend, the same for every row of a contract table under one set of terms.
 */
export interface SharedTerms {
  readonly parties: readonly string[];
  readonly gainBands: readonly BandTemplate[];
  readonly lossBands: readonly BandTemplate[];
  readonly lossBandsMirrorGains: boolean;
  readonly gate: Gate | undefined;
  /** `gate.fraction` as given, for the message if expected is 0. */
  readonly gateFractionGiven: unknown;
  readonly quality: GainLossTerms['quality'];
  readonly caps: CapTemplates | undefined;
}

interface Spend {
  readonly units: Dec | undefined;
  readonly expected: Dec;
  readonly actual: Dec;
}

/** Terms checked on recent calls, by their data: see {@link RecentInputs}. */
const recentTerms = new RecentInputs<SharedTerms>(8);

/** Validates every field of the input (throws EngineError naming the first bad one). */
export function gainLossTerms(input: GainLossShareInput): GainLossTerms {
  if (input === null || typeof input !== 'object') {
    fail(SCOPE, ErrorKind.MISSING, 'input', input, 'The gain/loss share terms are missing.');
  }
  const spend = checkedSpend(input, '');
  const shared = recentTerms.checked(termsData(input), () => checkTerms(input, spend.expected));
  return forSpend(shared, spend);
}

/**
 * Validates terms for many rows, once: everything but the checks that depend on a
 * row's expected spend, which {@link rowTerms} makes for each row.
 */
export function sharedTerms(input: GainLossTermsInput): SharedTerms {
  if (input === null || typeof input !== 'object') {
    fail(SCOPE, ErrorKind.MISSING, 'terms', input, 'The gain/loss share terms are missing.');
  }
  return recentTerms.checked(termsData(input), () => checkTerms(input, undefined));
}

/**
 * The terms of one row under shared terms. Its own figures are named by `path`
 * (`rows[2].expected`); terms that do not fit its expected spend (a fraction of an
 * expected spend of 0) are named as terms, with the row first in the message.
 */
export function rowTerms(shared: SharedTerms, row: GainLossRowInput, path: string): GainLossTerms {
  if (row === null || typeof row !== 'object') {
    fail(SCOPE, ErrorKind.MISSING, path, row, `${path} is missing.`);
  }
  const label = typeof row.label === 'string' && row.label !== '' ? row.label : undefined;
  const spend =
    label === undefined
      ? checkedSpend(row, `${path}.`)
      : namedBy(label, `${path}.`, () => checkedSpend(row, ''));
  try {
    return forSpend(shared, spend);
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    throw new EngineError(
      error.code,
      `${label ?? path}: ${error.message}`,
      error.field,
      error.value,
    );
  }
}

/** Runs a row's checks with bare field names, then names the row: label in the message, path in the field. */
function namedBy<T>(label: string, path: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    throw new EngineError(
      error.code,
      `${label}: ${error.message}`,
      `${path}${error.field}`,
      error.value,
    );
  }
}

/** The raw terms, apart from the spend: what {@link recentTerms} compares. */
function termsData(input: GainLossTermsInput): unknown[] {
  const { parties, gainBands, lossBands, gate, quality, caps } = input;
  return [parties, gainBands, lossBands, gate, quality, caps];
}

function checkedSpend(input: GainLossRowInput, path: string): Spend {
  const units =
    input.units === undefined || input.units === null
      ? undefined
      : positive(SCOPE, `${path}units`, input.units);
  const expected = perUnit(nonNegative(SCOPE, `${path}expected`, input.expected), units);
  const actual = perUnit(nonNegative(SCOPE, `${path}actual`, input.actual), units);
  return { units, expected, actual };
}

function perUnit(value: Dec, units: Dec | undefined): Dec {
  return units === undefined ? value : value.times(units);
}

/**
 * Checks the terms apart from the spend. Given `expected`, the checks that depend on it
 * are made too, where their fields come, so that of several bad fields the first is
 * named; {@link forSpend} makes them again for each row, so they are never skipped.
 */
function checkTerms(input: GainLossTermsInput, expected: Dec | undefined): SharedTerms {
  const parties = partyList(SCOPE, 'parties', input.parties);
  const gainBands = bandTemplates('gainBands', 'Gain', input.gainBands, parties);
  if (expected !== undefined) bandsFor(gainBands, 'Gain', expected);
  const mirror = input.lossBands === undefined || input.lossBands === null;
  const lossBands = mirror
    ? gainBands
    : bandTemplates('lossBands', 'Loss', input.lossBands, parties);
  if (expected !== undefined && !mirror) bandsFor(lossBands, 'Loss', expected);
  return {
    parties: parties.names,
    gainBands,
    lossBands,
    lossBandsMirrorGains: mirror,
    gate: input.gate === undefined ? undefined : gate(input.gate, parties, expected),
    gateFractionGiven: input.gate?.fraction,
    quality: input.quality === undefined ? undefined : quality(input.quality, parties),
    caps: input.caps === undefined ? undefined : capTemplates(input.caps, parties, expected),
  };
}

/** The terms of one row: band bounds and caps as amounts for its expected spend. */
function forSpend(shared: SharedTerms, { units, expected, actual }: Spend): GainLossTerms {
  const gainBands = bandsFor(shared.gainBands, 'Gain', expected);
  const lossBands = shared.lossBandsMirrorGains
    ? gainBands
    : bandsFor(shared.lossBands, 'Loss', expected);
  if (shared.gate !== undefined) {
    needsExpected('gate.fraction', shared.gateFractionGiven, expected, 'leave the gate out');
  }
  return {
    units,
    expected,
    actual,
    parties: shared.parties,
    gainBands,
    lossBands,
    lossBandsMirrorGains: shared.lossBandsMirrorGains,
    gate: shared.gate,
    quality: shared.quality,
    caps:
      shared.caps === undefined
        ? undefined
        : capAmounts(shared.caps, shared.parties.length, expected),
  };
}

function gate(
  raw: NonNullable<GainLossShareInput['gate']>,
  parties: PartyList,
  expected: Dec | undefined,
): Gate {
  const fraction = checkedFraction(SCOPE, 'gate.fraction', raw.fraction);
  if (expected !== undefined) {
    needsExpected('gate.fraction', raw.fraction, expected, 'leave the gate out');
  }
  const holder = partyIndex(SCOPE, 'gate.holder', parties, raw.holder);
  const appliesTo = option(
    SCOPE,
    'gate.appliesTo',
    raw.appliesTo,
    ['both', 'gains', 'losses'],
    'both',
  );
  return { fraction, holder, gains: appliesTo !== 'losses', losses: appliesTo !== 'gains' };
}

function quality(raw: NonNullable<GainLossShareInput['quality']>, parties: PartyList) {
  const multipliers = fractionsByParty(
    SCOPE,
    'quality.multipliers',
    parties,
    raw.multipliers,
    ONE,
  ) as Dec[];
  const unearnedTo = partyIndex(SCOPE, 'quality.unearnedTo', parties, raw.unearnedTo);
  return { multipliers, unearnedTo };
}

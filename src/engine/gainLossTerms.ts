import { Dec, ONE } from './decimal';
import { checkedBands, type Band } from './gainLossBands';
import { ErrorKind, fail, quote } from './errors';
import { fractionsByParty, partyIndex, partyList, type PartyList } from './gainLossParties';
import type { GainLossCapInput, GainLossShareInput } from './gainLossShareTypes';
import { fraction as checkedFraction, nonNegative, option, positive } from './validate';

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
  readonly gate?: {
    readonly fraction: Dec;
    readonly holder: number;
    readonly gains: boolean;
    readonly losses: boolean;
  };
  readonly quality?: { readonly multipliers: readonly Dec[]; readonly unearnedTo: number };
  readonly caps?: {
    readonly gain: readonly (Dec | undefined)[];
    readonly loss: readonly (Dec | undefined)[];
    readonly overflowTo: number;
  };
}

/** Validates every field of the input (throws EngineError naming the first bad one). */
export function gainLossTerms(input: GainLossShareInput): GainLossTerms {
  if (input === null || typeof input !== 'object') {
    fail(SCOPE, ErrorKind.MISSING, 'input', input, 'The gain/loss share terms are missing.');
  }
  const units =
    input.units === undefined || input.units === null
      ? undefined
      : positive(SCOPE, 'units', input.units);
  const expected = perUnit(nonNegative(SCOPE, 'expected', input.expected), units);
  const actual = perUnit(nonNegative(SCOPE, 'actual', input.actual), units);
  const parties = partyList(SCOPE, 'parties', input.parties);
  const gainBands = checkedBands('gainBands', 'Gain', input.gainBands, parties, expected);
  const mirror = input.lossBands === undefined || input.lossBands === null;
  const lossBands = mirror
    ? gainBands
    : checkedBands('lossBands', 'Loss', input.lossBands, parties, expected);
  return {
    units,
    expected,
    actual,
    parties: parties.names,
    gainBands,
    lossBands,
    lossBandsMirrorGains: mirror,
    gate: input.gate === undefined ? undefined : gate(input.gate, parties, expected),
    quality: input.quality === undefined ? undefined : quality(input.quality, parties),
    caps: input.caps === undefined ? undefined : caps(input.caps, parties, expected),
  };
}

function perUnit(value: Dec, units: Dec | undefined): Dec {
  return units === undefined ? value : value.times(units);
}

/** A fraction of expected spend means nothing when expected is 0: refuse it, naming the field. */
function needsExpected(field: string, value: unknown, expected: Dec, instead: string): void {
  if (expected.isZero()) {
    fail(
      SCOPE,
      ErrorKind.INCONSISTENT,
      field,
      value,
      `${field} is ${quote(value)} of expected spend, but expected is 0; ${instead}.`,
    );
  }
}

function gate(raw: NonNullable<GainLossShareInput['gate']>, parties: PartyList, expected: Dec) {
  const fraction = checkedFraction(SCOPE, 'gate.fraction', raw.fraction);
  needsExpected('gate.fraction', raw.fraction, expected, 'leave the gate out');
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

function caps(raw: NonNullable<GainLossShareInput['caps']>, parties: PartyList, expected: Dec) {
  const overflowTo = partyIndex(SCOPE, 'caps.overflowTo', parties, raw.overflowTo);
  const gain = capList('caps.gain', raw.gain, parties, expected, overflowTo);
  const loss = capList('caps.loss', raw.loss, parties, expected, overflowTo);
  return { gain, loss, overflowTo };
}

function capList(
  field: string,
  raw: Readonly<Record<string, GainLossCapInput>> | undefined,
  parties: PartyList,
  expected: Dec,
  overflowTo: number,
): (Dec | undefined)[] {
  const out: (Dec | undefined)[] = parties.names.map(() => undefined);
  if (raw === undefined || raw === null) return out;
  for (const key of Object.keys(raw)) {
    const at = partyIndex(SCOPE, field, parties, key);
    if (at === overflowTo) {
      fail(
        SCOPE,
        ErrorKind.INCONSISTENT,
        `${field}.${key}`,
        key,
        `${field} caps ${quote(key)}, which is caps.overflowTo: the overflow party cannot be capped.`,
      );
    }
    out[at] = capAmount(`${field}.${key}`, raw[key], expected);
  }
  return out;
}

/** A cap as an amount in whole pence, cut down (never up) so the cap is never exceeded. */
function capAmount(field: string, cap: GainLossCapInput | undefined, expected: Dec): Dec {
  const hasAmount = cap?.amount !== undefined && cap.amount !== null;
  const hasFraction = cap?.fraction !== undefined && cap.fraction !== null;
  if (hasAmount === hasFraction) {
    fail(
      SCOPE,
      ErrorKind.INCONSISTENT,
      field,
      cap,
      `${field} needs exactly one of amount or fraction.`,
    );
  }
  if (hasAmount)
    return nonNegative(SCOPE, `${field}.amount`, cap?.amount).toDecimalPlaces(2, Dec.ROUND_DOWN);
  const share = nonNegative(SCOPE, `${field}.fraction`, cap?.fraction);
  needsExpected(`${field}.fraction`, cap?.fraction, expected, 'give the cap as an amount');
  return share.times(expected).toDecimalPlaces(2, Dec.ROUND_DOWN);
}

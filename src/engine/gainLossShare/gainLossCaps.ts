import { Dec, ZERO } from '../decimal';
import { ErrorKind, fail, quote } from '../errors';
import { partyIndex, type PartyList } from './gainLossParties';
import type { GainLossCapInput, GainLossShareInput } from './gainLossShareTypes';
import { nonNegative } from '../validate';

const SCOPE = 'GAINSHARE';

/** One party's cap as given, in the order given: an amount, or a fraction of expected spend. */
export interface CapTemplate {
  readonly party: number;
  readonly field: string;
  /** In whole pence, cut down. */
  readonly amount: Dec | undefined;
  readonly fraction: Dec | undefined;
  readonly fractionGiven: unknown;
}

/** Checked caps, before fractions are turned into amounts for one row's expected spend. */
export interface CapTemplates {
  readonly gain: readonly CapTemplate[];
  readonly loss: readonly CapTemplate[];
  readonly overflowTo: number;
}

/** Caps as amounts for one row: one per party (undefined for an uncapped party). */
export interface CapAmounts {
  readonly gain: readonly (Dec | undefined)[];
  readonly loss: readonly (Dec | undefined)[];
  readonly overflowTo: number;
}

/** A fraction of expected spend means nothing when expected is 0: refuse it, naming the field. */
export function needsExpected(field: string, value: unknown, expected: Dec, instead: string): void {
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

/**
 * Checks the caps. With `expected`, a cap given as a fraction is also checked against
 * it where it comes, so that of several bad fields the first is named.
 */
export function capTemplates(
  raw: NonNullable<GainLossShareInput['caps']>,
  parties: PartyList,
  expected: Dec | undefined,
): CapTemplates {
  const overflowTo = partyIndex(SCOPE, 'caps.overflowTo', parties, raw.overflowTo);
  const gain = capList('caps.gain', raw.gain, parties, expected, overflowTo);
  const loss = capList('caps.loss', raw.loss, parties, expected, overflowTo);
  return { gain, loss, overflowTo };
}

/** The caps as amounts for this expected spend. */
export function capAmounts(caps: CapTemplates, parties: number, expected: Dec): CapAmounts {
  return {
    gain: amountsByParty(caps.gain, parties, expected),
    loss: amountsByParty(caps.loss, parties, expected),
    overflowTo: caps.overflowTo,
  };
}

function capList(
  field: string,
  raw: Readonly<Record<string, GainLossCapInput>> | undefined,
  parties: PartyList,
  expected: Dec | undefined,
  overflowTo: number,
): CapTemplate[] {
  if (raw === undefined || raw === null) return [];
  return Object.keys(raw).map((key) => {
    const party = partyIndex(SCOPE, field, parties, key);
    if (party === overflowTo) {
      fail(
        SCOPE,
        ErrorKind.INCONSISTENT,
        `${field}.${key}`,
        key,
        `${field} caps ${quote(key)}, which is caps.overflowTo: the overflow party cannot be capped.`,
      );
    }
    const template = capTemplate(party, `${field}.${key}`, raw[key]);
    if (expected !== undefined) capAmount(template, expected);
    return template;
  });
}

/** A cap's checked terms: exactly one of an amount (cut down to whole pence) or a fraction. */
function capTemplate(party: number, field: string, cap: GainLossCapInput | undefined): CapTemplate {
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
  if (hasAmount) {
    const amount = nonNegative(SCOPE, `${field}.amount`, cap?.amount).toDecimalPlaces(
      2,
      Dec.ROUND_DOWN,
    );
    return { party, field, amount, fraction: undefined, fractionGiven: undefined };
  }
  const fraction = nonNegative(SCOPE, `${field}.fraction`, cap?.fraction);
  return { party, field, amount: undefined, fraction, fractionGiven: cap?.fraction };
}

/** Each party's cap for this expected spend; a later cap for a party replaces an earlier one. */
function amountsByParty(
  templates: readonly CapTemplate[],
  parties: number,
  expected: Dec,
): (Dec | undefined)[] {
  const out = new Array<Dec | undefined>(parties).fill(undefined);
  for (const template of templates) out[template.party] = capAmount(template, expected);
  return out;
}

/** A cap as an amount in whole pence, cut down (never up) so the cap is never exceeded. */
function capAmount(template: CapTemplate, expected: Dec): Dec {
  if (template.amount !== undefined) return template.amount;
  const field = `${template.field}.fraction`;
  needsExpected(field, template.fractionGiven, expected, 'give the cap as an amount');
  return (template.fraction ?? ZERO).times(expected).toDecimalPlaces(2, Dec.ROUND_DOWN);
}

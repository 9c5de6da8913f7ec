import { Dec, ZERO, moneyText, roundPence, type Amount } from '../decimal';
import { ErrorKind, fail, quote } from '../errors';
import { step, type Step } from '../explain';
import { partnerIndex } from './poolLedger';
import { nonNegative, unique } from '../validate';

const SCOPE = 'POOL';

/** A limit on the overspend a partner bears; the excess goes to `excessTo`. */
export interface OverspendCapInput {
  readonly partner: string;
  /** The most overspend (a positive amount) the partner bears. */
  readonly cap: Amount;
  /** The partner that bears the excess; it may not have a cap of its own. */
  readonly excessTo: string;
}

/** A validated cap: partner indexes and the cap in pence. */
export interface OverspendCap {
  readonly partner: number;
  readonly cap: Dec;
  readonly excessTo: number;
}

/** A cap that bit: how much overspend moved from `partner` to `excessTo`. */
export interface CapApplied {
  readonly partner: string;
  readonly excessTo: string;
  /** The overspend moved (negative, a loss). */
  readonly excess: Dec;
}

/** Validates the caps: known partners, one cap each, excess only to uncapped partners. */
export function overspendCaps(
  partners: readonly string[],
  caps: readonly OverspendCapInput[] | undefined,
): OverspendCap[] {
  const parsed = (caps ?? []).map((c, i) => ({
    partner: partnerIndex(partners, `sharing.caps[${i}].partner`, c.partner),
    cap: roundPence(nonNegative(SCOPE, `sharing.caps[${i}].cap`, c.cap)),
    excessTo: partnerIndex(partners, `sharing.caps[${i}].excessTo`, c.excessTo),
  }));
  unique(
    SCOPE,
    'sharing.caps',
    parsed.map((c) => partners[c.partner] ?? ''),
  );
  parsed.forEach((c, i) => {
    if (parsed.some((other) => other.partner === c.excessTo)) {
      const to = partners[c.excessTo] ?? '';
      fail(
        SCOPE,
        ErrorKind.INCONSISTENT,
        `sharing.caps[${i}].excessTo`,
        to,
        `sharing.caps[${i}].excessTo is ${quote(to)}, which has a cap of its own; the excess must go to an uncapped partner.`,
      );
    }
  });
  return parsed;
}

/** Applies the overspend caps in order; returns what each partner bears and the caps that bit. */
export function applyCaps(
  caps: readonly OverspendCap[],
  partners: readonly string[],
  shared: readonly Dec[],
): { borne: Dec[]; applied: CapApplied[]; steps: Step[] } {
  const borne = [...shared];
  const applied: CapApplied[] = [];
  const steps: Step[] = [];
  for (const { partner, cap, excessTo } of caps) {
    const part = borne[partner] ?? ZERO;
    const who = partners[partner] ?? '';
    const to = partners[excessTo] ?? '';
    if (part.greaterThanOrEqualTo(cap.negated())) {
      steps.push(
        step(
          'cap',
          `${who}'s part ${moneyText(part)} is within its overspend cap of ${moneyText(cap)}.`,
        ),
      );
      continue;
    }
    const excess = part.plus(cap);
    borne[partner] = cap.negated();
    borne[excessTo] = (borne[excessTo] ?? ZERO).plus(excess);
    applied.push({ partner: who, excessTo: to, excess });
    steps.push(
      step(
        'cap',
        `${who}'s part ${moneyText(part)} is an overspend beyond its cap of ${moneyText(cap)}: ${who} bears ${moneyText(cap.negated())} and the excess ${moneyText(excess)} goes to ${to}.`,
      ),
    );
  }
  return { borne, applied, steps };
}

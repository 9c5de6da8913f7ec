import { allocate } from '../allocate';
import { Dec, ONE, ZERO, type Amount } from '../decimal';
import { ErrorKind, fail, quote } from '../errors';
import { overspendCaps, type OverspendCap, type OverspendCapInput } from './poolOverspendCaps';
import { indexOfName, partnerIndex, type PoolLedger } from './poolLedger';
import { fraction, requireName, option, sumsToOne, unique } from '../validate';

const SCOPE = 'POOL';

/** How a pool's variance is shared: see {@link VarianceSharingInput}. */
export type VarianceSharingRule = 'proportional' | 'fixed' | 'commissioner';
const RULES: readonly VarianceSharingRule[] = ['proportional', 'fixed', 'commissioner'];

/** One partner's agreed share (a fraction: 0.5 means 50%). */
export interface PartnerShareInput {
  readonly partner: string;
  readonly share: Amount;
}

/** Who bears one scheme's variance under the `commissioner` rule: one partner, or shares. */
export interface SchemeCommissionInput {
  readonly scheme: string;
  /** The single commissioning partner. Give this or `shares`, not both. */
  readonly commissioner?: string;
  /** A joint scheme's split, e.g. % NHS / % LA; the shares sum to 1. */
  readonly shares?: readonly PartnerShareInput[];
}

/**
 * The variance-sharing terms. `proportional` (the default) shares the variance by
 * contribution share; `fixed` by the agreed `shares` (summing to 1); `commissioner`
 * gives each scheme's variance to its commissioner, joint schemes by their `shares`.
 */
export interface VarianceSharingInput {
  readonly rule?: VarianceSharingRule;
  readonly shares?: readonly PartnerShareInput[];
  readonly schemes?: readonly SchemeCommissionInput[];
  readonly caps?: readonly OverspendCapInput[];
}

/** Parsed sharing terms, ready to apply to any variance. */
export interface VarianceSharing {
  readonly rule: VarianceSharingRule;
  /** Ratios per partner (proportional, fixed) or per scheme then partner (commissioner). */
  readonly partnerRatios: readonly Dec[];
  readonly schemeRatios: readonly (readonly Dec[])[];
  readonly caps: readonly OverspendCap[];
}

function soleCommissioner(partners: readonly string[], field: string, value: unknown): Dec[] {
  const commissioner = partnerIndex(partners, field, value);
  return partners.map((_, p) => (p === commissioner ? ONE : ZERO));
}

function shareRatios(
  partners: readonly string[],
  field: string,
  shares: readonly PartnerShareInput[] | undefined,
): Dec[] {
  if (shares === undefined || shares.length === 0) {
    fail(
      SCOPE,
      ErrorKind.MISSING,
      field,
      shares,
      `${field} is missing; give each partner's share.`,
    );
  }
  const ratios = partners.map(() => ZERO);
  const seen: string[] = [];
  shares.forEach((s, i) => {
    const index = partnerIndex(partners, `${field}[${i}].partner`, s.partner);
    seen.push(partners[index] ?? '');
    unique(SCOPE, field, seen);
    ratios[index] = fraction(SCOPE, `${field}[${i}].share`, s.share);
  });
  sumsToOne(SCOPE, ErrorKind.SHARES_NOT_ONE, field, ratios, `The shares in ${field}`);
  return ratios;
}

function commissionRatios(
  ledger: PoolLedger,
  schemes: readonly SchemeCommissionInput[] | undefined,
): Dec[][] {
  const ratios: (Dec[] | undefined)[] = ledger.schemes.map(() => undefined);
  (schemes ?? []).forEach((entry, i) => {
    const field = `sharing.schemes[${i}]`;
    const schemeName = requireName(SCOPE, `${field}.scheme`, entry.scheme);
    const index = indexOfName(ledger.schemes, schemeName);
    if (index < 0) {
      fail(
        SCOPE,
        ErrorKind.UNKNOWN_NAME,
        `${field}.scheme`,
        entry.scheme,
        `${field}.scheme is ${quote(entry.scheme)}, which is not a scheme of the pool.`,
      );
    }
    if (ratios[index] !== undefined) {
      fail(
        SCOPE,
        ErrorKind.DUPLICATE,
        'sharing.schemes',
        schemeName,
        `sharing.schemes lists ${quote(schemeName)} twice.`,
      );
    }
    const hasOne = entry.commissioner !== undefined;
    if (hasOne === (entry.shares !== undefined)) {
      fail(
        SCOPE,
        ErrorKind.INCONSISTENT,
        field,
        schemeName,
        `${field} (${schemeName}) must give either a commissioner or shares, not ${hasOne ? 'both' : 'neither'}.`,
      );
    }
    ratios[index] = hasOne
      ? soleCommissioner(ledger.partners, `${field}.commissioner`, entry.commissioner)
      : shareRatios(ledger.partners, `${field}.shares`, entry.shares);
  });
  const missing = ledger.schemes.findIndex((_, s) => ratios[s] === undefined);
  if (missing >= 0) {
    const scheme = ledger.schemes[missing];
    fail(
      SCOPE,
      ErrorKind.MISSING,
      'sharing.schemes',
      scheme,
      `sharing.schemes has no commissioner for scheme ${quote(scheme)}; the commissioner rule needs one for every scheme.`,
    );
  }
  return ratios.map((r) => r ?? []);
}

/** Validates the sharing terms against the pool's partners and schemes. */
export function varianceSharing(
  ledger: PoolLedger,
  input: VarianceSharingInput | undefined,
): VarianceSharing {
  const rule = option(SCOPE, 'sharing.rule', input?.rule, RULES, 'proportional');
  return {
    rule,
    partnerRatios:
      rule === 'fixed'
        ? shareRatios(ledger.partners, 'sharing.shares', input?.shares)
        : ledger.partnerContributions,
    schemeRatios: rule === 'commissioner' ? commissionRatios(ledger, input?.schemes) : [],
    caps: overspendCaps(ledger.partners, input?.caps),
  };
}

/** Each partner's part of the variance before caps; parts sum exactly to the total. */
export function shareVariance(
  sharing: VarianceSharing,
  schemeVariances: readonly Dec[],
  total: Dec,
): Dec[] {
  if (sharing.rule !== 'commissioner') return allocate(total, sharing.partnerRatios);
  const parts = sharing.partnerRatios.map(() => ZERO);
  schemeVariances.forEach((variance, s) => {
    allocate(variance, sharing.schemeRatios[s] ?? []).forEach((part, p) => {
      parts[p] = (parts[p] ?? ZERO).plus(part);
    });
  });
  return parts;
}

import type { Amount, Dec } from '../decimal';
import { ErrorKind, fail, quote } from '../errors';
import { decimal, requireName, option } from '../validate';

/** Error scope of the plan checks: codes are `CHECKS.<KIND>`. */
export const CHECKS = 'CHECKS';

/** The sources of funding of a BCF planning template; any other name is accepted too. */
export const FUNDING_SOURCES = [
  'Minimum NHS Contribution',
  'iBCF',
  'DFG',
  'Additional LA Contribution',
  'Additional NHS Contribution',
  'Winter Pressures Grant',
  'Local Authority Discharge Funding',
  'ICB Discharge Funding',
] as const;

/** Who commissions a scheme; `Joint` schemes split it by % NHS and % LA. */
export type Commissioner = 'NHS' | 'LA' | 'Joint';

/** Commissioner names as templates write them, by the form the checks use. */
const COMMISSIONER_NAMES: Readonly<Record<string, Commissioner>> = {
  nhs: 'NHS',
  ccg: 'NHS',
  icb: 'NHS',
  la: 'LA',
  'local authority': 'LA',
  joint: 'Joint',
};

/** Where a row sits in the workbook: a row number or scheme ID as given, else its list position. */
export type RowRef = number | string;

/** One income line: how much a source of funding brings to the pool. */
export interface IncomeLineInput {
  readonly row?: RowRef;
  readonly source: string;
  readonly amount: Amount;
}

/** One planned expenditure line of a scheme. */
export interface ExpenditureLineInput {
  /** The workbook row (or any reference) named in messages. */
  readonly row?: RowRef;
  readonly schemeId?: string;
  readonly schemeName: string;
  readonly schemeType?: string;
  /** `NHS` (also CCG, ICB), `LA` (also Local Authority) or `Joint`. */
  readonly commissioner: string;
  /** % NHS of a joint scheme, as a fraction (0.6 = 60%). */
  readonly nhsShare?: Amount | null;
  /** % LA of a joint scheme, as a fraction. */
  readonly laShare?: Amount | null;
  readonly source: string;
  /** e.g. Social Care, Community Health, Acute, DFG, Other. */
  readonly areaOfSpend: string;
  readonly amount: Amount;
}

/** A validated income line. */
export interface IncomeLine {
  readonly ref: string;
  readonly label: string;
  readonly source: string;
  readonly amount: Dec;
}

/** A validated expenditure line. */
export interface ExpenditureLine {
  readonly ref: string;
  /** For messages, e.g. `row 12 ("Reablement")`. */
  readonly label: string;
  readonly schemeName: string;
  readonly schemeType: string;
  readonly commissioner: Commissioner;
  readonly nhsShare?: Dec;
  readonly laShare?: Dec;
  readonly source: string;
  readonly areaOfSpend: string;
  readonly amount: Dec;
}

/** Validates the income lines: each needs a source and a numeric amount. */
export function incomeLines(raw: readonly IncomeLineInput[] | undefined): IncomeLine[] {
  return list(raw, 'income').map((line, i) => {
    const ref = refOf(line.row, undefined, `income[${i}]`);
    return {
      ref,
      label: line.row === undefined ? ref : `row ${ref}`,
      source: requireName(CHECKS, `income[${i}].source`, line.source),
      amount: decimal(CHECKS, `income[${i}].amount`, line.amount),
    };
  });
}

/** Validates the expenditure lines; a blank share is left undefined for the checks to report. */
export function expenditureLines(
  raw: readonly ExpenditureLineInput[] | undefined,
): ExpenditureLine[] {
  return list(raw, 'expenditure').map((line, i) => {
    const path = `expenditure[${i}]`;
    const ref = refOf(line.row, line.schemeId, path);
    const schemeName = requireName(CHECKS, `${path}.schemeName`, line.schemeName);
    const where =
      line.row !== undefined ? `Row ${ref}` : line.schemeId !== undefined ? `Scheme ${ref}` : ref;
    return {
      ref,
      label: `${where} ("${schemeName}")`,
      schemeName,
      schemeType: typeof line.schemeType === 'string' ? line.schemeType.trim() : '',
      commissioner: commissionerOf(line.commissioner, `${path}.commissioner`),
      nhsShare: optionalShare(line.nhsShare, `${path}.nhsShare`),
      laShare: optionalShare(line.laShare, `${path}.laShare`),
      source: requireName(CHECKS, `${path}.source`, line.source),
      areaOfSpend: requireName(CHECKS, `${path}.areaOfSpend`, line.areaOfSpend),
      amount: decimal(CHECKS, `${path}.amount`, line.amount),
    };
  });
}

function list<T>(raw: readonly T[] | undefined, field: string): readonly T[] {
  if (!Array.isArray(raw)) {
    fail(CHECKS, ErrorKind.MISSING, field, raw, `${field} is missing; give a list of lines.`);
  }
  return raw as readonly T[];
}

function refOf(row: unknown, schemeId: unknown, fallback: string): string {
  for (const value of [row, schemeId]) {
    if (typeof value === 'number' || (typeof value === 'string' && value.trim() !== '')) {
      return String(value).trim();
    }
  }
  return fallback;
}

function commissionerOf(value: unknown, field: string): Commissioner {
  const found =
    typeof value === 'string' ? COMMISSIONER_NAMES[value.trim().toLowerCase()] : undefined;
  if (found !== undefined) return found;
  return option<Commissioner>(CHECKS, field, value, ['NHS', 'LA', 'Joint']);
}

function optionalShare(value: Amount | null | undefined, field: string): Dec | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string' && value.trim().endsWith('%')) {
    fail(
      CHECKS,
      ErrorKind.NOT_A_NUMBER,
      field,
      value,
      `${field} is ${quote(value)}; give it as a fraction (0.6 means 60%).`,
    );
  }
  return decimal(CHECKS, field, value);
}

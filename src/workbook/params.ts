import { Dec } from '../engine/decimal';
import type { CellValue } from '../ports/workbook';
import { isBlank } from './cells';
import { FindingCode, quoteCell, type Finding } from './findings';
import type { TypedValue } from './inputTable';
import { parseCell } from './readTable';
import type { ColumnType } from './tableSchema';

/**
 * Scenario parameters: the inputs of a run that are not tables (uplift, years, gate,
 * sharing rule...). The task pane or CLI provides them as plain JSON; they are stored in
 * the workbook's settings with the run, so they travel with the file and the last run
 * can be repeated. Values are read like cells: 0.05 and "5%" are both 5%.
 */

/**
 * The most plan years a projection takes (capitation, a block contract, the funding
 * envelope): longer than any BCF plan or integrated contract runs, and small enough that
 * a year typed for a count (2025) is a finding rather than a sheet of 2,025 years.
 */
export const PLAN_YEARS_LIMIT = 25;

/** A flat record inside a parameter (one change, one party's share). */
export type ParamRecord = { readonly [key: string]: string | number | boolean | null };
/** Nested JSON inside a structured parameter (the gain/loss share's `terms`). */
export type ParamJson =
  string | number | boolean | null | readonly ParamJson[] | { readonly [key: string]: ParamJson };
/** One parameter's value as JSON gives it. */
export type ParamValue =
  | string
  | number
  | boolean
  | null
  | ParamRecord
  | readonly ParamRecord[]
  | { readonly [key: string]: ParamJson };
/** A run's scenario parameters by id. */
export type ScenarioParams = Readonly<Record<string, ParamValue>>;

/** A simple (single-value) parameter: label, type with its bounds, unit, default, help. */
export interface ParamSpec {
  readonly id: string;
  /** Shown on the result sheet and in findings, e.g. "Annual uplift". */
  readonly label: string;
  /** How the value is read, with its bounds (an integer's min and max, a fraction's sign). */
  readonly type: ColumnType;
  /** What the number counts, for help text: "years", "£", "%". */
  readonly unit?: string;
  readonly required?: boolean;
  /** Used when the parameter is left out. */
  readonly default?: string | number;
  /**
   * Only meaningful when another parameter is given (`param` alone) or has one of the
   * values `is`; the pane hides it otherwise and the params help says when it applies.
   */
  readonly shownWhen?: { readonly param: string; readonly is?: readonly string[] };
  /** One line for the README, the params-file help and the task pane. */
  readonly help: string;
}

/** Typed simple parameters by id (absent when left out without a default). */
export type TypedParams = Readonly<Record<string, TypedValue>>;

/** A finding about a parameter. */
export function paramFinding(label: string, problem: string, parameter?: string): Finding {
  return {
    code: FindingCode.BAD_PARAMETER,
    ...(parameter === undefined ? {} : { parameter }),
    message: `Scenario parameter "${label}": ${problem}`,
  };
}

function asCell(value: ParamValue | undefined): CellValue | undefined {
  if (value === undefined || value === null) return null;
  if (typeof value === 'object') return undefined;
  return value;
}

/**
 * Reads the simple parameters of a mechanism, applying defaults.
 *
 * @returns the typed values and a finding for each missing required or unreadable one.
 */
export function readParams(
  specs: readonly ParamSpec[],
  params: ScenarioParams,
): { readonly values: TypedParams; readonly findings: readonly Finding[] } {
  const values: Record<string, TypedValue> = {};
  const findings: Finding[] = [];
  for (const spec of specs) {
    const raw = asCell(params[spec.id]);
    if (raw === undefined) {
      findings.push(paramFinding(spec.label, 'a single value is needed, not a list.'));
      continue;
    }
    const value = isBlank(raw) ? (spec.default ?? null) : raw;
    if (isBlank(value)) {
      if (spec.required === true) {
        findings.push(paramFinding(spec.label, 'it is required.', spec.id));
      }
      continue;
    }
    const parsed = parseCell(value, spec.type);
    if (parsed.ok) values[spec.id] = parsed.value;
    else findings.push(paramFinding(spec.label, parsed.problem, spec.id));
  }
  return { values, findings };
}

/** A parameters-block row for the result sheet: label, value as a cell, number format. */
export type ParamRow = readonly [label: string, value: CellValue, format?: string];

/** The rows of the parameters block: each simple parameter that has a value, as used. */
export function paramRows(specs: readonly ParamSpec[], values: TypedParams): ParamRow[] {
  return specs.flatMap((spec): ParamRow[] => {
    const value = values[spec.id];
    if (value === undefined) return [];
    if (!Dec.isDecimal(value)) return [[spec.label, value, typeof value === 'string' ? '@' : '0']];
    const format =
      spec.type.kind === 'fraction'
        ? '0.00%'
        : spec.type.kind === 'amount'
          ? '£#,##0.00'
          : '#,##0.##';
    return [[spec.label, value.toNumber(), format]];
  });
}

/** "5%" / "£1,000.00" / text: a parameter's value for a message. */
export function describeParam(value: ParamValue | undefined): string {
  return quoteCell(asCell(value) ?? null);
}

/** A typed parameter that is a decimal (amount, number, percentage), or undefined. */
export function decParam(values: TypedParams, id: string): Dec | undefined {
  const value = values[id];
  return Dec.isDecimal(value) ? value : undefined;
}

/** A typed parameter that is text (or an option), or undefined. */
export function textParam(values: TypedParams, id: string): string | undefined {
  const value = values[id];
  return typeof value === 'string' ? value : undefined;
}

/** A typed parameter that is a whole number, or undefined. */
export function intParam(values: TypedParams, id: string): number | undefined {
  const value = values[id];
  return typeof value === 'number' ? value : undefined;
}

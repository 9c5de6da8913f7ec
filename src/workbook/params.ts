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
  /** One line for the README and the params-file help. */
  readonly help: string;
  /** How the task pane's form asks for it, where the rest of the spec does not say. */
  readonly pane?: PaneSpec;
}

/**
 * What the task pane's form needs to know of a parameter beyond its type, default and
 * shownWhen: its wording in the pane (a label with its unit, a hint, what a term means)
 * and how it is asked for. The pane builds its form from these alone (see
 * `taskpane/forms/descriptorForm.ts`), so a new mechanism's descriptor gives it a form.
 */
export interface PaneSpec {
  /** The pane's label, with its unit: "Annual uplift (%)" (default: the label, with (%) or (£)). */
  readonly label?: string;
  /** A line under the box: what the field means, for someone filling it in (not `help`). */
  readonly hint?: string;
  /** What a piece of jargon in the label means, shown behind an InfoLabel. */
  readonly info?: string;
  /** `false`: the form does not ask for it (it is given elsewhere, or only in a params file). */
  readonly ask?: false;
  /**
   * The box's first value when the layer has no default but leaves it to the engine or
   * derives it (the engine's 70% marginal rate, a four-year envelope): as a cell takes it.
   */
  readonly start?: string | number;
  /** The box may not be left blank when shown (the engine needs it then). */
  readonly needed?: boolean;
  /** Percentages only within this range in the pane (default: the type's). */
  readonly range?: readonly [min: number, max: number];
  /** A text parameter naming one of the workbook's partners (or a contract's parties) or contracts: a drop-down. */
  readonly names?: 'party' | 'contract';
  /** With `names`: a first option meaning nobody or everything ("All activity rows"), sent as nothing. */
  readonly none?: string;
  /** With `names: 'contract'` and `none`: "nothing" is refused when there are several contracts. */
  readonly oneRequired?: boolean;
  /** With `names: 'party'`: the box starts at the n-th name (0 first; the last when there are fewer). */
  readonly pick?: number;
  /**
   * One box for each group of values of `shownWhen.param`, each with its own label and
   * first value, all sent as this parameter: the activity payment's variable rate is 20%
   * for a blended payment and 75% for an aligned one.
   */
  readonly variants?: readonly ParamVariant[];
}

/** One box of a parameter with variants (see {@link PaneSpec.variants}). */
export interface ParamVariant {
  /** The form's key of the box, e.g. `blendedRate`. */
  readonly key: string;
  /** The values of `shownWhen.param` it is shown for. */
  readonly is: readonly string[];
  readonly label: string;
  readonly start?: string | number;
}

/**
 * A parameter by name: a value for each of the workbook's partners, e.g. the pooled
 * fund's fixed shares `{ "CCG": "50%", "Council": "50%" }` or overspend caps.
 */
export interface ByNameParamSpec {
  readonly id: string;
  readonly kind: 'byName';
  readonly label: string;
  /** How each value is read (a fraction or an amount). */
  readonly value: ColumnType;
  /** Every partner has a value and they add up to 100% (shares); else a partner may be left out. */
  readonly total100?: boolean;
  readonly shownWhen?: ParamSpec['shownWhen'];
  readonly help: string;
  readonly pane?: PaneSpec;
  /** The simple parameter the form shows it after (default: after them all). */
  readonly after?: string;
}

/** A list of records with the same fields, e.g. the funding envelope's `changes`. */
export interface ListParamSpec {
  readonly id: string;
  readonly kind: 'list';
  readonly label: string;
  /** Each record's fields, read like simple parameters. */
  readonly fields: readonly ParamSpec[];
  readonly help: string;
  readonly pane?: PaneSpec & {
    /** Names one record in the pane, e.g. "Change" (shown as "Change 1"). */
    readonly itemLabel: string;
    /** One box for one of several fields, the field picked by a choice (see {@link EitherSpec}). */
    readonly either?: EitherSpec;
  };
  readonly after?: string;
}

/**
 * One box the pane shows for one of several fields of a record, with a choice of which:
 * a change is an annual rate or a total over years, typed in one "Change (%)" box.
 */
export interface EitherSpec {
  /** The form's key of the choice, e.g. `how`. */
  readonly key: string;
  readonly label: string;
  /** Each option and the field the box is sent as; the first is the form's first choice. */
  readonly options: readonly {
    readonly value: string;
    readonly label: string;
    readonly field: string;
  }[];
  /** The box: its key, label, hint and first value. */
  readonly box: {
    readonly key: string;
    readonly label: string;
    readonly hint?: string;
    readonly start?: string | number;
  };
}

/**
 * A structured parameter of its own JSON shape, read and checked by the mechanism's
 * `build` (the gain/loss share's `terms`): its help, an example and its JSON Schema. The
 * pane's generic form does not ask for it (the mechanism's own editor does).
 */
export interface JsonParamSpec {
  readonly id: string;
  readonly kind: 'json';
  readonly label: string;
  /** One line for the params-file help: what it gives and when. */
  readonly help: string;
  /** An example value, for the help. */
  readonly example: unknown;
  /** Its JSON Schema, for `bcf params --schema`. */
  readonly schema: Readonly<Record<string, unknown>>;
}

/** A structured (not single-value) parameter. */
export type StructuredParamSpec = ByNameParamSpec | ListParamSpec | JsonParamSpec;

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

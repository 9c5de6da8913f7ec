import type { Step } from '../engine/explain';
import type { Finding } from './findings';
import type { FieldOrigins } from './origins';
import type {
  ParamRow,
  ParamSpec,
  ScenarioParams,
  StructuredParamSpec,
  TypedParams,
} from './params';
import type { InputTables } from './readInputs';
import type { ResultBlock } from './results/layout';
import type { WantedTable } from './locate';

/** An engine input built from the tables and parameters, with where its fields came from. */
export interface Built<I> {
  readonly input: I;
  /** Engine field paths (e.g. `contributions[2].amount`) → the cells they came from. */
  readonly origins: FieldOrigins;
  /** Cross-row and cross-table findings (the cells themselves were checked on reading). */
  readonly findings: readonly Finding[];
}

/** One headline figure for the task pane, e.g. { label: "Circle", text: "£1,716,875.00" }. */
export interface Headline {
  readonly label: string;
  readonly text: string;
}

/**
 * What every edge needs to know of a mechanism, as data: how it is named and described,
 * the tables and parameters it reads, the sheet it writes, the custom functions over the
 * same engine, and the engine function a JSON scenario goes to. The CLI's list, calc map,
 * usage and params help, the task pane's catalogue and parameter forms and the golden
 * runner are all read from it (see README, "Decisions"). Its id is the key of its line in the registry
 * (`mechanisms/index.ts`), so it is written once.
 */
export interface MechanismDescriptor {
  /** For people: "Gain/loss share". */
  readonly title: string;
  /** One sentence for the pane's picker and the CLI's list: what it calculates. */
  readonly summary: string;
  /** The result sheet, e.g. "BCF Results - Gain share" (at most 31 characters). */
  readonly sheet: string;
  /** The input tables it reads (their kinds), and which it cannot run without. */
  readonly tables: readonly WantedTable[];
  /**
   * The tables a run with these parameters reads, when not `tables` (undefined): e.g. a
   * gain/loss share whose `terms` parameter gives the bands reads no RiskShareBands.
   */
  readonly tablesFor?: (params: ScenarioParams) => readonly WantedTable[] | undefined;
  /** Its simple parameters: type with bounds, unit, default, when shown, help. */
  readonly params: readonly ParamSpec[];
  /**
   * Its structured parameters (by partner, lists of records): read by its own `build`,
   * described here for the params help and the pane's form.
   */
  readonly structured?: readonly StructuredParamSpec[];
  /** The custom functions over the same engine, e.g. ["GAINSHARE", "GAINSHARECURVE"]. */
  readonly functions: readonly string[];
  /**
   * The engine function a JSON scenario goes to (`bcf calc`, the golden files); it checks
   * every field itself, so the scenario is passed as parsed.
   */
  readonly scenario: (input: unknown) => unknown;
}

/**
 * One mechanism as the workbook runs it: its descriptor, how the tables and parameters
 * become the engine's input, the engine call, and its result blocks.
 *
 * @typeParam I - the engine input the workbook builds; R - the result.
 * @typeParam S - the engine input of a JSON scenario, when not `I` (a per-period run).
 */
export interface MechanismDefinition<
  I,
  R extends { readonly steps: readonly Step[] },
  S = I,
> extends Omit<MechanismDescriptor, 'scenario' | 'functions'> {
  readonly functions?: readonly string[];
  /** The engine function for a JSON scenario; default `calculate`. */
  readonly scenario?: (input: S) => unknown;
  /** Builds the engine input; `values` are the typed simple parameters, `raw` all of them. */
  readonly build: (tables: InputTables, values: TypedParams, raw: ScenarioParams) => Built<I>;
  /** The engine function. */
  readonly calculate: (input: I) => R;
  /** Its result blocks: the tables (and charts) of the sheet, between the parameters and the explanation. */
  readonly blocks: (result: R, input: I) => readonly ResultBlock[];
  /** Extra parameter rows (structured parameters) for the sheet's parameters block. */
  readonly extraParamRows?: (input: I) => readonly ParamRow[];
  readonly headline: (result: R) => readonly Headline[];
}

/** A calculated result, ready to lay out: the figures' blocks, explanation and headline. */
export interface Computed {
  readonly result: unknown;
  readonly steps: readonly Step[];
  readonly blocks: readonly ResultBlock[];
  readonly extraParamRows: readonly ParamRow[];
  readonly headline: readonly Headline[];
}

/** A mechanism's descriptor with its input and result types hidden, before it has an id. */
export interface MechanismEntry extends MechanismDescriptor {
  /** Builds the engine input; `compute` calls the engine (and may throw its EngineError). */
  readonly prepare: (
    tables: InputTables,
    values: TypedParams,
    raw: ScenarioParams,
  ) => Omit<Built<unknown>, 'input'> & { readonly compute: () => Computed };
}

/** A registered mechanism: an entry with its id (the CLI's name, the params-file key). */
export interface Mechanism<Id extends string = string> extends MechanismEntry {
  readonly id: Id;
}

/** Wraps a typed definition for the registry. */
export function defineMechanism<I, R extends { readonly steps: readonly Step[] }, S = I>(
  def: MechanismDefinition<I, R, S>,
): MechanismEntry {
  return {
    title: def.title,
    summary: def.summary,
    sheet: def.sheet,
    tables: def.tables,
    ...(def.tablesFor === undefined ? {} : { tablesFor: def.tablesFor }),
    params: def.params,
    ...(def.structured === undefined ? {} : { structured: def.structured }),
    functions: def.functions ?? [],
    // The scenario is untrusted JSON; the engine function checks every field of it.
    scenario: (def.scenario ?? def.calculate) as (input: unknown) => unknown,
    prepare: (tables, values, raw) => {
      const built = def.build(tables, values, raw);
      const compute = (): Computed => {
        const result = def.calculate(built.input);
        return {
          result,
          steps: result.steps,
          blocks: def.blocks(result, built.input),
          extraParamRows: def.extraParamRows?.(built.input) ?? [],
          headline: def.headline(result),
        };
      };
      return { origins: built.origins, findings: built.findings, compute };
    },
  };
}

/**
 * Gives each entry its id, the key of its line: the registry is one object literal, so
 * the id union is `keyof` it and a mechanism is added by one line there.
 *
 * @returns the mechanisms by id, in the order given (the order `bcf run` runs them).
 */
export function registerMechanisms<const T extends Readonly<Record<string, MechanismEntry>>>(
  entries: T,
): { readonly [K in keyof T & string]: Mechanism<K> } {
  return Object.fromEntries(
    Object.entries(entries).map(([id, entry]) => [id, { ...entry, id }]),
  ) as { readonly [K in keyof T & string]: Mechanism<K> };
}

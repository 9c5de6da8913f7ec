import type { Step } from '../engine/explain';
import type { Finding } from './findings';
import type { FieldOrigins } from './origins';
import type { ParamRow, ParamSpec, ScenarioParams, TypedParams } from './params';
import type { InputTables } from './readInputs';
import type { ResultBlock } from './results/layout';
import type { WantedTable } from './locate';

/** The mechanisms a workbook can run, by the names the CLI also uses. */
export type MechanismId =
  'pool' | 'capitation' | 'gainshare' | 'p4p' | 'bcf-p4p' | 'activity' | 'envelope' | 'checks';

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
 * One mechanism as the workbook runs it: the tables and parameters it reads, how they
 * become the engine's input, the engine call, and how the result is laid out.
 */
export interface MechanismDefinition<I, R extends { readonly steps: readonly Step[] }> {
  readonly id: MechanismId;
  /** For people: "Gain share". */
  readonly title: string;
  /** The result sheet, e.g. "BCF Results - Gain share" (at most 31 characters). */
  readonly sheet: string;
  readonly tables: readonly WantedTable[];
  readonly params: readonly ParamSpec[];
  /** Builds the engine input; `values` are the typed simple parameters, `raw` all of them. */
  readonly build: (tables: InputTables, values: TypedParams, raw: ScenarioParams) => Built<I>;
  /** The engine function. */
  readonly calculate: (input: I) => R;
  /** The result tables (and charts) of the sheet, between the parameters and the explanation. */
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

/** A mechanism with its input and result types hidden: what the registry and `runMechanism` hold. */
export interface Mechanism {
  readonly id: MechanismId;
  readonly title: string;
  readonly sheet: string;
  readonly tables: readonly WantedTable[];
  readonly params: readonly ParamSpec[];
  /** Builds the engine input; `compute` calls the engine (and may throw its EngineError). */
  readonly prepare: (
    tables: InputTables,
    values: TypedParams,
    raw: ScenarioParams,
  ) => Omit<Built<unknown>, 'input'> & { readonly compute: () => Computed };
}

/** Wraps a typed definition for the registry. */
export function defineMechanism<I, R extends { readonly steps: readonly Step[] }>(
  def: MechanismDefinition<I, R>,
): Mechanism {
  return {
    id: def.id,
    title: def.title,
    sheet: def.sheet,
    tables: def.tables,
    params: def.params,
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

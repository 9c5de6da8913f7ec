/**
 * Which mechanisms `bcf run` runs: the one asked for with `--mechanism`, or every
 * mechanism whose required input tables are in the workbook (found by name or by
 * header row, as the task pane finds them).
 */
import type { TableInfo } from '../ports/workbook';
import type { InputSources } from '../workbook/sources';
import { locateTables } from '../workbook/locate';
import type { Mechanism } from '../workbook/mechanism';
import type { ScenarioParams } from '../workbook/params';
import { MECHANISM_LIST, type RegisteredMechanism } from '../workbook/mechanisms/index';
import { UsageError } from './args';

/**
 * The mechanisms the workbook layer can run, in `bcf run` order: the registry itself, so
 * a mechanism cannot be registered and yet not run.
 */
export function registeredMechanisms(): RegisteredMechanism[] {
  return [...MECHANISM_LIST];
}

/**
 * Whether a workbook's tables (and plain ranges and mapped kinds, when given) include
 * every table the mechanism requires, and at least one it reads: with its parameters,
 * the tables a run with them reads (a gain/loss share given its `terms` needs no
 * RiskShareBands).
 */
export function hasTablesFor(
  mechanism: Mechanism,
  tables: readonly TableInfo[] | InputSources,
  params: ScenarioParams = {},
): boolean {
  const sources = 'tables' in tables ? tables : { tables, ranges: [], mapped: new Set() };
  const wanted = mechanism.tablesFor?.(params) ?? mechanism.tables;
  const { found } = locateTables(sources.tables, wanted, {}, sources.ranges);
  const has = (id: (typeof wanted)[number]['kind']['id']): boolean =>
    found.has(id) || sources.mapped.has(id);
  const required = wanted.filter((t) => t.required);
  return required.every((t) => has(t.kind.id)) && wanted.some((t) => has(t.kind.id));
}

/**
 * The mechanisms to run.
 *
 * @param asked - the `--mechanism` value, if given.
 * @param tables - the workbook's tables.
 * @param known - the mechanisms to choose from (default the registry; a test gives its own).
 * @param paramsOf - each mechanism's parameters for the run (from a file or saved).
 * @returns the mechanism asked for (whether or not its tables are there: a missing table
 *   is then a finding), or those the workbook has tables for; possibly none.
 * @throws UsageError for a mechanism name the workbook layer does not know.
 */
export function chooseMechanisms<M extends Mechanism = RegisteredMechanism>(
  asked: string | undefined,
  tables: readonly TableInfo[] | InputSources,
  known: readonly M[] = MECHANISM_LIST as readonly Mechanism[] as readonly M[],
  paramsOf: (id: string) => ScenarioParams | undefined = () => undefined,
): M[] {
  if (asked === undefined) return known.filter((m) => hasTablesFor(m, tables, paramsOf(m.id)));
  const mechanism = known.find((m) => m.id === asked.toLowerCase());
  if (mechanism === undefined) {
    throw new UsageError(
      `unknown mechanism "${asked}"; use one of ${known.map((m) => m.id).join(', ')}.`,
    );
  }
  return [mechanism];
}

import type { Mechanism } from '../workbook/mechanism';
import { MECHANISM_LIST } from '../workbook/mechanisms/index';

/** The engine function of each mechanism for a JSON scenario, by id. */
export type CalcMap = Readonly<Record<string, (input: unknown) => unknown>>;

/**
 * The calc map of some mechanisms: each id to its descriptor's scenario function, which
 * takes the scenario JSON as parsed (the engine validates every field) and returns the
 * engine's result.
 */
export function calcMap(list: readonly Mechanism[]): CalcMap {
  return Object.fromEntries(list.map((m) => [m.id, m.scenario]));
}

/** The mechanisms the CLI (`bcf calc <name>`) and the golden files know: the registry's. */
export const mechanisms: CalcMap = calcMap(MECHANISM_LIST);

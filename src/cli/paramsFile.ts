/**
 * Scenario parameters from a JSON file (`--params params.json`), for runs outside Excel.
 * Either one object of parameters for the one mechanism being run, e.g.
 * `{ "rule": "fixed", "fixedShares": { "CCG": "50%", "Council": "50%" } }`, or an object
 * keyed by mechanism, e.g. `{ "pool": { "rule": "proportional" }, "checks": { ... } }`.
 * Without the option, each mechanism uses the parameters saved in the workbook by its
 * last run (as the task pane left them). The keys are the registry's ids, and each
 * mechanism's parameters are its descriptor's (`bcf params` lists them; paramsHelp.ts).
 */
import { promises as fs } from 'fs';
import { isMechanismId, type MechanismId } from '../workbook/mechanisms/index';
import type { ScenarioParams } from '../workbook/params';

/** A parameters file that cannot be used; `message` names the file and the problem. */
export class ParamsFileError extends Error {
  override readonly name = 'ParamsFileError';
  readonly code = 'CLI.BAD_PARAMS';
}

/** Parameters by mechanism, as read from a file. */
export type ParamsByMechanism = (mechanism: MechanismId) => ScenarioParams | undefined;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a parameters file.
 *
 * @param path - the JSON file.
 * @returns the parameters for a mechanism: its entry in the keyed form, or the whole
 *   object in the flat form (any mechanism), or undefined when the file has none for it.
 * @throws ParamsFileError when the file cannot be read, is not JSON, or is not an object
 *   (of objects, in the keyed form).
 */
export async function readParamsFile(path: string): Promise<ParamsByMechanism> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await fs.readFile(path, 'utf8'));
  } catch (error) {
    throw new ParamsFileError(`cannot read ${path}: ${(error as Error).message}`);
  }
  if (!isRecord(parsed)) {
    throw new ParamsFileError(`${path} must hold a JSON object of scenario parameters.`);
  }
  const keys = Object.keys(parsed);
  if (keys.length === 0 || !keys.every(isMechanismId)) {
    const flat = parsed as ScenarioParams;
    return () => flat;
  }
  for (const key of keys) {
    if (!isRecord(parsed[key])) {
      throw new ParamsFileError(`${path}: the parameters for "${key}" must be a JSON object.`);
    }
  }
  const keyed = parsed as Record<MechanismId, ScenarioParams>;
  return (mechanism) => keyed[mechanism];
}

import { EngineError } from '../engine/errors';
import { toJson, type Json } from './json';
import { mechanisms, type CalcMap } from './mechanisms';

/** A mechanism name the CLI does not know. */
export class UnknownMechanismError extends Error {
  readonly code = 'CLI.UNKNOWN_MECHANISM';
  constructor(name: string, known: CalcMap = mechanisms) {
    super(`Unknown mechanism "${name}"; use one of ${Object.keys(known).join(', ')}.`);
  }
}

/**
 * Runs one mechanism on a scenario (parsed JSON) and returns the result as JSON.
 *
 * @param known - the calc map (default the registry's; the golden runner's test gives its own).
 * @throws EngineError for invalid input; UnknownMechanismError for an unknown name.
 */
export function calc(mechanism: string, scenario: unknown, known: CalcMap = mechanisms): Json {
  const run = Object.prototype.hasOwnProperty.call(known, mechanism) ? known[mechanism] : undefined;
  if (!run) throw new UnknownMechanismError(mechanism, known);
  return toJson(run(scenario));
}

export { EngineError };

import { EngineError } from '../engine/errors';
import { toJson, type Json } from './json';
import { mechanisms } from './mechanisms';

/** A mechanism name the CLI does not know. */
export class UnknownMechanismError extends Error {
  readonly code = 'CLI.UNKNOWN_MECHANISM';
  constructor(name: string) {
    super(`Unknown mechanism "${name}"; use one of ${Object.keys(mechanisms).join(', ')}.`);
  }
}

/**
 * Runs one mechanism on a scenario (parsed JSON) and returns the result as JSON.
 * @throws EngineError for invalid input; UnknownMechanismError for an unknown name.
 */
export function calc(mechanism: string, scenario: unknown): Json {
  const run = mechanisms[mechanism];
  if (!run) throw new UnknownMechanismError(mechanism);
  return toJson(run(scenario));
}

export { EngineError };

/**
 * The EngineError a calculation throws, for tests of bad input: one helper instead of a
 * copy in every engine test file. Anything else thrown, or nothing, fails the test.
 */
import { EngineError } from '../../src/engine/errors';

/** The EngineError `run` throws. */
export function engineError(run: () => unknown): EngineError {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected an EngineError, but the calculation succeeded');
}

/** The code and message of the EngineError `run` throws. */
export function errorOf(run: () => unknown): { code: string; message: string } {
  const { code, message } = engineError(run);
  return { code, message };
}

/** The code, message and field of the EngineError `run` throws. */
export function fieldErrorOf(run: () => unknown): { code: string; message: string; field: string } {
  const { code, message, field } = engineError(run);
  return { code, message, field };
}

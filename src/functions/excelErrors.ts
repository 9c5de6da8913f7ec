/**
 * The one place the custom functions touch Excel's `CustomFunctions` global (set up by
 * office.js in the shared runtime). Wrappers throw what these functions make; Excel
 * shows the code in the cell and the message in its error tooltip.
 *
 * The shapes below mirror the declarations of `CustomFunctions.Error` and
 * `CustomFunctions.ErrorCode` (DefinitelyTyped's custom-functions-runtime, which this
 * project does not install): `new CustomFunctions.Error(code, message?)`.
 */
import { EngineError } from '../engine/errors';
import { ArgumentError, NotApplicable } from './coerce';

/** Excel error codes a custom function can return, as the runtime spells them. */
export const ErrorCode = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An instance of `CustomFunctions.Error`. */
export interface CustomFunctionError extends Error {
  readonly code: ErrorCode;
}

interface CustomFunctionsRuntime {
  readonly Error: new (code: ErrorCode, message?: string) => CustomFunctionError;
}

function runtime(): CustomFunctionsRuntime {
  const found = (globalThis as { CustomFunctions?: CustomFunctionsRuntime }).CustomFunctions;
  if (found === undefined) {
    throw new Error('The Excel custom functions runtime (office.js) is not loaded.');
  }
  return found;
}

/** `#VALUE!` with a message naming the argument and its bad value. */
export function invalidValue(message: string): CustomFunctionError {
  return new (runtime().Error)(ErrorCode.invalidValue, message);
}

/** `#N/A` with a message saying why there is no answer. */
export function notAvailable(message: string): CustomFunctionError {
  return new (runtime().Error)(ErrorCode.notAvailable, message);
}

/** Engine error kinds that mean "no answer here" (#N/A) rather than a bad argument (#VALUE!). */
const NOT_APPLICABLE_KINDS: ReadonlySet<string> = new Set([
  'UNKNOWN_PARTY',
  'UNKNOWN_NAME',
  'ZERO_TOTAL',
]);

/**
 * Renames engine field paths in messages to the function's arguments, e.g.
 * `segments[2].population` → `population (row 3 of its range)`. Returns `undefined`
 * to leave a field as the engine named it.
 */
export type FieldLabels = (field: string) => string | undefined;

/**
 * Runs a function's body and turns its failures into Excel errors: an `ArgumentError`
 * or an engine error for bad input → `#VALUE!`; `NotApplicable`, an unknown party or
 * name, or a zero total → `#N/A`. Each keeps its message. Any other error is a defect
 * and is thrown as it is.
 */
export function excelCall<T>(body: () => T, labels?: FieldLabels): T {
  try {
    return body();
  } catch (error) {
    throw toExcelError(error, labels);
  }
}

/** The Excel error for a failure (see `excelCall`); other errors are returned unchanged. */
export function toExcelError(error: unknown, labels?: FieldLabels): unknown {
  if (error instanceof ArgumentError) return invalidValue(error.message);
  if (error instanceof NotApplicable) return notAvailable(error.message);
  if (error instanceof EngineError) {
    const message = labels === undefined ? error.message : relabel(error, labels);
    const kind = error.code.slice(error.code.indexOf('.') + 1);
    return NOT_APPLICABLE_KINDS.has(kind) ? notAvailable(message) : invalidValue(message);
  }
  return error;
}

/** A field path in an engine message: `population`, `gainBands[1].shares[0]`. */
const FIELD_PATH = /[A-Za-z_]\w*(?:\[\d+\])?(?:\.\w+(?:\[\d+\])?)*/g;

/**
 * The engine's message with each field path it mentions named as the function's
 * argument; when it mentions none, the error's own field is put in front.
 */
function relabel(error: EngineError, labels: FieldLabels): string {
  let renamed = false;
  const message = error.message.replace(FIELD_PATH, (path) => {
    const label = labels(path);
    renamed ||= label !== undefined;
    return label ?? path;
  });
  const own = labels(error.field);
  return renamed || own === undefined ? message : `${own}: ${message}`;
}

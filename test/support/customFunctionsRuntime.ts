/**
 * A stand-in for the `CustomFunctions` global that office.js sets up in Excel's shared
 * runtime, for jest (where it does not exist). It behaves as the runtime does
 * (custom-functions-runtime.js: `CustomFunctionError`): an Error subclass whose `code`
 * is the Excel error ("#VALUE!" when none is given) and whose `message` is the text
 * Excel shows in the cell's error tooltip; `ErrorCode` holds the same seven codes.
 *
 * Importing this module installs it; the wrappers reach it only through
 * src/functions/excelErrors.ts, so tests exercise the same code as Excel does.
 */
export const ErrorCode = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

/** `CustomFunctions.Error` as the runtime defines it. */
export class CustomFunctionError extends Error {
  readonly type = 'Error';
  readonly code: string;
  readonly errorSubType?: string;

  constructor(errorCode?: string, errorMessage?: string, errorSubType?: string) {
    super(errorMessage ?? '');
    Object.setPrototypeOf(this, CustomFunctionError.prototype);
    this.code = errorCode ?? ErrorCode.invalidValue;
    this.errorSubType = errorSubType;
  }
}

/** What the registered functions are associated with (filled by `associate`). */
export const associations = new Map<string, (...args: unknown[]) => unknown>();

const runtime = {
  Error: CustomFunctionError,
  ErrorCode,
  associate(id: string, fn: (...args: unknown[]) => unknown): void {
    associations.set(id.toUpperCase(), fn);
  },
};

(globalThis as { CustomFunctions?: unknown }).CustomFunctions = runtime;

/** Runs `call` and returns the Excel error it threw, or fails if it returned a value. */
export function excelErrorOf(call: () => unknown): CustomFunctionError {
  let result: unknown;
  try {
    result = call();
  } catch (error) {
    if (error instanceof CustomFunctionError) return error;
    throw error;
  }
  throw new Error(`expected an Excel error, got ${JSON.stringify(result)}`);
}

/** Calls a custom function with arguments as Excel would pass them and returns its Excel error. */
export function excelErrorOfCall(
  fn: (...args: never[]) => unknown,
  args: readonly unknown[],
): CustomFunctionError {
  return excelErrorOf(() => (fn as (...a: readonly unknown[]) => unknown)(...args));
}

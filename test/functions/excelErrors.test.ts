import { CustomFunctionError } from '../support/customFunctionsRuntime';
import { EngineError } from '../../src/engine/errors';
import { ArgumentError, NotApplicable } from '../../src/functions/coerce';
import { ErrorCode, excelCall, toExcelError } from '../../src/functions/excelErrors';

const asExcelError = (error: unknown): CustomFunctionError => {
  const mapped = toExcelError(error);
  if (!(mapped instanceof CustomFunctionError)) throw new Error('not an Excel error');
  return mapped;
};

describe('Excel errors from failures', () => {
  it('makes a bad argument #VALUE! and a case with no answer #N/A, keeping the message', () => {
    expect(
      asExcelError(new ArgumentError('uplift is "x", not a number.', 'uplift', 'x')),
    ).toMatchObject({
      code: '#VALUE!',
      message: 'uplift is "x", not a number.',
    });
    expect(asExcelError(new NotApplicable('partner "X" has no contributions.'))).toMatchObject({
      code: '#N/A',
      message: 'partner "X" has no contributions.',
    });
  });

  it.each([
    ['POOL.UNKNOWN_PARTY', '#N/A'],
    ['CAPITATION.UNKNOWN_NAME', '#N/A'],
    ['POOL.ZERO_TOTAL', '#N/A'],
    ['GAINSHARE.SHARES_NOT_ONE', '#VALUE!'],
    ['P4P.TARGET_EQUALS_BASELINE', '#VALUE!'],
    ['CAPITATION.NEGATIVE', '#VALUE!'],
  ])('engine error %s becomes %s', (code, excel) => {
    expect(asExcelError(new EngineError(code, 'message', 'field')).code).toBe(excel);
  });

  it('names engine fields as the arguments, or puts the argument first when the message names none', () => {
    const labels = (field: string) =>
      field.startsWith('segments[0]') ? 'population (row 2 of its range)' : undefined;
    expect(
      asExcelErrorWith(
        new EngineError(
          'C.NEGATIVE',
          'segments[0].population is -5; it cannot be negative.',
          'segments[0].population',
        ),
        labels,
      ).message,
    ).toBe('population (row 2 of its range) is -5; it cannot be negative.');
    expect(
      asExcelErrorWith(
        new EngineError(
          'C.SHARES_NOT_ONE',
          'Band 1 shares sum to 0.9, not 1.',
          'segments[0].shares',
        ),
        labels,
      ).message,
    ).toBe('population (row 2 of its range): Band 1 shares sum to 0.9, not 1.');
  });

  it('lets any other error (a defect) through unchanged', () => {
    const defect = new TypeError('x is undefined');
    expect(toExcelError(defect)).toBe(defect);
    expect(() =>
      excelCall(() => {
        throw defect;
      }),
    ).toThrow(defect);
  });

  it('returns the value when nothing fails', () => {
    expect(excelCall(() => 42)).toBe(42);
  });

  it('uses the codes Excel defines', () => {
    expect(ErrorCode.invalidValue).toBe('#VALUE!');
    expect(ErrorCode.notAvailable).toBe('#N/A');
  });

  it('says so plainly when office.js has not set up the runtime', () => {
    const global = globalThis as { CustomFunctions?: unknown };
    const runtime = global.CustomFunctions;
    delete global.CustomFunctions;
    try {
      expect(() => toExcelError(new NotApplicable('x'))).toThrow(
        'The Excel custom functions runtime (office.js) is not loaded.',
      );
    } finally {
      global.CustomFunctions = runtime;
    }
  });
});

function asExcelErrorWith(
  error: EngineError,
  labels: (field: string) => string | undefined,
): CustomFunctionError {
  const mapped = toExcelError(error, labels);
  if (!(mapped instanceof CustomFunctionError)) throw new Error('not an Excel error');
  return mapped;
}

/**
 * Errors shaped like the ones Office.js raises: `name` "RichApi.Error", a `code` from
 * `OfficeExtension.ErrorCodes` / `Excel.ErrorCodes` (or the common codes Excel on the web
 * adds, such as RequestPayloadSizeLimitExceeded), a `message`, and `debugInfo` with the
 * `errorLocation` of the failing statement.
 */

/** The codes the fake raises, spelt as Office.js spells them. */
export const ErrorCode = {
  propertyNotLoaded: 'PropertyNotLoaded',
  itemNotFound: 'ItemNotFound',
  itemAlreadyExists: 'ItemAlreadyExists',
  invalidArgument: 'InvalidArgument',
  invalidOperation: 'InvalidOperation',
  invalidReference: 'InvalidReference',
  rangeExceedsLimit: 'RangeExceedsLimit',
  requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
  responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
  invalidRequestContext: 'InvalidRequestContext',
  accessDenied: 'AccessDenied',
  apiNotFound: 'ApiNotFound',
  generalException: 'GeneralException',
  invalidOperationInCellEditMode: 'InvalidOperationInCellEditMode',
  invalidSelection: 'InvalidSelection',
} as const;

/** One of the codes above. */
export type ErrorCodeText = (typeof ErrorCode)[keyof typeof ErrorCode];

const messages: Record<ErrorCodeText, string> = {
  PropertyNotLoaded:
    "The property '{0}' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  ItemNotFound: "The requested resource doesn't exist.",
  ItemAlreadyExists: 'The resource being created already exists.',
  InvalidArgument: 'The argument is invalid or missing or has an incorrect format.',
  InvalidOperation: 'The operation attempted is invalid on the object.',
  InvalidReference: 'This reference is not valid for the current operation.',
  RangeExceedsLimit: 'The cell count in the range has exceeded the maximum supported number.',
  RequestPayloadSizeLimitExceeded: 'The request payload size has exceeded the limit.',
  ResponsePayloadSizeLimitExceeded: 'The response payload size has exceeded the limit.',
  InvalidRequestContext: 'Cannot use the object across different request contexts.',
  // @types/office-js: "If worksheet protection is enabled ... throws an `AccessDenied` error".
  AccessDenied: 'You cannot perform the requested operation.',
  // office.js's CoreResourceStrings.apiNotFoundDetails; the detail is the whole message.
  ApiNotFound: '{0}',
  GeneralException: 'There was an internal error while processing the request.',
  // office.js's ResourceStrings.invalidOperationInCellEditMode (excel-web-16.00.debug.js).
  InvalidOperationInCellEditMode:
    'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
  // Excel.ErrorCodes.invalidSelection; office.js carries no text for it (the host sends one), so the words are the fake's.
  InvalidSelection: 'The current selection is invalid for this operation.',
};

/** The error object `context.sync()` rejects with (and property reads throw). */
export class MemoryExcelError
  extends Error
  implements
    Pick<OfficeExtension.Error, 'name' | 'code' | 'message' | 'debugInfo' | 'traceMessages'>
{
  override name = 'RichApi.Error';
  code: string;
  debugInfo: OfficeExtension.DebugInfo;
  traceMessages: string[] = [];

  constructor(code: ErrorCodeText, errorLocation: string, detail?: string) {
    const message = messages[code].replace('{0}', detail ?? '');
    super(message);
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
    if (
      detail !== undefined &&
      code !== ErrorCode.propertyNotLoaded &&
      code !== ErrorCode.apiNotFound
    ) {
      this.debugInfo.innerError = detail;
    }
  }

  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

/** Raises an Office.js-style error. */
export function officeError(code: ErrorCodeText, errorLocation: string, detail?: string): never {
  throw new MemoryExcelError(code, errorLocation, detail);
}

/**
 * Typed errors of the Office adapter. `code` is stable (`WORKBOOK.*`); `message` names
 * the sheet, table or cell concerned. Failures Excel itself reports are wrapped with its
 * code (e.g. ItemNotFound) and the statement that failed, never logged and swallowed.
 */
import { PortErrorCode } from '../../ports/errors';

/** Stable codes of {@link OfficeAdapterError}: the ports' own, and Excel's failures. */
export const OfficeErrorCode = {
  ...PortErrorCode,
  /** Excel refused a request; the message carries Excel's code and where it failed. */
  EXCEL_FAILED: 'WORKBOOK.EXCEL_FAILED',
  /** The user was typing in a cell (Excel's InvalidOperationInCellEditMode). */
  CELL_EDITING: 'WORKBOOK.CELL_EDITING',
  /** A sheet to write is protected, or the workbook's structure is; nothing was written. */
  PROTECTED: 'WORKBOOK.PROTECTED',
  /** Excel answered a read with something other than the cells asked for (e.g. null values). */
  BAD_READ: 'WORKBOOK.BAD_READ',
  /** Several areas are selected (Excel's InvalidSelection) where one range is wanted. */
  SELECTION_NOT_ONE_RANGE: 'WORKBOOK.SELECTION_NOT_ONE_RANGE',
} as const;

/** One of {@link OfficeErrorCode}. */
export type OfficeErrorCode = (typeof OfficeErrorCode)[keyof typeof OfficeErrorCode];

/** A failure of the Office adapter, with a stable code and a message naming the place. */
export class OfficeAdapterError extends Error {
  override readonly name = 'OfficeAdapterError';

  constructor(
    /** Stable code, e.g. `WORKBOOK.SHEET_NOT_OURS`. */
    readonly code: OfficeErrorCode,
    message: string,
    /** The sheet concerned, where there is one. */
    readonly sheet?: string,
    /** Excel's own error code, for `WORKBOOK.EXCEL_FAILED`. */
    readonly excelCode?: string,
  ) {
    super(message);
  }
}

/** Throws an {@link OfficeAdapterError}. */
export function officeFail(code: OfficeErrorCode, message: string, sheet?: string): never {
  throw new OfficeAdapterError(code, message, sheet);
}

interface OfficeLikeError {
  readonly code?: unknown;
  readonly message?: unknown;
  readonly debugInfo?: { readonly errorLocation?: unknown };
}

/**
 * Excel's code for a request made while the user types in a cell (Excel.ErrorCodes;
 * office.js maps the host's "invalid API call in context" to it).
 */
export const CELL_EDIT_MODE = 'InvalidOperationInCellEditMode';

/** Excel's error code of a caught error, if it is an Office.js error. */
export function excelCodeOf(error: unknown): string | undefined {
  const code = (error as OfficeLikeError | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Runs an Excel.run batch, turning an Office.js error into `WORKBOOK.EXCEL_FAILED` that
 * says what the adapter was doing, Excel's code and the failing statement. The adapter's
 * own typed errors pass through unchanged.
 */
export async function whileDoing<T>(doing: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof OfficeAdapterError) throw error;
    const excelCode = excelCodeOf(error);
    if (excelCode === undefined) throw error;
    if (excelCode === CELL_EDIT_MODE) {
      throw new OfficeAdapterError(
        OfficeErrorCode.CELL_EDITING,
        `Finish editing the cell first, then try again: Excel was in cell-editing mode, so it refused ${doing}.`,
        undefined,
        excelCode,
      );
    }
    const { message, debugInfo } = error as OfficeLikeError;
    const location =
      typeof debugInfo?.errorLocation === 'string' ? ` at ${debugInfo.errorLocation}` : '';
    const text = typeof message === 'string' ? message : '';
    throw new OfficeAdapterError(
      OfficeErrorCode.EXCEL_FAILED,
      `Excel refused ${doing}: ${excelCode}${location}. ${text}`.trim(),
      undefined,
      excelCode,
    );
  }
}

/**
 * A refusal by the workbook layer that is neither bad input (a finding) nor a domain
 * outcome: e.g. a result sheet that would replace a sheet the user made. `code` is
 * stable; `message` says what to do.
 */
export class WorkbookError extends Error {
  override readonly name = 'WorkbookError';

  constructor(
    /** `SHEET.USER_SHEET`, `RUN.NO_LAST_RUN`, `SHARING.NO_RECORD`... */
    readonly code: string,
    message: string,
    /** The sheet concerned, when there is one. */
    readonly sheet?: string,
  ) {
    super(message);
  }
}

/** Stable codes of {@link WorkbookError}. */
export const WorkbookErrorCode = {
  /** The result sheet exists and was not made by the add-in. */
  USER_SHEET: 'SHEET.USER_SHEET',
  /** Repeat last run: nothing was run in this workbook yet (or the record is unreadable). */
  NO_LAST_RUN: 'RUN.NO_LAST_RUN',
  /** An unknown mechanism name. */
  UNKNOWN_MECHANISM: 'RUN.UNKNOWN_MECHANISM',
  /** Restore formulas: the workbook has no record of formulas converted for sharing. */
  NO_RECORD: 'SHARING.NO_RECORD',
  /** "New planning template" over a workbook that already has one. */
  TEMPLATE_EXISTS: 'TEMPLATE.EXISTS',
  /** The template in the workbook is newer than this add-in. */
  TEMPLATE_TOO_NEW: 'TEMPLATE.TOO_NEW',
  /** A scenario name that is empty, too long or has a character a sheet name cannot. */
  SCENARIO_BAD_NAME: 'SCENARIO.BAD_NAME',
  /** Keep as scenario: the name is already kept (and replacing it was not asked for). */
  SCENARIO_EXISTS: 'SCENARIO.EXISTS',
  /** Compare: a scenario the workbook does not keep, or scenarios that cannot be compared. */
  SCENARIO_UNKNOWN: 'SCENARIO.UNKNOWN',
  SCENARIO_MIXED: 'SCENARIO.MIXED',
} as const;

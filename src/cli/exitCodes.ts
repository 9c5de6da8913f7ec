/**
 * The `bcf` command's exit codes, the same for every command, so scripts can rely on them.
 */
export const ExitCode = {
  /** Done: everything asked for was done and every check passed. */
  OK: 0,
  /**
   * Done, but not clean: `bcf check` found a failed plan check; `bcf consolidate`
   * skipped at least one file (the summary of the others was written).
   */
  CHECK_FAILED: 1,
  /** Nothing done: invalid input, a bad file, input findings, or a usage error. Nothing written. */
  INVALID: 2,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * Turns an unexpected failure into one sentence for the pane. Its stable code (e.g.
 * "XLSX.NOT_A_WORKBOOK") is for support, not for the user's eye: {@link errorCode} gives
 * it separately, for a "Details" disclosure.
 */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'An unexpected error occurred.';
}

/** The failure's stable code, when it has one. */
export function errorCode(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as Error & { code?: unknown }).code;
  return typeof code === 'string' && code !== '' ? code : undefined;
}

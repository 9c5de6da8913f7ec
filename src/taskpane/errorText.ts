/** Turns an unexpected failure into one sentence for the pane's message bar. */
export function errorText(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    return typeof code === 'string' && code !== '' ? `${error.message} (${code})` : error.message;
  }
  return typeof error === 'string' ? error : 'An unexpected error occurred.';
}

/** A DOM id for a parameter's control, so the pane can move focus to the first error. */
export function fieldId(key: string): string {
  return `param-${key.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}`;
}

/** Moves focus to the control of the first key that has one. */
export function focusFirst(keys: readonly string[]): void {
  for (const key of keys) {
    const element = document.getElementById(fieldId(key));
    if (element !== null) {
      element.focus();
      return;
    }
  }
}

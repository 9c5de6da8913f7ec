/**
 * What a defined name's formula holds, as `NamedItem.value` and `.type` report it, and
 * which names Excel accepts.
 */

/** The constant a name holds ('="x"' → "x", "=3" → 3), or the formula text without "=". */
export function constantOf(formula: string): string | number | boolean {
  const text = /^="((?:[^"]|"")*)"$/.exec(formula);
  if (text?.[1] !== undefined) return text[1].replace(/""/g, '"');
  const body = formula.slice(1);
  if (/^(TRUE|FALSE)$/i.test(body)) return body.toUpperCase() === 'TRUE';
  return body !== '' && Number.isFinite(Number(body)) ? Number(body) : body;
}

/** The name's type as Office.js reports it. */
export function typeOf(formula: string): Excel.NamedItem['type'] {
  const value = constantOf(formula);
  if (typeof value === 'number') return 'Double';
  if (typeof value === 'boolean') return 'Boolean';
  return /^=('[^']+'|[^!"]+)!\$?[A-Z]+\$?\d+/.test(formula) ? 'Range' : 'String';
}

/** A valid defined name: letters, digits, _ . and \\, starting with a letter, _ or \\. */
export const validName = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;
/** Names Excel refuses because they read as cell references. */
export const looksLikeCell = /^[A-Za-z]{1,3}[0-9]+$|^[RrCc]$/;

/**
 * How names read from people are compared: a party, partner, scheme or contract written
 * "B&NES  CCG" in one place and "b&nes ccg" in another is the same name.
 */

/** Trims, reading no-break and narrow no-break spaces (as Excel and Word type them) as spaces. */
export function trimSpaces(text: string): string {
  // Checked first: most text has neither, and the search is cheaper than the replace.
  const spaced = text.includes('\u00a0') || text.includes('\u202f');
  return (spaced ? text.replace(/[\u00a0\u202f]/g, ' ') : text).trim();
}

/**
 * The key two names are compared by: case- and space-insensitive.
 *
 * @example nameKey(' B&NES\u00a0 CCG ') // 'b&nes ccg'
 */
export function nameKey(text: string): string {
  return trimSpaces(text).toLowerCase().replace(/\s+/g, ' ');
}

/**
 * A1-style addresses, as Excel shows them: columns as letters, rows 1-based.
 * Shared by the readers (cell addresses in findings) and the result layouts (ranges
 * of tables and charts).
 */

/** Column letters for a 1-based column number: 1 → "A", 27 → "AA". */
export function columnLetters(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The column number of an address's letters: "D14" → 4, "AA1" → 27 (0 when none). */
export function columnNumber(address: string): number {
  const letters = /^[A-Z]*/i.exec(address)?.[0] ?? '';
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

/** A cell address: `cellAddress(14, 4)` → "D14". */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** A range address from its corners: `rangeAddress(12, 1, 17, 3)` → "A12:C17". */
export function rangeAddress(
  firstRow: number,
  firstColumn: number,
  lastRow: number,
  lastColumn: number,
): string {
  return `${cellAddress(firstRow, firstColumn)}:${cellAddress(lastRow, lastColumn)}`;
}

/**
 * A sheet name as a formula or message would write it: quoted when it holds anything
 * but letters, digits and underscores ("'BCF Results - Gain share'"), with any
 * apostrophe doubled, as Excel does.
 */
export function sheetRef(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * Comparing what LibreOffice Calc shows (its CSV export of a sheet, after recalculating
 * every formula) with what was written: table by table, cell by cell, and the engine's
 * figures anywhere on a sheet.
 */
import type { CellValue, TableData } from '../../../src/ports/workbook';

/** A CSV cell as a number: "1716875", "-50000", "40.9440175631175%" (→ 0.409...); else undefined. */
export function csvNumber(text: string): number | undefined {
  const match = /^(-?\d+(?:\.\d+)?(?:E[-+]?\d+)?)(%?)$/i.exec(text.trim());
  if (match === null) return undefined;
  const n = Number(match[1]);
  return match[2] === '%' ? n / 100 : n;
}

/** Whether two numbers are the same figure (to 12 significant digits; money to well within a penny). */
export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
}

function sameCell(expected: CellValue, shown: string): boolean {
  if (expected === null || expected === '') return shown === '';
  if (typeof expected === 'boolean') return shown === (expected ? 'TRUE' : 'FALSE');
  if (typeof expected === 'string') return shown === expected;
  const n = csvNumber(shown);
  return n !== undefined && sameNumber(n, expected);
}

/**
 * Every cell of a table (headers and body) that Calc shows differently from the value
 * written, as "D12: wrote 1716875, Calc shows 1716874.99" (empty when all agree).
 */
export function tableDifferences(csv: readonly (readonly string[])[], table: TableData): string[] {
  const rows: (readonly CellValue[])[] = [table.headers, ...table.rows];
  const differences: string[] = [];
  rows.forEach((cells, r) => {
    cells.forEach((value, c) => {
      const shown = csv[table.headerRow - 1 + r]?.[table.firstColumn - 1 + c] ?? '';
      if (!sameCell(value, shown)) {
        differences.push(
          `${table.name} row ${r} column ${c + 1}: wrote ${JSON.stringify(value)}, Calc shows ${JSON.stringify(shown)}`,
        );
      }
    });
  });
  return differences;
}

/** Every number Calc shows on a sheet. */
export function numbersOn(csv: readonly (readonly string[])[]): number[] {
  return csv.flat().flatMap((cell) => {
    const n = csvNumber(cell);
    return n === undefined ? [] : [n];
  });
}

/**
 * The figures of an engine result (CLI JSON: money as "1716875.00" strings, quantities
 * as numbers) that Calc does not show anywhere on the sheet, by JSON path; the steps
 * (text) and paths matching `notShown` are left out.
 */
export function figuresNotShown(
  result: unknown,
  shown: readonly number[],
  notShown: readonly RegExp[] = [],
): string[] {
  const missing: string[] = [];
  const has = (n: number): boolean => shown.some((s) => sameNumber(s, n));
  const walk = (value: unknown, path: string): void => {
    if (/(^|\.)steps$/.test(path) || notShown.some((re) => re.test(path))) return;
    if (typeof value === 'string' && /^-?\d+\.\d\d$/.test(value)) {
      if (!has(Number(value))) missing.push(`${path} = ${value}`);
    } else if (typeof value === 'number') {
      if (!has(value)) missing.push(`${path} = ${value}`);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${path}[${i}]`));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value))
        walk(item, path === '' ? key : `${path}.${key}`);
    }
  };
  walk(result, '');
  return missing;
}

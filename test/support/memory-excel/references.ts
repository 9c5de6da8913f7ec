/**
 * What deleting a table does to formulas that refer to it: in Excel, a structured
 * reference to a deleted table (`=SUM(Partners[Amount])`) becomes `#REF!`, and so does
 * the cell's result. The fake models just that, so a test can tell whether a user's
 * formula survived the add-in rewriting a result table. (Formulas are not evaluated, so
 * this is the only way a reference can visibly break here.)
 */
import type { WorkbookModel } from './model';

/** The formula with each structured reference to `table` replaced by #REF!, or undefined if it has none. */
export function withoutTable(formula: string, table: string): string | undefined {
  const lower = table.toLowerCase();
  let out = '';
  let changed = false;
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i] ?? '';
    if (ch === '"') {
      const end = stringEnd(formula, i);
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    const before = i === 0 ? '' : (formula[i - 1] ?? '');
    const starts =
      !/[A-Za-z0-9_.\\]/.test(before) &&
      formula.slice(i, i + table.length).toLowerCase() === lower &&
      formula[i + table.length] === '[';
    if (starts) {
      const end = bracketEnd(formula, i + table.length);
      out += '#REF!';
      changed = true;
      i = end;
      continue;
    }
    out += ch;
    i++;
  }
  return changed ? out : undefined;
}

function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '"') {
      if (text[i + 1] === '"') i += 2;
      else return i + 1;
    } else i++;
  }
  return text.length;
}

function bracketEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "'") {
      i++; // an apostrophe escapes the next character in a structured reference
      continue;
    }
    if (text[i] === '[') depth++;
    if (text[i] === ']') depth--;
    if (depth === 0) return i + 1;
  }
  return text.length;
}

/** Turns every structured reference to `table`, anywhere in the workbook, into #REF!. */
export function breakReferencesTo(workbook: WorkbookModel, table: string): void {
  for (const sheet of workbook.sheets) {
    for (const cell of sheet.cells.values()) {
      if (cell.formula === undefined) continue;
      const broken = withoutTable(cell.formula, table);
      if (broken === undefined) continue;
      cell.formula = broken;
      cell.value = '#REF!';
      cell.error = true;
    }
  }
}

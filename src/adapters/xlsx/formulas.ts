/**
 * Finding and rewriting formulas (prepare for sharing, restore): the cells whose
 * formulas call the add-in's functions, turned into constants and back.
 */
import type { FormulaCell, WorkbookFormulas } from '../../ports/workbook';
import { cellAddress, parseBox } from './a1';
import { formulaText, isUnsaved, portValue } from './cellValues';
import { XlsxErrorCode, xlsxFail } from './errors';
import type { Cell, Workbook } from './excelts';
import { promised } from './promised';

/**
 * Excel saves a call to an add-in's JavaScript function in the file with the prefix
 * `_xldudf_` until the add-in is loaded; such calls are the add-in's too.
 */
const SAVED_UDF_PREFIX = '_xldudf_';

/** Function names called in a formula, outside string literals. */
function calledFunctions(formula: string): string[] {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  return [...code.matchAll(/([A-Za-z_\\][A-Za-z0-9_.]*)\s*\(/g)].map((m) => m[1] ?? '');
}

/** Whether a formula calls a function whose name starts with `prefix` (any case). */
export function callsPrefix(formula: string, prefix: string): boolean {
  const wanted = prefix.toUpperCase();
  const saved = wanted.replace(/\./g, '_');
  return calledFunctions(formula).some((name) => {
    const upper = name.toUpperCase();
    if (upper.startsWith(wanted)) return true;
    return (
      upper.startsWith(SAVED_UDF_PREFIX.toUpperCase()) &&
      upper.slice(SAVED_UDF_PREFIX.length).startsWith(saved)
    );
  });
}

/** The add-in's formulas over an ExcelTS workbook. */
export class XlsxFormulas implements WorkbookFormulas {
  constructor(private readonly book: Workbook) {}

  /** Every cell, on every sheet, whose formula calls a function starting with `prefix`. */
  findFormulas(prefix: string): Promise<readonly FormulaCell[]> {
    return promised(() => this.find(prefix));
  }

  private find(prefix: string): FormulaCell[] {
    const date1904 = Boolean(this.book.properties.date1904);
    const found: FormulaCell[] = [];
    for (const worksheet of this.book.worksheets) {
      worksheet.eachRow((row) => {
        row.eachCell((cell) => {
          const formula = formulaText(cell);
          if (formula === undefined || !callsPrefix(formula, prefix)) return;
          const value = portValue(cell, date1904);
          found.push({
            sheet: worksheet.name,
            address: cellAddress(cell.row, cell.col),
            formula,
            value: isUnsaved(value) ? '' : value,
          });
        });
      });
    }
    return found;
  }

  /** Sets each cell to its constant value (text stays text; "" clears the cell). */
  setValues(cells: readonly FormulaCell[]): Promise<void> {
    return promised(() => {
      const targets = cells.map((cell) => [this.cell(cell), cell] as const);
      for (const [target, { value }] of targets) target.value = value === '' ? null : value;
    });
  }

  /** Puts each cell's formula back, keeping its value as the saved result. */
  setFormulas(cells: readonly FormulaCell[]): Promise<void> {
    return promised(() => {
      const targets = cells.map((cell) => [this.cell(cell), cell] as const);
      for (const [target, { formula, value }] of targets) {
        const text = formula.startsWith('=') ? formula.slice(1) : formula;
        target.value =
          value === null || value === '' ? { formula: text } : { formula: text, result: value };
      }
    });
  }

  /** The cell a FormulaCell names; every cell is found before any is changed. */
  private cell({ sheet, address }: FormulaCell): Cell {
    const worksheet = this.book.getWorksheet(sheet);
    if (!worksheet) {
      xlsxFail(
        XlsxErrorCode.SHEET_NOT_FOUND,
        `There is no sheet "${sheet}" (cell ${address}); nothing was changed.`,
      );
    }
    const box = parseBox(address);
    if (!box || box.top !== box.bottom || box.left !== box.right) {
      xlsxFail(
        XlsxErrorCode.BAD_ADDRESS,
        `"${address}" on sheet "${sheet}" is not the A1 address of a cell; nothing was changed.`,
      );
    }
    return worksheet.getCell(box.top, box.left);
  }
}

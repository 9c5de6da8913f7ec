/**
 * Finding and rewriting formulas (prepare for sharing, restore): the cells whose
 * formulas call the add-in's functions, turned into constants and back.
 */
import type { CellValue, FormulaCell, WorkbookFormulas } from '../../ports/workbook';
import { cellAddress, parseBox } from './a1';
import { formulaText, isUnsaved, portValue } from './cellValues';
import { XlsxErrorCode, xlsxFail } from './errors';
import type { Cell, Workbook, Worksheet } from './excelts';
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

/** The error a formula's saved result is ("#VALUE!"), if it is one. */
function cachedError(cell: Cell): string | undefined {
  const value: unknown = cell.value;
  if (typeof value !== 'object' || value === null || !('result' in value)) return undefined;
  const result: unknown = (value as { result?: unknown }).result;
  return typeof result === 'object' && result !== null && 'error' in result
    ? String(result.error)
    : undefined;
}

/**
 * The block an array formula fills (its `ref`, when wider than its own cell) with the
 * values saved there: a dynamic array's spilled cells are plain values in the file.
 */
function spillOf(worksheet: Worksheet, cell: Cell, date1904: boolean): FormulaCell['spill'] {
  const model = cell.model as { shareType?: string; ref?: string };
  const box = model.shareType === 'array' && model.ref ? parseBox(model.ref) : undefined;
  if (!box || (box.top === box.bottom && box.left === box.right)) return undefined;
  const values: CellValue[][] = [];
  for (let r = box.top; r <= box.bottom; r++) {
    const row: CellValue[] = [];
    for (let c = box.left; c <= box.right; c++) {
      const value = portValue(worksheet.getCell(r, c), date1904);
      row.push(isUnsaved(value) ? '' : value);
    }
    values.push(row);
  }
  return { address: model.ref ?? '', values };
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
          const errorValue = cachedError(cell);
          const spill = spillOf(worksheet, cell, date1904);
          found.push({
            sheet: worksheet.name,
            address: cellAddress(cell.row, cell.col),
            formula,
            value: isUnsaved(value) ? '' : value,
            ...(spill ? { spill } : {}),
            ...(errorValue === undefined ? {} : { errorValue }),
          });
        });
      });
    }
    return found;
  }

  /**
   * Sets each cell to its constant value (text stays text; "" clears the cell); a
   * spilling formula's whole block, so the file holds the whole result as constants.
   */
  setValues(cells: readonly FormulaCell[]): Promise<void> {
    return promised(() => {
      const targets = cells.map((cell) => [this.cell(cell), cell] as const);
      for (const [target, { value, spill }] of targets) {
        target.value = value === '' ? null : value;
        const box = spill?.values ? parseBox(spill.address) : undefined;
        spill?.values?.forEach((row, r) =>
          row.forEach((v, c) => {
            if ((r > 0 || c > 0) && box)
              target.worksheet.getCell(box.top + r, box.left + c).value = v === '' ? null : v;
          }),
        );
      }
    });
  }

  /**
   * Puts each cell's formula back, keeping its value as the saved result. A formula that
   * spilled goes back as a dynamic-array formula over its block (`<f t="array" ref>`
   * with the `cm` metadata ExcelTS writes), so Excel spills it again rather than reading
   * a plain formula as a legacy one (an implicit `@`, one value, the rest stale).
   */
  setFormulas(cells: readonly FormulaCell[]): Promise<void> {
    return promised(() => {
      const targets = cells.map((cell) => [this.cell(cell), cell] as const);
      for (const [target, { formula, value, spill }] of targets) {
        const text = formula.startsWith('=') ? formula.slice(1) : formula;
        const result = value === null || value === '' ? {} : { result: value };
        target.value = spill
          ? {
              formula: text,
              shareType: 'array',
              ref: spill.address,
              isDynamicArray: true,
              ...result,
            }
          : { formula: text, ...result };
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

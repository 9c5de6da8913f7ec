/**
 * `Excel.Range` in memory: values, formulas and number formats read and written as 2-D
 * arrays, with Excel's treatment of written strings (see cellInput.ts), plus the
 * navigation to format, data validation and worksheet.
 */
import { parseAddress, rectSize, type Rect } from './address';
import { fullAddress, intersect, onGrid } from './rangeGeometry';
import { writeFormula, writeValue } from './cellInput';
import {
  childCore,
  coreOf,
  MemoryClientObject,
  spawn,
  type LoadSpec,
  type ScalarGetters,
  type Loadable,
} from './clientObject';
import { CORE, requireExcelApi, type ActionQueue } from './core';
import { MemoryDataValidation } from './dataValidation';
import { ErrorCode, officeError } from './errors';
import type { FaithfulTo } from './driftGuard';
import { eachExistingCell, readGrid, refuseIfProtected, writeGrid, type RangeModel } from './grid';
import { peekCell, usedRect, type CellModel } from './model';
import { MemoryRangeFormat } from './rangeFormat';
import { MemoryRangeAreas, type AreasModel } from './rangeAreas';
import { worksheetProxy } from './worksheet';

/** Creates a range proxy from a method call. */
export function spawnRange(
  queue: ActionQueue,
  location: string,
  resolver: () => RangeModel | null,
  args: readonly unknown[] = [],
): Excel.Range {
  const range = spawn(
    queue,
    'Range',
    location,
    resolver,
    (core) => new MemoryRange(core),
    alive,
    args,
  );
  return range as unknown as Excel.Range;
}

function alive(range: RangeModel): boolean {
  return !range.sheet.deleted;
}

/** A range of cells on a worksheet. */
export class MemoryRange extends MemoryClientObject<RangeModel> {
  protected readonly scalars: ScalarGetters<RangeModel> = {
    address: (r) => fullAddress(r),
    addressLocal: (r) => fullAddress(r),
    rowCount: (r) => rectSize(r.rect).rows,
    columnCount: (r) => rectSize(r.rect).columns,
    cellCount: (r) => rectSize(r.rect).rows * rectSize(r.rect).columns,
    rowIndex: (r) => r.rect.top,
    columnIndex: (r) => r.rect.left,
    values: (r) => readGrid(r, this.limits(), 'Range.values', (cell) => cell?.value ?? ''),
    // A cell a dynamic array spills into has no formula of its own, so, as for any cell
    // without one, `formulas` gives its value (Range.formulas: "If a cell has no formula,
    // its value is returned instead"); only the anchor gives the formula.
    formulas: (r) =>
      readGrid(r, this.limits(), 'Range.formulas', (cell) => cell?.formula ?? cell?.value ?? ''),
    valueTypes: (r) => readGrid(r, this.limits(), 'Range.valueTypes', valueTypeOf),
    numberFormat: (r) =>
      readGrid(r, this.limits(), 'Range.numberFormat', (cell) => cell?.numberFormat ?? 'General'),
  };

  protected override navigation(name: string): Loadable | undefined {
    const children: Record<string, () => unknown> = {
      format: () => this.format,
      dataValidation: () => this.dataValidation,
      worksheet: () => this.worksheet,
    };
    return children[name]?.() as Loadable | undefined;
  }

  get address(): string {
    return this.get('address');
  }
  get addressLocal(): string {
    return this.get('addressLocal');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get cellCount(): number {
    return this.get('cellCount');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }

  get values(): unknown[][] {
    return this.get('values');
  }
  set values(values: unknown[][]) {
    this.setProperty('values', values, (range, v) =>
      writeGrid(range, this.limits(), 'Range.values', v, writeValue),
    );
  }

  get valueTypes(): Excel.RangeValueType[][] {
    return this.get('valueTypes');
  }

  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(formulas: unknown[][]) {
    this.setProperty('formulas', formulas, (range, v) =>
      writeGrid(range, this.limits(), 'Range.formulas', v, writeFormula),
    );
  }

  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  set numberFormat(formats: unknown[][]) {
    this.setProperty('numberFormat', formats, (range, v) =>
      writeGrid(
        range,
        this.limits(),
        'Range.numberFormat',
        v,
        (cell, format) => {
          cell.numberFormat = String(format);
        },
        false,
      ),
    );
  }

  get format(): Excel.RangeFormat {
    const format = this.child(
      'format',
      (parent) => new MemoryRangeFormat(childCore(parent, 'RangeFormat', (r) => r)),
    );
    return format as unknown as Excel.RangeFormat;
  }

  get dataValidation(): Excel.DataValidation {
    const validation = this.child(
      'dataValidation',
      (parent) => new MemoryDataValidation(childCore(parent, 'DataValidation', (r) => r)),
    );
    return validation as unknown as Excel.DataValidation;
  }

  /** The merged areas that meet the range, or a null object when none does. */
  getMergedAreasOrNullObject(): Excel.RangeAreas {
    const location = 'Range.getMergedAreasOrNullObject';
    const areas = spawn<AreasModel, MemoryRangeAreas>(
      this[CORE].queue,
      'RangeAreas',
      location,
      () => {
        const range = this[CORE].resolve();
        if (!range) return null;
        const rects = (range.sheet.merges ?? []).filter((m) => intersect(m, range.rect));
        return rects.length === 0 ? null : { sheet: range.sheet, rects };
      },
      (core) => new MemoryRangeAreas(core),
      (a) => !a.sheet.deleted,
    );
    return areas as unknown as Excel.RangeAreas;
  }

  get worksheet(): Excel.Worksheet {
    return this.child('worksheet', (parent) =>
      worksheetProxy(
        childCore(
          parent,
          'Worksheet',
          (r) => r.sheet,
          (s) => !s.deleted,
        ),
      ),
    ) as unknown as Excel.Worksheet;
  }

  /** Queues a load of the given properties. */
  load(spec?: LoadSpec): Excel.Range {
    this.queueLoad(spec);
    return this as unknown as Excel.Range;
  }

  /** Selects the range in the user interface (the model's selection and active sheet). */
  select(): void {
    this.invoke('select', [], (range) => {
      const workbook = this[CORE].queue.model;
      workbook.activeSheet = range.sheet;
      workbook.selection = { sheet: range.sheet, rect: range.rect };
    });
  }

  /**
   * The block a dynamic-array formula in this (single) cell spills into; a null object
   * when the cell is not a spilling anchor (ExcelApi 1.12).
   */
  getSpillingToRangeOrNullObject(): Excel.Range {
    requireExcelApi(this[CORE].queue, 'Range.getSpillingToRangeOrNullObject', '1.12');
    return spawnRange(this[CORE].queue, 'Range.getSpillingToRangeOrNullObject', () => {
      const range = this[CORE].resolve();
      if (!range) return null;
      const { top, left, bottom, right } = range.rect;
      if (top !== bottom || left !== right) return null;
      const spill = peekCell(range.sheet, top, left)?.spill;
      return spill ? { sheet: range.sheet, rect: spill } : null;
    });
  }

  /** Clears contents, formats or both. */
  clear(applyTo?: Parameters<Excel.Range['clear']>[0]): void {
    const what = applyTo ?? 'All';
    this.invoke('clear', [what], (range) => {
      refuseIfProtected(range, 'Range.clear', what === 'Contents');
      eachExistingCell(range, (cell) => {
        if (what === 'All' || what === 'Contents') {
          cell.value = '';
          delete cell.formula;
          delete cell.error;
          delete cell.spill;
          delete cell.spillParent;
        }
        if (what === 'All' || what === 'Formats') {
          cell.numberFormat = 'General';
          delete cell.fill;
          delete cell.bold;
          delete cell.locked;
        }
      });
    });
  }

  getCell(row: number, column: number): Excel.Range {
    return this.derived('getCell', (r) => ({
      top: r.top + row,
      left: r.left + column,
      bottom: r.top + row,
      right: r.left + column,
    }));
  }

  getRow(row: number): Excel.Range {
    return this.derived('getRow', (r) => ({ ...r, top: r.top + row, bottom: r.top + row }));
  }

  /** Releases the range's reference (office.js then sends no keep-reference for it). */
  untrack(): Excel.Range {
    this[CORE].untrack();
    return this as unknown as Excel.Range;
  }

  /**
   * The smallest range holding this one and `anotherRange` (office.js writes a large
   * array in chunks of rows, each `getRow(i).getBoundingRect(getRow(j))`).
   */
  getBoundingRect(anotherRange: Excel.Range | string): Excel.Range {
    const location = 'Range.getBoundingRect';
    return spawnRange(this[CORE].queue, location, () => {
      const range = this[CORE].resolve();
      if (!range) return null;
      const other =
        typeof anotherRange === 'string'
          ? (parseAddress(anotherRange)?.rect ??
            officeError(ErrorCode.invalidArgument, location, anotherRange))
          : coreOf<RangeModel>(anotherRange).require(location).rect;
      const rect: Rect = {
        top: Math.min(range.rect.top, other.top),
        left: Math.min(range.rect.left, other.left),
        bottom: Math.max(range.rect.bottom, other.bottom),
        right: Math.max(range.rect.right, other.right),
      };
      return { sheet: range.sheet, rect: onGrid(rect, location) };
    });
  }

  getColumn(column: number): Excel.Range {
    return this.derived('getColumn', (r) => ({
      ...r,
      left: r.left + column,
      right: r.left + column,
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Excel.Range {
    return this.derived('getResizedRange', (r) => ({
      ...r,
      bottom: r.bottom + deltaRows,
      right: r.right + deltaColumns,
    }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): Excel.Range {
    return this.derived('getOffsetRange', (r) => ({
      top: r.top + rowOffset,
      left: r.left + columnOffset,
      bottom: r.bottom + rowOffset,
      right: r.right + columnOffset,
    }));
  }

  /**
   * The used part of this range. As @types/office-js documents it: "If there are no used
   * cells within the range, this function will throw an `ItemNotFound` error" (unlike
   * `Worksheet.getUsedRange`, which gives A1 on an empty sheet).
   */
  getUsedRange(valuesOnly?: boolean): Excel.Range {
    return spawnRange(this[CORE].queue, 'Range.getUsedRange', () => {
      const range = this[CORE].resolve();
      if (!range) return null;
      const used = intersect(usedRect(range.sheet, valuesOnly), range.rect);
      return used
        ? { sheet: range.sheet, rect: used }
        : officeError(ErrorCode.itemNotFound, 'Range.getUsedRange');
    });
  }

  /** The used part of this range, or a null object when none of it is used (ExcelApi 1.4). */
  getUsedRangeOrNullObject(valuesOnly?: boolean): Excel.Range {
    return spawnRange(this[CORE].queue, 'Range.getUsedRangeOrNullObject', () => {
      const range = this[CORE].resolve();
      const used = range && intersect(usedRect(range.sheet, valuesOnly), range.rect);
      return range && used ? { sheet: range.sheet, rect: used } : null;
    });
  }

  private limits(): ActionQueue['limits'] {
    return this[CORE].queue.limits;
  }

  private derived(method: string, move: (rect: Rect) => Rect): Excel.Range {
    const location = `Range.${method}`;
    return spawnRange(this[CORE].queue, location, () => {
      const range = this[CORE].resolve();
      return range && { sheet: range.sheet, rect: onGrid(move(range.rect), location) };
    });
  }
}

/** What `Range.valueTypes` reports for a cell. */
function valueTypeOf(cell: CellModel | undefined): Excel.RangeValueType {
  const value = cell?.value ?? '';
  if (cell?.error) return 'Error' as Excel.RangeValueType;
  if (value === '') return 'Empty' as Excel.RangeValueType;
  if (typeof value === 'number') return 'Double' as Excel.RangeValueType;
  if (typeof value === 'boolean') return 'Boolean' as Excel.RangeValueType;
  return 'String' as Excel.RangeValueType;
}

/** The drift guard for this class. */
export type RangeIsFaithful = FaithfulTo<Excel.Range, MemoryRange>;

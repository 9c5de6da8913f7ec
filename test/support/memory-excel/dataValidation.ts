/**
 * `Excel.DataValidation` in memory: list rules (drop-downs) only, which is what the
 * add-in sets. Setting a rule replaces the rules on the cells it covers. A list's
 * `source` is either its items, comma-separated, or, as in Excel, a formula starting
 * with "=" naming the cells to read the items from (`='BCF Lists'!$A$2:$A$17`, or a
 * range of the same sheet); Excel refuses (InvalidArgument) a reference to a sheet that
 * does not exist or to cells that are not one row or one column.
 */
import { absoluteAddress, overlaps, parseAddress, quoteSheetName } from './address';
import { CORE } from './core';
import { coreOf, MemoryClientObject, type LoadSpec, type ScalarGetters } from './clientObject';
import type { FaithfulTo } from './driftGuard';
import { ErrorCode, officeError } from './errors';
import type { RangeModel } from './grid';
import { findSheet, type ValidationModel, type WorkbookModel } from './model';

/** The data validation of a range. */
export class MemoryDataValidation extends MemoryClientObject<RangeModel> {
  protected readonly scalars: ScalarGetters<RangeModel> = {
    rule: (r) => {
      const found = r.sheet.validations.find((v) => overlaps(v.rect, r.rect));
      return found ? { list: { source: found.source, inCellDropDown: found.inCellDropDown } } : {};
    },
    type: (r) => (r.sheet.validations.some((v) => overlaps(v.rect, r.rect)) ? 'List' : 'None'),
  };

  get rule(): Excel.DataValidationRule {
    return this.get('rule');
  }
  set rule(rule: Excel.DataValidationRule) {
    const list = rule.list;
    if (!list || Object.keys(rule).length !== 1) {
      throw new Error('The memory Excel models list validation rules only.');
    }
    this.setProperty('rule', rule, (range) => {
      const source = typeof list.source === 'string' ? list.source : referenceOf(list.source);
      if (source === '') officeError(ErrorCode.invalidArgument, 'DataValidation.rule');
      if (source.startsWith('=')) checkSourceCells(this[CORE].queue.model, range, source);
      replaceRules(range, { rect: range.rect, source, inCellDropDown: list.inCellDropDown });
    });
  }

  get type(): Excel.DataValidation['type'] {
    return this.get('type');
  }

  /** Removes the rules on the range's cells (a rule overlapping the range is removed whole). */
  clear(): void {
    this.invoke('clear', [], (range) => replaceRules(range, undefined));
  }

  load(spec?: LoadSpec): Excel.DataValidation {
    this.queueLoad(spec);
    return this as unknown as Excel.DataValidation;
  }
}

/** Raises InvalidArgument unless a "=reference" source names one row or column of an existing sheet. */
function checkSourceCells(workbook: WorkbookModel, range: RangeModel, source: string): void {
  const reference = parseAddress(source.slice(1));
  const sheetThere =
    reference?.sheet === undefined ? true : findSheet(workbook, reference.sheet) !== undefined;
  const rect = reference?.rect;
  const line = rect !== undefined && (rect.left === rect.right || rect.top === rect.bottom);
  if (!sheetThere || !line) {
    officeError(
      ErrorCode.invalidArgument,
      'DataValidation.rule',
      `The list source ${source} on ${quoteSheetName(range.sheet.name)} is not one row or column of an existing sheet.`,
    );
  }
}

function referenceOf(range: Excel.Range): string {
  const model = coreOf<RangeModel>(range).require('DataValidation.rule');
  return `=${quoteSheetName(model.sheet.name)}!${absoluteAddress(model.rect)}`;
}

function replaceRules(range: RangeModel, rule: ValidationModel | undefined): void {
  const kept = range.sheet.validations.filter((v) => !overlaps(v.rect, range.rect));
  range.sheet.validations = rule ? [...kept, rule] : kept;
}

/** Drift guard. */
export type DataValidationIsFaithful = FaithfulTo<Excel.DataValidation, MemoryDataValidation>;

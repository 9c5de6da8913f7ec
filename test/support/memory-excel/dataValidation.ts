/**
 * `Excel.DataValidation` in memory: list rules (drop-downs) only, which is what the
 * add-in sets. Setting a rule replaces the rules on the cells it covers.
 */
import { absoluteAddress, overlaps, quoteSheetName } from './address';
import { coreOf, MemoryClientObject, type LoadSpec, type ScalarGetters } from './clientObject';
import type { FaithfulTo } from './driftGuard';
import { ErrorCode, officeError } from './errors';
import type { RangeModel } from './grid';
import type { ValidationModel } from './model';

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

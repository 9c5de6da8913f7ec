/**
 * `Excel.RangeAreas` in memory, as `Range.getMergedAreasOrNullObject()` gives it: the
 * merged areas of a sheet that meet a range (a null object when there are none), with
 * the address Excel shows ("Sheet1!B5:B6,Sheet1!H5:I5") and their count.
 */
import { quoteSheetName, rectAddress, type Rect } from './address';
import { MemoryClientObject, type LoadSpec, type ScalarGetters } from './clientObject';
import type { FaithfulTo } from './driftGuard';
import type { SheetModel } from './model';

/** Some areas of one sheet. */
export interface AreasModel {
  readonly sheet: SheetModel;
  readonly rects: readonly Rect[];
}

/** Areas of a sheet. */
export class MemoryRangeAreas extends MemoryClientObject<AreasModel> {
  protected readonly scalars: ScalarGetters<AreasModel> = {
    address: (a) =>
      a.rects.map((rect) => `${quoteSheetName(a.sheet.name)}!${rectAddress(rect)}`).join(','),
    areaCount: (a) => a.rects.length,
  };

  get address(): string {
    return this.get('address');
  }

  get areaCount(): number {
    return this.get('areaCount');
  }

  load(spec?: LoadSpec): Excel.RangeAreas {
    this.queueLoad(spec);
    return this as unknown as Excel.RangeAreas;
  }
}

/** Drift guard. */
export type RangeAreasIsFaithful = FaithfulTo<Excel.RangeAreas, MemoryRangeAreas>;

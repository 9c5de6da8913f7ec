/**
 * `Excel.RangeFormat`, `Excel.RangeFill` and `Excel.RangeFont` in memory: fill colour,
 * bold, column widths (in points, as Excel reports them) and autofit.
 */
import {
  childCore,
  MemoryClientObject,
  type LoadSpec,
  type ScalarGetters,
  type Loadable,
} from './clientObject';
import type { FaithfulTo } from './driftGuard';
import { eachCell, refuseIfProtected, uniform, type RangeModel } from './grid';
import { DEFAULT_COLUMN_WIDTH, peekCell } from './model';

const namedColours: Readonly<Record<string, string>> = {
  yellow: '#FFFF00',
  white: '#FFFFFF',
  black: '#000000',
  red: '#FF0000',
  green: '#008000',
  blue: '#0000FF',
};

/** A colour as Excel reports it: "#RRGGBB" in capitals. */
export function normaliseColour(colour: string): string {
  return namedColours[colour.toLowerCase()] ?? colour.toUpperCase();
}

/** Points per character of column width, for autofit (Calibri 11 is about 7 pixels). */
const POINTS_PER_CHARACTER = 5.25;

/** A range's format. */
export class MemoryRangeFormat extends MemoryClientObject<RangeModel> {
  protected readonly scalars: ScalarGetters<RangeModel> = {
    columnWidth: (r) => {
      const widths = new Set<number>();
      for (let c = r.rect.left; c <= r.rect.right; c++) {
        widths.add(r.sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
      }
      return widths.size === 1 ? [...widths][0] : null;
    },
  };

  protected override navigation(name: string): Loadable | undefined {
    if (name === 'fill') return this.fill as unknown as Loadable;
    if (name === 'font') return this.font as unknown as Loadable;
    if (name === 'protection') return this.protection as unknown as Loadable;
    return undefined;
  }

  get fill(): Excel.RangeFill {
    const fill = this.child(
      'fill',
      (parent) => new MemoryRangeFill(childCore(parent, 'RangeFill', (r) => r)),
    );
    return fill as unknown as Excel.RangeFill;
  }

  get font(): Excel.RangeFont {
    const font = this.child(
      'font',
      (parent) => new MemoryRangeFont(childCore(parent, 'RangeFont', (r) => r)),
    );
    return font as unknown as Excel.RangeFont;
  }

  get protection(): Excel.FormatProtection {
    const protection = this.child(
      'protection',
      (parent) => new MemoryFormatProtection(childCore(parent, 'FormatProtection', (r) => r)),
    );
    return protection as unknown as Excel.FormatProtection;
  }

  get columnWidth(): number {
    return this.get('columnWidth');
  }
  set columnWidth(points: number) {
    this.setProperty('columnWidth', points, (range, width) => {
      refuseIfProtected(range, 'RangeFormat.columnWidth');
      for (let c = range.rect.left; c <= range.rect.right; c++)
        range.sheet.columnWidths.set(c, width);
    });
  }

  /** Widens each column to fit its longest text in the range. */
  autofitColumns(): void {
    this.invoke('autofitColumns', [], (range) => {
      for (let c = range.rect.left; c <= range.rect.right; c++) {
        let longest = 0;
        for (let r = range.rect.top; r <= range.rect.bottom; r++) {
          const value = peekCell(range.sheet, r, c)?.value;
          if (value !== undefined) longest = Math.max(longest, String(value).length);
        }
        range.sheet.columnWidths.set(
          c,
          Math.max(DEFAULT_COLUMN_WIDTH, longest * POINTS_PER_CHARACTER),
        );
      }
    });
  }

  load(spec?: LoadSpec): Excel.RangeFormat {
    this.queueLoad(spec);
    return this as unknown as Excel.RangeFormat;
  }
}

/** A range's fill. */
export class MemoryRangeFill extends MemoryClientObject<RangeModel> {
  protected readonly scalars: ScalarGetters<RangeModel> = {
    color: (r) => uniform(r, (cell) => cell?.fill ?? '#FFFFFF'),
  };

  get color(): string {
    return this.get('color');
  }
  set color(colour: string) {
    this.setProperty('color', colour, (range, value) =>
      eachCell(range, (cell) => {
        cell.fill = normaliseColour(value);
      }),
    );
  }

  /** Removes the fill. */
  clear(): void {
    this.invoke('clear', [], (range) =>
      eachCell(range, (cell) => {
        delete cell.fill;
      }),
    );
  }

  load(spec?: LoadSpec): Excel.RangeFill {
    this.queueLoad(spec);
    return this as unknown as Excel.RangeFill;
  }
}

/** A range's font. */
export class MemoryRangeFont extends MemoryClientObject<RangeModel> {
  protected readonly scalars: ScalarGetters<RangeModel> = {
    bold: (r) => uniform(r, (cell) => cell?.bold ?? false),
  };

  get bold(): boolean {
    return this.get('bold');
  }
  set bold(bold: boolean) {
    this.setProperty('bold', bold, (range, value) =>
      eachCell(range, (cell) => {
        cell.bold = value;
      }),
    );
  }

  load(spec?: LoadSpec): Excel.RangeFont {
    this.queueLoad(spec);
    return this as unknown as Excel.RangeFont;
  }
}

/** Whether a range's cells are locked (effective when the sheet is protected). */
export class MemoryFormatProtection extends MemoryClientObject<RangeModel> {
  protected readonly scalars: ScalarGetters<RangeModel> = {
    locked: (r) => uniform(r, (cell) => cell?.locked ?? true),
  };

  get locked(): boolean {
    return this.get('locked');
  }
  set locked(locked: boolean) {
    this.setProperty('locked', locked, (range, value) =>
      eachCell(range, (cell) => {
        cell.locked = value;
      }),
    );
  }

  load(spec?: LoadSpec): Excel.FormatProtection {
    this.queueLoad(spec);
    return this as unknown as Excel.FormatProtection;
  }
}

/** Drift guards. */
export type FormatProtectionIsFaithful = FaithfulTo<Excel.FormatProtection, MemoryFormatProtection>;
export type RangeFormatIsFaithful = FaithfulTo<Excel.RangeFormat, MemoryRangeFormat>;
export type RangeFillIsFaithful = FaithfulTo<Excel.RangeFill, MemoryRangeFill>;
export type RangeFontIsFaithful = FaithfulTo<Excel.RangeFont, MemoryRangeFont>;

/**
 * Checking laid-out sheets before anything is written (bad input → nothing written) with
 * the ports' one layout check, thrown as this adapter's error, and the pure parts of
 * writing them: which cells are text, the number formats that keep
 * text as text, column widths in points, chart types.
 *
 * Text stays text: Excel treats a string written to `Range.values` as if typed, so
 * "=x", "+44 20", "-" followed by text, "@x" or "0012" would become formulas or
 * numbers. A cell formatted as Text ("@") keeps whatever string is written into it, so
 * the writer sets "@" on every cell that receives a string, in the same request and
 * before the values. (For the add-in's own sheets the number format of a text cell has no
 * other effect.)
 */
import type { ChartKind, SheetWrite } from '../../ports/workbook';
import { parseBox, type CellBox } from '../../ports/a1';
import { addressFault, type LayoutFault } from '../../ports/sheetLayout';
import { OfficeErrorCode, officeFail } from './errors';

/** The number format that makes Excel keep a written string as text. */
export const TEXT_FORMAT = '@';

/** The fill of input ranges the user fills in (light yellow; the .xlsx adapter uses the same). */
export const INPUT_FILL = '#FFF2CC';

/** Excel's chart type for each kind the ports name. */
export const CHART_TYPES: Readonly<
  Record<ChartKind, Excel.ChartType | 'BarClustered' | 'ColumnClustered' | 'ColumnStacked' | 'Line'>
> = {
  barClustered: 'BarClustered',
  columnClustered: 'ColumnClustered',
  columnStacked: 'ColumnStacked',
  line: 'Line',
};

/**
 * A column width in characters (as the ports and the .xlsx format give it) in points (as
 * Office.js sets it), for the default font Calibri 11 whose digits are 7 pixels wide:
 * pixels = characters × 7 + 5 padding, points = pixels × 0.75. So 8.43 → 48 points.
 */
export function widthInPoints(characters: number): number {
  if (characters <= 0) return 0;
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

function fail({ sheet, message }: LayoutFault): never {
  return officeFail(OfficeErrorCode.BAD_LAYOUT, message, sheet);
}

/** A checked address of the layout. */
export function layoutBox(sheet: string, address: string, what: string): CellBox {
  return parseBox(address) ?? fail(addressFault(sheet, address, what));
}

/**
 * Throws a fault the ports' layout check found (src/ports/sheetLayout.ts) as this
 * adapter's `WORKBOOK.BAD_LAYOUT`, naming the sheet; nothing when there is none.
 */
export function refuseLayout(fault: LayoutFault | undefined): void {
  if (fault) fail(fault);
}

/** The number formats to write: Text ("@") for every string, the layout's format otherwise. */
export function formatsToWrite(layout: SheetWrite): string[][] {
  const formulaBoxes = (layout.formulas ?? []).map((f) =>
    layoutBox(layout.sheet, f.address, 'Formula cell'),
  );
  const holdsFormula = (row: number, column: number): boolean =>
    formulaBoxes.some(
      (b) => row >= b.top && row <= b.bottom && column >= b.left && column <= b.right,
    );
  return layout.values.map((row, r) =>
    row.map((value, c) => {
      const format = layout.numberFormats[r]?.[c] ?? 'General';
      if (holdsFormula(r + 1, c + 1)) return format === TEXT_FORMAT ? 'General' : format;
      return typeof value === 'string' ? TEXT_FORMAT : format;
    }),
  );
}

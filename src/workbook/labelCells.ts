import type { CellValue, SheetCells } from '../ports/workbook';
import { cellAddress } from '../ports/a1';
import { isBlank } from './cells';
import { headerKey } from './headerText';
import type { LabelMapping } from './mapping';

/**
 * Single values kept outside tables (the Health and Wellbeing Board's name, the plan
 * year) found by a declared label: the value is the first filled cell to the right of
 * the label in its row (a label may be merged over several columns), or else the cell
 * below it. Labels match ignoring case, spaces and a trailing colon.
 */

/** A labelled value and where it is. */
export interface LabelledValue {
  readonly sheet: string;
  readonly address: string;
  readonly value: CellValue;
}

/** The labels that name the Health and Wellbeing Board when no mapping declares one. */
export const BOARD_LABELS: readonly string[] = [
  'Health and Wellbeing Board',
  'Health & Wellbeing Board',
  'HWB',
  'HWB name',
];

/** The labels of the plan year, read when columns are given per year and no year was chosen. */
export const YEAR_LABELS: readonly string[] = ['Plan year', 'Financial year', 'Year'];

function labelKey(text: string): string {
  return headerKey(text).replace(/[:：]+$/u, '');
}

/**
 * The value beside (or under) the first cell holding one of the labels.
 *
 * @param sheets - the user's sheets (readSheets).
 * @param labels - the label texts, in order of preference; with `sheet`, only that sheet.
 */
export function findLabelled(
  sheets: readonly SheetCells[],
  labels: readonly LabelMapping[],
): LabelledValue | undefined {
  for (const { label, sheet } of labels) {
    const key = labelKey(label);
    for (const cells of sheets) {
      if (sheet !== undefined && cells.sheet.toLowerCase() !== sheet.toLowerCase()) continue;
      for (let r = 0; r < cells.values.length; r++) {
        const line = cells.values[r] ?? [];
        for (let c = 0; c < line.length; c++) {
          const text = line[c];
          if (typeof text !== 'string' || labelKey(text) !== key) continue;
          const right = line.findIndex((v, i) => i > c && !isBlank(v));
          const below = cells.values[r + 1]?.[c];
          if (right >= 0) {
            return {
              sheet: cells.sheet,
              address: cellAddress(cells.top + r, cells.left + right),
              value: line[right] ?? '',
            };
          }
          if (below !== undefined && !isBlank(below)) {
            return {
              sheet: cells.sheet,
              address: cellAddress(cells.top + r + 1, cells.left + c),
              value: below,
            };
          }
        }
      }
    }
  }
  return undefined;
}

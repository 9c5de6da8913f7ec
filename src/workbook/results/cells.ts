import type { Dec } from '../../engine/decimal';
import type { CellValue } from '../../ports/workbook';

/**
 * Result figures as cell values. A result is exact to the penny as a `Dec`; Excel holds
 * numbers as doubles, which represent every amount up to £10bn with pence to the penny
 * when the number format shows two decimals. The conversion happens here only, for
 * writing: no arithmetic is ever done on the converted number.
 */

/** A figure (money, fraction, count) as a number cell. */
export function numberCell(value: Dec): number {
  return value.toNumber();
}

/** An optional figure: a number cell, or blank. */
export function numberCellOrBlank(value: Dec | undefined): CellValue {
  return value === undefined ? null : value.toNumber();
}

/** A fraction as a percentage with two decimals, as the result sheets format it: 0.409440… → "40.94%". */
export function percent2(value: Dec): string {
  return `${value.times(100).toFixed(2)}%`;
}

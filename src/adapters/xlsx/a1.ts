/**
 * A1 addresses for the .xlsx adapter: the ports' one A1 module (src/ports/a1.ts), under
 * the names this adapter has always imported.
 */
export {
  absoluteRef,
  boxAddress,
  cellAddress,
  cellsOf,
  columnLetters,
  parseBox,
  sheetRef,
  type CellBox,
} from '../../ports/a1';

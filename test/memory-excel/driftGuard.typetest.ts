/**
 * Compile-time tests of the drift guard (checked by `npx tsc --noEmit -p .`, not run by
 * jest): every fake class is faithful to its @types/office-js class, and a fake that adds a
 * member Excel lacks, or types a member differently, does not compile.
 */
import type { FaithfulTo } from '../support/memory-excel/driftGuard';
import type { MemoryRange } from '../support/memory-excel/range';
import type { MemoryWorksheet } from '../support/memory-excel/worksheet';
import type { MemoryTable } from '../support/memory-excel/table';
import type { MemoryRequestContext } from '../support/memory-excel/context';
import type {
  MemoryWorkbookProtection,
  MemoryWorksheetProtection,
} from '../support/memory-excel/protection';

/** The real fakes pass. */
export type Passes = [
  FaithfulTo<Excel.Range, MemoryRange>,
  FaithfulTo<Excel.Worksheet, MemoryWorksheet>,
  FaithfulTo<Excel.Table, MemoryTable>,
  FaithfulTo<Excel.RequestContext, MemoryRequestContext>,
  FaithfulTo<Excel.WorksheetProtection, MemoryWorksheetProtection>,
  FaithfulTo<Excel.WorkbookProtection, MemoryWorkbookProtection>,
];

interface InventsAMember {
  values: unknown[][];
  valuesAsJson: string;
}
interface MistypesAMember {
  rowCount: string;
}
interface MistypesAMethod {
  getCell(row: string, column: number): Excel.Range;
}
interface ReturnsTheWrongThing {
  getCell(row: number, column: number): Excel.Worksheet;
}

/** Drifting fakes fail. */
export type Fails = [
  // @ts-expect-error Range has no `valuesAsJson`
  FaithfulTo<Excel.Range, InventsAMember>,
  // @ts-expect-error Range.rowCount is a number
  FaithfulTo<Excel.Range, MistypesAMember>,
  // @ts-expect-error Range.getCell takes a number row
  FaithfulTo<Excel.Range, MistypesAMethod>,
  // @ts-expect-error Range.getCell returns a Range
  FaithfulTo<Excel.Range, ReturnsTheWrongThing>,
];

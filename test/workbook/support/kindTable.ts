import type { CellValue, TableData } from '../../../src/ports/workbook';
import { TABLE_KINDS } from '../../../src/workbook/tableKinds';
import type { TableKindId } from '../../../src/workbook/tableSchema';
import { table } from './fakeWorkbook';

/** A kind's table with its template headers, on its template sheet: the example rows unless given. */
export function kindTable(id: TableKindId, rows?: readonly (readonly CellValue[])[]): TableData {
  const kind = TABLE_KINDS[id];
  return table(
    kind.defaultName,
    kind.columns.map((c) => c.header),
    rows ?? kind.examples,
    { sheet: kind.sheet },
  );
}

/**
 * Table names and headers as Excel makes them: names unique across the workbook's tables
 * and defined names; headers as text, blanks filled as "Column1", duplicates numbered.
 */
import { ErrorCode, officeError } from './errors';
import { sameName, type TableModel, type WorkbookModel } from './model';

/** Checks a table name (InvalidArgument, or ItemAlreadyExists if another table or name has it). */
export function checkTableName(
  workbook: WorkbookModel,
  name: string,
  location: string,
  except?: TableModel,
): void {
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) || /^[A-Za-z]{1,3}[0-9]+$/.test(name)) {
    officeError(ErrorCode.invalidArgument, location, `Bad table name: ${name}`);
  }
  const clash =
    workbook.tables.some((t) => t !== except && !t.deleted && sameName(t.name, name)) ||
    workbook.names.some((n) => sameName(n.name, name));
  if (clash) officeError(ErrorCode.itemAlreadyExists, location, name);
}

/** The first free default name, "Table1", "Table2"... */
export function defaultTableName(workbook: WorkbookModel): string {
  for (let n = 1; ; n++) {
    const name = `Table${n}`;
    if (!workbook.tables.some((t) => sameName(t.name, name))) return name;
  }
}

/** Header texts as Excel makes them from the header cells. */
export function tableHeaders(cells: readonly (string | number | boolean)[]): string[] {
  const seen: string[] = [];
  return cells.map((cell, i) => {
    let text =
      cell === ''
        ? `Column${i + 1}`
        : typeof cell === 'boolean'
          ? cell
            ? 'TRUE'
            : 'FALSE'
          : String(cell);
    const base = text;
    for (let n = 2; seen.some((s) => sameName(s, text)); n++) text = `${base}${n}`;
    seen.push(text);
    return text;
  });
}

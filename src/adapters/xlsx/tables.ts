/**
 * Reading the workbook's tables (Excel tables, ListObjects) as the port describes them:
 * name, sheet, headers, body size and position, and body values row by row.
 */
import type { CellValue, TableData, TableInfo } from '../../ports/workbook';
import { cellAddress, parseBox, sheetRef, type CellBox } from './a1';
import { isUnsaved, portValue } from './cellValues';
import { tableNamed, XlsxErrorCode, xlsxFail } from './errors';
import type { Table, Workbook, Worksheet } from './excelts';

/** A table found in the workbook, with where its body is. */
interface FoundTable {
  readonly info: TableInfo;
  readonly worksheet: Worksheet;
  /** The body rows (no header, no totals row). */
  readonly body: CellBox;
}

function tableBox(table: Table): CellBox {
  const box = parseBox(table.model.tableRef ?? table.ref);
  if (!box) {
    xlsxFail(
      XlsxErrorCode.NOT_A_WORKBOOK,
      `Table ${table.name} on sheet ${sheetRef(table.worksheet.name)} has no valid range ("${table.ref}").`,
    );
  }
  return box;
}

function describe(table: Table): FoundTable {
  const box = tableBox(table);
  const hasHeader = table.headerRow !== false;
  const headerRow = hasHeader ? box.top : box.top - 1;
  const bodyTop = headerRow + 1;
  const bodyBottom = box.bottom - (table.totalsRow ? 1 : 0);
  const headers = table.model.columns.map((column) => column.name);
  const info: TableInfo = {
    name: table.name,
    sheet: table.worksheet.name,
    headers,
    rowCount: Math.max(0, bodyBottom - bodyTop + 1),
    headerRow,
    firstColumn: box.left,
  };
  return {
    info,
    worksheet: table.worksheet,
    body: { top: bodyTop, left: box.left, bottom: bodyBottom, right: box.right },
  };
}

/** Every table in the workbook: in sheet order, then top to bottom, then left to right. */
function allTables(workbook: Workbook): FoundTable[] {
  return workbook.worksheets.flatMap((worksheet) =>
    worksheet
      .getTables()
      .map(describe)
      .sort(
        (a, b) => a.info.headerRow - b.info.headerRow || a.info.firstColumn - b.info.firstColumn,
      ),
  );
}

/** What the reader knows of every table, in sheet order. */
export function listTables(workbook: Workbook): TableInfo[] {
  return allTables(workbook).map((found) => found.info);
}

/**
 * The named tables with their body values (names match case-insensitively, as in Excel).
 *
 * @throws XlsxError `WORKBOOK.TABLE_NOT_FOUND` naming the table when one is not in the
 *   workbook; `XLSX.NO_SAVED_VALUE` naming the cell when a body formula was never
 *   calculated (the file has no value saved for it).
 */
export function readTables(
  workbook: Workbook,
  names: readonly string[],
  date1904: boolean,
): TableData[] {
  const tables = allTables(workbook);
  return names.map((name) => {
    const found = tableNamed(tables, name);
    return { ...found.info, rows: bodyValues(found, date1904) };
  });
}

function bodyValues(found: FoundTable, date1904: boolean): CellValue[][] {
  const rows: CellValue[][] = [];
  const { body, worksheet } = found;
  for (let row = body.top; row <= body.bottom; row++) {
    const values: CellValue[] = [];
    for (let column = body.left; column <= body.right; column++) {
      const cell = worksheet.findCell(row, column);
      const value = cell ? portValue(cell, date1904) : '';
      if (isUnsaved(value)) {
        const place = `${sheetRef(worksheet.name)}!${cellAddress(row, column)}`;
        xlsxFail(
          XlsxErrorCode.NO_SAVED_VALUE,
          `${place} (table ${found.info.name}) holds the formula ${value.formula} with no value saved in the file; open the file in Excel, let it calculate and save it, then try again.`,
        );
      }
      values.push(value);
    }
    rows.push(values);
  }
  return rows;
}

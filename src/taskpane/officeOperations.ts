/**
 * The pane's operations in Excel: the workbook layer over the Office adapter. Takes
 * `Excel.run` as an argument so that nothing else in the pane touches Office.js.
 */
import { OfficeWorkbook, type ExcelRun } from '../adapters/office/index';
import type { PaneOperations } from './operations';
import { workbookOperations } from './workbookOperations';

export type { ExcelRun };

export function createOfficeOperations(run: ExcelRun): PaneOperations {
  return workbookOperations(new OfficeWorkbook(run));
}

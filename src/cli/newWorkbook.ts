/**
 * A new, empty .xlsx workbook behind the ports, for the files the command line makes
 * from nothing (the planning template, a consolidation summary). The .xlsx adapter's
 * public entry opens existing files only; this is the one place the CLI reaches into it.
 */
import { XlsxWorkbook } from '../adapters/xlsx';
import { Workbook } from '../adapters/xlsx/excelts';

/** An empty workbook (no sheets yet); write sheets into it, then `saveAs`. */
export function newWorkbook(): XlsxWorkbook {
  return new XlsxWorkbook(new Workbook(), undefined);
}

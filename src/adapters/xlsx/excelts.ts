/**
 * The one place the adapter reaches ExcelTS (@cj-tech-master/excelts, pinned exactly in
 * package.json: it changes major version often). Chart support is installed here, once:
 * without it ExcelTS cannot create charts and refuses to load a file that has any.
 */
import { Workbook } from '@cj-tech-master/excelts';
import { installChartSupport } from '@cj-tech-master/excelts/chart';

installChartSupport();

export { Workbook };
export type { Cell, Worksheet, Table } from '@cj-tech-master/excelts';

/**
 * The pane's operations in Excel: the workbook layer over the Office adapter. Takes
 * `Excel.run` as an argument so that nothing else in the pane touches Office.js.
 */
import type { PaneOperations } from './operations';

/** `Excel.run` as the pane uses it. */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

function notYet(): Promise<never> {
  return Promise.reject(new Error('The workbook layer is not wired into the task pane yet.'));
}

export function createOfficeOperations(_run: ExcelRun): PaneOperations {
  return {
    overview: notYet,
    createTemplate: notYet,
    run: notYet,
    runPlanChecks: notYet,
    prepareForSharing: notYet,
    restoreFormulas: notYet,
    selectCell: notYet,
  };
}

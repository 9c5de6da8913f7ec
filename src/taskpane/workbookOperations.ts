/**
 * The pane's operations over any workbook behind the ports (Excel through the Office
 * adapter, or a .xlsx file) using the workbook layer.
 */
import type { Workbook } from '../ports/workbook';
import { runMechanism } from '../workbook/run';
import { workbookOverview } from './layer/overview';
import { LAYER_ID } from './layer/mechanismIds';
import { scenarioParams } from './layer/layerParams';
import { paneTermTables, withPaneTerms } from './layer/paneTerms';
import { blockedOrThrow, paneOutcome, progressOf } from './layer/runOutcome';
import { MECHANISM_CATALOG } from './mechanismCatalog';
import type { MechanismRequest, PaneOperations, RunControl, RunOutcome } from './operations';

function notInThisVersion(what: string): Promise<never> {
  return Promise.reject(new Error(`${what} is not available in this version of the add-in.`));
}

/** The workbook a run reads: with the pane's gain/loss terms standing in for the risk-share tables when set. */
function workbookOf(workbook: Workbook, request: MechanismRequest): Workbook {
  if (request.mechanism !== 'gainLossShare') return workbook;
  const { editor } = request.params;
  if (request.params.terms !== 'pane' || editor === undefined) return workbook;
  return withPaneTerms(workbook, paneTermTables({ ...request.params, editor }));
}

/** `now` is the clock (tests fix it). */
export function workbookOperations(
  workbook: Workbook,
  now: () => Date = () => new Date(),
): PaneOperations {
  const workbookFor = (request: MechanismRequest): Workbook => workbookOf(workbook, request);
  const run = async (request: MechanismRequest, control: RunControl): Promise<RunOutcome> => {
    const at = now();
    try {
      const outcome = await runMechanism(
        workbookFor(request),
        LAYER_ID[request.mechanism],
        scenarioParams(request),
        {
          now: at,
          signal: control.signal,
          onProgress: (stage) => control.onProgress(progressOf(stage)),
          ...(control.replaceUserSheets === true ? { replaceUserSheets: true } : {}),
        },
      );
      return paneOutcome(outcome, MECHANISM_CATALOG[request.mechanism].title, at);
    } catch (error) {
      return blockedOrThrow(error);
    }
  };
  return {
    overview: () => workbookOverview(workbook),
    createTemplate: () => notInThisVersion('Creating the planning template'),
    run,
    runPlanChecks: (control) => run({ mechanism: 'planChecks', params: {} }, control),
    prepareForSharing: () => notInThisVersion('Prepare for sharing'),
    restoreFormulas: () => notInThisVersion('Restore formulas'),
    selectCell: (cell) => workbook.select(cell.sheet, cell.address),
  };
}

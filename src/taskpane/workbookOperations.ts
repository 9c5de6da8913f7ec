/**
 * The pane's operations over any workbook behind the ports (Excel through the Office
 * adapter, or a .xlsx file) using the workbook layer.
 */
import type { TableInfo, Workbook } from '../ports/workbook';
import { cellAddress } from '../ports/a1';
import { ADDIN_TABLE_PREFIX } from '../workbook/locate';
import { SHARED_SHEET, prepareForSharing, restoreFormulas } from '../workbook/sharing';
import { newPlanningTemplate } from '../workbook/template';
import { runMechanism } from '../workbook/run';
import { compareScenarios } from '../workbook/compare';
import { keptScenarios } from '../workbook/scenarios';
import { workbookOverview } from './layer/overview';
import { mappingOperations } from './layer/mappingLayer';
import { scenarioParams } from './layer/layerParams';
import { blockedOrThrow, paneFinding, paneOutcome, progressOf } from './layer/runOutcome';
import { SHIPPED_DATAMAPS, UNKNOWN_VERSION_FIX } from './layer/shippedDatamaps';
import { datamapReading, recogniseWorkbook, unknownVersionFinding } from '../workbook/recognise';
import {
  comparisonRefusal,
  keepRefusal,
  paneComparison,
  scenarioSummaries,
} from './layer/scenarioOutcome';
import { MECHANISM_CATALOG } from './mechanismCatalog';
import type {
  CellRef,
  ComparisonOutcome,
  KeepOutcome,
  MechanismRequest,
  PaneOperations,
  RunControl,
  RunOutcome,
} from './operations';

/** The first body cell of the template's first input table: where the user starts typing. */
function firstInputCell(tables: readonly TableInfo[], sheets: readonly string[]): CellRef {
  // The add-in's own tables (the template's guide, its Checks) are not for typing in.
  const inputs = tables.filter((t) => !t.name.startsWith(ADDIN_TABLE_PREFIX));
  const first = inputs.find((t) => sheets.includes(t.sheet)) ?? inputs[0];
  if (first === undefined) return { sheet: sheets[0] ?? '', address: 'A1' };
  return { sheet: first.sheet, address: cellAddress(first.headerRow + 1, first.firstColumn) };
}

/** How the operations are set up: the clock (tests fix it), and whether the user sees selections. */
export interface WorkbookOperationsOptions {
  readonly now?: () => Date;
  readonly canSelectCells?: boolean;
}

export function workbookOperations(
  workbook: Workbook,
  options: WorkbookOperationsOptions = {},
): PaneOperations {
  const now = options.now ?? ((): Date => new Date());
  const run = async (
    request: MechanismRequest,
    control: RunControl,
    scenario?: { readonly name: string; readonly replace?: boolean },
  ): Promise<RunOutcome> => {
    const at = now();
    try {
      // An official-style return is read by its datamap, as the overview found it.
      const recognised = await recogniseWorkbook(workbook, SHIPPED_DATAMAPS, UNKNOWN_VERSION_FIX);
      if (recognised.as === 'unknown-version') {
        return {
          ok: false,
          reason: 'invalid',
          findings: [paneFinding(unknownVersionFinding(recognised))],
        };
      }
      const reading = datamapReading(recognised);
      const mechanism = request.mechanism;
      const outcome = await runMechanism(
        workbook,
        mechanism,
        // The return's labelled cells under what the form says.
        { ...(reading?.params(mechanism) ?? {}), ...scenarioParams(request) },
        {
          ...(reading === undefined ? {} : { mapping: reading.mapping }),
          now: at,
          signal: control.signal,
          onProgress: (stage) => control.onProgress(progressOf(stage)),
          ...(control.replaceUserSheets === true ? { replaceUserSheets: true } : {}),
          ...(scenario === undefined ? {} : { scenario }),
        },
      );
      const gate = request.mechanism === 'gainshare' ? request.params.gate : undefined;
      const pane = paneOutcome(outcome, MECHANISM_CATALOG[request.mechanism].title, at, gate);
      return pane.ok && scenario !== undefined ? { ...pane, scenario: scenario.name.trim() } : pane;
    } catch (error) {
      return blockedOrThrow(error);
    }
  };
  const keepScenario = async (
    request: MechanismRequest,
    scenario: { readonly name: string; readonly replace?: boolean },
    control: RunControl,
  ): Promise<KeepOutcome> => {
    try {
      return await run(request, control, scenario);
    } catch (error) {
      const refused = keepRefusal(error);
      if (refused === undefined) throw error;
      return refused;
    }
  };
  const compare = async (names: readonly string[]): Promise<ComparisonOutcome> => {
    try {
      return paneComparison(await compareScenarios(workbook, names, { now: now() }));
    } catch (error) {
      return comparisonRefusal(error);
    }
  };
  return {
    canSelectCells: options.canSelectCells ?? true,
    overview: () => workbookOverview(workbook),
    createTemplate: async () => {
      const sheets = await newPlanningTemplate(workbook, { now: now() });
      return { sheets, firstInput: firstInputCell(await workbook.listTables(), sheets) };
    },
    run,
    runPlanChecks: (params, control) => run({ mechanism: 'checks', params }, control),
    keepScenario,
    scenarios: async () => scenarioSummaries(await keptScenarios(workbook.settings)),
    compareScenarios: compare,
    prepareForSharing: async () => {
      const { converted, notConverted } = await prepareForSharing(workbook, { now: now() });
      return {
        cells: converted,
        recordSheet: SHARED_SHEET,
        ...(notConverted.length > 0
          ? {
              notConverted: notConverted.map(({ sheet, address, reason }) => ({
                sheet,
                address,
                reason,
              })),
            }
          : {}),
      };
    },
    restoreFormulas: async () => {
      const { restored } = await restoreFormulas(workbook);
      return { cells: restored, recordSheet: SHARED_SHEET };
    },
    selectCell: (cell) => workbook.select(cell.sheet, cell.address),
    ...mappingOperations(workbook),
    ...(workbook.onCellsChanged === undefined
      ? {}
      : { onWorkbookChanged: workbook.onCellsChanged.bind(workbook) }),
  };
}

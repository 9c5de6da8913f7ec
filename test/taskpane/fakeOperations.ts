/**
 * Pane operations in memory for the component tests: a scripted workbook whose calls
 * are recorded, with runs that can be held open to watch progress and cancel.
 */
import type {
  CellRef,
  ComparisonOutcome,
  KeepOutcome,
  ScenarioSummary,
  MappingChoice,
  MappingDraftOutcome,
  MappingPreview,
  MechanismRequest,
  PlanChecksParams,
  PaneOperations,
  RunControl,
  RunOutcome,
  SharingOutcome,
  TemplateCreated,
  WorkbookChange,
  WorkbookOverview,
} from '../../src/taskpane/operations';
import { MECHANISM_IDS } from '../../src/taskpane/operations';

export const EMPTY_OVERVIEW: WorkbookOverview = {
  tables: [],
  mechanisms: MECHANISM_IDS.map((mechanism) => ({
    mechanism,
    ready: false,
    missing: ['Contracts'],
  })),
  contracts: [],
  partners: [],
};

/** A filled-in template: Bedfordshire MSK contract (King's Fund 2014) with two parties. */
export const FILLED_OVERVIEW: WorkbookOverview = {
  tables: [
    {
      name: 'Contracts',
      sheet: 'Contracts',
      headers: ['Contract ID'],
      rowCount: 1,
      headerRow: 3,
      firstColumn: 1,
    },
    {
      name: 'Contributions',
      sheet: 'Pooled fund',
      headers: ['Partner'],
      rowCount: 2,
      headerRow: 3,
      firstColumn: 1,
    },
  ],
  mechanisms: MECHANISM_IDS.map((mechanism) => ({
    mechanism,
    ready: mechanism !== 'bcf-p4p',
    missing: mechanism === 'bcf-p4p' ? ['Admissions'] : [],
  })),
  contracts: [
    {
      id: 'MSK1',
      name: 'Bedfordshire MSK prime contract',
      provider: 'Circle',
      commissioner: 'Bedfordshire CCG',
      parties: ['Circle', 'Bedfordshire CCG'],
      hasBands: false,
    },
  ],
  partners: ['B&NES CCG', 'B&NES Council'],
};

export const BEDFORDSHIRE_RESULT: RunOutcome = {
  ok: true,
  title: 'Gain/loss share',
  headline: [
    { label: 'Gain', value: '2175000.00', kind: 'money' },
    { label: 'Circle', value: '1716875.00', kind: 'money' },
    { label: 'Bedfordshire CCG', value: '458125.00', kind: 'money' },
    { label: 'Gain as % of expected', value: '0.0864', kind: 'fraction' },
  ],
  explanation: ['Band 1: the first £1,258,750.00 to Circle.', 'Band 2: £916,250.00 split 50:50.'],
  resultSheet: { sheet: 'Gain-loss share', address: 'A1' },
  sheetsWritten: ['Gain-loss share'],
  completedAt: new Date(2025, 2, 14, 10, 42),
};

/** A run that waits for the test to finish it (or for its signal to abort it). */
export interface HeldRun {
  readonly request: MechanismRequest;
  readonly control: RunControl;
  finish(outcome: RunOutcome): void;
  fail(error: Error): void;
}

export class FakeOperations implements PaneOperations {
  canSelectCells = true;
  overviewNow: WorkbookOverview;
  readonly calls: string[] = [];
  readonly selected: CellRef[] = [];
  readonly runs: HeldRun[] = [];
  /** When set, a run resolves at once with it; otherwise it is held. */
  immediate: RunOutcome | undefined;
  failWith: Error | undefined;
  sharing: SharingOutcome = { cells: 12, recordSheet: 'BCF Shared formulas' };

  constructor(overview: WorkbookOverview = FILLED_OVERVIEW) {
    this.overviewNow = overview;
  }

  overview = async (): Promise<WorkbookOverview> => {
    this.calls.push('overview');
    await Promise.resolve();
    return this.overviewNow;
  };

  createTemplate = async (): Promise<TemplateCreated> => {
    this.calls.push('createTemplate');
    await Promise.resolve();
    this.overviewNow = FILLED_OVERVIEW;
    return {
      sheets: ['Contracts', 'Pooled fund'],
      firstInput: { sheet: 'Contracts', address: 'A4' },
    };
  };

  private hold(request: MechanismRequest, control: RunControl): Promise<RunOutcome> {
    if (this.failWith !== undefined) return Promise.reject(this.failWith);
    if (this.immediate !== undefined) return Promise.resolve(this.immediate);
    return new Promise((resolve, reject) => {
      control.signal.addEventListener('abort', () => resolve({ ok: false, reason: 'cancelled' }));
      this.runs.push({ request, control, finish: resolve, fail: reject });
    });
  }

  run = (request: MechanismRequest, control: RunControl): Promise<RunOutcome> => {
    this.calls.push(`run:${request.mechanism}`);
    return this.hold(request, control);
  };

  runPlanChecks = (params: PlanChecksParams, control: RunControl): Promise<RunOutcome> => {
    this.calls.push('runPlanChecks');
    return this.hold({ mechanism: 'checks', params }, control);
  };

  /** The scenarios kept, in order; keeping adds or replaces one. */
  kept: ScenarioSummary[] = [];
  /** What keeping a scenario returns when it succeeds (its name and sheet are filled in). */
  keptResult: RunOutcome = BEDFORDSHIRE_RESULT;
  /** What a comparison returns. */
  comparison: ComparisonOutcome = { ok: false, findings: [] };
  /** The requests kept, with their names. */
  readonly keptRequests: { name: string; replace: boolean; request: MechanismRequest }[] = [];

  keepScenario = async (
    request: MechanismRequest,
    scenario: { readonly name: string; readonly replace?: boolean },
    _control: RunControl,
  ): Promise<KeepOutcome> => {
    this.calls.push(`keepScenario:${scenario.name}`);
    await Promise.resolve();
    const name = scenario.name.trim();
    const existing = this.kept.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (existing !== undefined && scenario.replace !== true) {
      return {
        ok: false,
        reason: 'scenarioExists',
        name: existing.name,
        message: `The workbook already keeps a scenario "${existing.name}" (run on ${existing.at.toISOString().slice(0, 10)}); choose another name, or replace it.`,
      };
    }
    this.keptRequests.push({ name, replace: scenario.replace === true, request });
    const sheet = `BCF ${name}`;
    this.kept = [
      ...this.kept.filter((s) => s !== existing),
      {
        name,
        mechanism: request.mechanism,
        title: 'Gain/loss share',
        sheet,
        at: new Date(2025, 2, 14, 10, 42),
      },
    ];
    const result = this.keptResult;
    return result.ok
      ? { ...result, scenario: name, resultSheet: { sheet, address: 'A1' }, sheetsWritten: [sheet] }
      : result;
  };

  scenarios = async (): Promise<readonly ScenarioSummary[]> => {
    this.calls.push('scenarios');
    await Promise.resolve();
    return this.kept;
  };

  compareScenarios = async (names: readonly string[]): Promise<ComparisonOutcome> => {
    this.calls.push(`compareScenarios:${names.join('|')}`);
    await Promise.resolve();
    return this.comparison;
  };

  prepareForSharing = async (): Promise<SharingOutcome> => {
    this.calls.push('prepareForSharing');
    await Promise.resolve();
    return this.sharing;
  };

  restoreFormulas = async (): Promise<SharingOutcome> => {
    this.calls.push('restoreFormulas');
    await Promise.resolve();
    return this.sharing;
  };

  selectCell = async (cell: CellRef): Promise<void> => {
    this.selected.push(cell);
    await Promise.resolve();
  };

  selection: PaneOperations['selection'] = { available: true };
  /** What drafting a mapping gives (scripted by the test). */
  draft: MappingDraftOutcome = { ok: false, problem: 'No draft scripted.' };
  /** What previewing a mapping gives (scripted by the test). */
  preview: MappingPreview = { rowCount: 0, columns: [], rows: [], findings: [], notes: [] };
  readonly mappingsSaved: MappingChoice[] = [];

  draftMapping = async (kind: string, at?: CellRef): Promise<MappingDraftOutcome> => {
    this.calls.push(
      at === undefined ? `draftMapping:${kind}` : `draftMapping:${kind}@${at.sheet}!${at.address}`,
    );
    await Promise.resolve();
    return this.draft;
  };

  previewMapping = async (choice: MappingChoice): Promise<MappingPreview> => {
    this.calls.push(`previewMapping:${choice.kind}`);
    await Promise.resolve();
    return this.preview;
  };

  saveMapping = async (choice: MappingChoice): Promise<void> => {
    this.calls.push(`saveMapping:${choice.kind}`);
    this.mappingsSaved.push(choice);
    await Promise.resolve();
  };

  /** The listeners subscribed to workbook changes (removed when they unsubscribe). */
  readonly changeListeners = new Set<(change: WorkbookChange) => void>();

  onWorkbookChanged = async (
    listener: (change: WorkbookChange) => void,
  ): Promise<() => Promise<void>> => {
    this.calls.push('onWorkbookChanged');
    await Promise.resolve();
    this.changeListeners.add(listener);
    return async () => {
      this.calls.push('unsubscribe');
      this.changeListeners.delete(listener);
      await Promise.resolve();
    };
  };

  /**
   * The user edits `cell` in Excel: every subscribed listener hears of it, as Excel from
   * ExcelApi 1.14 says who made it (`origin` other), or before it cannot (unknown).
   */
  userEdits(cell: CellRef, origin: WorkbookChange['origin'] = 'other'): void {
    for (const listener of [...this.changeListeners]) listener({ ...cell, origin });
  }
}

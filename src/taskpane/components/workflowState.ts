/**
 * The workflow's state as one value and the actions that change it (issue 13 item 7): what
 * the workbook holds, the calculation chosen and its forms, the tab shown, the action going
 * on and its message, and the last run (to run it again, to keep it as a scenario, and to
 * tell when its results no longer match the parameters or the workbook).
 */
import { buildRequest, initialForms, type Forms } from '../forms/request';
import type {
  MechanismId,
  MechanismRequest,
  RunControl,
  RunOutcome,
  WorkbookOverview,
} from '../operations';
import type { PaneMessage } from './StatusMessage';

/** The pane's tabs, in order. */
export const TABS = ['workbook', 'calculate', 'results', 'share'] as const;
export type Tab = (typeof TABS)[number];

/** A run the pane can start again (replacing a user's sheet in the way). */
export interface LastRun {
  readonly label: string;
  readonly action: (control: RunControl) => Promise<RunOutcome>;
  /** What it ran, to keep as a scenario. */
  readonly request: MechanismRequest;
  /** The workbook as read when it ran, to tell when it has changed since. */
  readonly workbook: string;
}

export interface WorkflowState {
  /** Undefined until the workbook has been read. */
  readonly overview?: WorkbookOverview;
  /** Undefined until one is chosen or one can run: the pane preselects only what can run. */
  readonly mechanism?: MechanismId;
  readonly forms: Forms;
  /** Show the forms' errors (after the first attempt to run). */
  readonly showErrors: boolean;
  readonly tab: Tab;
  /** The action going on ("Reading the workbook"), which makes the pane busy. */
  readonly action?: string;
  /** The last action's message, shown in the tab where the action happened. */
  readonly message?: { readonly tab: Tab; readonly value: PaneMessage };
  readonly lastRun?: LastRun;
  /** Whether the user chose the mechanism (rather than the pane). */
  readonly picked: boolean;
  /** Whether the workbook holds formulas replaced by prepare for sharing, to restore. */
  readonly restorable: boolean;
  /** Whether the user has changed cells in the workbook since the last run started. */
  readonly editedSinceRun?: boolean;
}

export type WorkflowAction =
  | { readonly type: 'read'; readonly overview: WorkbookOverview }
  | { readonly type: 'readFailed' }
  | { readonly type: 'pick'; readonly mechanism: MechanismId }
  | { readonly type: 'forms'; readonly forms: Forms }
  | { readonly type: 'tab'; readonly tab: Tab }
  | { readonly type: 'busy'; readonly action: string | undefined }
  /** A message for `tab`, or for the tab shown when absent; undefined clears it. */
  | { readonly type: 'message'; readonly value: PaneMessage | undefined; readonly tab?: Tab }
  | { readonly type: 'formErrors'; readonly mechanism: MechanismId }
  | { readonly type: 'launched'; readonly run: LastRun }
  | { readonly type: 'prepared'; readonly cells: number }
  /** The user changed cells on one of their sheets (Excel told the pane). */
  | { readonly type: 'changed' };

/** The state before the workbook has been read. */
export const INITIAL_STATE: WorkflowState = {
  forms: initialForms([], []),
  showErrors: false,
  tab: 'workbook',
  picked: false,
  restorable: false,
};

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * What of the workbook a run depends on, as the pane can see it: its tables and their
 * sizes, the contracts and partners, and what can run. Not the figures in the cells (the
 * operations do not report edits), so an edit that changes none of these is not seen.
 */
export function workbookKey(overview: WorkbookOverview | undefined): string {
  if (overview === undefined) return '';
  return JSON.stringify({
    tables: overview.tables.map((t) => [t.name, t.sheet, t.rowCount, t.headers]),
    mechanisms: overview.mechanisms.map((m) => [m.mechanism, m.ready]),
    contracts: overview.contracts,
    partners: overview.partners,
  });
}

/** How many inputs the workbook has: its input tables and the ranges its column mapping places. */
export function inputCount(overview: WorkbookOverview): number {
  return overview.tables.length + (overview.mappings?.length ?? 0);
}

/** Whether `mechanism` can run on the workbook: it has its tables, and there are input tables at all. */
export function canRun(
  overview: WorkbookOverview | undefined,
  mechanism: MechanismId | undefined,
): boolean {
  if (overview === undefined || mechanism === undefined || inputCount(overview) === 0) {
    return false;
  }
  return overview.mechanisms.some((s) => s.mechanism === mechanism && s.ready);
}

/**
 * Whether the results on screen are out of date: the parameters now differ from those run,
 * the workbook read since differs from the one run on, or the user changed cells since.
 */
export function isStale(state: WorkflowState): boolean {
  const last = state.lastRun;
  if (last === undefined) return false;
  if (state.editedSinceRun === true) return true;
  if (workbookKey(state.overview) !== last.workbook) return true;
  const now = buildRequest(last.request.mechanism, state.forms);
  return !now.ok || !sameJson(now.request, last.request);
}

/** The forms once `mechanism`'s form is edited or run: its values are no longer the saved ones. */
function edited(forms: Forms, mechanism: MechanismId | undefined): Forms {
  return mechanism !== undefined && forms.restored?.includes(mechanism) === true
    ? { ...forms, restored: forms.restored.filter((m) => m !== mechanism) }
    : forms;
}

/** The forms after reading `next`: the saved parameters at first, then what the user typed. */
function formsAfterRead(state: WorkflowState, next: WorkbookOverview): Forms {
  const f = state.forms;
  const first = state.overview === undefined;
  const kept =
    !first && sameJson(f.contracts, next.contracts) && sameJson(f.partners, next.partners)
      ? f
      : initialForms(next.contracts, next.partners, next.savedPlanChecks, next.savedParams);
  const saved = next.savedPlanChecks;
  return kept.simple.checks !== undefined || saved === undefined
    ? kept
    : { ...kept, simple: { ...kept.simple, checks: { ...saved } } };
}

/**
 * The mechanism after reading `next`: the user's choice while it can run; otherwise the
 * workbook's last run (at the first reading), or the first that can run, or none.
 */
function mechanismAfterRead(state: WorkflowState, next: WorkbookOverview): MechanismId | undefined {
  const m = state.mechanism;
  if (state.picked && canRun(next, m)) return m;
  const last = next.lastRun?.mechanism;
  if (state.overview === undefined && canRun(next, last)) return last;
  const first = next.mechanisms.find((s) => canRun(next, s.mechanism))?.mechanism;
  return first ?? (state.picked ? m : undefined);
}

export function workflowReducer(state: WorkflowState, action: WorkflowAction): WorkflowState {
  switch (action.type) {
    case 'read': {
      const next = action.overview;
      // The pane opens on the calculation once there are tables to calculate on; until
      // then, on the steps to get them.
      const first = state.overview === undefined;
      const empty = inputCount(next) === 0;
      const tab: Tab = empty
        ? state.tab === 'share'
          ? 'share'
          : 'workbook'
        : first && state.tab === 'workbook'
          ? 'calculate'
          : state.tab;
      return {
        ...state,
        overview: next,
        forms: formsAfterRead(state, next),
        mechanism: mechanismAfterRead(state, next),
        restorable: next.canRestore === true,
        tab,
      };
    }
    case 'readFailed':
      return {
        ...state,
        overview: { tables: [], mechanisms: [], contracts: [], partners: [] },
        mechanism: undefined,
      };
    case 'pick':
      return { ...state, picked: true, mechanism: action.mechanism, showErrors: false };
    case 'forms':
      return { ...state, forms: edited(action.forms, state.mechanism) };
    case 'tab':
      return { ...state, tab: action.tab };
    case 'busy':
      return { ...state, action: action.action };
    case 'message':
      return action.value === undefined
        ? { ...state, message: undefined }
        : { ...state, message: { tab: action.tab ?? state.tab, value: action.value } };
    case 'formErrors':
      return {
        ...state,
        picked: true,
        mechanism: action.mechanism,
        showErrors: true,
        tab: 'calculate',
      };
    case 'launched':
      return {
        ...state,
        // The form no longer shows the workbook's last run but this one.
        forms: edited(state.forms, action.run.request.mechanism),
        showErrors: false,
        message: undefined,
        lastRun: action.run,
        editedSinceRun: false,
        tab: 'results',
      };
    case 'prepared':
      return action.cells > 0 ? { ...state, restorable: true } : state;
    case 'changed':
      // Before any run there is nothing to mark; a run started after this edit reads it.
      return state.lastRun === undefined || state.editedSinceRun === true
        ? state
        : { ...state, editedSinceRun: true };
  }
}

import { buildRequest } from '../../src/taskpane/forms/request';
import {
  INITIAL_STATE,
  isStale,
  workbookKey,
  workflowReducer,
} from '../../src/taskpane/components/workflowState';
import { MECHANISM_IDS, type WorkbookOverview } from '../../src/taskpane/operations';
import { EMPTY_OVERVIEW, FILLED_OVERVIEW } from './fakeOperations';

/** An empty workbook on which the layer finds one mechanism needs no table (activity payment did). */
const EMPTY_BUT_ACTIVITY: WorkbookOverview = {
  ...EMPTY_OVERVIEW,
  mechanisms: MECHANISM_IDS.map((mechanism) => ({
    mechanism,
    ready: mechanism === 'activity',
    missing: mechanism === 'activity' ? [] : ['Contracts'],
  })),
};

describe('the workflow reducer', () => {
  it('preselects no mechanism on a workbook without input tables, and stays on Workbook', () => {
    const state = workflowReducer(INITIAL_STATE, { type: 'read', overview: EMPTY_BUT_ACTIVITY });
    expect(state.mechanism).toBeUndefined();
    expect(state.tab).toBe('workbook');
  });

  it('opens on Calculate with the first mechanism that can run once there are tables', () => {
    const state = workflowReducer(INITIAL_STATE, { type: 'read', overview: FILLED_OVERVIEW });
    expect(state.mechanism).toBe('pool');
    expect(state.tab).toBe('calculate');
  });

  it('keeps a message for the tab it belongs to, or the tab shown', () => {
    const read = workflowReducer(INITIAL_STATE, { type: 'read', overview: FILLED_OVERVIEW });
    const value = { intent: 'success', title: 'Formulas restored.', text: '' } as const;
    expect(workflowReducer(read, { type: 'message', tab: 'share', value }).message).toEqual({
      tab: 'share',
      value,
    });
    expect(workflowReducer(read, { type: 'message', value }).message?.tab).toBe('calculate');
  });

  it('is stale only after a run, once the workbook read differs from the one run on', () => {
    const read = workflowReducer(INITIAL_STATE, { type: 'read', overview: FILLED_OVERVIEW });
    expect(isStale(read)).toBe(false);
    const built = buildRequest('pool', read.forms);
    if (!built.ok) throw new Error('the pooled fund form should build');
    const ran = workflowReducer(read, {
      type: 'launched',
      run: {
        label: 'Pooled fund',
        request: built.request,
        action: () => Promise.reject(new Error('not run')),
        workbook: workbookKey(read.overview),
      },
    });
    expect(ran.tab).toBe('results');
    expect(isStale(ran)).toBe(false);
    const fewer = { ...FILLED_OVERVIEW, tables: FILLED_OVERVIEW.tables.slice(0, 1) };
    expect(isStale(workflowReducer(ran, { type: 'read', overview: fewer }))).toBe(true);
  });
  it('is stale once the user changes cells after a run (not before one), until the next run', () => {
    const read = workflowReducer(INITIAL_STATE, { type: 'read', overview: FILLED_OVERVIEW });
    const before = workflowReducer(read, { type: 'changed' });
    expect(before).toBe(read);
    const built = buildRequest('pool', read.forms);
    if (!built.ok) throw new Error('the pooled fund form should build');
    const run = {
      label: 'Pooled fund',
      request: built.request,
      action: () => Promise.reject(new Error('not run')),
      workbook: workbookKey(read.overview),
    };
    const ran = workflowReducer(before, { type: 'launched', run });
    expect(isStale(ran)).toBe(false);
    const edited = workflowReducer(ran, { type: 'changed' });
    expect(isStale(edited)).toBe(true);
    // The same workbook read again does not undo the edit; a run does.
    expect(isStale(workflowReducer(edited, { type: 'read', overview: FILLED_OVERVIEW }))).toBe(
      true,
    );
    expect(isStale(workflowReducer(edited, { type: 'launched', run }))).toBe(false);
  });
});

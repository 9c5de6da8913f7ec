import { useCallback, useEffect, useReducer, useRef, type ReactNode } from 'react';
import { Tab as FluentTab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { errorCode, errorText } from '../errorText';
import { buildRequest, formErrors } from '../forms/request';
import { MECHANISM_CATALOG } from '../mechanismCatalog';
import type {
  CellRef,
  MechanismRequest,
  RunControl,
  RunOutcome,
  SharingOutcome,
  WorkbookOverview,
} from '../operations';
import { useOperations } from '../operationsContext';
import { useRun } from '../useRun';
import { CalculateSection } from './CalculateSection';
import { focusFirst } from './fieldId';
import { RUN_BLOCKED_ID } from './MechanismPicker';
import { RunFooter, RunFooterRoom } from './RunFooter';
import { RunSection } from './RunSection';
import { ScenarioSection } from './ScenarioSection';
import { SharingSection } from './SharingSection';
import { StatusMessage } from './StatusMessage';
import { WorkbookSection } from './WorkbookSection';
import { MappingSection } from './MappingSection';
import { cellText } from './FindingsList';
import { MAPPABLE_KINDS } from '../layer/mappingLayer';
import {
  canRun,
  inputCount,
  INITIAL_STATE,
  isStale,
  workbookKey,
  workflowReducer,
  type Tab,
} from './workflowState';

const useStyles = makeStyles({
  // The tabs stay at the top while a long form scrolls; not when zoomed so far that they
  // wrap onto several lines and would take half the screen.
  tabs: {
    position: 'sticky',
    '@media (max-width: 240px)': { position: 'static' },
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground1,
    // Edge to edge under the tabs.
    marginInline: `calc(-1 * ${tokens.spacingHorizontalL})`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  // Wraps rather than scrolling sideways (at 200% zoom the pane is 160 CSS px wide).
  tabList: { flexWrap: 'wrap' },
  // The four tabs on one row at 320 px, Excel on Windows' default pane width: small tabs
  // (14 px text) with 4 px a side instead of 6. Measured in Chromium with Debian's wide
  // fallback font, the four take 305 of 320 px (Segoe UI is narrower; not measured here).
  tab: {
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    // Excel on Mac opens the pane 270 px wide (Microsoft's Office.TaskPane reference): there
    // the four words take 12 px text (Fluent's caption size, as the pane's hints) with 2 px
    // a side, and stay on one row, each tab still named by its word. Not at 200% zoom
    // (240 px and less), where the text keeps its size and the tabs wrap.
    '@media (min-width: 241px) and (max-width: 309px)': {
      paddingLeft: tokens.spacingHorizontalXXS,
      paddingRight: tokens.spacingHorizontalXXS,
      // The label and Fluent's hidden bold copy of it, which reserves the selected width.
      '& .fui-Tab__content, & .fui-Tab__content--reserved-space': {
        fontSize: tokens.fontSizeBase200,
        lineHeight: tokens.lineHeightBase200,
      },
    },
  },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingBlock: tokens.spacingVerticalM,
    // The class's display must not undo the hidden attribute of the tabs not shown.
    '&[hidden]': { display: 'none' },
  },
});

/**
 * How long after its own action the pane takes changes Excel cannot attribute (before
 * ExcelApi 1.14) to that action: Excel delivers the events of a batch's writes after the
 * batch, at a time the add-in cannot tell. A user's edit within it, on such a host only,
 * dims nothing until the workbook is read again.
 */
export const OWN_WRITES_SETTLE_MS = 2000;

const TAB_TITLES: Readonly<Record<Tab, string>> = {
  workbook: 'Workbook',
  calculate: 'Calculate',
  results: 'Results',
  share: 'Share',
};

/** The cells prepare for sharing could not convert, said so that the user can fix them. */
function leftText(outcome: SharingOutcome): string {
  const left = outcome.notConverted ?? [];
  if (left.length === 0) return '';
  const list = left.map((c) => `${c.sheet}!${c.address} (${c.reason})`).join('; ');
  const one = left.length === 1;
  return ` ${one ? '1 cell still holds its' : `${left.length} cells still hold their`} BCF formula, which someone without the add-in will see as #NAME?: ${list}.`;
}

function sharingText(outcome: SharingOutcome, prepared: boolean): string {
  if (outcome.cells === 0) {
    const left = prepared ? leftText(outcome) : '';
    return left === ''
      ? 'There were no BCF formulas to change.'
      : `No BCF formula was changed.${left}`;
  }
  const one = outcome.cells === 1;
  const cells = one ? '1 cell' : `${outcome.cells} cells`;
  if (prepared) {
    return `${cells} now ${one ? 'holds its value' : 'hold their values'} instead of a BCF formula, listed on the sheet “${outcome.recordSheet}”. Use Restore formulas to put them back.${leftText(outcome)}`;
  }
  return `${cells} ${one ? 'has its BCF formula' : 'have their BCF formulas'} again, from the sheet “${outcome.recordSheet}”.`;
}

/** What "Read the workbook again" found, in one sentence. */
export function readText(overview: WorkbookOverview): string {
  const count = inputCount(overview);
  if (count === 0) return 'It has no input tables yet.';
  const tables = count === 1 ? '1 input table' : `${count} input tables`;
  const ready = overview.mechanisms.filter((m) => canRun(overview, m.mechanism)).length;
  if (ready === 0) return `Found ${tables}; no calculation has the tables it needs yet.`;
  const all = ready === overview.mechanisms.length;
  return `Found ${tables}; ${all ? 'every calculation' : ready === 1 ? '1 calculation' : `${ready} calculations`} can run.`;
}

/**
 * The whole workflow on one workbook, in four tabs: the workbook's tables (or how to start),
 * a calculation with its parameters and Run in a sticky footer, the run's results with the
 * scenarios, and sign-off and sharing. Each action's message shows in the tab where it
 * happened and takes focus. `onInteractive` fires once the workbook has been read.
 */
export function Workflow(props: {
  readonly onInteractive?: () => void;
  /** Actions on the file outside Excel (Download), shown beside the results and in Share. */
  readonly fileActions?: ReactNode;
}): ReactNode {
  const operations = useOperations();
  const run = useRun();
  const styles = useStyles();
  const [state, dispatch] = useReducer(workflowReducer, INITIAL_STATE);
  const { overview, mechanism, forms, tab } = state;
  // DOM and callback handles, not state: the heading focused after a run, and the
  // host's once-only notice.
  const runHeading = useRef<HTMLHeadingElement>(null);
  const interactive = useRef(props.onInteractive);

  const fail = useCallback((title: string, error: unknown, where?: Tab) => {
    const code = errorCode(error);
    dispatch({
      type: 'message',
      tab: where,
      value: {
        intent: 'error',
        title,
        text: errorText(error),
        ...(code === undefined ? {} : { code }),
      },
    });
  }, []);

  const refresh = useCallback(async (): Promise<WorkbookOverview | undefined> => {
    try {
      const next = await operations.overview();
      dispatch({ type: 'read', overview: next });
      return next;
    } catch (error) {
      fail('Could not read the workbook', error, 'workbook');
      dispatch({ type: 'readFailed' });
      return undefined;
    }
  }, [operations, fail]);

  useEffect(() => {
    void refresh().then(() => interactive.current?.());
  }, [refresh]);

  // Any change the user makes to their sheets marks shown results out of date: not only
  // to the sheets the run read, which the pane cannot tell (a mapping, labelled cells
  // and a datamap's cells may be anywhere), so a needless "Run again" is preferred to
  // results that no longer match. The add-in's own writes do not count: its own sheets
  // are not reported, nor (from ExcelApi 1.14) writes Excel says it made, such as
  // prepare for sharing's values and restore's formulas on the user's sheets. Where
  // Excel cannot say (origin unknown), changes are ignored while the pane's own action
  // runs and for OWN_WRITES_SETTLE_MS after it, as Excel delivers a batch's events after
  // the batch. Subscribed once the workbook has been read, until the pane goes.
  const read = overview !== undefined;
  /** Until when (ms since the epoch) changes of unknown origin may be the pane's own. */
  const ownWritesUntil = useRef(0);
  useEffect(() => {
    if (!read || operations.onWorkbookChanged === undefined) return undefined;
    let stop: (() => Promise<void>) | undefined;
    let gone = false;
    operations
      .onWorkbookChanged((change) => {
        if (change.origin === 'unknown' && Date.now() < ownWritesUntil.current) return;
        dispatch({ type: 'changed' });
      })
      .then((unsubscribe) => {
        if (gone) void unsubscribe().catch(() => undefined);
        else stop = unsubscribe;
      })
      // Without the event the pane still sees changes when it reads the workbook again.
      .catch(() => undefined);
    return () => {
      gone = true;
      void stop?.().catch(() => undefined);
    };
  }, [operations, read]);

  const phase = run.state.phase;
  useEffect(() => {
    if (phase === 'finished' || phase === 'failed') runHeading.current?.focus();
  }, [phase]);

  const select = useCallback(
    (cell: CellRef) => {
      operations
        .selectCell(cell)
        .catch((error: unknown) => fail('Could not select the cell', error));
    },
    [operations, fail],
  );
  /** Links to cells only where selecting one shows it to the user. */
  const selectable = operations.canSelectCells ? select : undefined;

  const act = async (name: string, where: Tab, work: () => Promise<void>): Promise<void> => {
    dispatch({ type: 'busy', action: name });
    dispatch({ type: 'message', value: undefined });
    ownWritesUntil.current = Infinity;
    try {
      await work();
    } catch (error) {
      fail(`${name} failed`, error, where);
    } finally {
      ownWritesUntil.current = Date.now() + OWN_WRITES_SETTLE_MS;
      dispatch({ type: 'busy', action: undefined });
    }
  };

  const readAgain = (): Promise<void> =>
    act('Reading the workbook', 'workbook', async () => {
      const next = await refresh();
      if (next === undefined) return;
      dispatch({
        type: 'message',
        tab: 'workbook',
        value: { intent: 'success', title: 'Read the workbook again.', text: readText(next) },
      });
    });

  const createTemplate = (): Promise<void> =>
    act('Creating the planning template', 'workbook', async () => {
      const created = await operations.createTemplate();
      await refresh();
      dispatch({
        type: 'message',
        tab: 'workbook',
        value: {
          intent: 'success',
          title: 'Planning template created.',
          text: `Sheets added: ${created.sheets.join(', ')}. Fill in the yellow cells, then read the workbook again.`,
          link: { label: 'Go to the first cell to fill in', cell: created.firstInput },
        },
      });
    });

  const share = (prepare: boolean): Promise<void> =>
    act(prepare ? 'Prepare for sharing' : 'Restore formulas', 'share', async () => {
      const outcome = prepare
        ? await operations.prepareForSharing()
        : await operations.restoreFormulas();
      if (prepare) dispatch({ type: 'prepared', cells: outcome.cells });
      dispatch({
        type: 'message',
        tab: 'share',
        value: {
          intent: 'success',
          title: prepare ? 'Prepared for sharing.' : 'Formulas restored.',
          text: sharingText(outcome, prepare),
        },
      });
    });

  const errors = state.showErrors && mechanism !== undefined ? formErrors(mechanism, forms) : {};
  const busy = phase === 'running' || state.action !== undefined || overview === undefined;

  /** Starts a run and remembers it, to run again replacing a user's sheet, or to keep. */
  const launch = (
    label: string,
    request: MechanismRequest,
    action: (control: RunControl) => Promise<RunOutcome>,
  ): void => {
    dispatch({
      type: 'launched',
      run: { label, action, request, workbook: workbookKey(overview) },
    });
    run.start(label, action);
  };

  /** Shows `target`'s form with its errors, focusing the first. */
  const showFormErrors = (target: MechanismRequest['mechanism'], keys: readonly string[]): void => {
    dispatch({ type: 'formErrors', mechanism: target });
    // Focus once the errors are rendered.
    setTimeout(() => focusFirst(keys), 0);
  };

  const startRun = (): void => {
    if (mechanism === undefined) return;
    const built = buildRequest(mechanism, forms);
    if (!built.ok) {
      showFormErrors(mechanism, Object.keys(built.errors));
      return;
    }
    launch(MECHANISM_CATALOG[mechanism].title, built.request, (control) =>
      operations.run(built.request, control),
    );
  };

  /** Plan checks from the sign-off section, with the plan checks form's minima. */
  const startPlanChecks = (): void => {
    const built = buildRequest('checks', forms);
    if (!built.ok || built.request.mechanism !== 'checks') {
      showFormErrors('checks', built.ok ? [] : Object.keys(built.errors));
      dispatch({
        type: 'message',
        tab: 'calculate',
        value: {
          intent: 'warning',
          title: 'Plan checks need their minima.',
          text: 'Enter them here, then run the checks again.',
        },
      });
      return;
    }
    const { request } = built;
    launch(MECHANISM_CATALOG.checks.title, request, (control) =>
      operations.runPlanChecks(request.params, control),
    );
  };

  const succeeded = run.state.phase === 'finished' && run.state.outcome.ok;
  const stale = succeeded && isStale(state);
  const hasTables = overview !== undefined && inputCount(overview) > 0;
  const footer = (
    <RunFooter
      title={mechanism === undefined ? undefined : MECHANISM_CATALOG[mechanism].title}
      disabled={busy || !canRun(overview, mechanism)}
      {...(mechanism !== undefined && !canRun(overview, mechanism)
        ? { blockedBy: RUN_BLOCKED_ID }
        : {})}
      onRun={startRun}
    />
  );
  const message = (where: Tab): ReactNode => (
    <StatusMessage
      message={state.message?.tab === where ? state.message.value : undefined}
      onSelect={selectable}
      onDismiss={() => dispatch({ type: 'message', value: undefined })}
    />
  );
  const panel = (id: Tab, children: ReactNode): ReactNode => (
    <div
      role="tabpanel"
      id={`panel-${id}`}
      aria-labelledby={`tab-${id}`}
      hidden={tab !== id}
      className={styles.panel}
    >
      {message(id)}
      {children}
    </div>
  );

  return (
    <>
      <div className={styles.tabs}>
        <TabList
          className={styles.tabList}
          // Small tabs: as little height and width as they can take.
          size="small"
          selectedValue={tab}
          onTabSelect={(_, data) => dispatch({ type: 'tab', tab: data.value as Tab })}
          aria-label="Steps"
        >
          {(Object.keys(TAB_TITLES) as Tab[]).map((id) => (
            <FluentTab
              key={id}
              className={styles.tab}
              value={id}
              id={`tab-${id}`}
              aria-controls={`panel-${id}`}
              // Until there are input tables nothing can be calculated.
              disabled={!hasTables && (id === 'calculate' || id === 'results')}
            >
              {TAB_TITLES[id]}
            </FluentTab>
          ))}
        </TabList>
      </div>
      {panel(
        'workbook',
        <WorkbookSection
          overview={overview}
          busy={busy}
          onRefresh={() => void readAgain()}
          onCreateTemplate={() => void createTemplate()}
          mapping={
            <MappingSection
              overview={overview}
              busy={busy}
              onSelect={selectable}
              onSaved={async (choice, preview) => {
                await refresh();
                const where = preview.range === undefined ? choice.sheet : cellText(preview.range);
                dispatch({
                  type: 'message',
                  tab: 'workbook',
                  value: {
                    intent: 'success',
                    title: 'Mapping saved.',
                    text: `The ${MAPPABLE_KINDS.find((k) => k.id === choice.kind)?.name ?? choice.kind} table is read from ${where}; runs here and on the command line use it.`,
                  },
                });
              }}
            />
          }
        />,
      )}
      {panel(
        'calculate',
        overview === undefined ? null : (
          <>
            <CalculateSection
              overview={overview}
              mechanism={mechanism}
              forms={forms}
              errors={errors}
              busy={busy}
              onMechanism={(m) => {
                dispatch({ type: 'pick', mechanism: m });
                run.clear();
              }}
              onForms={(next) => dispatch({ type: 'forms', forms: next })}
              runBar={tab === 'calculate' ? footer : null}
            />
            <RunFooterRoom />
          </>
        ),
      )}
      {panel(
        'results',
        <>
          <RunSection
            state={run.state}
            headingRef={runHeading}
            onCancel={run.cancel}
            onSelect={selectable}
            stale={stale}
            onRunAgain={() =>
              state.lastRun?.request.mechanism === 'checks' ? startPlanChecks() : startRun()
            }
            onReplace={() => {
              const last = state.lastRun;
              if (last !== undefined) {
                // Replacing is running again: it reads the workbook as it is now.
                dispatch({ type: 'launched', run: last });
                run.start(last.label, (control) =>
                  last.action({ ...control, replaceUserSheets: true }),
                );
              }
            }}
          />
          {overview === undefined ? null : (
            <ScenarioSection
              request={succeeded && !stale ? state.lastRun?.request : undefined}
              busy={busy}
              onSelect={selectable}
              readAt={overview}
            />
          )}
          {props.fileActions}
          {tab === 'results' ? footer : null}
          <RunFooterRoom />
        </>,
      )}
      {panel(
        'share',
        <>
          <SharingSection
            busy={busy}
            canRestore={state.restorable}
            canPlanChecks={hasTables}
            onPlanChecks={startPlanChecks}
            onPrepare={() => void share(true)}
            onRestore={() => void share(false)}
          />
          {props.fileActions}
        </>,
      )}
    </>
  );
}

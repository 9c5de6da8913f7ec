import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { errorText } from '../errorText';
import { buildRequest, formErrors, initialForms, type Forms } from '../forms/request';
import { MECHANISM_CATALOG } from '../mechanismCatalog';
import type {
  CellRef,
  MechanismId,
  MechanismRequest,
  RunControl,
  RunOutcome,
  SharingOutcome,
  WorkbookOverview,
} from '../operations';
import { useOperations } from '../operationsContext';
import { useRun } from '../useRun';
import { CalculateSection } from './CalculateSection';
import { MappingSection } from './MappingSection';
import { focusFirst } from './fieldId';
import { cellText } from './FindingsList';
import { MAPPABLE_KINDS } from '../layer/mappingLayer';
import { RunSection } from './RunSection';
import { ScenarioSection } from './ScenarioSection';
import { SharingSection } from './SharingSection';
import { StatusMessage, type PaneMessage } from './StatusMessage';
import { WorkbookSection } from './WorkbookSection';

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

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

/** The forms once `mechanism`'s form is edited or run: its values are no longer the saved ones. */
function edited(forms: Forms, mechanism: MechanismId): Forms {
  return forms.restored?.includes(mechanism) === true
    ? { ...forms, restored: forms.restored.filter((m) => m !== mechanism) }
    : forms;
}

/**
 * The whole workflow on one workbook: its tables (or the planning template), a
 * calculation with its parameters, the run and its outcome, and sign-off actions.
 * `onInteractive` fires once the workbook has been read and the pane can be used.
 */
export function Workflow(props: { readonly onInteractive?: () => void }): ReactNode {
  const operations = useOperations();
  const run = useRun();
  const [overview, setOverview] = useState<WorkbookOverview | undefined>(undefined);
  const [mechanism, setMechanism] = useState<MechanismId>('pooledFund');
  const [forms, setForms] = useState<Forms>(() => initialForms([], []));
  const [showErrors, setShowErrors] = useState(false);
  const [action, setAction] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState<PaneMessage | undefined>(undefined);
  const runHeading = useRef<HTMLHeadingElement>(null);
  const lastRun = useRef<{ label: string; action: (control: RunControl) => Promise<RunOutcome> }>(
    undefined,
  );
  /** The request of the run going on or last run, which can be kept as a scenario. */
  const [ranRequest, setRanRequest] = useState<MechanismRequest | undefined>(undefined);
  const interactive = useRef(props.onInteractive);
  /** Whether the user chose the mechanism (rather than the pane). */
  const picked = useRef(false);
  /** Whether the workbook has been read once (the forms then hold its saved parameters). */
  const read = useRef(false);

  const fail = useCallback((title: string, error: unknown) => {
    setMessage({ intent: 'error', title, text: errorText(error) });
  }, []);

  const refresh = useCallback(async (): Promise<void> => {
    try {
      const next = await operations.overview();
      setOverview(next);
      // The forms start from the parameters saved by each mechanism's last run; later
      // readings keep what the user typed unless the contracts or partners changed.
      const first = !read.current;
      read.current = true;
      setForms((f) => {
        const kept =
          !first && sameJson(f.contracts, next.contracts) && sameJson(f.partners, next.partners)
            ? f
            : initialForms(next.contracts, next.partners, next.savedPlanChecks, next.savedParams);
        const saved = next.savedPlanChecks;
        return kept.simple.planChecks !== undefined || saved === undefined
          ? kept
          : { ...kept, simple: { ...kept.simple, planChecks: { ...saved } } };
      });
      // The user's choice stays while it can run; otherwise the workbook's last run, or
      // the first that can.
      setMechanism((m) => {
        const ready = (id: MechanismId | undefined): boolean =>
          next.mechanisms.some((s) => s.mechanism === id && s.ready);
        if (picked.current && ready(m)) return m;
        const last = next.lastRun?.mechanism;
        if (first && last !== undefined && ready(last)) return last;
        return next.mechanisms.find((s) => s.ready)?.mechanism ?? m;
      });
    } catch (error) {
      fail('Could not read the workbook', error);
      setOverview({ tables: [], mechanisms: [], contracts: [], partners: [] });
    }
  }, [operations, fail]);

  useEffect(() => {
    void refresh().then(() => interactive.current?.());
  }, [refresh]);

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

  const act = async (name: string, work: () => Promise<void>): Promise<void> => {
    setAction(name);
    setMessage(undefined);
    try {
      await work();
    } catch (error) {
      fail(`${name} failed`, error);
    } finally {
      setAction(undefined);
    }
  };

  const createTemplate = (): Promise<void> =>
    act('Creating the planning template', async () => {
      const created = await operations.createTemplate();
      await refresh();
      setMessage({
        intent: 'success',
        title: 'Planning template created.',
        text: `Sheets added: ${created.sheets.join(', ')}. Fill in the yellow cells, then read the workbook again.`,
        link: { label: 'Go to the first cell to fill in', cell: created.firstInput },
      });
    });

  const share = (prepare: boolean): Promise<void> =>
    act(prepare ? 'Prepare for sharing' : 'Restore formulas', async () => {
      const outcome = prepare
        ? await operations.prepareForSharing()
        : await operations.restoreFormulas();
      setMessage({
        intent: 'success',
        title: prepare ? 'Prepared for sharing.' : 'Formulas restored.',
        text: sharingText(outcome, prepare),
      });
    });

  const errors = showErrors ? formErrors(mechanism, forms) : {};
  const busy = phase === 'running' || action !== undefined || overview === undefined;

  /** Starts a run and remembers it, so it can be run again replacing a user's sheet. */
  const launch = (label: string, action: (control: RunControl) => Promise<RunOutcome>): void => {
    setMessage(undefined);
    lastRun.current = { label, action };
    run.start(label, action);
  };

  /** Shows `target`'s form with its errors, focusing the first. */
  const showFormErrors = (target: MechanismId, keys: readonly string[]): void => {
    picked.current = true;
    setMechanism(target);
    setShowErrors(true);
    // Focus once the errors are rendered.
    setTimeout(() => focusFirst(keys), 0);
  };

  const startRun = (): void => {
    const built = buildRequest(mechanism, forms);
    if (!built.ok) {
      showFormErrors(mechanism, Object.keys(built.errors));
      return;
    }
    // The form no longer shows the workbook's last run but this one.
    setForms((f) => edited(f, mechanism));
    setShowErrors(false);
    setRanRequest(built.request);
    launch(MECHANISM_CATALOG[mechanism].title, (control) => operations.run(built.request, control));
  };

  /** Plan checks from the sign-off section, with the plan checks form's minima. */
  const startPlanChecks = (): void => {
    const built = buildRequest('planChecks', forms);
    if (!built.ok || built.request.mechanism !== 'planChecks') {
      showFormErrors('planChecks', built.ok ? [] : Object.keys(built.errors));
      setMessage({
        intent: 'warning',
        title: 'Plan checks need their minima.',
        text: 'Enter them under Calculate, then run the checks again.',
      });
      return;
    }
    const { params } = built.request;
    setRanRequest(built.request);
    launch(MECHANISM_CATALOG.planChecks.title, (control) =>
      operations.runPlanChecks(params, control),
    );
  };

  return (
    <>
      <StatusMessage
        message={message}
        onSelect={selectable}
        onDismiss={() => setMessage(undefined)}
      />
      <WorkbookSection
        overview={overview}
        busy={busy}
        onRefresh={() => void act('Reading the workbook', refresh)}
        onCreateTemplate={() => void createTemplate()}
      />
      <MappingSection
        overview={overview}
        busy={busy}
        onSelect={selectable}
        onSaved={async (choice, preview) => {
          await refresh();
          const where = preview.range === undefined ? choice.sheet : cellText(preview.range);
          setMessage({
            intent: 'success',
            title: 'Mapping saved.',
            text: `The ${MAPPABLE_KINDS.find((k) => k.id === choice.kind)?.name ?? choice.kind} table is read from ${where}; runs here and on the command line use it.`,
          });
        }}
      />
      {overview === undefined ? null : (
        <CalculateSection
          overview={overview}
          mechanism={mechanism}
          forms={forms}
          errors={errors}
          busy={busy}
          onMechanism={(m) => {
            picked.current = true;
            setMechanism(m);
            setShowErrors(false);
            run.clear();
          }}
          onForms={(next) => setForms(edited(next, mechanism))}
          onRun={startRun}
        />
      )}
      <RunSection
        state={run.state}
        headingRef={runHeading}
        onCancel={run.cancel}
        onSelect={selectable}
        onReplace={() => {
          const last = lastRun.current;
          if (last !== undefined) {
            run.start(last.label, (control) =>
              last.action({ ...control, replaceUserSheets: true }),
            );
          }
        }}
      />
      {overview === undefined ? null : (
        <ScenarioSection
          request={run.state.phase === 'finished' && run.state.outcome.ok ? ranRequest : undefined}
          busy={busy}
          onSelect={selectable}
          readAt={overview}
        />
      )}
      <SharingSection
        busy={busy}
        onPlanChecks={startPlanChecks}
        onPrepare={() => void share(true)}
        onRestore={() => void share(false)}
      />
    </>
  );
}

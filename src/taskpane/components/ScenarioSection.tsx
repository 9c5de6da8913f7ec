import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Button, Checkbox, Field, Input, Link } from '@fluentui/react-components';
import { errorCode, errorText } from '../errorText';
import type {
  CellRef,
  ComparisonOutcome,
  Finding,
  KeepOutcome,
  MechanismRequest,
  ScenarioExists,
  ScenarioSummary,
} from '../operations';
import { useOperations } from '../operationsContext';
import { ukDate } from '../ukFormat';
import { ComparisonView } from './ComparisonView';
import { fieldId } from './fieldId';
import { FindingsList } from './FindingsList';
import { Section } from './Section';
import { ErrorDetails } from './StatusMessage';
import { usePaneStyles } from './styles';

/** The inline error for a blank scenario name. */
export const EMPTY_NAME = 'Give the scenario a name, e.g. “Proposal A”.';
/** The inline error when fewer than two scenarios are ticked. */
export const CHOOSE_TWO = 'Choose two or more scenarios to compare.';

/** A run the pane can do without showing its progress (keeping is quick, and not cancelled). */
const quietControl = () => ({ signal: new AbortController().signal, onProgress: () => undefined });

type Kept =
  | { readonly kind: 'kept'; readonly name: string; readonly sheet: CellRef }
  | { readonly kind: 'exists'; readonly outcome: ScenarioExists }
  | { readonly kind: 'problems'; readonly findings: readonly Finding[]; readonly text: string }
  /** `code`: the failure's stable code, for support, behind "Details". */
  | { readonly kind: 'error'; readonly text: string; readonly code?: string };

/** A failure's code, when it has one, as the error state's `code`. */
function codeOf(error: unknown): { readonly code?: string } {
  const code = errorCode(error);
  return code === undefined ? {} : { code };
}

function keptOf(outcome: KeepOutcome): Kept | { readonly nameError: string } | undefined {
  if (outcome.ok) {
    return { kind: 'kept', name: outcome.scenario ?? '', sheet: outcome.resultSheet };
  }
  switch (outcome.reason) {
    case 'scenarioName':
      return { nameError: outcome.message };
    case 'scenarioExists':
      return { kind: 'exists', outcome };
    case 'invalid':
      return {
        kind: 'problems',
        findings: outcome.findings,
        text: 'Nothing was kept: the run found problems. Correct them, then keep it again.',
      };
    case 'userSheet':
      return { kind: 'error', text: `${outcome.message} Nothing was kept.` };
    default:
      return undefined;
  }
}

/**
 * Scenarios: keep the last run under a name (its parameters in the workbook, its own
 * result sheet), and compare two or more kept scenarios on the comparison sheet, with
 * their headline figures here too.
 */
export function ScenarioSection(props: {
  /** The run just finished, which can be kept; undefined when there is none. */
  readonly request: MechanismRequest | undefined;
  readonly busy: boolean;
  readonly onSelect?: (cell: CellRef) => void;
  /** Changes whenever the workbook is read again: the kept scenarios are read with it. */
  readonly readAt?: unknown;
}): ReactNode {
  const pane = usePaneStyles();
  const operations = useOperations();
  const { request, onSelect } = props;
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>(undefined);
  const [kept, setKept] = useState<Kept | undefined>(undefined);
  const [list, setList] = useState<readonly ScenarioSummary[]>([]);
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [compareError, setCompareError] = useState<string | undefined>(undefined);
  const [comparison, setComparison] = useState<ComparisonOutcome | undefined>(undefined);
  const [working, setWorking] = useState(false);
  const busy = props.busy || working;

  const load = useCallback(async (): Promise<void> => {
    try {
      setList(await operations.scenarios());
    } catch (error) {
      setKept({
        kind: 'error',
        text: `Could not read the kept scenarios: ${errorText(error)}`,
        ...codeOf(error),
      });
    }
  }, [operations]);

  const { readAt } = props;
  useEffect(() => {
    void load();
  }, [load, readAt]);

  const keep = async (replace: boolean): Promise<void> => {
    if (request === undefined) return;
    if (name.trim() === '') {
      setNameError(EMPTY_NAME);
      return;
    }
    setNameError(undefined);
    setKept(undefined);
    setWorking(true);
    try {
      const outcome = await operations.keepScenario(
        request,
        { name, ...(replace ? { replace: true } : {}) },
        quietControl(),
      );
      const next = keptOf(outcome);
      if (next !== undefined && 'nameError' in next) setNameError(next.nameError);
      else setKept(next);
      if (outcome.ok) {
        await load();
        const keptName = outcome.scenario ?? name.trim();
        setChosen((c) =>
          c.some((n) => n.toLowerCase() === keptName.toLowerCase()) ? c : [...c, keptName],
        );
      }
    } catch (error) {
      setKept({
        kind: 'error',
        text: `Could not keep the scenario: ${errorText(error)}`,
        ...codeOf(error),
      });
    } finally {
      setWorking(false);
    }
  };

  const compare = async (): Promise<void> => {
    const names = list.map((s) => s.name).filter((n) => chosen.includes(n));
    if (names.length < 2) {
      setCompareError(CHOOSE_TWO);
      return;
    }
    setCompareError(undefined);
    setComparison(undefined);
    setWorking(true);
    try {
      setComparison(await operations.compareScenarios(names));
    } catch (error) {
      setComparison({
        ok: false,
        findings: [{ code: 'PANE.COMPARE_FAILED', message: errorText(error) }],
      });
    } finally {
      setWorking(false);
    }
  };

  if (request === undefined && list.length === 0) return null;
  return (
    <Section id="scenarios" title="Scenarios">
      {request === undefined ? null : (
        <div className={pane.stack}>
          <h3 className={pane.subheading}>Keep as scenario</h3>
          <p className={pane.hint}>
            Keeps this run’s terms in the workbook under a name, with its own result sheet, to
            compare with other proposals.
          </p>
          <Field
            label="Scenario name"
            validationMessage={nameError}
            validationState={nameError === undefined ? 'none' : 'error'}
          >
            <Input
              id={fieldId('scenario.name')}
              value={name}
              disabled={busy}
              onChange={(_, d) => {
                setName(d.value);
                setNameError(undefined);
                if (kept?.kind === 'exists') setKept(undefined);
              }}
            />
          </Field>
          <div className={pane.row}>
            <Button appearance="primary" disabled={busy} onClick={() => void keep(false)}>
              Keep as scenario
            </Button>
          </div>
          <KeptView
            kept={kept}
            onSelect={onSelect}
            busy={busy}
            onReplace={() => void keep(true)}
            onCancel={() => setKept(undefined)}
          />
        </div>
      )}
      {list.length === 0 ? null : (
        <div className={pane.stack}>
          <h3 className={pane.subheading}>Compare scenarios</h3>
          <fieldset className={pane.group}>
            <legend className={pane.legend}>Kept in this workbook</legend>
            {list.map((s) => (
              <Checkbox
                key={s.name}
                label={`${s.name} (${s.title}, ${ukDate(s.at)})`}
                checked={chosen.includes(s.name)}
                disabled={busy}
                onChange={(_, d) => {
                  setCompareError(undefined);
                  setChosen((c) =>
                    d.checked === true ? [...c, s.name] : c.filter((n) => n !== s.name),
                  );
                }}
              />
            ))}
          </fieldset>
          {compareError === undefined ? null : (
            <p className={pane.error} role="alert">
              {compareError}
            </p>
          )}
          <div className={pane.row}>
            <Button disabled={busy} onClick={() => void compare()}>
              Compare scenarios
            </Button>
          </div>
          {comparison === undefined ? null : comparison.ok ? (
            <ComparisonView comparison={comparison} onSelect={onSelect} />
          ) : (
            <>
              <p className={pane.text}>Nothing was written. The comparison found problems:</p>
              <FindingsList
                findings={comparison.findings}
                label="Comparison problems"
                onSelect={onSelect}
              />
            </>
          )}
        </div>
      )}
    </Section>
  );
}

/** What keeping did: kept (with a link to its sheet), a name to replace, or problems. */
function KeptView(props: {
  readonly kept: Kept | undefined;
  readonly busy: boolean;
  readonly onSelect?: (cell: CellRef) => void;
  readonly onReplace: () => void;
  readonly onCancel: () => void;
}): ReactNode {
  const pane = usePaneStyles();
  const { kept, onSelect } = props;
  if (kept === undefined) return null;
  if (kept.kind === 'kept') {
    return (
      <div className={pane.stack} role="status">
        <p className={pane.text}>
          Kept as scenario “{kept.name}”. Its results are on the sheet “{kept.sheet.sheet}”.
        </p>
        {onSelect === undefined ? null : (
          <div>
            <Link as="button" onClick={() => onSelect(kept.sheet)}>
              Go to the scenario’s sheet ({kept.sheet.sheet})
            </Link>
          </div>
        )}
      </div>
    );
  }
  if (kept.kind === 'exists') {
    return (
      <div className={pane.stack} role="alert">
        <p className={pane.text}>{kept.outcome.message}</p>
        <div className={pane.row}>
          <Button disabled={props.busy} onClick={props.onReplace}>
            Replace “{kept.outcome.name}”
          </Button>
          <Button appearance="subtle" disabled={props.busy} onClick={props.onCancel}>
            Keep both: choose another name
          </Button>
        </div>
      </div>
    );
  }
  if (kept.kind === 'problems') {
    return (
      <>
        <p className={pane.text}>{kept.text}</p>
        <FindingsList findings={kept.findings} label="Problems found" onSelect={onSelect} />
      </>
    );
  }
  return (
    <div className={pane.stack} role="alert">
      <p className={pane.error}>{kept.text}</p>
      <ErrorDetails code={kept.code} />
    </div>
  );
}

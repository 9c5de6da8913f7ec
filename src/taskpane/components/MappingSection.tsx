import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Field, Input, Select, Spinner } from '@fluentui/react-components';
import { errorText } from '../errorText';
import {
  choiceErrors,
  columnLabel,
  initialChoices,
  mappingChoice,
  type MappingChoices,
} from '../forms/mappingForm';
import { MAPPABLE_KINDS } from '../layer/mappingLayer';
import type {
  CellRef,
  MappingChoice,
  MappingDraft,
  MappingPreview,
  WorkbookOverview,
} from '../operations';
import { useOperations } from '../operationsContext';
import { cellText, FindingsList } from './FindingsList';
import { Section } from './Section';
import { usePaneStyles } from './styles';

/** The drop-downs' value for "this field is not in the range". */
const NONE = 'none';

function rowsText(count: number): string {
  return count === 1 ? '1 row' : `${count} rows`;
}

/** The first rows as a run reads them: one small list per row (a table would not fit 320 px). */
function PreviewView(props: {
  readonly preview: MappingPreview;
  readonly onSelect?: (cell: CellRef) => void;
}): ReactNode {
  const styles = usePaneStyles();
  const { preview } = props;
  return (
    <div className={styles.stack}>
      <h3 className={styles.subheading}>Preview: the first rows as a run reads them</h3>
      {preview.range === undefined ? (
        <p className={styles.text}>Nothing can be read with this mapping.</p>
      ) : (
        <p className={styles.text}>
          Reads {cellText(preview.range)} ({rowsText(preview.rowCount)} filled in).
        </p>
      )}
      {preview.rows.length === 0 ? null : (
        <ul className={styles.plainList} aria-label="Preview rows">
          {preview.rows.map((row) => (
            <li key={row.row} className={styles.group}>
              <span className={styles.subheading}>Row {row.row}</span>
              <dl className={styles.plainList}>
                {preview.columns.map((c) => (
                  <div key={c.id} className={styles.row}>
                    <dt className={styles.hint}>{c.name}</dt>
                    <dd className={styles.text} style={{ margin: 0 }}>
                      {row.values[c.id] ?? '—'}
                    </dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ul>
      )}
      {preview.notes.length === 0 ? null : (
        <ul className={styles.list} aria-label="How the columns are read">
          {preview.notes.map((note) => (
            <li key={note} className={styles.hint}>
              {note}
            </li>
          ))}
        </ul>
      )}
      {preview.findings.length === 0 ? (
        <p className={styles.hint}>No findings: a run reads these rows as shown.</p>
      ) : (
        <>
          <p className={styles.text}>
            {preview.findings.length === 1 ? '1 finding:' : `${preview.findings.length} findings:`}
          </p>
          <FindingsList
            findings={preview.findings}
            label="Findings in the mapped range"
            onSelect={props.onSelect}
          />
        </>
      )}
    </div>
  );
}

/**
 * One field's column, as a drop-down of the header row's columns. A Fluent Select (a
 * native list, as every other choice in the pane): the Fluent Dropdown did not open on
 * a mouse click in Chromium in this pane (the press and the release reached different
 * elements), only from the keyboard.
 */
function FieldChoice(props: {
  readonly draft: MappingDraft;
  readonly field: MappingDraft['fields'][number];
  readonly value: number | undefined;
  readonly error?: string;
  readonly disabled: boolean;
  readonly onChange: (column: number | undefined) => void;
}): ReactNode {
  const { draft, field, value } = props;
  const chosen = draft.columns.find((c) => c.column === value);
  return (
    <Field
      label={field.required ? field.header : `${field.header} (optional)`}
      required={field.required}
      validationMessage={props.error}
      validationState={props.error === undefined ? 'none' : 'error'}
    >
      <Select
        disabled={props.disabled}
        value={chosen === undefined ? NONE : String(chosen.column)}
        onChange={(_, data) => props.onChange(data.value === NONE ? undefined : Number(data.value))}
      >
        <option value={NONE}>{field.required ? 'Choose a column' : 'Not in this range'}</option>
        {draft.columns.map((c) => (
          <option key={c.column} value={String(c.column)}>
            {columnLabel(c)}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/**
 * "Use the selection as…": the user points at a range of their own (selects it in
 * Excel, or types its sheet and header row outside Excel), says what it holds, matches
 * each field to a column (the add-in's guess first), sees the first rows as a run reads
 * them with any findings, and saves the mapping in the workbook. Also says when the
 * mapping saved earlier no longer fits.
 */
export function MappingSection(props: {
  readonly overview: WorkbookOverview | undefined;
  readonly busy: boolean;
  readonly onSelect?: (cell: CellRef) => void;
  /** After saving: the pane reads the workbook again and says what was saved. */
  readonly onSaved: (choice: MappingChoice, preview: MappingPreview) => Promise<void>;
}): ReactNode {
  const operations = useOperations();
  const styles = usePaneStyles();
  const [kind, setKind] = useState<string>(MAPPABLE_KINDS[0]?.id ?? 'contributions');
  const [sheet, setSheet] = useState('');
  const [address, setAddress] = useState('');
  const [draft, setDraft] = useState<MappingDraft | undefined>(undefined);
  const [choices, setChoices] = useState<MappingChoices>({});
  const [preview, setPreview] = useState<MappingPreview | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [working, setWorking] = useState<string | undefined>(undefined);
  const asked = useRef(0);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const kindName = MAPPABLE_KINDS.find((k) => k.id === kind)?.name ?? kind;
  const { selection } = operations;
  const disabled = props.busy || working !== undefined;

  const choice = draft === undefined ? undefined : mappingChoice(draft, choices);
  const choiceKey = JSON.stringify(choice ?? null);
  useEffect(() => {
    // The preview follows the choices; an answer to an older choice is dropped.
    const ask = ++asked.current;
    if (choice === undefined) {
      setPreview(undefined);
      return;
    }
    operations
      .previewMapping(choice)
      .then((next) => {
        if (ask === asked.current) setPreview(next);
      })
      .catch((error: unknown) => {
        if (ask === asked.current) setProblem(`The preview failed: ${errorText(error)}`);
      });
    // choiceKey stands for choice (a new object each render).
  }, [operations, choiceKey]);

  useEffect(() => {
    // Keyboard and screen-reader users land on the mapping step once it is shown.
    if (draft !== undefined) stepHeading.current?.focus();
  }, [draft]);

  const start = async (): Promise<void> => {
    setWorking('Reading the cells…');
    setProblem(undefined);
    setDraft(undefined);
    try {
      const at = selection.available ? undefined : { sheet, address };
      const made = await operations.draftMapping(kind, at);
      if (!made.ok) {
        setProblem(made.problem);
        return;
      }
      setChoices(initialChoices(made.draft));
      setDraft(made.draft);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setWorking(undefined);
    }
  };

  const save = async (): Promise<void> => {
    if (choice === undefined || preview === undefined) return;
    setWorking('Saving the mapping…');
    setProblem(undefined);
    try {
      await operations.saveMapping(choice);
      setDraft(undefined);
      setPreview(undefined);
      await props.onSaved(choice, preview);
    } catch (error) {
      setProblem(`The mapping was not saved: ${errorText(error)}`);
    } finally {
      setWorking(undefined);
    }
  };

  const errors = draft === undefined ? {} : choiceErrors(draft, choices);
  const blocked = Object.keys(errors).length > 0;
  const stale = props.overview?.mappingFindings ?? [];

  return (
    <Section id="mapping" title="Map a range">
      {stale.length === 0 ? null : (
        <div className={styles.stack}>
          <p className={styles.error} role="status">
            The column mapping saved in this workbook no longer fits:
          </p>
          <FindingsList findings={stale} label="Saved mapping findings" onSelect={props.onSelect} />
        </div>
      )}
      <p className={styles.hint}>
        Data in a range of your own? Say what it holds and which column is which; the mapping is
        saved in the workbook, and runs here and on the command line use it.
      </p>
      <Field label="The range holds">
        <Select
          value={kind}
          disabled={disabled}
          onChange={(_, data) => {
            setKind(data.value);
            setDraft(undefined);
            setProblem(undefined);
          }}
        >
          {MAPPABLE_KINDS.map((k) => (
            <option key={k.id} value={k.id}>
              {k.name}
            </option>
          ))}
        </Select>
      </Field>
      {selection.available ? (
        <p className={styles.hint}>
          Select the range in the sheet (its header row and the rows under it), then:
        </p>
      ) : (
        <>
          <p className={styles.hint}>{selection.reason}</p>
          <Field label="Sheet">
            <Input value={sheet} disabled={disabled} onChange={(_, d) => setSheet(d.value)} />
          </Field>
          <Field label="Header row cells" hint="For example A3:F3.">
            <Input value={address} disabled={disabled} onChange={(_, d) => setAddress(d.value)} />
          </Field>
        </>
      )}
      <div className={styles.row}>
        <Button onClick={() => void start()} disabled={disabled}>
          {selection.available
            ? `Use the selection as ${kindName}`
            : `Map these cells as ${kindName}`}
        </Button>
      </div>
      {working === undefined ? null : <Spinner size="tiny" label={working} />}
      {problem === undefined ? null : (
        <p className={styles.error} role="alert">
          {problem}
        </p>
      )}
      {draft === undefined ? null : (
        <div className={styles.stack}>
          <h3 className={styles.subheading} ref={stepHeading} tabIndex={-1}>
            Columns of {draft.kindName}: header row{' '}
            {cellText({ sheet: draft.sheet, address: draft.headerRow })}
          </h3>
          <p className={styles.hint}>
            The add-in’s guess for each field is chosen; change any that is wrong.
          </p>
          {draft.fields.map((field) => (
            <FieldChoice
              key={field.id}
              draft={draft}
              field={field}
              value={choices[field.id]}
              error={errors[field.id]}
              disabled={disabled}
              onChange={(column) => setChoices((c) => ({ ...c, [field.id]: column }))}
            />
          ))}
          {preview === undefined || blocked ? null : (
            <PreviewView preview={preview} onSelect={props.onSelect} />
          )}
          {blocked ? (
            <p className={styles.error} role="status">
              Map every required field (each once) before saving.
            </p>
          ) : null}
          <div className={styles.row}>
            <Button
              appearance="primary"
              disabled={disabled || blocked || preview?.range === undefined}
              onClick={() => void save()}
            >
              Save the mapping
            </Button>
            <Button
              disabled={disabled}
              onClick={() => {
                setDraft(undefined);
                setPreview(undefined);
              }}
            >
              Cancel
            </Button>
          </div>
        </div>
      )}
    </Section>
  );
}

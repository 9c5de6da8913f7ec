import type { ReactNode } from 'react';
import { Button, Field, Input, Select, makeStyles } from '@fluentui/react-components';
import {
  isShown,
  partyKey,
  recordField,
  recordsOf,
  withRecords,
  type RecordsField,
  type FieldChoices,
  type FieldSpec,
  type FormErrors,
  type FormValues,
} from '../forms/fields';
import { LegendInfo, fieldLabel } from './fieldLabel';
import { fieldId } from './fieldId';
import { PartySelect } from './PartySelect';
import { TextField } from './TextField';
import { usePaneStyles } from './styles';

interface Props {
  readonly fields: readonly FieldSpec[];
  readonly values: FormValues;
  readonly errors: FormErrors;
  readonly choices: FieldChoices;
  readonly disabled: boolean;
  readonly onChange: (key: string, value: string) => void;
  /** Replaces all values at once (adding or removing a record). */
  readonly onReplace: (values: FormValues) => void;
}

// A native select is as wide as its longest option; in a 320 px pane it must shrink to
// the pane and cut the option's text, never scroll the pane sideways.
const useChoiceStyles = makeStyles({
  field: { minWidth: 0 },
  select: { minWidth: 0, maxWidth: '100%' },
});

/** A drop-down of fixed options (or contracts), labelled, with its hint and error. */
function Choice(props: {
  readonly field: FieldSpec;
  readonly value: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly error?: string;
  readonly disabled: boolean;
  readonly onChange: (value: string) => void;
}): ReactNode {
  const styles = useChoiceStyles();
  return (
    <Field
      className={styles.field}
      label={fieldLabel(props.field.label, props.field.info)}
      hint={props.field.hint}
      validationMessage={props.error}
      validationState={props.error === undefined ? 'none' : 'error'}
    >
      <Select
        className={styles.select}
        id={fieldId(props.field.key)}
        value={props.value}
        disabled={props.disabled}
        onChange={(_, d) => props.onChange(d.value)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

function PartyBoxes(
  props: Props & { readonly field: FieldSpec & { kind: 'partyPercents' | 'partyAmounts' } },
): ReactNode {
  const styles = usePaneStyles();
  const { field, values, errors, disabled, onChange } = props;
  const percent = field.kind === 'partyPercents';
  const error = errors[field.key];
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>
        <LegendInfo label={field.label} info={field.info} />
      </legend>
      {field.hint === undefined ? null : <p className={styles.hint}>{field.hint}</p>}
      {props.choices.names.map((party) => {
        const key = partyKey(field.key, party);
        return (
          <TextField
            key={party}
            fieldKey={key}
            label={percent ? `${party} (%)` : `${party} (£)`}
            unit={percent ? 'percent' : 'money'}
            value={values[key] ?? ''}
            error={errors[key]}
            disabled={disabled}
            onChange={(v) => onChange(key, v)}
          />
        );
      })}
      {error === undefined ? null : (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** A list of records (e.g. changes), each a group of sub-fields, with Add and Remove. */
function RecordsGroup(props: Props & { readonly field: RecordsField }): ReactNode {
  const styles = usePaneStyles();
  const { field, values, disabled } = props;
  const records = recordsOf(values, field.key);
  const item = field.itemLabel.toLowerCase();
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>{field.label}</legend>
      {field.hint === undefined ? null : <p className={styles.hint}>{field.hint}</p>}
      {records.length === 0 ? <p className={styles.text}>None.</p> : null}
      {records.map((_, i) => (
        <fieldset key={i} className={styles.group}>
          <legend className={styles.legend}>
            {field.itemLabel} {i + 1}
          </legend>
          {field.fields
            .map((sub) => recordField(field, sub, i))
            .filter((sub) => isShown(sub, values))
            .map((sub) => (
              <OneField key={sub.key} {...props} field={sub} />
            ))}
          <div className={styles.row}>
            <Button
              size="small"
              disabled={disabled}
              onClick={() =>
                props.onReplace(
                  withRecords(
                    values,
                    field.key,
                    records.filter((__, j) => j !== i),
                  ),
                )
              }
            >
              Remove {item} {i + 1}
            </Button>
          </div>
        </fieldset>
      ))}
      <div className={styles.row}>
        <Button
          size="small"
          disabled={disabled}
          onClick={() => props.onReplace(withRecords(values, field.key, [...records, field.blank]))}
        >
          Add a {item}
        </Button>
      </div>
    </fieldset>
  );
}

function OneField(props: Props & { readonly field: FieldSpec }): ReactNode {
  const { field, values, errors, disabled, onChange } = props;
  const value = values[field.key] ?? '';
  const error = errors[field.key];
  const set = (v: string): void => onChange(field.key, v);
  switch (field.kind) {
    case 'choice':
      return (
        <Choice
          field={field}
          value={value}
          options={field.options}
          error={error}
          disabled={disabled}
          onChange={set}
        />
      );
    case 'contract': {
      const options = [
        { value: '', label: field.none },
        ...props.choices.contracts.map((id) => ({ value: id, label: id })),
      ];
      return (
        <Choice
          field={field}
          value={value}
          options={options}
          error={error}
          disabled={disabled}
          onChange={set}
        />
      );
    }
    case 'party':
      return (
        <PartySelect
          fieldKey={field.key}
          label={field.label}
          parties={props.choices.names}
          value={value}
          none={field.none}
          error={error}
          disabled={disabled}
          onChange={set}
        />
      );
    case 'partyPercents':
    case 'partyAmounts':
      return <PartyBoxes {...props} field={field} />;
    case 'records':
      return <RecordsGroup {...props} field={field} />;
    case 'text':
      return (
        <Field
          label={fieldLabel(field.label, field.info)}
          hint={field.hint}
          validationMessage={error}
          validationState={error === undefined ? 'none' : 'error'}
        >
          <Input
            id={fieldId(field.key)}
            value={value}
            disabled={disabled}
            onChange={(_, d) => set(d.value)}
          />
        </Field>
      );
    default:
      return (
        <TextField
          fieldKey={field.key}
          label={field.label}
          unit={field.kind}
          hint={field.hint}
          info={field.info}
          value={value}
          error={error}
          disabled={disabled}
          onChange={set}
        />
      );
  }
}

/** The parameters of a mechanism, as declared by its form. */
export function ParameterFields(props: Props): ReactNode {
  const styles = usePaneStyles();
  return (
    <div className={styles.stack}>
      {props.fields
        .filter((f) => isShown(f, props.values))
        .map((field) => (
          <OneField key={field.key} {...props} field={field} />
        ))}
    </div>
  );
}

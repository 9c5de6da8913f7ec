import type { ReactNode } from 'react';
import { Field, Select } from '@fluentui/react-components';
import {
  isShown,
  partyKey,
  type FieldSpec,
  type FormErrors,
  type FormValues,
} from '../forms/fields';
import { fieldId } from './fieldId';
import { PartySelect } from './PartySelect';
import { TextField } from './TextField';
import { usePaneStyles } from './styles';

interface Props {
  readonly fields: readonly FieldSpec[];
  readonly values: FormValues;
  readonly errors: FormErrors;
  readonly parties: readonly string[];
  readonly disabled: boolean;
  readonly onChange: (key: string, value: string) => void;
}

function OneField(props: Props & { readonly field: FieldSpec }): ReactNode {
  const styles = usePaneStyles();
  const { field, values, errors, disabled, onChange } = props;
  const value = values[field.key] ?? '';
  const error = errors[field.key];
  switch (field.kind) {
    case 'choice':
      return (
        <Field label={field.label} hint={field.hint}>
          <Select
            id={fieldId(field.key)}
            value={value}
            disabled={disabled}
            onChange={(_, d) => onChange(field.key, d.value)}
          >
            {field.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
      );
    case 'party':
      return (
        <PartySelect
          fieldKey={field.key}
          label={field.label}
          parties={props.parties}
          value={value}
          none={field.none}
          error={error}
          disabled={disabled}
          onChange={(v) => onChange(field.key, v)}
        />
      );
    case 'partyPercents':
    case 'partyAmounts':
      return (
        <fieldset className={styles.group}>
          <legend className={styles.legend}>{field.label}</legend>
          {field.hint === undefined ? null : <p className={styles.hint}>{field.hint}</p>}
          {props.parties.map((party) => {
            const key = partyKey(field.key, party);
            const percent = field.kind === 'partyPercents';
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
    default:
      return (
        <TextField
          fieldKey={field.key}
          label={field.label}
          unit={field.kind}
          hint={field.hint}
          value={value}
          error={error}
          disabled={disabled}
          onChange={(v) => onChange(field.key, v)}
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

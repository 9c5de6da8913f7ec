import type { ReactNode } from 'react';
import { Field, Select } from '@fluentui/react-components';
import { fieldId } from './fieldId';

/** Chooses one of the parties (from the contracts table); `none` adds a "nobody" option. */
export function PartySelect(props: {
  readonly fieldKey: string;
  readonly label: string;
  readonly parties: readonly string[];
  readonly value: string;
  readonly none?: string;
  readonly error?: string;
  readonly disabled?: boolean;
  readonly onChange: (value: string) => void;
}): ReactNode {
  const known =
    props.parties.includes(props.value) || (props.none !== undefined && props.value === '');
  return (
    <Field
      label={props.label}
      validationMessage={props.error}
      validationState={props.error === undefined ? 'none' : 'error'}
    >
      <Select
        id={fieldId(props.fieldKey)}
        value={known ? props.value : ''}
        disabled={props.disabled}
        onChange={(_, data) => props.onChange(data.value)}
      >
        {props.none !== undefined ? <option value="">{props.none}</option> : null}
        {!known && props.none === undefined ? <option value="">Choose a party</option> : null}
        {props.parties.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </Select>
    </Field>
  );
}

import type { ReactNode } from 'react';
import { Field, Input } from '@fluentui/react-components';
import { fieldId } from './fieldId';
import { fieldLabel } from './fieldLabel';

export type TextUnit = 'percent' | 'money' | 'whole';

/** A labelled text box for a percentage, an amount in pounds or a whole number. */
export function TextField(props: {
  readonly fieldKey: string;
  readonly label: string;
  readonly unit: TextUnit;
  readonly value: string;
  readonly hint?: string;
  /** What the label's jargon means, behind an InfoLabel. */
  readonly info?: string;
  readonly error?: string;
  readonly disabled?: boolean;
  readonly onChange: (value: string) => void;
}): ReactNode {
  return (
    <Field
      label={fieldLabel(props.label, props.info)}
      hint={props.hint}
      validationMessage={props.error}
      validationState={props.error === undefined ? 'none' : 'error'}
    >
      <Input
        id={fieldId(props.fieldKey)}
        value={props.value}
        disabled={props.disabled}
        inputMode={props.unit === 'whole' ? 'numeric' : 'decimal'}
        contentBefore={props.unit === 'money' ? <span aria-hidden="true">£</span> : undefined}
        contentAfter={props.unit === 'percent' ? <span aria-hidden="true">%</span> : undefined}
        onChange={(_, data) => props.onChange(data.value)}
      />
    </Field>
  );
}

import type { ReactNode } from 'react';
import { Field, Select } from '@fluentui/react-components';
import { MECHANISM_IDS, type MechanismId, type MechanismStatus } from '../operations';
import { MECHANISM_CATALOG } from '../mechanismCatalog';
import { usePaneStyles } from './styles';

function isMechanism(value: string): value is MechanismId {
  return (MECHANISM_IDS as readonly string[]).includes(value);
}

/** Chooses the calculation; says what it does and which tables it still needs. */
export function MechanismPicker(props: {
  readonly value: MechanismId;
  readonly statuses: readonly MechanismStatus[];
  readonly disabled: boolean;
  readonly onChange: (mechanism: MechanismId) => void;
}): ReactNode {
  const styles = usePaneStyles();
  const status = props.statuses.find((s) => s.mechanism === props.value);
  return (
    <div className={styles.stack}>
      <Field label="Calculation" hint={MECHANISM_CATALOG[props.value].summary}>
        <Select
          value={props.value}
          disabled={props.disabled}
          onChange={(_, data) => {
            if (isMechanism(data.value)) props.onChange(data.value);
          }}
        >
          {MECHANISM_IDS.map((id) => (
            <option key={id} value={id}>
              {MECHANISM_CATALOG[id].title}
            </option>
          ))}
        </Select>
      </Field>
      {status === undefined || status.ready ? null : (
        <p className={styles.error} role="status">
          {status.reason ??
            `Needs ${status.missing.length === 1 ? 'the table' : 'the tables'} ${status.missing.join(', ')} (missing or empty).`}
        </p>
      )}
    </div>
  );
}

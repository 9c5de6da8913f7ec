import type { ReactNode } from 'react';
import { Field, Select } from '@fluentui/react-components';
import { MECHANISM_IDS, type MechanismId, type MechanismStatus } from '../operations';
import { MECHANISM_CATALOG } from '../mechanismCatalog';

/** The id of the line saying why the chosen calculation cannot run (Run names it as its description). */
export const RUN_BLOCKED_ID = 'bcf-run-blocked';
import { usePaneStyles } from './styles';

function isMechanism(value: string): value is MechanismId {
  return (MECHANISM_IDS as readonly string[]).includes(value);
}

/** Chooses the calculation; says what it does and which tables it still needs. */
export function MechanismPicker(props: {
  /** Undefined until one is chosen: the pane preselects only a calculation that can run. */
  readonly value: MechanismId | undefined;
  readonly statuses: readonly MechanismStatus[];
  readonly disabled: boolean;
  readonly onChange: (mechanism: MechanismId) => void;
}): ReactNode {
  const styles = usePaneStyles();
  const status = props.statuses.find((s) => s.mechanism === props.value);
  const hint =
    props.value === undefined
      ? 'Choose what to calculate; those that can run on this workbook are listed under Workbook.'
      : MECHANISM_CATALOG[props.value].summary;
  return (
    <div className={styles.stack}>
      <Field label="Calculation" hint={hint}>
        <Select
          value={props.value ?? ''}
          disabled={props.disabled}
          onChange={(_, data) => {
            if (isMechanism(data.value)) props.onChange(data.value);
          }}
        >
          {props.value === undefined ? (
            <option value="" disabled>
              Choose a calculation
            </option>
          ) : null}
          {MECHANISM_IDS.map((id) => (
            <option key={id} value={id}>
              {MECHANISM_CATALOG[id].title}
            </option>
          ))}
        </Select>
      </Field>
      {status === undefined || status.ready ? null : (
        <p className={styles.error} role="status" id={RUN_BLOCKED_ID}>
          {status.reason ??
            `Needs ${status.missing.length === 1 ? 'the table' : 'the tables'} ${status.missing.join(', ')} (missing or empty).`}
        </p>
      )}
    </div>
  );
}

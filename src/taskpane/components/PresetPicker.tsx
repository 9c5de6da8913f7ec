import { useState, type ReactNode } from 'react';
import { Button, Field, Select } from '@fluentui/react-components';
import {
  GAIN_LOSS_PRESETS,
  roleText,
  type GainLossPreset,
  type PresetRoles,
} from '../forms/gainLossPresets';
import { usePaneStyles } from './styles';

/** Starts the gain/loss terms from a published scheme; the roles go to the contract's provider and commissioner. */
export function PresetPicker(props: {
  readonly roles: PresetRoles | undefined;
  readonly disabled: boolean;
  readonly onApply: (preset: GainLossPreset) => void;
}): ReactNode {
  const styles = usePaneStyles();
  const [id, setId] = useState(GAIN_LOSS_PRESETS[0]?.id ?? '');
  const preset = GAIN_LOSS_PRESETS.find((p) => p.id === id);
  return (
    <div className={styles.stack}>
      <Field label="Published scheme">
        <Select value={id} disabled={props.disabled} onChange={(_, d) => setId(d.value)}>
          {GAIN_LOSS_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </Select>
      </Field>
      {preset === undefined ? null : (
        <>
          <p className={styles.hint}>
            {preset.summary} Source: {preset.source}.
          </p>
          <p className={styles.hint}>
            {props.roles === undefined
              ? 'Needs a contract with two parties.'
              : roleText(preset, props.roles)}
          </p>
          <div className={styles.row}>
            <Button
              disabled={props.disabled || props.roles === undefined}
              onClick={() => props.onApply(preset)}
            >
              Use this scheme
            </Button>
          </div>
        </>
      )}
    </div>
  );
}

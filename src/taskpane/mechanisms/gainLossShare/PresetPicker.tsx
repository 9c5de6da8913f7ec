import type { ReactNode } from 'react';
import { Field, Select } from '@fluentui/react-components';
import { GAIN_LOSS_PRESETS, type GainLossPreset, type PresetRoles } from './gainLossPresets';
import { usePaneStyles } from '../../components/styles';

/** The picker's entry for "no scheme chosen". */
export const NO_PRESET = '';

/**
 * Starts the gain/loss terms from a published scheme: choosing one applies it at once
 * (the editor below shows its terms, and the caller offers to undo it). The roles go to
 * the contract's provider and commissioner.
 */
export function PresetPicker(props: {
  readonly roles: PresetRoles | undefined;
  readonly disabled: boolean;
  /** The scheme last applied, or {@link NO_PRESET}. */
  readonly value: string;
  readonly onApply: (preset: GainLossPreset) => void;
}): ReactNode {
  const styles = usePaneStyles();
  const preset = GAIN_LOSS_PRESETS.find((p) => p.id === props.value);
  return (
    <div className={styles.stack}>
      <Field
        label="Published scheme"
        hint={
          props.roles === undefined
            ? 'Needs a contract with two parties.'
            : 'Choosing one sets the bands, gate, quality scores and caps below; you can undo it.'
        }
      >
        <Select
          value={props.value}
          disabled={props.disabled || props.roles === undefined}
          onChange={(_, d) => {
            const chosen = GAIN_LOSS_PRESETS.find((p) => p.id === d.value);
            if (chosen !== undefined) props.onApply(chosen);
          }}
        >
          <option value={NO_PRESET}>None: set the terms below</option>
          {GAIN_LOSS_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </Select>
      </Field>
      {preset === undefined ? null : (
        <p className={styles.hint}>
          {preset.summary} Source: {preset.source}.
        </p>
      )}
    </div>
  );
}

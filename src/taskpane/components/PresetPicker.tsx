import { useState, type ReactNode } from 'react';
import { Button, Field, Select } from '@fluentui/react-components';
import { GAIN_LOSS_PRESETS, roleText, type GainLossPreset } from '../forms/gainLossPresets';
import { usePaneStyles } from './styles';

/** Starts the gain/loss terms from a published scheme; the roles go to the first two parties. */
export function PresetPicker(props: {
  readonly parties: readonly string[];
  readonly disabled: boolean;
  readonly onApply: (preset: GainLossPreset) => void;
}): ReactNode {
  const styles = usePaneStyles();
  const [id, setId] = useState(GAIN_LOSS_PRESETS[0]?.id ?? '');
  const preset = GAIN_LOSS_PRESETS.find((p) => p.id === id);
  const enough = props.parties.length >= 2;
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
            {enough ? roleText(preset, props.parties) : 'Needs two parties in the contracts table.'}
          </p>
          <div className={styles.row}>
            <Button disabled={props.disabled || !enough} onClick={() => props.onApply(preset)}>
              Use this scheme
            </Button>
          </div>
        </>
      )}
    </div>
  );
}

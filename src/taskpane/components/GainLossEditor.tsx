import { useState, type ReactNode } from 'react';
import { Checkbox, Field, Select } from '@fluentui/react-components';
import type { FormErrors } from '../forms/fields';
import type { GainLossForm, GateScope } from '../forms/gainLossForm';
import { roleText } from '../forms/gainLossPresets';
import { BandEditor } from './BandEditor';
import { PartySelect } from './PartySelect';
import { PresetPicker } from './PresetPicker';
import { TextField } from './TextField';
import { usePaneStyles } from './styles';

interface Props {
  readonly form: GainLossForm;
  readonly parties: readonly string[];
  readonly errors: FormErrors;
  readonly disabled: boolean;
  readonly onChange: (form: GainLossForm) => void;
}

function GateFields(props: Props): ReactNode {
  const { form, errors, disabled, onChange } = props;
  const gate = form.gate;
  const set = (next: Partial<GainLossForm['gate']>): void =>
    onChange({ ...form, gate: { ...gate, ...next } });
  return (
    <>
      <TextField
        fieldKey="gate.percent"
        label="Share only from (% of expected spend)"
        unit="percent"
        value={gate.percent}
        error={errors['gate.percent']}
        disabled={disabled}
        onChange={(percent) => set({ percent })}
      />
      <PartySelect
        fieldKey="gate.holder"
        label="Below the gate, all of it goes to"
        parties={props.parties}
        value={gate.holder}
        error={errors['gate.holder']}
        disabled={disabled}
        onChange={(holder) => set({ holder })}
      />
      <Field label="The gate applies to">
        <Select
          value={gate.appliesTo}
          disabled={disabled}
          onChange={(_, d) => set({ appliesTo: d.value as GateScope })}
        >
          <option value="both">Gains and losses</option>
          <option value="gains">Gains only</option>
          <option value="losses">Losses only</option>
        </Select>
      </Field>
    </>
  );
}

function QualityFields(props: Props): ReactNode {
  const { form, errors, disabled, onChange } = props;
  const quality = form.quality;
  return (
    <>
      {props.parties.map((party) => (
        <TextField
          key={party}
          fieldKey={`quality.${party}`}
          label={`${party} quality score (%)`}
          unit="percent"
          value={quality.multipliers[party] ?? ''}
          error={errors[`quality.${party}`]}
          disabled={disabled}
          onChange={(v) =>
            onChange({
              ...form,
              quality: { ...quality, multipliers: { ...quality.multipliers, [party]: v } },
            })
          }
        />
      ))}
      <PartySelect
        fieldKey="quality.unearnedTo"
        label="What is not earned goes to"
        parties={props.parties}
        value={quality.unearnedTo}
        error={errors['quality.unearnedTo']}
        disabled={disabled}
        onChange={(unearnedTo) => onChange({ ...form, quality: { ...quality, unearnedTo } })}
      />
    </>
  );
}

function CapFields(props: Props): ReactNode {
  const { form, errors, disabled, onChange } = props;
  const caps = form.caps;
  const setCap = (side: 'gain' | 'loss', party: string, value: string): void =>
    onChange({ ...form, caps: { ...caps, [side]: { ...caps[side], [party]: value } } });
  return (
    <>
      {props.parties.flatMap((party) => [
        <TextField
          key={`gain-${party}`}
          fieldKey={`caps.gain.${party}`}
          label={`Most ${party} receives of a gain (£)`}
          hint="Blank for no cap."
          unit="money"
          value={caps.gain[party] ?? ''}
          error={errors[`caps.gain.${party}`]}
          disabled={disabled}
          onChange={(v) => setCap('gain', party, v)}
        />,
        <TextField
          key={`loss-${party}`}
          fieldKey={`caps.loss.${party}`}
          label={`Most ${party} bears of a loss (£)`}
          hint="Blank for no cap."
          unit="money"
          value={caps.loss[party] ?? ''}
          error={errors[`caps.loss.${party}`]}
          disabled={disabled}
          onChange={(v) => setCap('loss', party, v)}
        />,
      ])}
      <PartySelect
        fieldKey="caps.overflowTo"
        label="What a capped party cannot take goes to"
        parties={props.parties}
        value={caps.overflowTo}
        error={errors['caps.overflowTo']}
        disabled={disabled}
        onChange={(overflowTo) => onChange({ ...form, caps: { ...caps, overflowTo } })}
      />
    </>
  );
}

/** Options that switch on a group of fields. */
function Optional(props: {
  readonly label: string;
  readonly on: boolean;
  readonly disabled: boolean;
  readonly onToggle: (on: boolean) => void;
  readonly children: ReactNode;
}): ReactNode {
  const styles = usePaneStyles();
  return (
    <div className={styles.stack}>
      <Checkbox
        label={props.label}
        checked={props.on}
        disabled={props.disabled}
        onChange={(_, d) => props.onToggle(d.checked === true)}
      />
      {props.on ? <div className={styles.group}>{props.children}</div> : null}
    </div>
  );
}

/** The gain/loss share terms: a published scheme to start from, bands, gate, quality and caps. */
export function GainLossEditor(props: Props): ReactNode {
  const styles = usePaneStyles();
  const { form, disabled, onChange } = props;
  const [applied, setApplied] = useState<string | undefined>(undefined);
  if (props.parties.length === 0) {
    return (
      <p className={styles.error} role="status">
        The contracts table names no parties: add them to the Contracts table, then read the
        workbook again.
      </p>
    );
  }
  return (
    <div className={styles.stack}>
      <PresetPicker
        parties={props.parties}
        disabled={disabled}
        onApply={(preset) => {
          onChange(preset.apply(props.parties));
          setApplied(
            `Now using ${preset.title} (${roleText(preset, props.parties)}). Check the terms below.`,
          );
        }}
      />
      <p className={styles.hint} role="status">
        {applied ?? ''}
      </p>
      <Field label="Band limits as">
        <Select
          value={form.bandLimits}
          disabled={disabled}
          onChange={(_, d) =>
            onChange({ ...form, bandLimits: d.value === 'amount' ? 'amount' : 'fraction' })
          }
        >
          <option value="fraction">Percentages of expected spend</option>
          <option value="amount">Amounts in pounds</option>
        </Select>
      </Field>
      <h3 className={styles.subheading}>Gains</h3>
      <BandEditor
        {...props}
        side="gain"
        bands={form.gainBands}
        bandLimits={form.bandLimits}
        onChange={(gainBands) => onChange({ ...form, gainBands })}
      />
      <h3 className={styles.subheading}>Losses</h3>
      <Checkbox
        label="Share losses like gains"
        checked={form.symmetric}
        disabled={disabled}
        onChange={(_, d) => onChange({ ...form, symmetric: d.checked === true })}
      />
      {form.symmetric ? null : (
        <BandEditor
          {...props}
          side="loss"
          bands={form.lossBands}
          bandLimits={form.bandLimits}
          onChange={(lossBands) => onChange({ ...form, lossBands })}
        />
      )}
      <h3 className={styles.subheading}>Gate, quality and caps</h3>
      <Optional
        label="Share only above a gate"
        on={form.gate.on}
        disabled={disabled}
        onToggle={(on) => onChange({ ...form, gate: { ...form.gate, on } })}
      >
        <GateFields {...props} />
      </Optional>
      <Optional
        label="Scale gains by quality scores"
        on={form.quality.on}
        disabled={disabled}
        onToggle={(on) => onChange({ ...form, quality: { ...form.quality, on } })}
      >
        <QualityFields {...props} />
      </Optional>
      <Optional
        label="Cap what a party receives or bears"
        on={form.caps.on}
        disabled={disabled}
        onToggle={(on) => onChange({ ...form, caps: { ...form.caps, on } })}
      >
        <CapFields {...props} />
      </Optional>
    </div>
  );
}

import type { ReactNode } from 'react';
import { Checkbox, Field, Select } from '@fluentui/react-components';
import type { FormErrors } from '../../forms/fields';
import { isAllContracts, type GainLossForm, type GateScope } from './gainLossForm';
import { PartySelect } from '../../components/PartySelect';
import { TextField } from '../../components/TextField';
import { usePaneStyles } from '../../components/styles';

/** What the parts of the gain/loss editor share. */
export interface TermsProps {
  readonly form: GainLossForm;
  readonly parties: readonly string[];
  readonly errors: FormErrors;
  readonly disabled: boolean;
  readonly onChange: (form: GainLossForm) => void;
}

const DEFAULT_RECIPIENT = 'The commissioner (default)';

/** Options that switch on a group of fields. */
export function Optional(props: {
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

/** Below the gate with all contracts: each contract's holder as the layer chooses it. */
export const ALL_CONTRACTS_GATE_HOLDER =
  'Below the gate, each contract’s variance stays with its provider under a prime contractor, prime provider or single contractor, else with its commissioner.';

export function GateFields(props: TermsProps): ReactNode {
  const styles = usePaneStyles();
  const { form, errors, disabled, onChange } = props;
  const gate = form.gate;
  const set = (next: Partial<GainLossForm['gate']>): void =>
    onChange({ ...form, gate: { ...gate, ...next } });
  return (
    <Optional
      label="Share only above a gate"
      on={gate.on}
      disabled={disabled}
      onToggle={(on) => set({ on })}
    >
      <TextField
        fieldKey="gate.percent"
        label="Share only from (% of expected spend)"
        hint="Below this share of expected spend, nothing is shared."
        info="The gate: the saving (or overspend) must reach this share of expected spend before it is shared, and is then shared from the first pound; below it, all of it goes to the party named below."
        unit="percent"
        value={gate.percent}
        error={errors['gate.percent']}
        disabled={disabled}
        onChange={(percent) => set({ percent })}
      />
      {isAllContracts(form) ? (
        <p className={styles.hint}>{ALL_CONTRACTS_GATE_HOLDER}</p>
      ) : (
        <PartySelect
          fieldKey="gate.holder"
          label="Below the gate, all of it goes to"
          parties={props.parties}
          value={gate.holder}
          error={errors['gate.holder']}
          disabled={disabled}
          onChange={(holder) => set({ holder })}
        />
      )}
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
    </Optional>
  );
}

export function UnearnedSelect(props: TermsProps): ReactNode {
  return (
    <PartySelect
      fieldKey="unearnedTo"
      label="What quality scores do not earn goes to"
      parties={props.parties}
      value={props.form.unearnedTo}
      none={DEFAULT_RECIPIENT}
      error={props.errors.unearnedTo}
      disabled={props.disabled}
      onChange={(unearnedTo) => props.onChange({ ...props.form, unearnedTo })}
    />
  );
}

export function OverflowSelect(props: TermsProps): ReactNode {
  return (
    <PartySelect
      fieldKey="overflowTo"
      label="What a capped party cannot take goes to"
      parties={props.parties}
      value={props.form.overflowTo}
      none={DEFAULT_RECIPIENT}
      error={props.errors.overflowTo}
      disabled={props.disabled}
      onChange={(overflowTo) => props.onChange({ ...props.form, overflowTo })}
    />
  );
}

export function QualityFields(props: TermsProps): ReactNode {
  const { form, errors, disabled, onChange } = props;
  const quality = form.quality;
  return (
    <Optional
      label="Scale gains by quality scores"
      on={quality.on}
      disabled={disabled}
      onToggle={(on) => onChange({ ...form, quality: { ...quality, on } })}
    >
      {props.parties.map((party) => (
        <TextField
          key={party}
          fieldKey={`quality.${party}`}
          label={`${party} quality score (%)`}
          hint="The share of its gain the party earns: 100 keeps all of it."
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
      <UnearnedSelect {...props} />
    </Optional>
  );
}

export function CapFields(props: TermsProps): ReactNode {
  const { form, errors, disabled, onChange } = props;
  const caps = form.caps;
  const setCap = (side: 'gain' | 'loss', party: string, value: string): void =>
    onChange({ ...form, caps: { ...caps, [side]: { ...caps[side], [party]: value } } });
  return (
    <Optional
      label="Cap what a party receives or bears"
      on={caps.on}
      disabled={disabled}
      onToggle={(on) => onChange({ ...form, caps: { ...caps, on } })}
    >
      {props.parties.flatMap((party) =>
        (['gain', 'loss'] as const).map((side) => (
          <TextField
            key={`${side}-${party}`}
            fieldKey={`caps.${side}.${party}`}
            label={
              side === 'gain'
                ? `Most ${party} receives of a gain (£)`
                : `Most ${party} bears of a loss (£)`
            }
            hint="Blank for no cap."
            info="A cap: the most this party receives of a gain or bears of a loss; what it cannot take goes to the party named below."
            unit="money"
            value={caps[side][party] ?? ''}
            error={errors[`caps.${side}.${party}`]}
            disabled={disabled}
            onChange={(v) => setCap(side, party, v)}
          />
        )),
      )}
      <OverflowSelect {...props} />
    </Optional>
  );
}

import { useState, type ReactNode } from 'react';
import {
  Button,
  Checkbox,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
} from '@fluentui/react-components';
import type { FormErrors } from '../../forms/fields';
import {
  ALL_CONTRACTS,
  contractOf,
  defaultGainLoss,
  isAllContracts,
  withoutBandsWarning,
  type GainLossForm,
} from './gainLossForm';
import { roleText, rolesOf } from './gainLossPresets';
import type { ContractSummary } from '../../operations';
import { BandEditor } from './BandEditor';
import { ExploreFields } from './ExploreFields';
import { fieldId } from '../../components/fieldId';
import {
  CapFields,
  GateFields,
  OverflowSelect,
  QualityFields,
  UnearnedSelect,
  type TermsProps,
} from './GainLossTermsFields';
import { NO_PRESET, PresetPicker } from './PresetPicker';
import { withWorkbookBands } from './workbookBandsForm';
import { TextField } from '../../components/TextField';
import { usePaneStyles } from '../../components/styles';

function contractLabel(contract: ContractSummary): string {
  return contract.name === undefined ? contract.id : `${contract.id}: ${contract.name}`;
}

/** A scheme applied from the picker, and the terms before it (for undo). */
interface Applied {
  readonly id: string;
  readonly before: GainLossForm;
  readonly text: string;
}

/** The editor's own terms: a published scheme to start from, bands, quality and caps. */
function PaneTerms(props: TermsProps & { readonly contract: ContractSummary }): ReactNode {
  const { form, disabled, onChange } = props;
  const [applied, setApplied] = useState<Applied | undefined>(undefined);
  const roles = rolesOf(props.contract);
  const styles = usePaneStyles();
  return (
    <>
      <PresetPicker
        roles={roles}
        disabled={disabled}
        value={applied?.id ?? NO_PRESET}
        onApply={(preset) => {
          if (roles === undefined) return;
          // Undo goes back to the terms before the first scheme chosen in a row.
          const before = applied?.before ?? form;
          onChange(preset.apply(form, props.parties, roles));
          setApplied({
            id: preset.id,
            before,
            text: `Now using ${preset.title} (${roleText(preset, roles)}). Check the terms below.`,
          });
        }}
      />
      {/* A live region from the start, so the scheme's message is announced as it appears. */}
      <div role="status">
        {applied === undefined ? null : (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{applied.text}</MessageBarBody>
            <MessageBarActions>
              <Button
                size="small"
                disabled={disabled}
                onClick={() => {
                  onChange(applied.before);
                  setApplied(undefined);
                }}
              >
                Undo
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </div>
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
      <h4 className={styles.subheading}>Gains</h4>
      <BandEditor
        {...props}
        side="gain"
        bands={form.gainBands}
        bandLimits={form.bandLimits}
        onChange={(gainBands) => onChange({ ...form, gainBands })}
      />
      <h4 className={styles.subheading}>Losses</h4>
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
      <QualityFields {...props} />
      <CapFields {...props} />
    </>
  );
}

/**
 * All contracts: each under its own rows of the risk-share tables (the band editor
 * describes one contract's parties, so it is not offered), its own parties and the
 * layer's defaults for who holds or receives what; only the gate is set here.
 */
function AllContractsTerms(props: {
  readonly contracts: readonly ContractSummary[];
  readonly terms: TermsProps;
}): ReactNode {
  const styles = usePaneStyles();
  const warning = withoutBandsWarning(props.contracts);
  return (
    <>
      <p className={styles.hint}>
        Each contract’s bands, caps and quality scores come from its own rows of the RiskShareBands
        and RiskShareTerms tables, else the rows with no Contract ID. To set terms in this pane,
        choose one contract.
      </p>
      <p className={styles.hint}>
        What quality scores do not earn, and what a capped party cannot take, go to each contract’s
        commissioner.
      </p>
      {warning === undefined ? null : (
        <p className={styles.hint} role="status">
          {warning}
        </p>
      )}
      <GateFields {...props.terms} />
    </>
  );
}

/**
 * The gain/loss share of one contract or of all of them: the contract, where its bands,
 * caps and quality scores come from (the workbook's risk-share tables or this editor),
 * the gate, and units for per-unit targets.
 */
export function GainLossEditor(props: {
  readonly form: GainLossForm;
  readonly contracts: readonly ContractSummary[];
  readonly errors: FormErrors;
  readonly disabled: boolean;
  readonly onChange: (form: GainLossForm) => void;
}): ReactNode {
  const styles = usePaneStyles();
  const { form, contracts, errors, disabled, onChange } = props;
  const contract = contractOf(contracts, form.contract);
  if (contracts.length === 0) {
    return (
      <p className={styles.error} role="status">
        The Contracts table has no contracts: add one (with its parties, expected and actual spend),
        then read the workbook again.
      </p>
    );
  }
  const parties = contract?.parties ?? [];
  const terms: TermsProps = { form, parties, errors, disabled, onChange };
  const all = isAllContracts(form) && contracts.length > 1;
  return (
    <div className={styles.stack}>
      {contracts.length > 1 ? (
        <Field
          label="Contract"
          validationMessage={errors.contract}
          validationState={errors.contract === undefined ? 'none' : 'error'}
        >
          <Select
            id={fieldId('contract')}
            value={form.contract}
            disabled={disabled}
            onChange={(_, d) => onChange(defaultGainLoss(contracts, d.value))}
          >
            <option value={ALL_CONTRACTS}>All contracts</option>
            {contracts.map((c) => (
              <option key={c.id} value={c.id}>
                {contractLabel(c)}
              </option>
            ))}
          </Select>
        </Field>
      ) : contract === undefined ? null : (
        <p className={styles.text}>Contract {contractLabel(contract)}.</p>
      )}
      {all ? null : (
        <p className={styles.hint}>
          Parties: {parties.length === 0 ? 'none named' : parties.join(', ')}.
        </p>
      )}
      {errors.contract !== undefined && contracts.length === 1 ? (
        <p className={styles.error} role="alert">
          {errors.contract}
        </p>
      ) : null}
      {all ? (
        <AllContractsTerms contracts={contracts} terms={terms} />
      ) : (
        <OneContractTerms contract={contract} terms={terms} />
      )}
    </div>
  );
}

/** One contract's terms: from the workbook's tables or this pane, the gate, and units. */
function OneContractTerms(props: {
  readonly contract: ContractSummary | undefined;
  readonly terms: TermsProps;
}): ReactNode {
  const styles = usePaneStyles();
  const { contract, terms } = props;
  const { form, errors, disabled, onChange } = terms;
  const [prefilled, setPrefilled] = useState('');
  const choose = (value: string): void => {
    if (value === 'workbook') {
      setPrefilled('');
      onChange({ ...form, terms: 'workbook' });
      return;
    }
    // Switching to this pane starts from the bands the workbook's table gives the contract.
    const from = form.terms === 'workbook' && contract?.bands !== undefined;
    setPrefilled(
      from
        ? `Started from the RiskShareBands table’s bands for ${contract.id}: edit them below.`
        : '',
    );
    const next = { ...form, terms: 'pane' as const };
    onChange(from ? withWorkbookBands(next, contract) : next);
  };
  return (
    <>
      <Field
        label="Bands, caps and quality scores from"
        hint={prefilled === '' ? undefined : prefilled}
      >
        <Select value={form.terms} disabled={disabled} onChange={(_, d) => choose(d.value)}>
          <option value="workbook">
            {contract?.hasBands === false
              ? 'The risk-share tables (none for this contract)'
              : 'The risk-share tables'}
          </option>
          <option value="pane">This pane</option>
        </Select>
      </Field>
      {form.terms === 'pane' && contract !== undefined ? (
        <PaneTerms {...terms} contract={contract} />
      ) : (
        <>
          <p className={styles.hint}>
            Read from the RiskShareBands and RiskShareTerms tables for this contract.
          </p>
          <UnearnedSelect {...terms} />
          <OverflowSelect {...terms} />
        </>
      )}
      <GateFields {...terms} />
      <TextField
        fieldKey="units"
        label="Units, when expected and actual spend are per unit"
        hint="How many units (such as member months) expected and actual spend are given per; blank when they are totals."
        unit="whole"
        value={form.units}
        error={errors.units}
        disabled={disabled}
        onChange={(units) => onChange({ ...form, units })}
      />
      <ExploreFields {...terms} />
    </>
  );
}

import type { ReactNode } from 'react';
import type { FormErrors } from '../forms/fields';
import { SIMPLE_FORMS } from '../forms/mechanismForms';
import { choicesOf, valuesOf, type Forms } from '../forms/request';
import { ukDateTime } from '../ukFormat';
import type { MechanismId, WorkbookOverview } from '../operations';
import { GainLossEditor } from '../mechanisms/gainLossShare/GainLossEditor';
import { MechanismPicker } from './MechanismPicker';
import { ParameterFields } from './ParameterFields';
import { usePaneStyles } from './styles';

/** Where a form's starting values came from, when the workbook saved them. */
function restoredNote(overview: WorkbookOverview, mechanism: MechanismId): string {
  const last = overview.lastRun;
  return last?.mechanism === mechanism
    ? `Parameters from the last run on ${ukDateTime(last.at)}.`
    : 'Parameters from the last run of this calculation in this workbook.';
}

/**
 * Pick a calculation and set its parameters. `runBar` (the Run button, shown in the
 * pane's sticky footer) comes right after the picker in the tab order, so Run is one Tab
 * away from the picker however long the form.
 */
export function CalculateSection(props: {
  readonly overview: WorkbookOverview;
  readonly mechanism: MechanismId | undefined;
  readonly forms: Forms;
  /** Errors to show (after the first attempt to run). */
  readonly errors: FormErrors;
  readonly busy: boolean;
  readonly onMechanism: (mechanism: MechanismId) => void;
  readonly onForms: (forms: Forms) => void;
  readonly runBar: ReactNode;
}): ReactNode {
  const styles = usePaneStyles();
  const { mechanism, forms, busy } = props;
  const errorCount = Object.keys(props.errors).length;
  const picker = (
    <MechanismPicker
      value={mechanism}
      statuses={props.overview.mechanisms}
      disabled={busy}
      onChange={props.onMechanism}
    />
  );
  if (mechanism === undefined) {
    return (
      <div className={styles.stack}>
        {picker}
        {props.runBar}
      </div>
    );
  }
  return (
    <div className={styles.stack}>
      {picker}
      {props.runBar}
      <h2 className={styles.subheading}>Parameters</h2>
      {forms.restored?.includes(mechanism) === true ? (
        <p className={styles.hint}>{restoredNote(props.overview, mechanism)}</p>
      ) : null}
      {mechanism === 'gainshare' ? (
        <GainLossEditor
          form={forms.gainLoss}
          contracts={forms.contracts}
          errors={props.errors}
          disabled={busy}
          onChange={(gainLoss) => props.onForms({ ...forms, gainLoss })}
        />
      ) : (
        <ParameterFields
          fields={SIMPLE_FORMS[mechanism].fields}
          values={valuesOf(forms, mechanism)}
          errors={props.errors}
          choices={choicesOf(forms, mechanism)}
          disabled={busy}
          onReplace={(values) =>
            props.onForms({ ...forms, simple: { ...forms.simple, [mechanism]: values } })
          }
          onChange={(key, value) =>
            props.onForms({
              ...forms,
              simple: {
                ...forms.simple,
                [mechanism]: { ...valuesOf(forms, mechanism), [key]: value },
              },
            })
          }
        />
      )}
      {errorCount > 0 ? (
        <p className={styles.error} role="alert">
          {errorCount === 1 ? '1 parameter needs' : `${errorCount} parameters need`} correcting
          before the run.
        </p>
      ) : null}
    </div>
  );
}

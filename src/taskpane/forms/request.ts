/**
 * Turns the pane's forms into a run request, or the errors to show. The only place
 * that knows which form belongs to which mechanism.
 */
import {
  MECHANISM_IDS,
  type ContractSummary,
  type MechanismId,
  type MechanismRequest,
  type PlanChecksParams,
  type SavedParams,
} from '../operations';
import { checkForm, type FieldChoices, type FormErrors, type FormValues } from './fields';
import {
  checkGainLoss,
  defaultGainLoss,
  gainLossParams,
  type GainLossForm,
} from '../mechanisms/gainLossShare/gainLossForm';
import { SIMPLE_FORMS, type SimpleMechanismId } from './mechanismForms';
import { restoredGainLoss } from '../mechanisms/gainLossShare/restoreGainLoss';
import { restoredValues } from './restoreSimple';

export type { SimpleMechanismId } from './mechanismForms';

/** Every form's state, for one workbook's contracts and partners. */
export interface Forms {
  readonly contracts: readonly ContractSummary[];
  /** Partners of the pooled fund. */
  readonly partners: readonly string[];
  readonly simple: Readonly<Partial<Record<SimpleMechanismId, FormValues>>>;
  readonly gainLoss: GainLossForm;
  /** The mechanisms whose forms started from the parameters their last run saved. */
  readonly restored?: readonly MechanismId[];
}

const SIMPLE_IDS = MECHANISM_IDS.filter((m): m is SimpleMechanismId => m !== 'gainshare');

/**
 * Fresh forms for a workbook. Each form starts from the parameters its mechanism's last
 * run saved in the workbook (`saved`, see restoreSimple.ts and restoreGainLoss.ts) where
 * there are any, else from its defaults; the plan checks, failing saved parameters, from
 * `savedPlanChecks`.
 */
export function initialForms(
  contracts: readonly ContractSummary[],
  partners: readonly string[],
  savedPlanChecks?: PlanChecksParams,
  saved?: Readonly<Partial<Record<MechanismId, SavedParams>>>,
): Forms {
  const fresh: Forms = {
    contracts,
    partners,
    simple: savedPlanChecks === undefined ? {} : { checks: { ...savedPlanChecks } },
    gainLoss: defaultGainLoss(contracts),
  };
  if (saved === undefined) return fresh;
  const simple: Partial<Record<SimpleMechanismId, FormValues>> = { ...fresh.simple };
  const restored: MechanismId[] = [];
  for (const mechanism of SIMPLE_IDS) {
    const values = restoredValues(mechanism, saved[mechanism], choicesOf(fresh, mechanism));
    if (values === undefined) continue;
    simple[mechanism] = values;
    restored.push(mechanism);
  }
  const gainLoss = restoredGainLoss(saved.gainshare, contracts);
  if (gainLoss !== undefined) restored.push('gainshare');
  return { ...fresh, simple, gainLoss: gainLoss ?? fresh.gainLoss, restored };
}

/** What a simple form's party and contract fields offer. */
export function choicesOf(forms: Forms, mechanism: SimpleMechanismId): FieldChoices {
  return {
    names: SIMPLE_FORMS[mechanism].names === 'partners' ? forms.partners : [],
    contracts: forms.contracts.map((c) => c.id),
  };
}

/** A simple form's values, its defaults until edited. */
export function valuesOf(forms: Forms, mechanism: SimpleMechanismId): FormValues {
  return forms.simple[mechanism] ?? SIMPLE_FORMS[mechanism].defaults(choicesOf(forms, mechanism));
}

export type RequestOrErrors =
  | { readonly ok: true; readonly request: MechanismRequest }
  | { readonly ok: false; readonly errors: FormErrors };

/** The checked request for `mechanism`, or its form's errors. */
export function buildRequest(mechanism: MechanismId, forms: Forms): RequestOrErrors {
  if (mechanism === 'gainshare') {
    const errors = checkGainLoss(forms.gainLoss, forms.contracts);
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    return {
      ok: true,
      request: { mechanism, params: gainLossParams(forms.gainLoss, forms.contracts) },
    };
  }
  const form = SIMPLE_FORMS[mechanism];
  const choices = choicesOf(forms, mechanism);
  const values = valuesOf(forms, mechanism);
  const errors = checkForm(form.fields, values, choices);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  // Each form gives its own mechanism's parameters, checked by `checkForm` (the plan
  // checks' two required minima among them); the map ties them together.
  return {
    ok: true,
    request: { mechanism, params: form.toParams(values, choices) } as unknown as MechanismRequest,
  };
}

/** The errors of `mechanism`'s form as it stands (empty when valid). */
export function formErrors(mechanism: MechanismId, forms: Forms): FormErrors {
  const built = buildRequest(mechanism, forms);
  return built.ok ? {} : built.errors;
}

/**
 * Turns the pane's forms into a run request, or the errors to show. The only place
 * that knows which form belongs to which mechanism.
 */
import type {
  ContractSummary,
  MechanismId,
  MechanismRequest,
  PlanChecksParams,
} from '../operations';
import { checkForm, type FieldChoices, type FormErrors, type FormValues } from './fields';
import { checkGainLoss, defaultGainLoss, gainLossParams, type GainLossForm } from './gainLossForm';
import { SIMPLE_FORMS } from './mechanismForms';

export type SimpleMechanismId = Exclude<MechanismId, 'gainLossShare'>;

/** Every form's state, for one workbook's contracts and partners. */
export interface Forms {
  readonly contracts: readonly ContractSummary[];
  /** Partners of the pooled fund. */
  readonly partners: readonly string[];
  readonly simple: Readonly<Partial<Record<SimpleMechanismId, FormValues>>>;
  readonly gainLoss: GainLossForm;
}

/** Fresh forms for a workbook; the plan checks start from the minima it used last time. */
export function initialForms(
  contracts: readonly ContractSummary[],
  partners: readonly string[],
  savedPlanChecks?: PlanChecksParams,
): Forms {
  return {
    contracts,
    partners,
    simple: savedPlanChecks === undefined ? {} : { planChecks: { ...savedPlanChecks } },
    gainLoss: defaultGainLoss(contracts),
  };
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
  if (mechanism === 'gainLossShare') {
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
  // Each form converts to its own mechanism's parameters; the map ties them together.
  return {
    ok: true,
    request: { mechanism, params: form.toParams(values, choices) } as MechanismRequest,
  };
}

/** The errors of `mechanism`'s form as it stands (empty when valid). */
export function formErrors(mechanism: MechanismId, forms: Forms): FormErrors {
  const built = buildRequest(mechanism, forms);
  return built.ok ? {} : built.errors;
}

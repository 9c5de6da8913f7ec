/**
 * Turns the pane's forms into a run request, or the errors to show. The only place
 * that knows which form belongs to which mechanism.
 */
import type { MechanismId, MechanismRequest } from '../operations';
import { checkForm, type FormErrors, type FormValues } from './fields';
import { checkGainLoss, defaultGainLoss, gainLossParams, type GainLossForm } from './gainLossForm';
import { SIMPLE_FORMS } from './mechanismForms';

export type SimpleMechanismId = Exclude<MechanismId, 'gainLossShare'>;

/** Every form's state, for one list of parties and partners. */
export interface Forms {
  /** Parties of the contracts (gain/loss share). */
  readonly parties: readonly string[];
  /** Partners of the pooled fund. */
  readonly partners: readonly string[];
  readonly simple: Readonly<Partial<Record<SimpleMechanismId, FormValues>>>;
  readonly gainLoss: GainLossForm;
}

export function initialForms(parties: readonly string[], partners: readonly string[]): Forms {
  return { parties, partners, simple: {}, gainLoss: defaultGainLoss(parties) };
}

/** The names a simple form's party fields offer. */
export function namesOf(forms: Forms, mechanism: SimpleMechanismId): readonly string[] {
  return SIMPLE_FORMS[mechanism].names === 'partners' ? forms.partners : forms.parties;
}

/** A simple form's values, its defaults until edited. */
export function valuesOf(forms: Forms, mechanism: SimpleMechanismId): FormValues {
  return forms.simple[mechanism] ?? SIMPLE_FORMS[mechanism].defaults(namesOf(forms, mechanism));
}

export type RequestOrErrors =
  | { readonly ok: true; readonly request: MechanismRequest }
  | { readonly ok: false; readonly errors: FormErrors };

/** The checked request for `mechanism`, or its form's errors. */
export function buildRequest(mechanism: MechanismId, forms: Forms): RequestOrErrors {
  const { parties } = forms;
  if (mechanism === 'gainLossShare') {
    const errors = checkGainLoss(forms.gainLoss, parties);
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    return { ok: true, request: { mechanism, params: gainLossParams(forms.gainLoss, parties) } };
  }
  const form = SIMPLE_FORMS[mechanism];
  const names = namesOf(forms, mechanism);
  const values = valuesOf(forms, mechanism);
  const errors = checkForm(form.fields, values, names);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  // Each form converts to its own mechanism's parameters; the map ties them together.
  return {
    ok: true,
    request: { mechanism, params: form.toParams(values, names) } as MechanismRequest,
  };
}

/** The errors of `mechanism`'s form as it stands (empty when valid). */
export function formErrors(mechanism: MechanismId, forms: Forms): FormErrors {
  const built = buildRequest(mechanism, forms);
  return built.ok ? {} : built.errors;
}

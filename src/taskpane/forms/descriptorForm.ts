/**
 * A mechanism's parameter form, built from its descriptor: one field per parameter the
 * pane asks for (its type gives the kind of box and its bounds, `pane` the wording and
 * how it is asked), its defaults, when each field shows (the parameter's `shownWhen`)
 * and the conversion of checked text into the layer's scenario parameters. The form's
 * `items` say which parameter each field is, so restoreSimple.ts can invert it.
 */
import type { MechanismDescriptor } from '../../workbook/mechanism';
import type { ByNameParamSpec, ListParamSpec, ScenarioParams } from '../../workbook/params';
import type { FieldChoices, FieldSpec, FormValues } from './fields';
import { fieldsOf, itemsOf } from './formItems';
import type { FormItem } from './formItemTypes';
import { paramsOf, startValues } from './formValues';

export type { ByNameItem, EitherItem, FormItem, ListItem, ValueItem } from './formItemTypes';

/** A mechanism's form. */
export interface DescribedForm {
  readonly fields: readonly FieldSpec[];
  /** What each field is, in the fields' order. */
  readonly items: readonly FormItem[];
  /** Whose names the party fields list: the workbook's partners, or none. */
  readonly names?: 'partners';
  defaults(choices: FieldChoices): FormValues;
  /** Parameters from values that passed `checkForm`, by the layer's ids. */
  toParams(values: FormValues, choices: FieldChoices): ScenarioParams;
}

function hasParty(items: readonly FormItem[]): boolean {
  return items.some((item) => {
    if (item.kind === 'byName') return true;
    if (item.kind === 'list') return hasParty(item.items);
    return item.kind === 'value' && item.field.kind === 'party';
  });
}

/** The form of a mechanism from its descriptor. */
export function descriptorForm(
  mechanism: Pick<MechanismDescriptor, 'params' | 'structured'>,
): DescribedForm {
  // A JSON parameter (the gain/loss share's terms) is asked by the mechanism's own editor.
  const structured = (mechanism.structured ?? []).filter(
    (s): s is ByNameParamSpec | ListParamSpec => s.kind !== 'json',
  );
  const items = itemsOf(mechanism.params, structured);
  return {
    fields: items.flatMap(fieldsOf),
    items,
    ...(hasParty(items) ? { names: 'partners' as const } : {}),
    defaults: (choices) => startValues(items, choices),
    toParams: (values, choices) => paramsOf(items, values, choices),
  };
}

/**
 * The inverse of a descriptor form's `toParams` (descriptorForm.ts): a mechanism's
 * parameters as its last run saved them in the workbook, back into the text its form
 * shows, read by the form's items (which parameter each field is). Each field starts
 * from the form's default and takes the saved value only when the form can show it as
 * it is (a known party or contract, a percentage within the field's range, an amount in
 * pounds and pence...); anything else is left out, never guessed at. A record of a list
 * is shown whole or not at all. So a form restored from a pane run gives the same
 * parameters again.
 */
import type { DescribedForm, FormItem, ListItem } from './descriptorForm';
import {
  checkText,
  partyKey,
  withRecords,
  type FieldChoices,
  type FieldSpec,
  type FormValues,
} from './fields';
import { SIMPLE_FORMS, type SimpleMechanismId } from './mechanismForms';
import {
  amountText,
  isMissing,
  nameIn,
  percentText,
  plainText,
  recordOf,
  recordsOf,
  wholeText,
} from './savedValues';

/** A mechanism's saved parameters: plain JSON by the workbook layer's ids. */
export type SavedParamsRecord = Readonly<Record<string, unknown>>;

/** The text a field shows for a saved value, when the field accepts it. */
function fieldText(field: FieldSpec, value: unknown, choices: FieldChoices): string | undefined {
  let text: string | undefined;
  switch (field.kind) {
    case 'percent':
      text = percentText(value);
      break;
    case 'money':
      text = amountText(value);
      break;
    case 'whole':
      text = wholeText(value);
      break;
    case 'choice':
      text = nameIn(
        field.options.map((o) => o.value),
        value,
      );
      break;
    case 'party':
      text = nameIn(choices.names, value);
      break;
    case 'contract':
      text = nameIn(choices.contracts, value);
      break;
    case 'text':
      text = plainText(value);
      break;
    default:
      return undefined;
  }
  return text !== undefined && checkText(field, text).ok ? text : undefined;
}

/** A party-percent field (fixed shares): all of it when every partner has a readable share and no one else does, else none. */
function restorePartyPercents(
  key: string,
  value: unknown,
  partners: readonly string[],
  values: Record<string, string>,
): void {
  const record = recordOf(value);
  if (record === undefined) return;
  const texts = new Map<string, string>();
  for (const [name, share] of Object.entries(record)) {
    const partner = nameIn(partners, name);
    const text = percentText(share);
    if (partner === undefined || text === undefined || texts.has(partner)) return;
    texts.set(partner, text);
  }
  if (texts.size !== partners.length) return;
  for (const [partner, text] of texts) values[partyKey(key, partner)] = text;
}

/** A party-amount field (caps): each known partner's readable amount of 0 or more. */
function restorePartyAmounts(
  key: string,
  value: unknown,
  partners: readonly string[],
  values: Record<string, string>,
): void {
  for (const [name, amount] of Object.entries(recordOf(value) ?? {})) {
    const partner = nameIn(partners, name);
    const text = amountText(amount);
    if (
      partner !== undefined &&
      text !== undefined &&
      checkText({ key, label: key, kind: 'money' }, text).ok
    ) {
      values[partyKey(key, partner)] = text;
    }
  }
}

/**
 * One saved record of a list as the form's record, or undefined when the form cannot
 * show all of it: a field it does not ask for (an envelope change's category), none or
 * two of an either's fields (an annual rate and a total), or a value it cannot show.
 */
function restoredRecord(
  item: ListItem,
  saved: SavedParamsRecord,
  choices: FieldChoices,
): FormValues | undefined {
  if (item.unasked.some((key) => !isMissing(saved[key]))) return undefined;
  const values: Record<string, string> = { ...item.field.blank };
  for (const sub of item.items) {
    if (sub.kind === 'either') {
      const given = sub.options.filter((o) => !isMissing(saved[o.param]));
      const [option] = given;
      if (option === undefined || given.length > 1) return undefined;
      const text = fieldText(sub.box, saved[option.param], choices);
      if (text === undefined) return undefined;
      values[sub.choice.key] = option.value;
      values[sub.box.key] = text;
    } else if (sub.kind === 'value') {
      const value = saved[sub.param];
      if (isMissing(value)) continue;
      const text = fieldText(sub.field, value, choices);
      if (text === undefined) return undefined;
      values[sub.field.key] = text;
    } else return undefined;
  }
  return values;
}

/** The values with each item the saved parameters give and the form can show. */
function restoreItems(
  items: readonly FormItem[],
  saved: SavedParamsRecord,
  choices: FieldChoices,
  start: FormValues,
): FormValues {
  let values: Record<string, string> = { ...start };
  for (const item of items) {
    switch (item.kind) {
      case 'value': {
        const value = saved[item.param];
        const { variant } = item;
        // A variant's box takes the value only for the option it is shown for.
        if (isMissing(value) || (variant && !variant.is.includes(values[variant.control] ?? ''))) {
          break;
        }
        const text = fieldText(item.field, value, choices);
        if (text !== undefined) values[item.field.key] = text;
        break;
      }
      case 'byName':
        if (item.field.kind === 'partyPercents') {
          restorePartyPercents(item.field.key, saved[item.param], choices.names, values);
        } else restorePartyAmounts(item.field.key, saved[item.param], choices.names, values);
        break;
      case 'list': {
        const records = recordsOf(saved[item.param]);
        if (records === undefined) break;
        const shown = records
          .map((r) => restoredRecord(item, r, choices))
          .filter((r): r is FormValues => r !== undefined);
        values = { ...withRecords(values, item.field.key, shown) };
        break;
      }
      case 'either':
        // Only inside a list's records (restoredRecord).
        break;
    }
  }
  return values;
}

/**
 * A simple form's values from a mechanism's saved parameters, or undefined when nothing
 * was saved (the form then keeps its defaults).
 *
 * @param mechanism - the pane's mechanism.
 * @param saved - its parameters as saved (untrusted JSON).
 * @param choices - the workbook's partners (for a pool or envelope) and contracts.
 */
export function restoredValues(
  mechanism: SimpleMechanismId,
  saved: unknown,
  choices: FieldChoices,
): FormValues | undefined {
  return restoredFormValues(SIMPLE_FORMS[mechanism], saved, choices);
}

/** A descriptor form's values from saved parameters (see `restoredValues`). */
export function restoredFormValues(
  form: DescribedForm,
  saved: unknown,
  choices: FieldChoices,
): FormValues | undefined {
  const params = recordOf(saved);
  if (params === undefined || Object.keys(params).length === 0) return undefined;
  return restoreItems(form.items, params, choices, form.defaults(choices));
}

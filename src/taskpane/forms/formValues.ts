/**
 * A descriptor form's values and parameters from its items: the first values of every
 * box, and the layer's scenario parameters of checked values.
 */
import type { ParamRecord, ParamValue } from '../../workbook/params';
import {
  checkText,
  equalPercents,
  partyAmounts,
  partyFractions,
  partyKey,
  recordsOf,
  type FieldChoices,
  type FieldSpec,
  type FormValues,
} from './fields';
import { startText } from './fieldKinds';
import type { FormItem } from './formItemTypes';

/** Every box's first value: its start or default, the n-th name, equal shares, no records. */
export function startValues(items: readonly FormItem[], choices: FieldChoices): FormValues {
  const values: Record<string, string> = {};
  for (const item of items) {
    switch (item.kind) {
      case 'value': {
        const { field } = item;
        if (field.kind === 'party') {
          const pick = Math.min(item.pick ?? 0, choices.names.length - 1);
          values[field.key] = field.none === undefined ? (choices.names[pick] ?? '') : '';
        } else if (field.kind === 'contract') {
          values[field.key] =
            field.oneRequired === true && choices.contracts.length > 1
              ? (choices.contracts[0] ?? '')
              : '';
        } else values[field.key] = startText(field, item.start);
        break;
      }
      case 'byName':
        if (item.field.kind === 'partyPercents') {
          equalPercents(choices.names).forEach((p, i) => {
            values[partyKey(item.field.key, choices.names[i] ?? '')] = p;
          });
        }
        break;
      case 'either':
        values[item.choice.key] = item.choice.options[0]?.value ?? '';
        values[item.box.key] = startText(item.box, item.start);
        break;
      case 'list':
        values[`${item.field.key}.count`] = '0';
        break;
    }
  }
  return values;
}

/** The checked text of a field as a parameter; undefined when blank (left out). */
function paramValue(field: FieldSpec, text: string | undefined): ParamValue | undefined {
  if (field.kind === 'party' || field.kind === 'contract') {
    // Checked to be one of the names, or "" for the `none` option: sent as nothing.
    return text === undefined || text === '' ? undefined : text;
  }
  const parsed = checkText(field, text);
  if (!parsed.ok) throw new Error(`Field "${field.key}": ${parsed.message}`);
  if (parsed.value === '') return undefined;
  return field.kind === 'whole' ? Number(parsed.value) : parsed.value;
}

function isShownField(field: FieldSpec, values: FormValues): boolean {
  return field.showWhen === undefined || field.showWhen(values);
}

/** The parameters of checked values, by the layer's ids; hidden and blank fields left out. */
export function paramsOf(
  items: readonly FormItem[],
  values: FormValues,
  choices: FieldChoices,
): Record<string, ParamValue> {
  const params: Record<string, ParamValue> = {};
  for (const item of items) {
    if (item.kind === 'either') {
      const option = item.options.find((o) => o.value === values[item.choice.key]);
      const value = paramValue(item.box, values[item.box.key]);
      if (option !== undefined && value !== undefined) params[option.param] = value;
      continue;
    }
    if (!isShownField(item.field, values)) continue;
    switch (item.kind) {
      case 'value': {
        const value = paramValue(item.field, values[item.field.key]);
        if (value !== undefined) params[item.param] = value;
        break;
      }
      case 'byName': {
        const record =
          item.field.kind === 'partyPercents'
            ? partyFractions(item.field, values, choices.names)
            : partyAmounts(item.field, values, choices.names);
        if (Object.keys(record).length > 0) params[item.param] = record;
        break;
      }
      case 'list':
        params[item.param] = recordsOf(values, item.field.key).map(
          (record) => paramsOf(item.items, record, choices) as ParamRecord,
        );
        break;
    }
  }
  return params;
}

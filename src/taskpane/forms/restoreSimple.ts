/**
 * The inverse of the simple forms' `toParams` (and of `scenarioParams`): a mechanism's
 * parameters as its last run saved them in the workbook, back into the text its form
 * shows. Each field starts from the form's default and takes the saved value only when
 * the form can show it as it is (a known party or contract, a percentage within the
 * field's range, an amount in pounds and pence...); anything else is left out, never
 * guessed at. So a form restored from a pane run gives the same parameters again.
 */
import type { MechanismId } from '../operations';
import {
  checkText,
  partyKey,
  withRecords,
  type FieldChoices,
  type FieldSpec,
  type FormValues,
} from './fields';
import { SIMPLE_FORMS } from './mechanismForms';
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

type SimpleId = Exclude<MechanismId, 'gainLossShare'>;

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

/** Sets each single-value field the saved parameters give (by `rename[key] ?? key`). */
function restoreFields(
  fields: readonly FieldSpec[],
  saved: SavedParamsRecord,
  choices: FieldChoices,
  values: Record<string, string>,
  rename: Readonly<Record<string, string>> = {},
): void {
  for (const field of fields) {
    const value = saved[rename[field.key] ?? field.key];
    if (isMissing(value)) continue;
    const text = fieldText(field, value, choices);
    if (text !== undefined) values[field.key] = text;
  }
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

/** What the form cannot show about a funding envelope change: a category or a first year. */
const UNSHOWN_CHANGE_FIELDS = ['category', 'fromYear'];

/** One saved funding envelope change as the form's record, or undefined when the form cannot show it. */
function envelopeChange(saved: SavedParamsRecord, choices: FieldChoices): FormValues | undefined {
  if (UNSHOWN_CHANGE_FIELDS.some((key) => !isMissing(saved[key]))) return undefined;
  const fields = SIMPLE_FORMS.fundingEnvelope.fields.find((f) => f.kind === 'records');
  if (fields?.kind !== 'records') return undefined;
  const total = !isMissing(saved.totalOverYears);
  if (total === !isMissing(saved.annualRate)) return undefined;
  const record: Record<string, string> = { ...fields.blank, how: total ? 'total' : 'annual' };
  const given = {
    name: saved.name,
    partner: saved.partner,
    rate: total ? saved.totalOverYears : saved.annualRate,
    ...(total ? { overYears: saved.overYears, phasing: saved.phasing ?? 'compound' } : {}),
  };
  for (const field of fields.fields) {
    const value = given[field.key as keyof typeof given];
    if (value === undefined) continue;
    if (isMissing(value)) {
      // A blank partner means every partner; any other blank cannot be shown.
      if (field.key === 'partner') continue;
      return undefined;
    }
    const text = fieldText(field, value, choices);
    if (text === undefined) return undefined;
    record[field.key] = text;
  }
  return record;
}

function restoreEnvelope(
  saved: SavedParamsRecord,
  choices: FieldChoices,
  values: Record<string, string>,
): FormValues {
  const changes = recordsOf(saved.changes);
  if (changes === undefined) return values;
  const shown = changes
    .map((c) => envelopeChange(c, choices))
    .filter((c): c is FormValues => c !== undefined);
  return withRecords(values, 'changes', shown);
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
  mechanism: SimpleId,
  saved: unknown,
  choices: FieldChoices,
): FormValues | undefined {
  const params = recordOf(saved);
  if (params === undefined || Object.keys(params).length === 0) return undefined;
  const form = SIMPLE_FORMS[mechanism];
  const values: Record<string, string> = { ...form.defaults(choices) };
  switch (mechanism) {
    case 'pooledFund':
      restoreFields(form.fields, params, choices, values);
      restorePartyPercents('fixedShares', params.fixedShares, choices.names, values);
      restorePartyAmounts('overspendCaps', params.overspendCaps, choices.names, values);
      return values;
    case 'activityPayment': {
      restoreFields(form.fields, params, choices, values);
      // One saved variable rate, shown in the box of the model it was for.
      const rateKey = values.model === 'aligned' ? 'alignedRate' : 'blendedRate';
      restoreFields(
        form.fields.filter((f) => f.key === rateKey),
        params,
        choices,
        values,
        {
          [rateKey]: 'variableRate',
        },
      );
      return values;
    }
    case 'fundingEnvelope':
      restoreFields(form.fields, params, choices, values);
      return restoreEnvelope(params, choices, values);
    default:
      restoreFields(form.fields, params, choices, values);
      return values;
  }
}

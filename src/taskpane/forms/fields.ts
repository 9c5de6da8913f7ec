/**
 * A small declarative description of a parameter form: what each field is, its label
 * and how its text is checked. The pane keeps what the user typed as text and turns it
 * into parameters (decimal strings) only when it is valid.
 */
import { Dec, ZERO } from '../../engine/decimal';
import { parseMoney, parsePercent, parseWhole, type Parsed } from '../ukFormat';

/** What the user typed, by field key. Party fields use `${key}.${party}` keys. */
export type FormValues = Readonly<Record<string, string>>;

/** Field errors by key; empty when the form is valid. */
export type FormErrors = Readonly<Record<string, string>>;

export interface ChoiceOption {
  readonly value: string;
  readonly label: string;
}

interface FieldBase {
  readonly key: string;
  readonly label: string;
  /** What the field means (not an example figure). */
  readonly hint?: string;
  /** What a piece of jargon in the label means, shown behind an InfoLabel. */
  readonly info?: string;
  /** Blank allowed (the parameter is left out). */
  readonly optional?: boolean;
  /** Shown (and checked) only when this holds. */
  readonly showWhen?: (values: FormValues) => boolean;
}

/** A percentage typed as "5.5", held as a fraction. */
export interface PercentField extends FieldBase {
  readonly kind: 'percent';
  readonly min?: number;
  readonly max?: number;
}

export interface MoneyField extends FieldBase {
  readonly kind: 'money';
  readonly allowNegative?: boolean;
}

export interface WholeField extends FieldBase {
  readonly kind: 'whole';
  readonly min: number;
  readonly max: number;
}

export interface ChoiceField extends FieldBase {
  readonly kind: 'choice';
  readonly options: readonly ChoiceOption[];
}

/** One of the parties; `none` adds a first option meaning "nobody" (value ""). */
export interface PartyField extends FieldBase {
  readonly kind: 'party';
  readonly none?: string;
}

/** A percentage per party, e.g. agreed fixed shares; `total100` checks they add up to 100. */
export interface PartyPercentsField extends FieldBase {
  readonly kind: 'partyPercents';
  readonly total100?: boolean;
}

/** An optional amount in pounds per party, e.g. caps (blank: none for that party). */
export interface PartyAmountsField extends FieldBase {
  readonly kind: 'partyAmounts';
}

/** Free text, e.g. a period label. */
export interface TextField extends FieldBase {
  readonly kind: 'text';
}

/**
 * One of the contracts (by Contract ID). `none` is the first option (value ""), e.g.
 * "The only contract"; with `oneRequired`, "" is refused when there are several.
 */
export interface ContractField extends FieldBase {
  readonly kind: 'contract';
  readonly none: string;
  readonly oneRequired?: boolean;
}

/**
 * A list of records with the same sub-fields, e.g. a funding envelope's changes. Values
 * are kept as `${key}.count` and `${key}.${index}.${subKey}`.
 */
export interface RecordsField extends FieldBase {
  readonly kind: 'records';
  /** Names one record, e.g. "Change" (shown as "Change 1"). */
  readonly itemLabel: string;
  readonly fields: readonly FieldSpec[];
  /** A new record's values. */
  readonly blank: FormValues;
}

export type FieldSpec =
  | RecordsField
  | PercentField
  | MoneyField
  | WholeField
  | ChoiceField
  | PartyField
  | PartyPercentsField
  | PartyAmountsField
  | TextField
  | ContractField;

/** What party and contract fields offer. */
export interface FieldChoices {
  /** Names for party fields (a pool's partners or a contract's parties). */
  readonly names: readonly string[];
  /** Contract IDs for contract fields. */
  readonly contracts: readonly string[];
}

/** Whether a field is shown for these values. */
export function isShown(field: FieldSpec, values: FormValues): boolean {
  return field.showWhen === undefined || field.showWhen(values);
}

/** Key of one party's box in a party field. */
export function partyKey(key: string, party: string): string {
  return `${key}.${party}`;
}

function parseField(field: FieldSpec, text: string): Parsed {
  switch (field.kind) {
    case 'percent':
      return parsePercent(text, field.min ?? 0, field.max ?? 100);
    case 'money':
      return parseMoney(text, field.allowNegative ?? false);
    case 'whole':
      return parseWhole(text, field.min, field.max);
    case 'choice':
      return field.options.some((o) => o.value === text)
        ? { ok: true, value: text }
        : { ok: false, message: 'Choose one of the options.' };
    default:
      return { ok: true, value: text };
  }
}

/** Checks one text box; blank is an error unless the field is optional. */
export function checkText(field: FieldSpec, text: string | undefined): Parsed {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') {
    return field.optional ? { ok: true, value: '' } : { ok: false, message: 'Enter a value.' };
  }
  return parseField(field, trimmed);
}

function checkPartyPercents(
  field: PartyPercentsField,
  values: FormValues,
  parties: readonly string[],
  errors: Record<string, string>,
): void {
  let total: Dec = ZERO;
  let valid = true;
  for (const party of parties) {
    const key = partyKey(field.key, party);
    const parsed = checkText({ ...field, kind: 'percent', optional: false }, values[key]);
    if (parsed.ok) total = total.plus(parsed.value);
    else {
      errors[key] = parsed.message;
      valid = false;
    }
  }
  if (field.total100 && valid && !total.equals(1)) {
    errors[field.key] = `${field.label} must add up to 100%.`;
  }
}

function checkContract(
  field: ContractField,
  value: string,
  contracts: readonly string[],
): string | undefined {
  if (value === '') {
    return field.oneRequired === true && contracts.length > 1 ? 'Choose a contract.' : undefined;
  }
  return contracts.includes(value) ? undefined : 'Choose a contract.';
}

/** How many records a records field holds. */
export function recordCount(values: FormValues, key: string): number {
  const count = Number(values[`${key}.count`] ?? '0');
  return Number.isInteger(count) && count > 0 ? count : 0;
}

/** One record's values, without the prefix. */
export function recordValues(values: FormValues, key: string, index: number): FormValues {
  const prefix = `${key}.${index}.`;
  return Object.fromEntries(
    Object.entries(values)
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, v]) => [k.slice(prefix.length), v]),
  );
}

/** Every record's values, in order. */
export function recordsOf(values: FormValues, key: string): FormValues[] {
  return Array.from({ length: recordCount(values, key) }, (_, i) => recordValues(values, key, i));
}

/** The values with the records replaced by `records`. */
export function withRecords(
  values: FormValues,
  key: string,
  records: readonly FormValues[],
): FormValues {
  const kept = Object.entries(values).filter(([k]) => !k.startsWith(`${key}.`));
  const written = records.flatMap((record, i) =>
    Object.entries(record).map(([sub, v]) => [`${key}.${i}.${sub}`, v] as const),
  );
  return Object.fromEntries([...kept, ...written, [`${key}.count`, String(records.length)]]);
}

/** A sub-field of record `index`, keyed and shown as part of the whole form. */
export function recordField(field: RecordsField, sub: FieldSpec, index: number): FieldSpec {
  const showWhen = sub.showWhen;
  return {
    ...sub,
    key: `${field.key}.${index}.${sub.key}`,
    ...(showWhen === undefined
      ? {}
      : { showWhen: (values: FormValues) => showWhen(recordValues(values, field.key, index)) }),
  };
}

/** Errors of every shown field. */
export function checkForm(
  fields: readonly FieldSpec[],
  values: FormValues,
  choices: FieldChoices,
): FormErrors {
  const errors: Record<string, string> = {};
  const parties = choices.names;
  for (const field of fields) {
    if (!isShown(field, values)) continue;
    if (field.kind === 'records') {
      const subFields = Array.from({ length: recordCount(values, field.key) }, (_, i) =>
        field.fields.map((sub) => recordField(field, sub, i)),
      ).flat();
      Object.assign(errors, checkForm(subFields, values, choices));
      continue;
    }
    if (field.kind === 'contract') {
      const error = checkContract(field, values[field.key] ?? '', choices.contracts);
      if (error !== undefined) errors[field.key] = error;
      continue;
    }
    if (field.kind === 'partyPercents') {
      checkPartyPercents(field, values, parties, errors);
      continue;
    }
    if (field.kind === 'partyAmounts') {
      for (const party of parties) {
        const key = partyKey(field.key, party);
        const parsed = checkText({ ...field, kind: 'money', optional: true }, values[key]);
        if (!parsed.ok) errors[key] = parsed.message;
      }
      continue;
    }
    if (field.kind === 'party') {
      const value = values[field.key] ?? '';
      const allowed = field.none !== undefined && value === '';
      if (!allowed && !parties.includes(value)) errors[field.key] = 'Choose a party.';
      continue;
    }
    const parsed = checkText(field, values[field.key]);
    if (!parsed.ok) errors[field.key] = parsed.message;
  }
  return errors;
}

/** The checked fractions of a party-percent field, by party. */
export function partyFractions(
  field: PartyPercentsField,
  values: FormValues,
  parties: readonly string[],
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const party of parties) {
    const parsed = parsePercent(values[partyKey(field.key, party)] ?? '');
    if (!parsed.ok) throw new Error(`${field.label}, ${party}: ${parsed.message}`);
    result[party] = parsed.value;
  }
  return result;
}

/** The amounts filled in of a party-amounts field, by party (blank ones left out). */
export function partyAmounts(
  field: PartyAmountsField,
  values: FormValues,
  parties: readonly string[],
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const party of parties) {
    const text = (values[partyKey(field.key, party)] ?? '').trim();
    if (text === '') continue;
    const parsed = parseMoney(text);
    if (!parsed.ok) throw new Error(`${field.label}, ${party}: ${parsed.message}`);
    result[party] = parsed.value;
  }
  return result;
}

/** Whether any party's box of a party field has something in it. */
export function anyPartyValue(key: string, values: FormValues): boolean {
  return Object.entries(values).some(([k, v]) => k.startsWith(`${key}.`) && v.trim() !== '');
}

/** Equal percentages that add up to exactly 100 (the last party takes the remainder), as text. */
export function equalPercents(parties: readonly string[]): string[] {
  if (parties.length === 0) return [];
  const each = new Dec(100).dividedBy(parties.length).toDecimalPlaces(4, Dec.ROUND_DOWN);
  const last = new Dec(100).minus(each.times(parties.length - 1));
  return parties.map((_, i) => (i === parties.length - 1 ? last : each).toString());
}

/**
 * A mechanism's parameter form, built from its descriptor: one field per parameter the
 * pane asks for (its type gives the kind of box and its bounds, `pane` the wording and
 * how it is asked), its defaults, when each field shows (the parameter's `shownWhen`)
 * and the conversion of checked text into the layer's scenario parameters. The form's
 * `items` say which parameter each field is, so restoreSimple.ts can invert it.
 */
import type { MechanismDescriptor } from '../../workbook/mechanism';
import type {
  ByNameParamSpec,
  EitherSpec,
  ListParamSpec,
  ParamRecord,
  ParamSpec,
  ParamValue,
  ScenarioParams,
} from '../../workbook/params';
import type { ColumnType } from '../../workbook/tableSchema';
import {
  anyPartyValue,
  checkText,
  equalPercents,
  partyAmounts,
  partyFractions,
  partyKey,
  recordCount,
  recordsOf,
  type ChoiceField,
  type FieldChoices,
  type FieldSpec,
  type FormValues,
  type PartyAmountsField,
  type PartyPercentsField,
  type RecordsField,
} from './fields';
import { amountText, nameIn, percentText, wholeText } from './savedValues';

/** A field sent as one parameter (`param`; the field's key unless it is a variant's box). */
export interface ValueItem {
  readonly kind: 'value';
  readonly field: FieldSpec;
  readonly param: string;
  /** A variant's box: shown, and restored, only when `control` has one of `is`. */
  readonly variant?: { readonly control: string; readonly is: readonly string[] };
  /** The box's first value, as a cell gives it (a party field: the n-th name, `pick`). */
  readonly start?: string | number;
  readonly pick?: number;
}

/** A value per partner (shares, caps), sent as a record by partner. */
export interface ByNameItem {
  readonly kind: 'byName';
  readonly field: PartyPercentsField | PartyAmountsField;
  readonly param: string;
}

/** A choice of which of several parameters one box is sent as. */
export interface EitherItem {
  readonly kind: 'either';
  readonly choice: ChoiceField;
  readonly box: FieldSpec;
  /** Each option's value and the parameter the box is sent as then. */
  readonly options: readonly { readonly value: string; readonly param: string }[];
  readonly start?: string | number;
}

/** A list of records, each with its own items; `unasked`: fields the form cannot show. */
export interface ListItem {
  readonly kind: 'list';
  readonly field: RecordsField;
  readonly param: string;
  readonly items: readonly FormItem[];
  readonly unasked: readonly string[];
}

export type FormItem = ValueItem | ByNameItem | EitherItem | ListItem;

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

type Shown = (values: FormValues) => boolean;

/** A field's kind and bounds: a field spec without its key and label. */
type FieldKind = FieldSpec extends infer F
  ? F extends FieldSpec
    ? Omit<F, 'key' | 'label'>
    : never
  : never;

/**
 * How another field's `shownWhen` tests a parameter, by its id: whether it is given, and
 * (a choice) whether it has one of some values.
 */
interface Control {
  readonly given: Shown;
  readonly is?: (is: readonly string[]) => Shown;
}
type Controls = ReadonlyMap<string, Control>;

/** `{ start }`, or nothing when there is none. */
function startOf(start: string | number | undefined): { readonly start?: string | number } {
  return start === undefined ? {} : { start };
}

const NO_CHOICES: FieldChoices = { names: [], contracts: [] };

function unitSuffix(type: ColumnType): string {
  if (type.kind === 'fraction') return ' (%)';
  return type.kind === 'amount' ? ' (£)' : '';
}

/** The field's kind and bounds, from the parameter's type and how the pane asks for it. */
function kindOf(spec: ParamSpec): FieldKind {
  const { type } = spec;
  const pane = spec.pane ?? {};
  switch (type.kind) {
    case 'fraction': {
      const [min, max] = pane.range ?? (type.signed === true ? [-100, 100] : [0, 100]);
      return { kind: 'percent', min, max };
    }
    case 'amount':
    case 'number':
      return { kind: 'money', allowNegative: type.nonNegative !== true };
    case 'integer':
      return { kind: 'whole', min: type.min ?? 0, max: type.max ?? Number.MAX_SAFE_INTEGER };
    case 'enum':
      return {
        kind: 'choice',
        options: type.options.map((o) => ({ value: o.value, label: o.label ?? o.value })),
      };
    case 'text':
      if (pane.names === 'party') {
        return { kind: 'party', ...(pane.none === undefined ? {} : { none: pane.none }) };
      }
      if (pane.names === 'contract') {
        return {
          kind: 'contract',
          none: pane.none ?? '',
          ...(pane.oneRequired === true ? { oneRequired: true } : {}),
        };
      }
      return { kind: 'text' };
  }
}

/** A box's text for a value as a cell gives it (a default, a first value). */
function startText(field: FieldSpec, value: string | number | undefined): string {
  if (value === undefined) return field.kind === 'choice' ? (field.options[0]?.value ?? '') : '';
  switch (field.kind) {
    case 'percent':
      return percentText(value) ?? '';
    case 'money':
      return amountText(value) ?? '';
    case 'whole':
      return wholeText(value) ?? '';
    case 'choice':
      return (
        nameIn(
          field.options.map((o) => o.value),
          value,
        ) ?? ''
      );
    default:
      return String(value);
  }
}

/** Whether `spec`'s field shows for these values, from its `shownWhen`. */
function shownOf(spec: { readonly shownWhen?: ParamSpec['shownWhen'] }, controls: Controls): Shown {
  const when = spec.shownWhen;
  if (when === undefined) return () => true;
  const control = controls.get(when.param);
  // A parameter the form does not ask for is never given.
  if (control === undefined) return () => false;
  if (when.is === undefined) return control.given;
  return control.is === undefined ? () => false : control.is(when.is);
}

/** How each simple parameter is tested by another's `shownWhen`: its key's text. */
function simpleControl(key: string): (is: readonly string[]) => Shown {
  return (is) => (values) => is.includes(values[key] ?? '');
}

function valueItem(spec: ParamSpec, controls: Controls): ValueItem[] {
  const pane = spec.pane ?? {};
  if (pane.ask === false) return [];
  const kind = kindOf(spec);
  // A blank box is left out; a drop-down says "nobody" by its `none` option instead.
  const optional =
    ['percent', 'money', 'whole', 'text'].includes(kind.kind) &&
    spec.required !== true &&
    pane.needed !== true &&
    spec.default === undefined &&
    pane.start === undefined;
  const about = {
    ...(pane.hint === undefined ? {} : { hint: pane.hint }),
    ...(pane.info === undefined ? {} : { info: pane.info }),
    ...(optional ? { optional: true } : {}),
  };
  const control = spec.shownWhen?.param;
  if (pane.variants !== undefined && control !== undefined) {
    return pane.variants.map((variant) => ({
      kind: 'value',
      param: spec.id,
      variant: { control, is: variant.is },
      ...startOf(variant.start ?? pane.start ?? spec.default),
      field: {
        ...kind,
        ...about,
        ...(variant.start === undefined ? {} : { optional: false }),
        key: variant.key,
        label: variant.label,
        showWhen: simpleControl(control)(variant.is),
      },
    }));
  }
  const shown = shownOf(spec, controls);
  const field = {
    ...kind,
    ...about,
    key: spec.id,
    label: pane.label ?? `${spec.label}${unitSuffix(spec.type)}`,
    ...(spec.shownWhen === undefined ? {} : { showWhen: shown }),
  } as FieldSpec;
  return [
    {
      kind: 'value',
      param: spec.id,
      field,
      ...startOf(pane.start ?? spec.default),
      ...(pane.pick === undefined ? {} : { pick: pane.pick }),
    },
  ];
}

function byNameItem(spec: ByNameParamSpec, controls: Controls): ByNameItem[] {
  const pane = spec.pane ?? {};
  if (pane.ask === false) return [];
  const base = {
    key: spec.id,
    label: pane.label ?? `${spec.label}${unitSuffix(spec.value)}`,
    ...(pane.hint === undefined ? {} : { hint: pane.hint }),
    ...(pane.info === undefined ? {} : { info: pane.info }),
    ...(spec.shownWhen === undefined ? {} : { showWhen: shownOf(spec, controls) }),
  };
  const field: PartyPercentsField | PartyAmountsField =
    spec.value.kind === 'fraction'
      ? { ...base, kind: 'partyPercents', ...(spec.total100 === true ? { total100: true } : {}) }
      : { ...base, kind: 'partyAmounts' };
  return [{ kind: 'byName', field, param: spec.id }];
}

function eitherItem(either: EitherSpec, fields: readonly ParamSpec[]): EitherItem {
  const first = fields.find((f) => f.id === either.options[0]?.field);
  if (first === undefined) throw new Error(`No field for the first option of "${either.key}".`);
  return {
    kind: 'either',
    choice: {
      key: either.key,
      label: either.label,
      kind: 'choice',
      options: either.options.map((o) => ({ value: o.value, label: o.label })),
    },
    box: {
      ...kindOf(first),
      key: either.box.key,
      label: either.box.label,
      ...(either.box.hint === undefined ? {} : { hint: either.box.hint }),
    },
    options: either.options.map((o) => ({ value: o.value, param: o.field })),
    ...startOf(either.box.start),
  };
}

/** Items for simple parameters and structured ones, each structured one after its `after`. */
function itemsOf(
  params: readonly ParamSpec[],
  structured: readonly (ByNameParamSpec | ListParamSpec)[],
  either?: EitherSpec,
): FormItem[] {
  const controls = new Map<string, Control>();
  for (const spec of params) {
    const key = spec.id;
    controls.set(key, {
      given: (values) => (values[key] ?? '').trim() !== '',
      is: simpleControl(key),
    });
  }
  for (const s of structured) {
    const given: Shown =
      s.kind === 'list'
        ? (values) => recordCount(values, s.id) > 0
        : (values) => anyPartyValue(s.id, values);
    controls.set(s.id, { given });
  }
  for (const option of either?.options ?? []) {
    // One of an either's fields is given when the choice picks it.
    const picked = option.value;
    const key = either?.key ?? '';
    controls.set(option.field, { given: (values) => values[key] === picked });
  }
  const eitherFields = new Set(either?.options.map((o) => o.field) ?? []);
  const structuredItems = (s: ByNameParamSpec | ListParamSpec): FormItem[] =>
    s.kind === 'byName' ? byNameItem(s, controls) : listItem(s);
  const placed = (after: string): FormItem[] =>
    structured.filter((s) => s.after === after).flatMap(structuredItems);
  const items: FormItem[] = [];
  for (const spec of params) {
    if (eitherFields.has(spec.id)) {
      if (either !== undefined && spec.id === either.options[0]?.field) {
        items.push(eitherItem(either, params));
      }
    } else items.push(...valueItem(spec, controls));
    items.push(...placed(spec.id));
  }
  const known = new Set(params.map((p) => p.id));
  items.push(
    ...structured
      .filter((s) => s.after === undefined || !known.has(s.after))
      .flatMap(structuredItems),
  );
  return items;
}

function listItem(spec: ListParamSpec): ListItem[] {
  const pane = spec.pane;
  if (pane?.ask === false) return [];
  const items = itemsOf(spec.fields, [], pane?.either);
  const blank = startValues(items, NO_CHOICES);
  const field: RecordsField = {
    key: spec.id,
    label: pane?.label ?? spec.label,
    kind: 'records',
    itemLabel: pane?.itemLabel ?? spec.label,
    ...(pane?.hint === undefined ? {} : { hint: pane.hint }),
    ...(pane?.info === undefined ? {} : { info: pane.info }),
    fields: items.flatMap(fieldsOf),
    blank,
  };
  const unasked = spec.fields.filter((f) => f.pane?.ask === false).map((f) => f.id);
  return [{ kind: 'list', field, param: spec.id, items, unasked }];
}

function fieldsOf(item: FormItem): FieldSpec[] {
  return item.kind === 'either' ? [item.choice, item.box] : [item.field];
}

function startValues(items: readonly FormItem[], choices: FieldChoices): FormValues {
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
function paramsOf(
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
  const structured = mechanism.structured ?? [];
  const items = itemsOf(mechanism.params, structured);
  return {
    fields: items.flatMap(fieldsOf),
    items,
    ...(hasParty(items) ? { names: 'partners' as const } : {}),
    defaults: (choices) => startValues(items, choices),
    toParams: (values, choices) => paramsOf(items, values, choices),
  };
}

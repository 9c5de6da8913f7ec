/**
 * A descriptor form's items from the parameter specs: one field per parameter the pane
 * asks for (a variant's boxes, a by-partner field, a list's records, an either's choice
 * and box), each shown as its parameter's `shownWhen` says.
 */
import type { ByNameParamSpec, EitherSpec, ListParamSpec, ParamSpec } from '../../workbook/params';
import {
  anyPartyValue,
  recordCount,
  type FieldChoices,
  type FieldSpec,
  type PartyAmountsField,
  type PartyPercentsField,
  type RecordsField,
} from './fields';
import { kindOf, startOf, unitSuffix } from './fieldKinds';
import type { ByNameItem, EitherItem, FormItem, ListItem, Shown, ValueItem } from './formItemTypes';
import { startValues } from './formValues';

/**
 * How another field's `shownWhen` tests a parameter, by its id: whether it is given, and
 * (a choice) whether it has one of some values.
 */
interface Control {
  readonly given: Shown;
  readonly is?: (is: readonly string[]) => Shown;
}
type Controls = ReadonlyMap<string, Control>;

const NO_CHOICES: FieldChoices = { names: [], contracts: [] };

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
export function itemsOf(
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

/** The fields of an item: an either's choice and box, else its one field. */
export function fieldsOf(item: FormItem): FieldSpec[] {
  return item.kind === 'either' ? [item.choice, item.box] : [item.field];
}

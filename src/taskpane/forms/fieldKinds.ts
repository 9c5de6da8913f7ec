/**
 * A parameter's field kind and bounds from its type and `pane` spec, and a box's text
 * for a value as a cell gives it (a default, a first value).
 */
import type { ParamSpec } from '../../workbook/params';
import type { ColumnType } from '../../workbook/tableSchema';
import type { FieldSpec } from './fields';
import { amountText, nameIn, percentText, wholeText } from './savedValues';

/** A field's kind and bounds: a field spec without its key and label. */
export type FieldKind = FieldSpec extends infer F
  ? F extends FieldSpec
    ? Omit<F, 'key' | 'label'>
    : never
  : never;

/** `{ start }`, or nothing when there is none. */
export function startOf(start: string | number | undefined): { readonly start?: string | number } {
  return start === undefined ? {} : { start };
}

export function unitSuffix(type: ColumnType): string {
  if (type.kind === 'fraction') return ' (%)';
  return type.kind === 'amount' ? ' (£)' : '';
}

/** The field's kind and bounds, from the parameter's type and how the pane asks for it. */
export function kindOf(spec: ParamSpec): FieldKind {
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
export function startText(field: FieldSpec, value: string | number | undefined): string {
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

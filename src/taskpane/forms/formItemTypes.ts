/**
 * What each field of a descriptor form is (descriptorForm.ts): which parameter it is
 * sent as, so the form's parameters can be built and a saved run restored
 * (restoreSimple.ts) from the same items.
 */
import type {
  ChoiceField,
  FieldSpec,
  FormValues,
  PartyAmountsField,
  PartyPercentsField,
  RecordsField,
} from './fields';

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

/** Whether a field shows for these values. */
export type Shown = (values: FormValues) => boolean;

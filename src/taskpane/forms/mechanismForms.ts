/**
 * The parameter form of every mechanism but the gain/loss share (which has its own
 * editor), each built from its descriptor (descriptorForm.ts): a mechanism added to the
 * registry has a form here with nothing written for it.
 */
import { MECHANISM_LIST } from '../../workbook/mechanisms/index';
import type { MechanismId } from '../../workbook/mechanisms/index';
import { descriptorForm, type DescribedForm } from './descriptorForm';

/** A mechanism whose form is built from its descriptor. */
export type SimpleMechanismId = Exclude<MechanismId, 'gainshare'>;

/** A simple mechanism's form. */
export type SimpleForm = DescribedForm;

/** The forms by mechanism, in the registry's order. */
export const SIMPLE_FORMS = Object.fromEntries(
  MECHANISM_LIST.flatMap((m) => (m.id === 'gainshare' ? [] : [[m.id, descriptorForm(m)]])),
) as Readonly<Record<SimpleMechanismId, SimpleForm>>;

/**
 * The pane's forms agree with the descriptors on every whole-number parameter they both
 * have: the same least and greatest value (the capitation years were 1–25 in the pane and
 * unbounded in the workbook layer; both are now PLAN_YEARS_LIMIT).
 */
import { SIMPLE_FORMS } from '../../src/taskpane/forms/mechanismForms';
import type { FieldSpec } from '../../src/taskpane/forms/fields';
import { MECHANISMS } from '../../src/workbook/mechanisms/index';

function wholeFields(fields: readonly FieldSpec[]): { key: string; min: number; max: number }[] {
  return fields.flatMap((f) =>
    f.kind === 'whole' ? [{ key: f.key, min: f.min, max: f.max }] : [],
  );
}

it('bounds each whole number the pane asks for as the descriptor does', () => {
  const pairs = Object.entries(SIMPLE_FORMS).flatMap(([pane, form]) => {
    const mechanism = MECHANISMS[pane as keyof typeof MECHANISMS];
    return wholeFields(form.fields).flatMap((field) => {
      const spec = mechanism.params.find((p) => p.id === field.key);
      if (spec?.type.kind !== 'integer') return [];
      return [
        {
          field: `${mechanism.id}.${field.key}`,
          pane: [field.min, field.max],
          descriptor: [spec.type.min, spec.type.max],
        },
      ];
    });
  });
  expect(pairs.map((p) => p.field)).toEqual([
    'capitation.years',
    'capitation.actualYear',
    'activity.years',
    'envelope.years',
  ]);
  for (const pair of pairs) {
    expect({ field: pair.field, bounds: pair.descriptor }).toEqual({
      field: pair.field,
      bounds: pair.pane,
    });
  }
});

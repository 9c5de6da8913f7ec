/**
 * The column-mapping step's form: each field of the kind with the column chosen for it
 * (starting from the add-in's guess), what blocks saving, and the mapping it makes. A
 * mapping names each column by its header as written, so it follows the header row.
 */
import type { MappingChoice, MappingColumn, MappingDraft } from '../operations';

/** Field id → the chosen column (its number on the sheet); undefined: not in this range. */
export type MappingChoices = Readonly<Record<string, number | undefined>>;

/** The choices the draft starts from: the add-in's guesses. */
export function initialChoices(draft: MappingDraft): MappingChoices {
  return Object.fromEntries(draft.fields.map((f) => [f.id, f.guess]));
}

/** "Contribution (£000) (C3)": a column as the drop-downs offer it. */
export function columnLabel(column: MappingColumn): string {
  return `${column.header} (${column.address})`;
}

/** Why each field's choice blocks saving, by field id: a required field left out, a column chosen twice. */
export function choiceErrors(
  draft: MappingDraft,
  choices: MappingChoices,
): Readonly<Record<string, string>> {
  const errors: Record<string, string> = {};
  const firstUse = new Map<number, string>();
  for (const field of draft.fields) {
    const column = choices[field.id];
    if (column === undefined) {
      if (field.required) {
        errors[field.id] =
          `${field.header} is required: choose the column that holds it, or select another range.`;
      }
      continue;
    }
    const earlier = firstUse.get(column);
    if (earlier !== undefined) {
      const chosen = draft.columns.find((c) => c.column === column);
      errors[field.id] =
        `The column ${chosen === undefined ? '' : `"${chosen.header}" `}is already chosen for ${earlier}; choose another.`;
      continue;
    }
    firstUse.set(column, field.header);
  }
  return errors;
}

/** The mapping the choices make, or undefined while something blocks it. */
export function mappingChoice(
  draft: MappingDraft,
  choices: MappingChoices,
): MappingChoice | undefined {
  if (Object.keys(choiceErrors(draft, choices)).length > 0) return undefined;
  const columns: Record<string, string> = {};
  for (const field of draft.fields) {
    const column = draft.columns.find((c) => c.column === choices[field.id]);
    if (column !== undefined) columns[field.id] = column.header;
  }
  return { kind: draft.kind, sheet: draft.sheet, columns };
}

/**
 * The pane's column-mapping operations over the workbook layer (mapSelection.ts): a
 * draft from the user's selection (or from cells typed outside Excel), a preview read
 * exactly as a run reads, and saving under `bcf.mapping`. Values cross to the pane as
 * text for people; money stays a decimal until it is formatted here.
 */
import { moneyText, percentText, type Dec } from '../../engine/decimal';
import type { Workbook } from '../../ports/workbook';
import type { TypedValue } from '../../workbook/inputTable';
import {
  cellsAt,
  draftMapping,
  previewMapping,
  saveKindMapping,
} from '../../workbook/mapSelection';
import { TABLE_KIND_ORDER, TABLE_KINDS } from '../../workbook/tableKinds';
import type { ColumnSpec, TableKind, TableKindId } from '../../workbook/tableSchema';
import type {
  CellRef,
  MappingChoice,
  MappingDraftOutcome,
  MappingPreview,
  PaneOperations,
} from '../operations';
import { groupedDecimal } from '../ukFormat';
import { paneFinding } from './runOutcome';

/** How many body rows the preview shows. */
export const PREVIEW_ROWS = 5;

/** The kinds a range can be mapped as, in the template's order. */
export const MAPPABLE_KINDS: readonly {
  readonly id: TableKindId;
  readonly name: string;
  readonly purpose: string;
}[] = TABLE_KIND_ORDER.map((id) => ({
  id,
  name: TABLE_KINDS[id].defaultName,
  purpose: TABLE_KINDS[id].purpose,
}));

function kindOf(id: string): TableKind {
  const kind = (TABLE_KINDS as Readonly<Record<string, TableKind | undefined>>)[id];
  if (kind === undefined) throw new Error(`"${id}" is not a table kind.`);
  return kind;
}

/** A typed value for people: money in pounds, fractions as percentages. */
function valueText(spec: ColumnSpec, value: TypedValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  const dec: Dec = value;
  if (spec.type.kind === 'amount') return moneyText(dec);
  if (spec.type.kind === 'fraction') return percentText(dec);
  return groupedDecimal(dec.toString());
}

const NO_SELECTION =
  'A file opened outside Excel has no selection: type the sheet and the header row’s cells instead.';

/** The mapping operations of a workbook (in Excel or a file). */
export function mappingOperations(
  workbook: Workbook,
): Pick<PaneOperations, 'selection' | 'draftMapping' | 'previewMapping' | 'saveMapping'> {
  const readSelection = workbook.readSelection?.bind(workbook);
  return {
    selection:
      readSelection === undefined
        ? { available: false, reason: NO_SELECTION }
        : { available: true },
    draftMapping: async (kindId: string, at?: CellRef): Promise<MappingDraftOutcome> => {
      const kind = kindOf(kindId);
      const [tables, sheets] = await Promise.all([
        workbook.listTables(),
        workbook.readSheets?.() ?? Promise.resolve([]),
      ]);
      let selected;
      if (at !== undefined) {
        const typed = cellsAt(sheets, at.sheet, at.address);
        if (!typed.ok) return { ok: false, problem: typed.problem };
        selected = typed.cells;
      } else if (readSelection !== undefined) {
        selected = await readSelection();
      } else {
        return { ok: false, problem: NO_SELECTION };
      }
      const made = draftMapping(kind, selected, sheets, tables);
      if (!made.ok) return made;
      const { draft } = made;
      return {
        ok: true,
        draft: {
          kind: kind.id,
          kindName: kind.defaultName,
          sheet: draft.sheet,
          headerRow: draft.headerRow,
          columns: draft.columns,
          fields: draft.fields.map(({ spec, guess }) => ({
            id: spec.id,
            header: spec.header,
            required: spec.required,
            ...(guess === undefined ? {} : { guess }),
          })),
        },
      };
    },
    previewMapping: async (choice: MappingChoice): Promise<MappingPreview> => {
      const kind = kindOf(choice.kind);
      const read = await previewMapping(workbook, kind, {
        sheet: choice.sheet,
        columns: choice.columns,
      });
      const { table } = read;
      const specs = kind.columns.filter((c) => table?.columns.has(c.id) === true);
      return {
        ...(table?.info.range === undefined
          ? {}
          : { range: { sheet: table.info.sheet, address: table.info.range } }),
        rowCount: table?.rows.length ?? 0,
        columns: specs.map((spec) => ({
          id: spec.id,
          name: spec.header,
          header: table?.columns.get(spec.id)?.header ?? spec.header,
        })),
        rows: (table?.rows ?? []).slice(0, PREVIEW_ROWS).map((row) => ({
          row: (table?.info.headerRow ?? 0) + row.row,
          values: Object.fromEntries(
            specs.flatMap((spec) => {
              const value = row.values[spec.id];
              return value === undefined ? [] : [[spec.id, valueText(spec, value)]];
            }),
          ),
        })),
        findings: read.findings.map(paneFinding),
        notes: read.steps.map((s) => s.text),
      };
    },
    saveMapping: async (choice: MappingChoice): Promise<void> => {
      await saveKindMapping(workbook.settings, kindOf(choice.kind), {
        sheet: choice.sheet,
        columns: choice.columns,
      });
    },
  };
}

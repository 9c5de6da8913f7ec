import type { SheetWrite } from '../ports/workbook';
import { cellAddress, sheetRef } from '../ports/a1';
import type { Computed, Mechanism } from './mechanism';
import { paramRows, type TypedParams } from './params';
import type { InputTables } from './readInputs';
import { layoutSheet, type ResultBlock } from './results/layout';

/** "Contributions (Contributions!A2), Schemes (Schemes!A2)": the tables a run read. */
function inputsText(tables: InputTables): string {
  return Object.values(tables)
    .map(
      (t) =>
        `${t.info.name} (${sheetRef(t.info.sheet)}!${cellAddress(t.info.headerRow, t.info.firstColumn)})`,
    )
    .join(', ');
}

/**
 * A scenario's result tables under names of their own (table names are unique in a
 * workbook): `BCF_GainShare_Parties` becomes `BCF_GainShare_Parties_Proposal_B`.
 */
function scenarioTables(blocks: readonly ResultBlock[], scenario: string): ResultBlock[] {
  const suffix = scenario.replace(/[^A-Za-z0-9]+/g, '_');
  return blocks.map((b) => (b.kind === 'table' ? { ...b, name: `${b.name}_${suffix}` } : b));
}

/**
 * A mechanism's whole result sheet: title (with the tables read), the scenario
 * parameters used, the mechanism's result tables and charts, the explanation steps
 * and the time of the run.
 */
export function resultSheet(
  mechanism: Mechanism,
  run: {
    readonly tables: InputTables;
    readonly values: TypedParams;
    readonly computed: Computed;
    readonly now: Date;
    /** A kept scenario's name: its own sheet ("BCF Proposal B") and title. */
    readonly scenario?: { readonly name: string; readonly sheet: string };
  },
): SheetWrite {
  const rows = [...paramRows(mechanism.params, run.values), ...run.computed.extraParamRows];
  const blocks: ResultBlock[] = [
    {
      kind: 'title',
      text:
        run.scenario === undefined
          ? `BCF results: ${mechanism.title}`
          : `BCF results: ${mechanism.title}, scenario "${run.scenario.name}"`,
      subtitle: `Calculated from ${inputsText(run.tables)}. Re-running replaces this sheet; do not type into it.`,
    },
    { kind: 'parameters', rows: rows.length > 0 ? rows : [['(none: the defaults)', null]] },
    ...(run.scenario === undefined
      ? run.computed.blocks
      : scenarioTables(run.computed.blocks, run.scenario.name)),
    { kind: 'steps', heading: 'How the figures were reached', steps: run.computed.steps },
    { kind: 'timestamp', at: run.now },
  ];
  return layoutSheet(run.scenario?.sheet ?? mechanism.sheet, blocks);
}

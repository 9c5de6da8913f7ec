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
  },
): SheetWrite {
  const rows = [...paramRows(mechanism.params, run.values), ...run.computed.extraParamRows];
  const blocks: ResultBlock[] = [
    {
      kind: 'title',
      text: `BCF results: ${mechanism.title}`,
      subtitle: `Calculated from ${inputsText(run.tables)}. Re-running replaces this sheet; do not type into it.`,
    },
    { kind: 'parameters', rows: rows.length > 0 ? rows : [['(none: the defaults)', null]] },
    ...run.computed.blocks,
    { kind: 'steps', heading: 'How the figures were reached', steps: run.computed.steps },
    { kind: 'timestamp', at: run.now },
  ];
  return layoutSheet(mechanism.sheet, blocks);
}

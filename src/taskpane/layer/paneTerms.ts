/**
 * The gain/loss terms set in the pane's editor, given to the workbook layer as its
 * RiskShareBands and RiskShareTerms tables. The layer reads a contract's bands, caps and
 * quality scores from those tables only; when the user sets them in the pane instead,
 * this wrapper of the workbook answers for those two tables with the editor's rows
 * (and hides the workbook's own), while every other read and every write goes to the
 * real workbook. Nothing is written to the user's tables.
 */
import type { CellValue, TableData, TableInfo, Workbook } from '../../ports/workbook';
import { locateTables } from '../../workbook/locate';
import { TABLE_KINDS } from '../../workbook/tableKinds';
import type { BandTerms, GainLossParams } from '../operations';

/** The sheet name the stand-in tables report (findings about them name it). */
export const PANE_TERMS_SHEET = 'Task pane terms';

type Editor = NonNullable<GainLossParams['editor']>;

function headersOf(kind: typeof TABLE_KINDS.riskShareBands): string[] {
  return kind.columns.map((c) => c.header);
}

function tableOf(kind: typeof TABLE_KINDS.riskShareBands, rows: CellValue[][]): TableData {
  return {
    name: kind.defaultName,
    sheet: PANE_TERMS_SHEET,
    headers: headersOf(kind),
    rowCount: rows.length,
    headerRow: 1,
    firstColumn: 1,
    rows,
  };
}

/** Rows in RiskShareBands column order: contract, direction, band, up to %, up to £, party, share. */
function bandRows(
  contract: string,
  direction: 'Gain' | 'Loss' | 'Both',
  bands: readonly BandTerms[],
  editor: Editor,
  parties: readonly string[],
): CellValue[][] {
  return bands.flatMap((band, i) =>
    parties.map((party) => [
      contract,
      direction,
      i + 1,
      editor.bandLimits === 'fraction' ? (band.upTo ?? null) : null,
      editor.bandLimits === 'amount' ? (band.upTo ?? null) : null,
      party,
      band.shares[party] ?? '0',
    ]),
  );
}

/** Rows in RiskShareTerms column order: contract, party, gain cap £, gain cap %, loss cap £, loss cap %, quality. */
function termRows(contract: string, editor: Editor, parties: readonly string[]): CellValue[][] {
  return parties.map((party) => [
    contract,
    party,
    editor.caps?.gain[party] ?? null,
    null,
    editor.caps?.loss[party] ?? null,
    null,
    editor.quality?.[party] ?? null,
  ]);
}

/** The stand-in tables for the editor's terms of a contract ("" for the only contract). */
export function paneTermTables(params: GainLossParams & { readonly editor: Editor }): TableData[] {
  const { editor, parties } = params;
  const contract = params.contract ?? '';
  const bands =
    editor.lossBands === undefined
      ? bandRows(contract, 'Both', editor.gainBands, editor, parties)
      : [
          ...bandRows(contract, 'Gain', editor.gainBands, editor, parties),
          ...bandRows(contract, 'Loss', editor.lossBands, editor, parties),
        ];
  return [
    tableOf(TABLE_KINDS.riskShareBands, bands),
    tableOf(TABLE_KINDS.riskShareTerms, termRows(contract, editor, parties)),
  ];
}

/**
 * The workbook with the stand-in tables in place of the workbook's own risk-share tables
 * (found by name or header, as the layer would find them).
 */
export function withPaneTerms(workbook: Workbook, standIns: readonly TableData[]): Workbook {
  const kinds = [TABLE_KINDS.riskShareBands, TABLE_KINDS.riskShareTerms];
  const standInFor = (name: string): TableData | undefined =>
    standIns.find((t) => t.name.toLowerCase() === name.toLowerCase());
  return {
    settings: workbook.settings,
    formulas: workbook.formulas,
    select: (sheet, address) => workbook.select(sheet, address),
    sheetOwner: (sheet) => workbook.sheetOwner(sheet),
    writeSheets: (sheets, options) => workbook.writeSheets(sheets, options),
    listTables: async () => {
      const real = await workbook.listTables();
      const { found } = locateTables(
        real,
        kinds.map((kind) => ({ kind, required: false })),
      );
      const hidden = new Set([...found.values()].map((t) => t.name));
      const infos: TableInfo[] = standIns.map(({ rows: _rows, ...info }) => info);
      return [
        ...real.filter((t) => !hidden.has(t.name) && standInFor(t.name) === undefined),
        ...infos,
      ];
    },
    readTables: async (names) => {
      const realNames = names.filter((n) => standInFor(n) === undefined);
      const real = realNames.length === 0 ? [] : await workbook.readTables(realNames);
      return names.flatMap(
        (n) => standInFor(n) ?? real.filter((t) => t.name.toLowerCase() === n.toLowerCase()),
      );
    },
  };
}

/**
 * The gain/loss terms set in the pane's editor, given to the workbook layer as its
 * RiskShareBands and RiskShareTerms tables. The layer reads a contract's bands, caps and
 * quality scores from those tables; when the user sets them in the pane instead, the
 * editor's rows go to the layer as table parameters, which stand in for the workbook's
 * two tables and are saved with the run. Nothing is written to the user's tables.
 */
import type { CellValue } from '../../../ports/workbook';
import type { ParamRecord } from '../../../workbook/params';
import { STAND_IN_SHEET } from '../../../workbook/standIns';
import { TABLE_KINDS } from '../../../workbook/tableKinds';
import type { TableKind } from '../../../workbook/tableSchema';
import type { BandTerms, GainLossParams } from '../../operations';

/** The sheet findings about the editor's terms name (the layer's stand-in tables). */
export const PANE_TERMS_SHEET = STAND_IN_SHEET;

type Editor = NonNullable<GainLossParams['editor']>;

/** A row in its kind's column order as a record by column header, blank cells left out. */
function recordOf(kind: TableKind, row: readonly CellValue[]): ParamRecord {
  return Object.fromEntries(
    kind.columns.flatMap((column, i) => {
      const value = row[i] ?? null;
      return value === null ? [] : [[column.header, value]];
    }),
  );
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

/**
 * The editor's terms of a contract ("" for the only contract) as the layer's table
 * parameters (`riskShareBands`, `riskShareTerms`: lists of rows by column header, see
 * src/workbook/standIns.ts). Saved with the run, so the workbook remembers them and a
 * repeat, in the pane or from `bcf run`, uses them.
 */
export function paneTermParams(
  params: GainLossParams & { readonly editor: Editor },
): Record<string, ParamRecord[]> {
  const { editor, parties } = params;
  const contract = params.contract ?? '';
  const bands =
    editor.lossBands === undefined
      ? bandRows(contract, 'Both', editor.gainBands, editor, parties)
      : [
          ...bandRows(contract, 'Gain', editor.gainBands, editor, parties),
          ...bandRows(contract, 'Loss', editor.lossBands, editor, parties),
        ];
  const { riskShareBands, riskShareTerms } = TABLE_KINDS;
  return {
    [riskShareBands.id]: bands.map((row) => recordOf(riskShareBands, row)),
    [riskShareTerms.id]: termRows(contract, editor, parties).map((row) =>
      recordOf(riskShareTerms, row),
    ),
  };
}

/**
 * A contract's bands as the workbook's RiskShareBands table gives them, for the pane's
 * editor to start from when the user switches to setting the terms in the pane. Read
 * with the workbook layer's own rules (the contract's rows, else the rows with no
 * Contract ID; "Both" rows for gains and losses), so the editor starts from what a run
 * with the workbook's terms would use. Rows the layer would refuse are left out: the
 * user sees and edits the result.
 */
import type { InputTable } from '../../../workbook/inputTable';
import { bandsOf } from '../../../workbook/mechanisms/gainLossShare/gainLossShareBands';
import { ContractRows } from '../../../workbook/mechanisms/gainLossShare/gainLossShareRows';
import { OriginRecorder } from '../../../workbook/mechanisms/rowsToInput';
import type { Finding } from '../../../workbook/findings';
import type { BandTerms, WorkbookBands } from '../../operations';

function terms(bands: ReturnType<typeof bandsOf>, limits: 'fraction' | 'amount'): BandTerms[] {
  return bands.map((b, i) => {
    const upTo = limits === 'fraction' ? b.upToFraction : b.upToAmount;
    const shares = Object.fromEntries(
      Object.entries(b.shares).map(([party, share]) => [party, share.toString()]),
    );
    return i === bands.length - 1 || upTo === undefined
      ? { shares }
      : { upTo: upTo.toString(), shares };
  });
}

/** The bands a contract's rows of the RiskShareBands table give; undefined when it has none. */
export function workbookBandsOf(
  table: InputTable | undefined,
  contractId: string,
  parties: readonly string[],
): WorkbookBands | undefined {
  if (table === undefined) return undefined;
  const rows = new ContractRows(table).of(contractId);
  const findings: Finding[] = [];
  const origins = new OriginRecorder();
  const gain = bandsOf(table, rows, 'Gain', parties, origins, findings);
  const loss = bandsOf(table, rows, 'Loss', parties, origins, findings);
  if (gain.length === 0) return undefined;
  // Limits as fractions unless the bands give only amounts.
  const limits =
    gain.some((b) => b.upToFraction !== undefined) || !gain.some((b) => b.upToAmount !== undefined)
      ? 'fraction'
      : 'amount';
  return {
    bandLimits: limits,
    gainBands: terms(gain, limits),
    ...(loss.length === 0 ? {} : { lossBands: terms(loss, limits) }),
  };
}

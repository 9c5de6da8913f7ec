/**
 * The gain/loss editor started from a contract's bands in the workbook's RiskShareBands
 * table (when the user switches to setting the terms in the pane), as the user would
 * type them: percentages for fractions ("0.05" → "5"), pounds for amounts.
 */
import type { BandTerms, ContractSummary } from '../../operations';
import { percentInput } from '../../ukFormat';
import type { BandRow, GainLossForm } from './gainLossForm';

function rows(
  bands: readonly BandTerms[],
  limits: 'fraction' | 'amount',
  parties: readonly string[],
): BandRow[] {
  return bands.map((b, i) => ({
    upTo:
      i === bands.length - 1 || b.upTo === undefined
        ? ''
        : limits === 'fraction'
          ? percentInput(b.upTo)
          : b.upTo,
    shares: Object.fromEntries(parties.map((p) => [p, percentInput(b.shares[p] ?? '0')])),
  }));
}

/** The form with the contract's workbook bands in its editor; the form as it was when the contract has none. */
export function withWorkbookBands(form: GainLossForm, contract: ContractSummary): GainLossForm {
  const bands = contract.bands;
  if (bands === undefined) return form;
  const gainBands = rows(bands.gainBands, bands.bandLimits, contract.parties);
  const lossBands =
    bands.lossBands === undefined
      ? gainBands
      : rows(bands.lossBands, bands.bandLimits, contract.parties);
  return {
    ...form,
    bandLimits: bands.bandLimits,
    gainBands,
    lossBands,
    symmetric: JSON.stringify(gainBands) === JSON.stringify(lossBands),
  };
}

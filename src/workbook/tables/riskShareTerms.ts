import { column, type TableKind } from '../tableSchema';

/** Per-party terms of a gain/loss share: caps on gains and losses, quality multipliers. */
export const riskShareTerms: TableKind = {
  id: 'riskShareTerms',
  defaultName: 'RiskShareTerms',
  sheet: 'Risk share',
  purpose:
    "Each party's own terms: the most gain it may receive and loss it may bear (an amount or a percentage of expected spend) and a quality multiplier (0–100%) on its share of a gain. Leave a cell blank for no cap; a party without a row has no caps and earns in full.",
  columns: [
    column.text('contractId', 'Contract ID', ['Contract'], false),
    column.text('party', 'Party', ['Partner', 'Organisation']),
    column.amount('gainCapAmount', 'Gain cap', ['Gain cap amount', 'Maximum gain'], false),
    column.fraction(
      'gainCapFraction',
      'Gain cap % of expected',
      ['Gain cap (% of expected)'],
      false,
    ),
    column.amount(
      'lossCapAmount',
      'Loss cap',
      ['Loss cap amount', 'Maximum loss', 'Fee at risk'],
      false,
    ),
    column.fraction(
      'lossCapFraction',
      'Loss cap % of expected',
      ['Loss cap (% of expected)'],
      false,
    ),
    column.fraction('quality', 'Quality multiplier', ['Quality', 'Quality score'], false),
  ],
  key: ['contractId', 'party'],
  // Bedfordshire MSK: no caps; Circle's gain share unconditional (quality 100%).
  examples: [
    ['MSK1', 'Circle', null, null, null, null, 1],
    ['MSK1', 'Bedfordshire CCG', null, null, null, null, null],
  ],
};

import { column, type TableKind } from '../tableSchema';
import { GAIN_OR_LOSS } from './options';

/** The bands of a gain/loss share: one row per band and party, with the party's share. */
export const riskShareBands: TableKind = {
  id: 'riskShareBands',
  defaultName: 'RiskShareBands',
  sheet: 'Risk share',
  purpose:
    "How a gain or loss is split: one row per band and party with the party's share of that band. Bands count from the first pound of the variance; every band but the last ends at a percentage of expected spend or at an amount; a band's shares sum to 100%. Without loss rows, losses are split like gains.",
  columns: [
    column.text('contractId', 'Contract ID', ['Contract'], false),
    column.option(
      'direction',
      'Gain or loss',
      ['Gain/loss', 'Direction', 'Applies to'],
      GAIN_OR_LOSS,
    ),
    column.integer('band', 'Band', ['Band number', 'Tier'], 1),
    column.fraction(
      'upToFraction',
      'Up to % of expected',
      ['Up to', 'Up to (% of expected)', 'Upper limit'],
      false,
    ),
    column.amount('upToAmount', 'Up to amount', ['Upper limit amount'], false),
    column.text('party', 'Party', ['Partner', 'Organisation']),
    column.fraction('share', 'Share', ['Share of band', 'Party share']),
  ],
  key: ['contractId', 'direction', 'band', 'party'],
  // Bedfordshire MSK (King's Fund 2014): the provider keeps the first 5% of a gain, then 50/50; it bears all losses.
  examples: [
    ['MSK1', 'Gain', 1, 0.05, null, 'Circle', 1],
    ['MSK1', 'Gain', 1, 0.05, null, 'Bedfordshire CCG', 0],
    ['MSK1', 'Gain', 2, null, null, 'Circle', 0.5],
    ['MSK1', 'Gain', 2, null, null, 'Bedfordshire CCG', 0.5],
    ['MSK1', 'Loss', 1, null, null, 'Circle', 1],
    ['MSK1', 'Loss', 1, null, null, 'Bedfordshire CCG', 0],
  ],
};

import { column, NAME_LIST_LIMIT, type TableKind } from '../tableSchema';
import { CONTRACT_MODELS } from './options';

/** Integrated-care contracts: model, parties, value, expected and actual spend, share at risk. */
export const contracts: TableKind = {
  id: 'contracts',
  defaultName: 'Contracts',
  sheet: 'Contracts',
  purpose:
    'One row per contract: its model, commissioner and provider (and any other parties to its risk share), annual value, the expected and actual spend a gain/loss share compares, and the share of value at risk on performance.',
  columns: [
    column.text('contractId', 'Contract ID', [
      'ID',
      'Contract',
      'Contract ref',
      'Contract reference',
    ]),
    column.text('contract', 'Contract name', ['Name', 'Description'], false),
    column.option('model', 'Contract model', ['Model'], CONTRACT_MODELS),
    column.text('commissioner', 'Commissioner', ['Commissioned by', 'Lead commissioner']),
    column.text('provider', 'Provider', ['Lead provider', 'Prime', 'Prime provider']),
    column.text(
      'parties',
      'Parties',
      ['Other parties', 'Risk share parties', 'Partners'],
      false,
      NAME_LIST_LIMIT,
    ),
    column.amount('annualValue', 'Annual value', [
      'Contract value',
      'Value',
      'Annual contract value',
    ]),
    column.amount(
      'expected',
      'Expected spend',
      ['Expected', 'Benchmark', 'Target spend', 'Target cost'],
      false,
    ),
    column.amount('actual', 'Actual spend', ['Actual', 'Actual cost', 'Outturn'], false),
    column.fraction(
      'atRiskRate',
      'At-risk rate',
      ['At risk', 'Share at risk', 'Outcome incentive'],
      false,
    ),
  ],
  key: ['contractId'],
  // Bedfordshire MSK prime contract (King's Fund 2014): £26.5m a year, 95% up front, 2.5% at risk.
  examples: [
    [
      'MSK1',
      'Bedfordshire MSK prime contract',
      'Prime contractor',
      'Bedfordshire CCG',
      'Circle',
      'Circle; Bedfordshire CCG',
      26500000,
      25175000,
      23000000,
      0.025,
    ],
  ],
};

import { column, type TableKind } from '../tableSchema';
import { FUNDING_SOURCES } from './options';

/** The BCF plan's income by source of funding (the plan checks compare it with expenditure). */
export const income: TableKind = {
  id: 'income',
  defaultName: 'Income',
  sheet: 'Income',
  purpose:
    'The money coming into the BCF plan, one row per source of funding and contributor; each source must be planned to be spent in full.',
  columns: [
    column.option('source', 'Source of funding', ['Funding source', 'Source'], FUNDING_SOURCES),
    column.text('contributor', 'Contributor', ['Partner', 'Organisation', 'Funder']),
    column.amount('amount', 'Income', ['Amount', 'Contribution', 'Value']),
  ],
  key: ['source', 'contributor'],
  examples: [
    ['Minimum NHS Contribution', 'B&NES CCG', 28348000],
    ['Additional LA Contribution', 'B&NES Council', 40888000],
  ],
};

import { column, type TableKind } from '../tableSchema';

/** Partners' money into the pool, by scheme or spending category (pooled fund, funding envelope). */
export const contributions: TableKind = {
  id: 'contributions',
  defaultName: 'Contributions',
  sheet: 'Contributions',
  purpose:
    "Each partner's contribution to the pooled fund, one row per partner and scheme (or spending category); rows for the same partner and scheme add up.",
  columns: [
    column.text('partner', 'Partner', ['Contributor', 'Organisation', 'Organization', 'Funder']),
    column.text('scheme', 'Scheme', ['Category', 'Scheme or category', 'Scheme name', 'Service']),
    column.amount('amount', 'Amount', ['Contribution', 'Value', 'Budget']),
  ],
  key: [],
  // Bath & North East Somerset community services OBC (2015), Table 3, in pounds: the
  // partners' totals (shares 40.94% / 59.06%), each put against one scheme of the example plan.
  examples: [
    ['B&NES CCG', 'Community services', 28348000],
    ['B&NES Council', 'Social care packages', 40888000],
  ],
};

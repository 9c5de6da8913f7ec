import { column, type TableKind } from '../tableSchema';

/** Planned spend by plan year (funding envelope: the gap between envelope and plan). */
export const plannedSpend: TableKind = {
  id: 'plannedSpend',
  defaultName: 'PlannedSpend',
  sheet: 'Planned spend',
  purpose:
    'What the partners plan to spend in each plan year, for the whole envelope or a part of it (leave Category and Partner blank to cover all); the funding envelope shows the gap to it.',
  columns: [
    column.integer('year', 'Plan year', ['Year'], 1),
    column.text('category', 'Category', ['Scheme', 'Spending category'], false),
    column.text('partner', 'Partner', ['Organisation', 'Contributor'], false),
    column.amount('amount', 'Planned spend', ['Planned', 'Plan', 'Amount', 'Budget']),
  ],
  key: ['year', 'category', 'partner'],
  // Illustrative plan against the B&NES pool with a 7% reduction to net budgets over four years.
  examples: [
    [1, null, null, 68000000],
    [2, null, null, 66800000],
    [3, null, null, 65600000],
    [4, null, null, 64400000],
  ],
};

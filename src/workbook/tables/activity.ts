import { column, type TableKind } from '../tableSchema';

/** Planned and actual activity by period (activity payments; BCF payment for performance). */
export const activity: TableKind = {
  id: 'activity',
  defaultName: 'Activity',
  sheet: 'Activity',
  purpose:
    'Planned (or baseline) and actual activity by period, with the price per unit: admissions, attendances or contacts. The BCF payment for performance reads the quarters of non-elective admissions (baseline, actual, unit cost, and an optional ambition overriding the scenario parameter).',
  columns: [
    column.text('contractId', 'Contract ID', ['Contract'], false),
    column.text('period', 'Period', ['Quarter', 'Month', 'Year']),
    column.number('planned', 'Planned activity', [
      'Baseline activity',
      'Baseline',
      'Planned',
      'Plan',
    ]),
    column.number('actual', 'Actual activity', ['Actual', 'Activity']),
    column.amount('price', 'Price', ['Unit price', 'Tariff', 'Unit cost', 'Cost per unit'], false),
    column.fraction('ambition', 'Ambition', ['Planned reduction', 'Reduction ambition'], false),
  ],
  key: ['contractId', 'period'],
  // BCF 2015/16 payment for performance: quarterly non-elective admissions (figures illustrative).
  examples: [
    ['NEL', '2015/16 Q1', 10000, 9895, 1490, 0.035],
    ['NEL', '2015/16 Q2', 10000, 9650, 1490, 0.035],
    ['NEL', '2015/16 Q3', 10500, 10500, 1490, 0.035],
    ['NEL', '2015/16 Q4', 10200, 9900, 1490, 0.035],
  ],
};

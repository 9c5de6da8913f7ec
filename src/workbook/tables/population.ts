import { column, type TableKind } from '../tableSchema';

/** Population segments of a capitation budget. */
export const population: TableKind = {
  id: 'population',
  defaultName: 'Population',
  sheet: 'Population',
  purpose:
    'The population covered by a capitation budget, one row per segment (age band, risk tier): people in the first year, the annual amount per person and an optional risk weight; optional per-segment annual changes override the scenario parameters, and an actual population drives the tolerance adjustment.',
  columns: [
    column.text('segment', 'Segment', ['Population segment', 'Age band', 'Cohort', 'Group']),
    column.number('population', 'Population', ['People', 'Registered population', 'Persons']),
    column.amount('annualRate', 'Annual rate', [
      'Rate per person',
      'Annual rate per person',
      'Capitation rate',
      'Rate',
    ]),
    column.number('weight', 'Risk weight', ['Weight', 'Weighting'], false),
    column.fraction('uplift', 'Uplift', ['Annual uplift', 'Rate uplift'], false, true),
    column.fraction('efficiency', 'Efficiency', ['Annual efficiency', 'Efficiency saving'], false),
    column.fraction(
      'populationGrowth',
      'Population growth',
      ['Growth', 'Annual growth'],
      false,
      true,
    ),
    column.number('actualPopulation', 'Actual population', ['Actual people', 'Actual'], false),
  ],
  key: ['segment'],
  // Bedfordshire MSK (King's Fund 2014): a £26.5m first year rising about 1.3% a year,
  // shown as 265,000 people at £100 a head with a 1.3% uplift (the split is illustrative).
  examples: [['Adults (MSK)', 265000, 100, 1, 0.013, null, null, null]],
};

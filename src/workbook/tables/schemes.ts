import { column, type TableKind } from '../tableSchema';
import { AREAS_OF_SPEND, COMMISSIONERS, FUNDING_SOURCES, SCHEME_TYPES } from './options';

/** The BCF plan's schemes and their planned (and actual) expenditure. */
export const schemes: TableKind = {
  id: 'schemes',
  defaultName: 'Schemes',
  sheet: 'Schemes',
  purpose:
    'The planned expenditure by scheme, as in the BCF planning template: who commissions it, from which source of funding, and (after the year) what it actually spent.',
  columns: [
    column.text('schemeId', 'Scheme ID', ['ID', 'Scheme ref', 'Scheme reference', 'Ref']),
    column.text('scheme', 'Scheme name', ['Scheme', 'Name']),
    column.option('schemeType', 'Scheme type', ['Type'], SCHEME_TYPES, false),
    column.option('areaOfSpend', 'Area of spend', ['Area'], AREAS_OF_SPEND, false),
    column.option('commissioner', 'Commissioner', ['Commissioned by'], COMMISSIONERS),
    column.fraction('nhsShare', '% NHS', ['NHS share', 'NHS', '% NHS (if joint)'], false),
    column.fraction('laShare', '% LA', ['LA share', 'LA', '% LA (if joint)'], false),
    column.text('provider', 'Provider', ['Provider name'], false),
    column.option('source', 'Source of funding', ['Funding source', 'Source'], FUNDING_SOURCES),
    column.amount('expenditure', 'Expenditure', [
      'Planned expenditure',
      'Planned spend',
      'Budget',
      'Amount',
    ]),
    column.amount('actual', 'Actual spend', ['Actual', 'Actual expenditure', 'Outturn'], false),
  ],
  key: ['schemeId'],
  // Illustrative rows in the shape of a BCF plan (the B&NES totals split by commissioner).
  examples: [
    [
      'S1',
      'Community services',
      'Community Based Schemes',
      'Community Health',
      'NHS',
      null,
      null,
      'Virgin Care',
      'Minimum NHS Contribution',
      28348000,
      null,
    ],
    [
      'S2',
      'Social care packages',
      'Home Care or Domiciliary Care',
      'Social Care',
      'LA',
      null,
      null,
      'Various',
      'Additional LA Contribution',
      40888000,
      null,
    ],
  ],
};

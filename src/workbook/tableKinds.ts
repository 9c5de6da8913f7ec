import { activity } from './tables/activity';
import { contracts } from './tables/contracts';
import { contributions } from './tables/contributions';
import { income } from './tables/income';
import { metrics } from './tables/metrics';
import { plannedSpend } from './tables/plannedSpend';
import { population } from './tables/population';
import { riskShareBands } from './tables/riskShareBands';
import { riskShareTerms } from './tables/riskShareTerms';
import { schemes } from './tables/schemes';
import type { TableKind, TableKindId } from './tableSchema';

export type { ColumnSpec, ColumnType, TableKind, TableKindId } from './tableSchema';

/**
 * Every input table kind, by id. One kind per mechanism input; each is found in the
 * workbook by its default name (e.g. an Excel table named `Contributions`) or, failing
 * that, by a header row holding all of its required columns.
 */
export const TABLE_KINDS: Readonly<Record<TableKindId, TableKind>> = {
  contributions,
  schemes,
  income,
  contracts,
  population,
  metrics,
  riskShareBands,
  riskShareTerms,
  activity,
  plannedSpend,
};

/** The kinds in the order the planning template and the README present them. */
export const TABLE_KIND_ORDER: readonly TableKindId[] = [
  'contributions',
  'schemes',
  'income',
  'contracts',
  'population',
  'metrics',
  'riskShareBands',
  'riskShareTerms',
  'activity',
  'plannedSpend',
];

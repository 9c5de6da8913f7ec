import { column, type TableKind } from '../tableSchema';
import { DIRECTIONS, SCORINGS } from './options';

/** Weighted outcome metrics of a pay-for-performance scheme. */
export const metrics: TableKind = {
  id: 'metrics',
  defaultName: 'Metrics',
  sheet: 'Metrics',
  purpose:
    'The weighted metrics that earn the share of contract value at risk: weights sum to 100%; each metric scores 0 at its baseline and 1 at its target (linear) or 1 only when the target is met (threshold).',
  columns: [
    column.text('contractId', 'Contract ID', ['Contract'], false),
    column.text('metric', 'Metric', ['Measure', 'Indicator', 'Metric name', 'Outcome']),
    column.fraction('weight', 'Weight', ['Weighting']),
    column.number('baseline', 'Baseline', ['Baseline value', 'Starting point'], false, false),
    column.number('target', 'Target', ['Target value'], true, false),
    column.number('actual', 'Actual', ['Actual value', 'Result', 'Outturn'], true, false),
    column.option('direction', 'Better when', ['Direction', 'Higher or lower'], DIRECTIONS),
    column.option('scoring', 'Scoring', ['Scoring method', 'Method'], SCORINGS, false),
  ],
  key: ['contractId', 'metric'],
  // Bedfordshire MSK: 2.5% at risk across outcome categories, patient outcomes weighted heaviest (weights illustrative).
  examples: [
    ['MSK1', 'Patient-reported outcomes', 0.4, 60, 80, 75, 'higher', 'linear'],
    ['MSK1', 'Patient experience', 0.2, 80, 90, 90, 'higher', 'linear'],
    ['MSK1', 'Waiting times within standard', 0.2, 85, 95, 92, 'higher', 'linear'],
    ['MSK1', 'Unplanned readmissions', 0.2, 5, 3, 3, 'lower', 'threshold'],
  ],
};

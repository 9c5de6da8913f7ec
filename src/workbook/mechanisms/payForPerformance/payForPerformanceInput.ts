import type {
  MetricInput,
  PerformancePaymentInput,
  Phasing,
} from '../../../engine/payForPerformance/performancePayment';
import { FindingCode, type Finding } from '../../findings';
import { decOf, textOf } from '../../inputTable';
import type { Built } from '../../mechanism';
import { decParam, textParam, type TypedParams } from '../../params';
import type { InputTables } from '../../readInputs';
import { OriginRecorder, chooseContract, rowFinding, rowsFor } from '../rowsToInput';
import { weightsFinding } from '../weights';

const METRIC_FIELDS = {
  name: 'metric',
  weight: 'weight',
  baseline: 'baseline',
  target: 'target',
  actual: 'actual',
  direction: 'direction',
  scoring: 'scoring',
};

/**
 * Builds pay for performance for one contract and period: contract value from the
 * chosen contract's Annual value, the at-risk rate from the `atRiskRate` parameter or
 * else the contract's At-risk rate, the contract's Metrics rows (blank Contract ID rows
 * apply to every contract), and the phasing parameters.
 */
export function buildP4p(tables: InputTables, values: TypedParams): Built<PerformancePaymentInput> {
  const origins = new OriginRecorder();
  const chosen = chooseContract(tables.contracts, textParam(values, 'contract'));
  const findings: Finding[] = [...chosen.findings];
  const contract = chosen.row;
  const metricsTable = tables.metrics;
  if (contract === undefined || tables.contracts === undefined || metricsTable === undefined) {
    return { input: { metrics: [] }, origins: origins.map, findings };
  }
  const rate = decParam(values, 'atRiskRate') ?? decOf(contract, 'atRiskRate');
  if (rate === undefined) {
    const problem =
      'the cell is blank; give the share of contract value at risk here or as a parameter.';
    findings.push(
      ...rowFinding(FindingCode.BLANK, tables.contracts, contract, 'atRiskRate', problem),
    );
  }
  origins.add('contractValue', tables.contracts, contract, 'annualValue');
  if (decParam(values, 'atRiskRate') === undefined)
    origins.add('atRiskRate', tables.contracts, contract, 'atRiskRate');
  const rows = rowsFor(metricsTable, textOf(contract, 'contractId'));
  findings.push(...weightsFinding(metricsTable, rows, 'weight', 'Metric weights'));
  const metrics = rows.map((row, i): MetricInput => {
    origins.addRow(`metrics[${i}]`, metricsTable, row, METRIC_FIELDS);
    const baseline = decOf(row, 'baseline');
    const scoring = textOf(row, 'scoring');
    return {
      name: textOf(row, 'metric') ?? '',
      weight: decOf(row, 'weight') ?? 0,
      ...(baseline === undefined ? {} : { baseline }),
      target: decOf(row, 'target') ?? 0,
      actual: decOf(row, 'actual') ?? 0,
      direction: textOf(row, 'direction') === 'lower' ? 'lower' : 'higher',
      ...(scoring === undefined ? {} : { scoring: scoring as MetricInput['scoring'] }),
    };
  });
  const applied = decParam(values, 'appliedFraction');
  const input: PerformancePaymentInput = {
    period: textParam(values, 'period') ?? 'Contract period',
    contractValue: decOf(contract, 'annualValue') ?? 0,
    atRiskRate: rate ?? 0,
    phasing: (textParam(values, 'phasing') ?? 'applied') as Phasing,
    ...(applied === undefined ? {} : { appliedFraction: applied }),
    metrics,
  };
  return { input, origins: origins.map, findings };
}

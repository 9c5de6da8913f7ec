import type {
  ActivityModel,
  ActivityPaymentInput,
} from '../../../engine/activityPayment/activityPayment';
import { ZERO } from '../../../engine/decimal';
import { FindingCode } from '../../findings';
import { decOf, textOf, type InputRow } from '../../inputTable';
import type { Built } from '../../mechanism';
import { decParam, intParam, paramFinding, textParam, type TypedParams } from '../../params';
import type { InputTables } from '../../readInputs';
import { OriginRecorder, rowFinding, rowsFor } from '../rowsToInput';

/** Activity payments for each period of the Activity table (or one block contract). */
export interface ActivityRunInput {
  readonly model: ActivityModel;
  readonly periods: readonly { readonly period: string; readonly input: ActivityPaymentInput }[];
}

function periodInput(
  model: ActivityModel,
  row: InputRow,
  values: TypedParams,
): ActivityPaymentInput {
  const price = decOf(row, 'price') ?? decParam(values, 'price') ?? ZERO;
  const planned = decOf(row, 'planned') ?? ZERO;
  const actual = decOf(row, 'actual') ?? 0;
  const marginalRate = decParam(values, 'marginalRate');
  const variableRate = decParam(values, 'variableRate');
  const fixed = decParam(values, 'fixed') ?? planned.times(price);
  if (model === 'marginal') {
    return {
      model,
      price,
      baseline: planned,
      actual,
      ...(marginalRate === undefined ? {} : { marginalRate }),
    };
  }
  if (model === 'corridor') {
    const refundRate = decParam(values, 'refundRate');
    return {
      model,
      fixed,
      planned,
      price,
      actual,
      band: decParam(values, 'band') ?? 0,
      ...(marginalRate === undefined ? {} : { marginalRate }),
      ...(refundRate === undefined ? {} : { refundRate }),
    };
  }
  const m = model === 'aligned' ? 'aligned' : 'blended';
  return {
    model: m,
    fixed,
    planned,
    price,
    actual,
    ...(variableRate === undefined ? {} : { variableRate }),
  };
}

/**
 * Builds activity payments: for `block`, one payment of the `blockValue` parameter over
 * `years` with `inflator`; otherwise one payment per Activity row (Planned activity as
 * the baseline or plan, Actual activity, Price or the `price` parameter), the fixed
 * element being the `fixed` parameter or else planned activity × price.
 */
export function buildActivity(tables: InputTables, values: TypedParams): Built<ActivityRunInput> {
  const origins = new OriginRecorder();
  const model = (textParam(values, 'model') ?? 'marginal') as ActivityModel;
  if (model === 'block') {
    const value = decParam(values, 'blockValue');
    const findings =
      value === undefined
        ? [paramFinding('Block value', 'the block model needs the year-1 value.')]
        : [];
    const inflator = decParam(values, 'inflator');
    const input: ActivityPaymentInput = {
      model,
      value: value ?? 0,
      years: intParam(values, 'years') ?? 1,
      ...(inflator === undefined ? {} : { inflator }),
    };
    return {
      input: { model, periods: [{ period: 'Block contract', input }] },
      origins: origins.map,
      findings,
    };
  }
  const table = tables.activity;
  const findings =
    table === undefined
      ? [paramFinding('Model', `the ${model} model needs the Activity table.`)]
      : [];
  const rows = rowsFor(table, textParam(values, 'contract'));
  const periods = rows.map((row, i) => {
    if (table !== undefined) {
      origins.addRow(`periods[${i}]`, table, row, {
        baseline: 'planned',
        planned: 'planned',
        actual: 'actual',
        price: 'price',
      });
      if (decOf(row, 'price') === undefined && decParam(values, 'price') === undefined) {
        findings.push(
          ...rowFinding(
            FindingCode.BLANK,
            table,
            row,
            'price',
            'the cell is blank; give the price per unit here or as a parameter.',
          ),
        );
      }
    }
    return { period: textOf(row, 'period') ?? '', input: periodInput(model, row, values) };
  });
  return { input: { model, periods }, origins: origins.map, findings };
}

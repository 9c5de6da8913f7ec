/**
 * A stub mechanism built from a descriptor and registered by one line, beside the real
 * ones: an amount times a factor. The CLI, catalogue and golden runner tests
 * (test/workbook/stubMechanism.test.ts) and the pane's form test
 * (test/taskpane/stubForm.test.tsx) show what the descriptor alone gives it.
 */
import { Dec, moneyText, type Amount } from '../../src/engine/decimal';
import { EngineError } from '../../src/engine/errors';
import type { Step } from '../../src/engine/explain';
import { defineMechanism, registerMechanisms } from '../../src/workbook/mechanism';
import { intParam } from '../../src/workbook/params';
import { TABLE_KINDS } from '../../src/workbook/tableKinds';

/** The stub's engine: an amount times a factor, refusing a negative amount. */
interface StubInput {
  readonly amount: Amount;
  readonly factor?: number;
}
interface StubResult {
  readonly total: Dec;
  readonly steps: readonly Step[];
}
function stubEngine(input: StubInput): StubResult {
  const amount = new Dec(String(input.amount));
  if (amount.isNegative()) {
    throw new EngineError(
      'STUB.NEGATIVE',
      `amount must not be negative (got ${amount.toString()}).`,
      'amount',
      input.amount,
    );
  }
  const total = amount.times(input.factor ?? 2);
  return {
    total,
    steps: [{ rule: 'times', text: `${moneyText(amount)} × ${input.factor ?? 2}.` }],
  };
}

/** The descriptor and its one registry line. */
export const { stub } = registerMechanisms({
  stub: defineMechanism<StubInput, StubResult>({
    title: 'Stub share',
    summary: 'An amount times a factor, to show what a descriptor gives.',
    sheet: 'BCF Results - Stub',
    tables: [{ kind: TABLE_KINDS.income, required: true }],
    params: [
      {
        id: 'factor',
        label: 'Factor',
        type: { kind: 'integer', min: 1, max: 9 },
        unit: 'times',
        default: 2,
        help: 'How many times the amount.',
        pane: { hint: 'How many times the amount is counted.' },
      },
    ],
    build: (_tables, values) => ({
      input: { amount: 10, factor: intParam(values, 'factor') ?? 2 },
      origins: new Map(),
      findings: [],
    }),
    calculate: stubEngine,
    blocks: (r) => [
      {
        kind: 'table',
        heading: 'Total',
        name: 'BCF_Stub',
        columns: [],
        rows: [[r.total.toNumber()]],
      },
    ],
    headline: (r) => [{ label: 'Total', text: moneyText(r.total) }],
  }),
});

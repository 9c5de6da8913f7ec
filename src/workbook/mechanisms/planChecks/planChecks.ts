import { moneyText } from '../../../engine/decimal';
import {
  planChecks,
  type ExpenditureLineInput,
  type IncomeLineInput,
  type PlanChecksInput,
  type PlanChecksResult,
} from '../../../engine/planChecks/planChecks';
import { FindingCode, type Finding } from '../../findings';
import { decOf, textOf } from '../../inputTable';
import { defineMechanism, type Built } from '../../mechanism';
import { decParam, type TypedParams } from '../../params';
import type { InputTables } from '../../readInputs';
import { numberCellOrBlank } from '../../results/cells';
import { MONEY, TEXT, type ResultBlock } from '../../results/layout';
import { TABLE_KINDS } from '../../tableKinds';
import { OriginRecorder, rowFinding } from '../rowsToInput';

/** The sheet the plan checks write: the planning template's Checks sheet. */
export const CHECKS_SHEET = 'Checks';

const LINE_FIELDS = {
  schemeName: 'scheme',
  schemeId: 'schemeId',
  commissioner: 'commissioner',
  nhsShare: 'nhsShare',
  laShare: 'laShare',
  source: 'source',
  areaOfSpend: 'areaOfSpend',
  amount: 'expenditure',
};

/**
 * Builds the BCF plan checks from the Income and Schemes tables and the two minima
 * (parameters, from the HWB's BCF allocations). Each expenditure line is referred to by
 * its Scheme ID; each income line as "Income row n".
 */
function buildChecks(tables: InputTables, values: TypedParams): Built<PlanChecksInput> {
  const origins = new OriginRecorder();
  const findings: Finding[] = [];
  const { income: incomeTable, schemes } = tables;
  const income = (incomeTable?.rows ?? []).map((row, i): IncomeLineInput => {
    if (incomeTable !== undefined)
      origins.addRow(`income[${i}]`, incomeTable, row, { amount: 'amount', source: 'source' });
    return {
      row: `Income row ${row.row}`,
      source: textOf(row, 'source') ?? '',
      amount: decOf(row, 'amount') ?? 0,
    };
  });
  const expenditure = (schemes?.rows ?? []).map((row, i): ExpenditureLineInput => {
    if (schemes !== undefined) {
      origins.addRow(`expenditure[${i}]`, schemes, row, LINE_FIELDS);
      if (textOf(row, 'areaOfSpend') === undefined) {
        const problem = 'the cell is blank; the plan checks need the area of spend.';
        findings.push(...rowFinding(FindingCode.BLANK, schemes, row, 'areaOfSpend', problem));
      }
    }
    const schemeType = textOf(row, 'schemeType');
    return {
      row: textOf(row, 'schemeId') ?? `Schemes row ${row.row}`,
      schemeName: textOf(row, 'scheme') ?? '',
      ...(schemeType === undefined ? {} : { schemeType }),
      commissioner: textOf(row, 'commissioner') ?? 'NHS',
      nhsShare: decOf(row, 'nhsShare') ?? null,
      laShare: decOf(row, 'laShare') ?? null,
      source: textOf(row, 'source') ?? '',
      areaOfSpend: textOf(row, 'areaOfSpend') ?? '',
      amount: decOf(row, 'expenditure') ?? 0,
    };
  });
  const input: PlanChecksInput = {
    income,
    expenditure,
    minima: {
      socialCareFromMinimumNhs: decParam(values, 'socialCareMinimum') ?? 0,
      nhsOutOfHospital: decParam(values, 'nhsOutOfHospitalMinimum') ?? 0,
    },
  };
  return { input, origins: origins.map, findings };
}

function checksTable(r: PlanChecksResult): ResultBlock {
  return {
    kind: 'table',
    heading: r.passed
      ? `All ${r.checkCount} checks passed`
      : `${r.failedCount} of ${r.checkCount} checks failed`,
    name: 'BCF_Checks',
    columns: [
      { header: 'Check', format: TEXT, width: 44 },
      { header: 'Result', format: TEXT, width: 8 },
      { header: 'Required', format: MONEY },
      { header: 'In the plan', format: MONEY },
      { header: 'Difference', format: MONEY },
      { header: 'Rows', format: TEXT, width: 20 },
      { header: 'Detail', format: TEXT, width: 60 },
    ],
    rows: r.checks.map((c) => [
      c.subject === undefined ? c.title : `${c.title}: ${c.subject}`,
      c.passed ? 'PASS' : 'FAIL',
      numberCellOrBlank(c.expected),
      numberCellOrBlank(c.actual),
      numberCellOrBlank(c.difference),
      c.rows.join(', '),
      [c.message, ...c.findings.map((f) => `${f.row}: ${f.message}`)].join(' '),
    ]),
  };
}

/** Where the two minima come from, for the pane. */
const MINIMUM_INFO =
  'Published for each Health and Wellbeing Board with the BCF allocations (the planning return shows it beside “Minimum required”). At £0 the check passes whatever the plan spends.';

/** The BCF plan checks as the workbook runs them (results on the Checks sheet). */
export const planChecksMechanism = defineMechanism<PlanChecksInput, PlanChecksResult>({
  title: 'BCF plan checks',
  summary: 'The sign-off checks of a completed BCF plan.',
  sheet: CHECKS_SHEET,
  tables: [
    { kind: TABLE_KINDS.income, required: true },
    { kind: TABLE_KINDS.schemes, required: true },
  ],
  params: [
    {
      id: 'socialCareMinimum',
      label: 'Minimum social care spend',
      type: { kind: 'amount', nonNegative: true },
      required: true,
      help: 'Required adult social care spend from the minimum NHS contribution (from the BCF allocations).',
      pane: {
        label: 'Minimum adult social care spend (£)',
        hint: 'The least the plan must spend on adult social care from the minimum NHS contribution.',
        info: MINIMUM_INFO,
      },
    },
    {
      id: 'nhsOutOfHospitalMinimum',
      label: 'NHS out-of-hospital ring-fence',
      type: { kind: 'amount', nonNegative: true },
      required: true,
      help: 'Required NHS-commissioned out-of-hospital spend from the minimum NHS contribution.',
      pane: {
        hint: 'The least the plan must spend on NHS-commissioned out-of-hospital services from the minimum NHS contribution.',
        info: MINIMUM_INFO,
      },
    },
  ],
  build: buildChecks,
  calculate: planChecks,
  blocks: (r) => [checksTable(r)],
  headline: (r) => [
    { label: 'Checks passed', text: `${r.passedCount} of ${r.checkCount}` },
    ...r.checks
      .filter((c) => !c.passed)
      .map((c) => ({
        label: c.subject ?? c.title,
        text: c.difference === undefined ? 'FAIL' : `FAIL (${moneyText(c.difference)})`,
      })),
  ],
});

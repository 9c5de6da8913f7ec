/**
 * Completed BCF plans for the `bcf check` and `bcf consolidate` tests: Income and Schemes
 * tables as a Health and Wellbeing Board fills them in (built with ExcelTS, as a user's
 * file arrives), with the plan-check minima saved in the workbook's settings as the task
 * pane saves them. Figures are illustrative, in the shape of the B&NES pool (B&NES
 * community services OBC 2015: CCG £28,348,000, council £40,888,000), scaled per board.
 */
import { writeFileSync } from 'fs';
import { openXlsx } from '../../../src/adapters/xlsx';
import { Workbook } from '../../../src/adapters/xlsx/excelts';
import { paramsKey } from '../../../src/workbook/settingsStore';
import { TABLE_KINDS } from '../../../src/workbook/tableKinds';

type Cell = string | number | null;

/** A plan: its income and scheme rows (in the template's column order) and its minima. */
export interface Plan {
  readonly income: Cell[][];
  readonly schemes: Cell[][];
  readonly socialCareMinimum: number;
  readonly nhsOutOfHospitalMinimum: number;
}

/**
 * A plan that passes every check, its amounts scaled by `percent` / 100 (whole pounds
 * times a whole percentage stays exact to the penny).
 *
 * @param percent - e.g. 100 for the base figures, 101 for 1% more.
 * @param options - `ibcfShortfall`: plan this much less iBCF spend than its income, so
 *   the iBCF balance check fails.
 */
export function balancedPlan(percent = 100, options: { ibcfShortfall?: number } = {}): Plan {
  const at = (pounds: number): number => (pounds * percent) / 100;
  const shortfall = options.ibcfShortfall ?? 0;
  return {
    income: [
      ['Minimum NHS Contribution', 'B&NES CCG', at(28_348_000)],
      ['iBCF', 'B&NES Council', at(4_000_000)],
      ['DFG', 'B&NES Council', at(1_500_000)],
      ['Additional LA Contribution', 'B&NES Council', at(40_888_000)],
    ],
    schemes: [
      // Scheme ID, name, type, area, commissioner, % NHS, % LA, provider, source, expenditure, actual
      [
        'S1',
        'Reablement',
        'Intermediate Care Services',
        'Social Care',
        'LA',
        null,
        null,
        'Council',
        'Minimum NHS Contribution',
        at(10_000_000),
        null,
      ],
      [
        'S2',
        'Community nursing',
        'Community Based Schemes',
        'Community Health',
        'NHS',
        null,
        null,
        'Virgin Care',
        'Minimum NHS Contribution',
        at(18_348_000),
        null,
      ],
      [
        'S3',
        'Home care',
        'Home Care or Domiciliary Care',
        'Social Care',
        'LA',
        null,
        null,
        'Various',
        'iBCF',
        at(4_000_000) - shortfall,
        null,
      ],
      [
        'S4',
        'Adaptations',
        'DFG Related Schemes',
        'Social Care',
        'LA',
        null,
        null,
        'Council',
        'DFG',
        at(1_500_000),
        null,
      ],
      [
        'S5',
        'Integrated care planning',
        'Integrated Care Planning and Navigation',
        'Community Health',
        'Joint',
        0.6,
        0.4,
        'Various',
        'Additional LA Contribution',
        at(40_888_000),
        null,
      ],
    ],
    socialCareMinimum: at(9_000_000),
    nhsOutOfHospitalMinimum: at(15_000_000),
  };
}

/** The workbook of a plan (tables only, no settings) as .xlsx bytes. */
export async function planBytes(plan: Plan): Promise<Uint8Array> {
  const book = new Workbook();
  const income = book.addWorksheet('Income');
  income.addTable({
    name: 'Income',
    ref: 'A1',
    columns: TABLE_KINDS.income.columns.map((c) => ({ name: c.header })),
    rows: plan.income,
  });
  const schemes = book.addWorksheet('Schemes');
  schemes.addTable({
    name: 'Schemes',
    ref: 'A1',
    columns: TABLE_KINDS.schemes.columns.map((c) => ({ name: c.header })),
    rows: plan.schemes,
  });
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** Writes a plan with its minima saved in the workbook's settings (as after a run in Excel), and any other settings given. */
export async function writePlan(
  path: string,
  plan: Plan,
  settings: Readonly<Record<string, string>> = {},
): Promise<void> {
  const workbook = await openXlsx(await planBytes(plan), path);
  await workbook.settings.set({
    ...settings,
    [paramsKey('checks')]: JSON.stringify({
      socialCareMinimum: plan.socialCareMinimum,
      nhsOutOfHospitalMinimum: plan.nhsOutOfHospitalMinimum,
    }),
  });
  writeFileSync(path, await workbook.save());
}

/**
 * Makes the facsimile official-style BCF planning return,
 * assets/samples/bcf-planning-return-facsimile.xlsx:
 *   npx tsx test/support/makeFacsimile.ts
 * It is built from the published descriptions of the NHS England BCF planning template
 * (it is not the official file): a cover sheet, an Income sheet and an Expenditure sheet,
 * each under a title block with the "Health and Wellbeing Board:" label, the plan year
 * and the plan's minima beside their labels, data in plain ranges ending in a totals row
 * of SUM formulas, every sheet protected. assets/datamaps/bcf-planning-return.json reads
 * it; test/cli/datamap.test.ts checks that the committed file reads back the same as
 * this script makes, and the figures below by hand.
 */
import { resolve } from 'path';
import { Workbook } from '../../src/adapters/xlsx/excelts';

/** Where the facsimile is committed. */
export const FACSIMILE_PATH = resolve(
  __dirname,
  '../../assets/samples/bcf-planning-return-facsimile.xlsx',
);

/** The board the facsimile is for (an invented one). */
export const FACSIMILE_BOARD = 'Northshire';

/** Income rows: source of funding, contributor, income (£). */
export const FACSIMILE_INCOME: readonly (readonly [string, string, number])[] = [
  ['Minimum NHS Contribution', 'Northshire ICB', 12_345_678.9],
  ['DFG', 'Northshire County Council', 2_100_000],
  ['iBCF', 'Northshire County Council', 4_500_000],
  ['Additional LA Contribution', 'Northshire County Council', 1_000_000],
];

type SchemeRow = readonly [
  string, // Scheme ID
  string, // Scheme Name
  string, // Scheme Type
  string, // Sub Types
  string, // Area of Spend
  string, // Commissioner
  number | null, // % NHS (if Joint Commissioner)
  number | null, // % LA (if Joint Commissioner)
  string, // Provider
  string, // Source of Funding
  number, // Expenditure (£)
  string, // New/Existing Scheme
];

/** The Expenditure sheet's column headers, as the NHS England template names them. */
export const FACSIMILE_SCHEME_HEADERS: readonly string[] = [
  'Scheme ID',
  'Scheme Name',
  'Scheme Type',
  'Sub Types',
  'Area of Spend',
  'Commissioner',
  '% NHS (if Joint Commissioner)',
  '% LA (if Joint Commissioner)',
  'Provider',
  'Source of Funding',
  'Expenditure (£)',
  'New/Existing Scheme',
];

/** Scheme rows (Expenditure sheet rows 7 to 12; the totals row is 13). */
export const FACSIMILE_SCHEMES: readonly SchemeRow[] = [
  [
    'S01',
    'Reablement at home',
    'Home Care or Domiciliary Care',
    'Domiciliary care packages',
    'Social Care',
    'LA',
    null,
    null,
    'Northshire County Council',
    'Minimum NHS Contribution',
    4_200_000,
    'Existing',
  ],
  [
    'S02',
    'Community nursing',
    'Community Based Schemes',
    'Integrated neighbourhood services',
    'Community Health',
    'NHS',
    null,
    null,
    'Northshire Community Health NHS Trust',
    'Minimum NHS Contribution',
    5_145_678.9,
    'Existing',
  ],
  [
    'S03',
    'Joint discharge team',
    'Integrated Care Planning and Navigation',
    'Care coordination',
    'Community Health',
    'Joint',
    0.6,
    0.4,
    'Northshire Integrated Care',
    'Minimum NHS Contribution',
    3_000_000,
    'New',
  ],
  [
    'S04',
    'Home adaptations',
    'DFG Related Schemes',
    'Adaptations, including statutory DFG grants',
    'Social Care',
    'LA',
    null,
    null,
    'Northshire County Council',
    'DFG',
    2_100_000,
    'Existing',
  ],
  [
    'S05',
    'Care market support',
    'Residential Placements',
    'Care home',
    'Social Care',
    'LA',
    null,
    null,
    'Various',
    'iBCF',
    4_500_000,
    'Existing',
  ],
  [
    'S06',
    'Carers support',
    'Carers Services',
    'Respite services',
    'Social Care',
    'LA',
    null,
    null,
    'Northshire Carers Centre',
    'Additional LA Contribution',
    1_000_000,
    'New',
  ],
];

/** The minima beside their labels on the Expenditure sheet (B3 and B4). */
export const FACSIMILE_MINIMA = { socialCare: 4_000_000, nhsOutOfHospital: 3_508_000 };

const MONEY = '£#,##0.00';

/** The facsimile as an ExcelTS workbook (tests change a cell or a sheet's name before saving). */
export async function facsimileWorkbook(board = FACSIMILE_BOARD): Promise<Workbook> {
  const book = new Workbook();
  const cover = book.addWorksheet('Cover');
  cover.addRows([
    ['Better Care Fund 2024-25 Planning Template'],
    [
      'Facsimile built from the published descriptions of the NHS England template; not the official file.',
    ],
    [],
    ['Health and Wellbeing Board:', board],
  ]);
  await cover.protect('', {});

  const income = book.addWorksheet('Income');
  income.addRows([
    ['Better Care Fund 2024-25 Planning Template: Income'],
    ['Health and Wellbeing Board:', board],
    ['Plan year:', '2024-25'],
    [],
    ['Source of Funding', 'Contributor', 'Income (£)'],
    ...FACSIMILE_INCOME.map((r) => [...r]),
  ]);
  const incomeTotal = FACSIMILE_INCOME.reduce((n, r) => n + Math.round(r[2] * 100), 0) / 100;
  income.getCell('A10').value = 'Total';
  income.getCell('C10').value = { formula: 'SUM(C6:C9)', result: incomeTotal };
  for (let row = 6; row <= 10; row++) income.getCell(`C${row}`).numFmt = MONEY;
  income.getRow(5).font = { bold: true };
  await income.protect('', {});

  const spend = book.addWorksheet('Expenditure');
  spend.addRows([
    ['Better Care Fund 2024-25 Planning Template: Expenditure'],
    ['Health and Wellbeing Board:', board],
    [
      'Minimum required spend on social care from the NHS minimum contribution (£):',
      FACSIMILE_MINIMA.socialCare,
    ],
    [
      'Minimum required NHS commissioned out-of-hospital spend (£):',
      FACSIMILE_MINIMA.nhsOutOfHospital,
    ],
    [],
    [...FACSIMILE_SCHEME_HEADERS],
    ...FACSIMILE_SCHEMES.map((r) => [...r]),
  ]);
  const spendTotal = FACSIMILE_SCHEMES.reduce((n, r) => n + Math.round(r[10] * 100), 0) / 100;
  spend.getCell('A13').value = 'Total';
  spend.getCell('K13').value = { formula: 'SUM(K7:K12)', result: spendTotal };
  for (let row = 7; row <= 13; row++) {
    spend.getCell(`K${row}`).numFmt = MONEY;
    spend.getCell(`G${row}`).numFmt = '0%';
    spend.getCell(`H${row}`).numFmt = '0%';
  }
  spend.getRow(6).font = { bold: true };
  await spend.protect('', {});
  return book;
}

/** A workbook as .xlsx bytes. */
export async function bookBytes(book: Workbook): Promise<Uint8Array> {
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The facsimile as .xlsx bytes. */
export async function facsimileBytes(): Promise<Uint8Array> {
  return bookBytes(await facsimileWorkbook());
}

async function main(): Promise<void> {
  const { mkdirSync, writeFileSync } = await import('fs');
  const { dirname } = await import('path');
  mkdirSync(dirname(FACSIMILE_PATH), { recursive: true });
  writeFileSync(FACSIMILE_PATH, await facsimileBytes());
  console.log(`Wrote ${FACSIMILE_PATH}`);
}

if (require.main === module) void main();

/**
 * Plain-range fixtures: workbooks as finance teams keep them (no Excel tables), each
 * with what the workbook layer must read from it. One list, run through every adapter
 * by plainRanges.test.ts: the .xlsx adapter over a file built with ExcelTS, and the
 * Office adapter over the in-memory Excel.
 */
import type { TableKindId } from '../../src/workbook/tableSchema';
import type { WorkbookSeed } from './seed';

/** One fixture: a workbook and what reading one kind from it gives. */
export interface RangeFixture {
  readonly name: string;
  readonly seed: WorkbookSeed;
  /** Merged areas by sheet (the .xlsx adapter reads them; the Office adapter does not). */
  readonly merges?: Readonly<Record<string, readonly string[]>>;
  /** Sheets protected (as a return's sheets are) in the .xlsx file. */
  readonly protect?: readonly string[];
  /** Only the adapters that see merged areas can read it (the .xlsx adapter). */
  readonly needsMerges?: boolean;
  readonly kind: TableKindId;
  readonly year?: string;
  readonly expected: {
    /** Typed rows: column id → value as text. */
    readonly rows: readonly Readonly<Record<string, string>>[];
    readonly findings: readonly string[];
    readonly steps?: readonly string[];
  };
}

const title = [
  ['Better Care Fund 2025-26 planning return'],
  ['Health and Wellbeing Board:', 'Bath and North East Somerset'],
  [null],
];

export const RANGE_FIXTURES: readonly RangeFixture[] = [
  {
    name: 'a header row under a title block, with a totals row',
    seed: {
      sheets: [
        {
          name: 'Income',
          rows: [
            ...title,
            ['Source of Funding', 'Contributor', 'Income (£)'],
            ['Minimum NHS Contribution', 'B&NES ICB', 28348000],
            ['Additional LA Contribution', 'B&NES Council', 40888000],
            ['Total', null, 69236000],
            [null],
            ['Notes: figures as agreed by the board.'],
          ],
        },
      ],
    },
    kind: 'income',
    expected: {
      rows: [
        { source: 'Minimum NHS Contribution', contributor: 'B&NES ICB', amount: '28348000' },
        { source: 'Additional LA Contribution', contributor: 'B&NES Council', amount: '40888000' },
      ],
      findings: [],
    },
  },
  {
    name: 'blank spacer columns, wrapped headers, footnote marks and bracketed notes',
    seed: {
      sheets: [
        {
          name: 'Expenditure',
          at: 'B4',
          rows: [
            [
              'Scheme ID',
              null,
              'Scheme\nName',
              'Scheme Type (see table below for descriptions)',
              'Commissioner',
              '% NHS (if Joint Commissioner)',
              '% LA (if Joint Commissioner)',
              null,
              'Source of Funding*',
              'Expenditure (£)†',
              'New/ Existing Scheme',
            ],
            [
              '1',
              null,
              'Rapid response',
              'Community Based Schemes',
              'Joint',
              0.6,
              0.4,
              null,
              'Minimum NHS Contribution',
              1200000,
              'Existing',
            ],
            [
              '2',
              null,
              'Home care',
              'Home Care or Domiciliary Care',
              'LA',
              null,
              null,
              null,
              'iBCF',
              'tbc',
              'New',
            ],
          ],
        },
      ],
    },
    protect: ['Expenditure'],
    kind: 'schemes',
    expected: {
      rows: [
        {
          schemeId: '1',
          scheme: 'Rapid response',
          schemeType: 'Community Based Schemes',
          commissioner: 'Joint',
          nhsShare: '0.6',
          laShare: '0.4',
          source: 'Minimum NHS Contribution',
          expenditure: '1200000',
        },
        {
          schemeId: '2',
          scheme: 'Home care',
          schemeType: 'Home Care or Domiciliary Care',
          commissioner: 'LA',
          source: 'iBCF',
        },
      ],
      findings: [
        'Expenditure!K6 (Schemes range B4:L6, row 2, column "Expenditure (£)†"): "tbc" is not an amount.',
      ],
    },
  },
  {
    name: 'a £000 column, scaled exactly, and a SUM row that ends the body',
    seed: {
      sheets: [
        {
          name: 'Plan',
          rows: [
            ['Income by source'],
            ['Source', 'Funder', 'Amount (£000)'],
            ['iBCF', 'Council', 1234.567],
            ['DFG', 'Council', '2,000.5'],
            [null, null, 3235.067],
          ],
          formulas: [{ address: 'C5', formula: '=SUM(C3:C4)', value: 3235.067 }],
        },
      ],
    },
    kind: 'income',
    expected: {
      rows: [
        { source: 'iBCF', contributor: 'Council', amount: '1234567' },
        { source: 'DFG', contributor: 'Council', amount: '2000500' },
      ],
      findings: [],
      steps: [
        'Income read from the column "Amount (£000)" of the Income range Plan!A2:C4 in £000 and multiplied by 1,000.',
      ],
    },
  },
  {
    name: 'a two-year plan read for the year chosen',
    seed: {
      sheets: [
        {
          name: 'Income',
          rows: [
            ['Source of funding', 'Contributor', 'Income (£) 2024-25', 'Income (£) 2025-26'],
            ['iBCF', 'Council', 100, 110],
            ['DFG', 'Council', 50, 55],
          ],
        },
      ],
    },
    kind: 'income',
    year: '2025/26',
    expected: {
      rows: [
        { source: 'iBCF', contributor: 'Council', amount: '110' },
        { source: 'DFG', contributor: 'Council', amount: '55' },
      ],
      findings: [],
      steps: [
        'Income read from the column "Income (£) 2025-26" of the Income range Income!A1:D3 for 2025-26.',
      ],
    },
  },
  {
    name: 'a two-year plan with no year chosen',
    seed: {
      sheets: [
        {
          name: 'Income',
          rows: [
            ['Source of funding', 'Contributor', 'Income (£) 2024-25', 'Income (£) 2025-26'],
            ['iBCF', 'Council', 100, 110],
          ],
        },
      ],
    },
    kind: 'income',
    expected: {
      rows: [{ source: 'iBCF', contributor: 'Council' }],
      findings: [
        'Income range Income!A1:D2: the columns "Income (£) 2024-25", "Income (£) 2025-26" give Income for 2 years (2024-25, 2025-26); choose one with the year parameter (e.g. "year": "2024-25").',
      ],
    },
  },
  {
    name: 'a two-year plan read for the plan year written beside its label',
    seed: {
      sheets: [
        { name: 'Cover', rows: [['BCF plan'], ['Plan year:', null, '2024/25']] },
        {
          name: 'Income',
          rows: [
            ['Source of funding', 'Contributor', 'Income (£) 2024-25', 'Income (£) 2025-26'],
            ['iBCF', 'Council', 100, 110],
          ],
        },
      ],
    },
    kind: 'income',
    expected: {
      rows: [{ source: 'iBCF', contributor: 'Council', amount: '100' }],
      findings: [],
      steps: [
        'Plan year 2024-25 read from Cover!C2, beside its label.',
        'Income read from the column "Income (£) 2024-25" of the Income range Income!A1:D2 for 2024-25.',
      ],
    },
  },
  {
    name: 'a header merged across columns (its value in the first cell)',
    seed: {
      sheets: [
        {
          name: 'Income',
          rows: [
            ['Source of funding', null, 'Contributor', 'Income'],
            ['iBCF', null, 'Council', 100],
          ],
        },
      ],
    },
    merges: { Income: ['A1:B1', 'A2:B2'] },
    kind: 'income',
    expected: {
      rows: [{ source: 'iBCF', contributor: 'Council', amount: '100' }],
      findings: [],
    },
  },
  {
    name: 'headers merged over two rows, with year sub-headers',
    seed: {
      sheets: [
        {
          name: 'Income',
          rows: [
            ['Source of funding', 'Contributor', 'Income (£)', null],
            [null, null, '2024-25', '2025-26'],
            ['iBCF', 'Council', 100, 110],
          ],
        },
      ],
    },
    merges: { Income: ['A1:A2', 'B1:B2', 'C1:D1'] },
    needsMerges: true,
    kind: 'income',
    year: '2024-25',
    expected: {
      rows: [{ source: 'iBCF', contributor: 'Council', amount: '100' }],
      findings: [],
      steps: [
        'Income read from the column "Income (£) 2024-25" of the Income range Income!A1:D3 for 2024-25.',
      ],
    },
  },
  {
    name: 'a plain range and an Excel table that claim the same kind',
    seed: {
      sheets: [
        {
          name: 'Income',
          rows: [
            ['Source of funding', 'Contributor', 'Income'],
            ['iBCF', 'Council', 100],
          ],
        },
        {
          name: 'Other',
          rows: [
            ['Source', 'Partner', 'Amount'],
            ['DFG', 'Council', 5],
          ],
        },
      ],
      tables: [{ name: 'Funding', sheet: 'Other', range: 'A1:C2' }],
    },
    kind: 'income',
    expected: {
      rows: [],
      findings: [
        'More than one table or range could be the Income table (Funding on Other; the range Income!A1:C2); choose one: map it with a column mapping (--map), or name the Excel table "Income".',
      ],
    },
  },
];

/**
 * The seeds and layouts the workbook contract uses: a contracts table with blanks and odd
 * headers, a results sheet with a table and a chart.
 */
import type { SheetWrite } from '../../src/ports/workbook';
import type { WorkbookSeed } from './seed';
import type { SnapshotSheet, WorkbookSnapshot } from './snapshot';

/** Two input tables (one not at A1, with blanks, odd headers, text like numbers and formulas). */
export const contracts: WorkbookSeed = {
  sheets: [
    { name: 'Cover', rows: [['BCF plan 2025/26']] },
    {
      name: 'Inputs',
      at: 'B3',
      rows: [
        ['Scheme name', ' Provider ', 'Budget (£)', '2024/25 outturn', 'Recurrent?', 'Code'],
        ['Falls prevention', 'Acme Community Trust', 12500.5, 11000, true, '0012'],
        ['Discharge to assess', '', 40000, null, false, '=not a formula'],
        ['Carers breaks', 'Borough Council', 0, -250.75, null, ''],
      ],
    },
    {
      name: 'Metrics',
      rows: [
        ['Metric', 'Target'],
        ['Avoidable admissions', 0.05],
      ],
    },
  ],
  tables: [
    { name: 'Contracts', sheet: 'Inputs', range: 'B3:G6' },
    { name: 'Metrics', sheet: 'Metrics', range: 'A1:B2' },
  ],
};

/** A results sheet of `rows` rows (title, header, partners) with a table and a chart. */
export function resultSheet(sheet = 'Gain share results', rows = 3): SheetWrite {
  const values = [
    ['Gain share results', null, null],
    ['Partner', 'Share', 'Amount'],
    ...Array.from({ length: rows - 2 }, (_, i) => [`Partner ${i + 1}`, 0.5, 1000 + i]),
  ];
  return {
    sheet,
    values,
    numberFormats: values.map((row, r) =>
      row.map((_, c) => (r >= 2 && c === 2 ? '£#,##0.00' : 'General')),
    ),
    boldRows: [1, 2],
    columnWidths: [24, 10, 14],
    tables: [{ name: 'GainLossShareResults', range: `A2:C${rows}` }],
    charts: [
      {
        kind: 'columnClustered',
        title: 'Gain share by partner',
        sourceRange: `A2:C${rows}`,
        placement: 'E2:L18',
        valueAxisFormat: '£#,##0',
      },
    ],
  };
}

/** A sheet of a snapshot, or a failure naming the sheets there are. */
export function sheetOf(snapshot: WorkbookSnapshot, name: string): SnapshotSheet {
  const sheet = snapshot.sheets.find((s) => s.name === name);
  if (!sheet)
    throw new Error(
      `No sheet ${name} in the snapshot: ${snapshot.sheets.map((s) => s.name).join(', ')}`,
    );
  return sheet;
}

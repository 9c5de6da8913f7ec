/**
 * The summary workbook's first sheet: one row per file (its board, totals, status and
 * each plan check's outcome), a totals row of SUM formulas under the table (so the
 * figures stay live if someone edits a row), and a bar chart of income and planned
 * expenditure by board beside it.
 */
import type { CellValue, SheetWrite } from '../../ports/workbook';
import type { CheckId } from '../../engine/planChecks/planChecks';
import { cellAddress, columnLetters, rangeAddress } from '../../ports/a1';
import { MONEY, MONEY_AXIS, TEXT, timestampText } from '../../workbook/results/layout';
import type { PlanReview } from './review';
import { withCellsCapped } from '../../ports/cellText';

/** The summary sheet's name. */
export const SUMMARY_SHEET = 'Summary';
/** The Excel table of the per-file rows. */
export const SUMMARY_TABLE = 'BCF_Consolidation';
/** The row of the table's headers. */
export const SUMMARY_HEADER_ROW = 5;

/** The checks, as columns: each shows Passed or Failed for a consolidated file. */
export const CHECK_COLUMNS: readonly { readonly id: CheckId; readonly header: string }[] = [
  { id: 'source-balance', header: 'Income = expenditure by source' },
  { id: 'social-care-minimum', header: 'Social care minimum' },
  { id: 'nhs-out-of-hospital', header: 'NHS out-of-hospital' },
  { id: 'dfg-in-full', header: 'DFG in full' },
  { id: 'joint-shares', header: 'Joint shares' },
  { id: 'input-range', header: 'Input ranges' },
];

interface Column {
  readonly header: string;
  readonly format: string;
  readonly width: number;
  /** Summed in the totals row. */
  readonly total?: boolean;
  readonly value: (review: PlanReview) => CellValue;
}

const COUNT = '0';

function checkOutcome(review: PlanReview, id: CheckId): CellValue {
  const checks = review.checks.filter((c) => c.id === id);
  if (checks.length === 0) return null;
  return checks.every((c) => c.passed) ? 'Passed' : 'Failed';
}

const passedCount = (r: PlanReview): number => r.checks.filter((c) => c.passed).length;

/** The table's columns; the first three (board, income, expenditure) feed the chart. */
export const SUMMARY_COLUMNS: readonly Column[] = [
  { header: 'Health and Wellbeing Board', format: TEXT, width: 30, value: (r) => r.board },
  {
    header: 'Income',
    format: MONEY,
    width: 18,
    total: true,
    value: (r) => r.income?.toNumber() ?? null,
  },
  {
    header: 'Planned expenditure',
    format: MONEY,
    width: 20,
    total: true,
    value: (r) => r.expenditure?.toNumber() ?? null,
  },
  {
    header: 'Expenditure − income',
    format: MONEY,
    width: 20,
    total: true,
    value: (r) =>
      r.income === undefined || r.expenditure === undefined
        ? null
        : r.expenditure.minus(r.income).toNumber(),
  },
  {
    header: 'Status',
    format: TEXT,
    width: 26,
    value: (r) =>
      r.status === 'skipped'
        ? 'Skipped'
        : r.checks.every((c) => c.passed)
          ? 'All checks passed'
          : 'Checks failed',
  },
  {
    header: 'Checks passed',
    format: COUNT,
    width: 10,
    total: true,
    value: (r) => (r.status === 'skipped' ? null : passedCount(r)),
  },
  {
    header: 'Checks failed',
    format: COUNT,
    width: 10,
    total: true,
    value: (r) => (r.status === 'skipped' ? null : r.checks.length - passedCount(r)),
  },
  {
    header: 'Findings',
    format: COUNT,
    width: 10,
    total: true,
    value: (r) => r.findingCount,
  },
  ...CHECK_COLUMNS.map(({ id, header }): Column => ({
    header,
    format: TEXT,
    width: 14,
    value: (r) => checkOutcome(r, id),
  })),
  { header: 'File', format: TEXT, width: 40, value: (r) => r.file },
  { header: 'Reason skipped', format: TEXT, width: 60, value: (r) => r.reason ?? null },
  // Provenance: what the file was read as, which bytes, and other files for its board.
  { header: 'Read as', format: TEXT, width: 36, value: (r) => r.source ?? null },
  { header: 'SHA-256', format: TEXT, width: 66, value: (r) => r.sha256 ?? null },
  {
    header: 'Same board as',
    format: TEXT,
    width: 40,
    value: (r) => (r.sameBoardAs === undefined ? null : r.sameBoardAs.join(', ')),
  },
];

/**
 * The summary sheet.
 *
 * @param reviews - every file, in the order read (skipped ones included, with blank figures).
 * @param now - the time of the consolidation.
 */
export function summarySheet(reviews: readonly PlanReview[], now: Date): SheetWrite {
  const width = SUMMARY_COLUMNS.length;
  const consolidated = reviews.filter((r) => r.status === 'consolidated').length;
  const skipped = reviews.length - consolidated;
  const blank = (): CellValue[] => Array<CellValue>(width).fill(null);
  const line = (...cells: CellValue[]): CellValue[] => [...cells, ...blank()].slice(0, width);
  const general = (): string[] => Array<string>(width).fill('General');
  const formats = SUMMARY_COLUMNS.map((c) => c.format);
  const firstBody = SUMMARY_HEADER_ROW + 1;
  const bodyRows = Math.max(reviews.length, 1);
  const lastBody = SUMMARY_HEADER_ROW + bodyRows;
  const totalsRow = lastBody + 1;
  const values: CellValue[][] = [
    line('BCF consolidation of Health and Wellbeing Board plans'),
    line(
      `${reviews.length} workbook${reviews.length === 1 ? '' : 's'} read: ${consolidated} consolidated, ${skipped} skipped. The totals row adds the consolidated rows (formulas); skipped files are listed with the reason and their findings are on the Findings sheet.`,
    ),
    line('Consolidated', timestampText(now)),
    blank(),
    SUMMARY_COLUMNS.map((c) => c.header),
    ...(reviews.length === 0
      ? [blank()]
      : reviews.map((r) => SUMMARY_COLUMNS.map((c) => c.value(r)))),
    line(`Total (${consolidated} consolidated)`),
  ];
  const numberFormats: string[][] = [
    general(),
    general(),
    ['General', TEXT, ...general().slice(2)],
    general(),
    Array<string>(width).fill(TEXT),
    ...Array.from({ length: bodyRows }, () => [...formats]),
    formats.map((f) => (f === TEXT ? 'General' : f)),
  ];
  const formulas = SUMMARY_COLUMNS.flatMap((c, i) => {
    if (c.total !== true) return [];
    const letters = columnLetters(i + 1);
    return [
      {
        address: cellAddress(totalsRow, i + 1),
        formula: `=SUM(${letters}${firstBody}:${letters}${lastBody})`,
      },
    ];
  });
  const chartLeft = width + 2;
  // Copied file names and messages may be longer than a cell holds.
  return withCellsCapped({
    sheet: SUMMARY_SHEET,
    values,
    numberFormats,
    formulas,
    boldRows: [1, SUMMARY_HEADER_ROW, totalsRow],
    columnWidths: SUMMARY_COLUMNS.map((c) => c.width),
    tables: [{ name: SUMMARY_TABLE, range: rangeAddress(SUMMARY_HEADER_ROW, 1, lastBody, width) }],
    charts: [
      {
        kind: 'barClustered',
        title: 'Income and planned expenditure by Health and Wellbeing Board',
        sourceRange: rangeAddress(SUMMARY_HEADER_ROW, 1, lastBody, 3),
        placement: rangeAddress(
          2,
          chartLeft,
          Math.max(SUMMARY_HEADER_ROW + 20, totalsRow),
          chartLeft + 9,
        ),
        valueAxisFormat: MONEY_AXIS,
        valueAxisTitle: 'Amount (£)',
      },
    ],
  });
}

/**
 * The summary workbook's Findings sheet: every problem found, one row each, naming the
 * file, sheet and cell (and table, row and column where there is one): input findings
 * of skipped files, files that could not be opened, and the failed plan checks of
 * consolidated files (code `CHECK.<check>`, the scheme rows named in the message).
 */
import type { CellValue, SheetWrite } from '../../ports/workbook';
import { rangeAddress } from '../../ports/a1';
import { TEXT, timestampText } from '../../workbook/results/layout';
import type { PlanReview } from './review';
import { withCellsCapped } from '../../ports/cellText';

/** The findings sheet's name. */
export const FINDINGS_SHEET = 'Findings';
/** The Excel table of the findings. */
export const FINDINGS_TABLE = 'BCF_Consolidation_Findings';
/** The row of the table's headers. */
export const FINDINGS_HEADER_ROW = 4;

/** One row of the findings table. */
export interface FindingRow {
  readonly file: string;
  readonly sheet?: string;
  readonly cell?: string;
  readonly table?: string;
  readonly row?: number;
  readonly column?: string;
  readonly code: string;
  readonly message: string;
}

/** The rows for one file: its findings, then its failed checks. */
export function findingRows(review: PlanReview): FindingRow[] {
  const found = review.findings.map((f): FindingRow => ({
    file: review.file,
    ...(f.sheet === undefined ? {} : { sheet: f.sheet }),
    ...(f.address === undefined ? {} : { cell: f.address }),
    ...(f.table === undefined ? {} : { table: f.table }),
    ...(f.row === undefined ? {} : { row: f.row }),
    ...(f.column === undefined ? {} : { column: f.column }),
    code: f.code,
    message: f.message,
  }));
  const failed = review.checks
    .filter((c) => !c.passed)
    .map((c): FindingRow => ({ file: review.file, code: `CHECK.${c.id}`, message: c.message }));
  return [...found, ...failed];
}

const HEADERS = ['File', 'Sheet', 'Cell', 'Table', 'Row', 'Column', 'Code', 'Message'];
const WIDTHS = [36, 16, 8, 16, 6, 22, 26, 100];

/**
 * The findings sheet.
 *
 * @param rows - every finding row, file by file.
 * @param now - the time of the consolidation.
 */
export function findingsSheet(rows: readonly FindingRow[], now: Date): SheetWrite {
  const width = HEADERS.length;
  const line = (...cells: CellValue[]): CellValue[] =>
    [...cells, ...Array<CellValue>(width).fill(null)].slice(0, width);
  const body: CellValue[][] =
    rows.length === 0
      ? [line('(no findings)')]
      : rows.map((r) => [
          r.file,
          r.sheet ?? null,
          r.cell ?? null,
          r.table ?? null,
          r.row ?? null,
          r.column ?? null,
          r.code,
          r.message,
        ]);
  const formats = HEADERS.map((h) => (h === 'Row' ? '0' : TEXT));
  // Copied file names and messages may be longer than a cell holds.
  return withCellsCapped({
    sheet: FINDINGS_SHEET,
    values: [
      line('Findings: what to fix in each plan'),
      line(
        `${rows.length} finding${rows.length === 1 ? '' : 's'}. Consolidated`,
        timestampText(now),
      ),
      line(),
      HEADERS,
      ...body,
    ],
    numberFormats: [
      Array<string>(width).fill('General'),
      ['General', TEXT, ...Array<string>(width - 2).fill('General')],
      Array<string>(width).fill('General'),
      Array<string>(width).fill(TEXT),
      ...body.map(() => formats),
    ],
    boldRows: [1, FINDINGS_HEADER_ROW],
    columnWidths: WIDTHS,
    tables: [
      {
        name: FINDINGS_TABLE,
        range: rangeAddress(FINDINGS_HEADER_ROW, 1, FINDINGS_HEADER_ROW + body.length, width),
      },
    ],
    charts: [],
  });
}

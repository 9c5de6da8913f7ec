import { moneyText, penceString, roundPence, sum } from '../../engine/decimal';
import type { ScenarioParams } from '../../workbook/params';
import { parseArgs, UsageError } from '../args';
import { ExitCode } from '../exitCodes';
import { newWorkbook } from '../newWorkbook';
import { refuseOutput } from '../outputPath';
import { readParamsFile } from '../paramsFile';
import { progressBar, silentProgress } from '../progress';
import { oneLine, printLine } from '../report';
import { findingRows, findingsSheet, type FindingRow } from './findingsSheet';
import { consolidationInputs } from './inputs';
import { reviewPlan, type PlanReview } from './review';
import { readMapFile } from '../mapFile';
import type { ColumnMapping } from '../../workbook/mapping';
import { summarySheet } from './summarySheet';
import type { Datamap } from '../../workbook/datamap';
import { loadDatamaps } from '../datamaps';
import { sameBoards } from './sameBoard';

/** At most this many findings of one file go to the Findings sheet (then a note of the rest). */
export const FINDINGS_PER_FILE = 200;

const OPTIONS = {
  out: 'string',
  force: 'boolean',
  quiet: 'boolean',
  json: 'boolean',
  params: 'string',
  map: 'string',
  datamap: 'string',
} as const;

/**
 * `bcf consolidate <folder-or-files...> --out summary.xlsx`: reviews each completed
 * planning template (or official-style return a datamap recognises) in turn (one open workbook at a time) and writes the summary
 * workbook: a row per file with its totals and checks, totals across files (formulas),
 * a chart and a Findings sheet naming file, sheet and cell.
 *
 * Exit codes: 0 every file consolidated; 1 the summary was written but some files were
 * skipped (not a workbook, password-protected, not a template, a version of an official
 * return no datamap knows, bad cells) or two files name the same board; 2 nothing
 * written (usage, no inputs, the output exists without --force, cannot write).
 * Failed plan checks are reported in the summary and do not change the exit code
 * (`bcf check` gates one plan).
 */
export async function consolidateCommand(args: readonly string[]): Promise<ExitCode> {
  const { positional, strings, flags } = parseArgs(args, OPTIONS);
  const out = strings.out;
  if (out === undefined) throw new UsageError('needs --out <summary.xlsx>.');
  if (positional.length === 0) throw new UsageError('needs the templates: a folder or files.');
  const force = flags.has('force');
  await refuseOutput(out, 'xlsx', force);
  const files = await consolidationInputs(positional, out);
  const params =
    strings.params === undefined ? undefined : (await readParamsFile(strings.params))('checks');
  const mapping = strings.map === undefined ? undefined : await readMapFile(strings.map);
  const datamaps = await loadDatamaps(strings.datamap);
  const now = new Date();
  const all = await reviewAll(files, {
    now,
    quiet: flags.has('quiet'),
    datamaps,
    ...(params === undefined ? {} : { params }),
    ...(mapping === undefined ? {} : { mapping }),
  });
  const { reviews, rows: sameBoardRows } = sameBoards(all.reviews);
  const findings = [...sameBoardRows, ...all.findings];
  for (const row of sameBoardRows)
    process.stderr.write(`bcf consolidate: ${row.file}: ${row.message}\n`);
  const workbook = newWorkbook();
  await workbook.writeSheets([summarySheet(reviews, now), findingsSheet(findings, now)]);
  await workbook.saveAs(out, { force });
  report(out, reviews, findings, flags.has('json'));
  const flagged = reviews.some((r) => r.status === 'skipped' || r.sameBoardAs !== undefined);
  return flagged ? ExitCode.CHECK_FAILED : ExitCode.OK;
}

/**
 * Reviews the files one at a time (one workbook in memory at a time), keeping each
 * file's summary and at most {@link FINDINGS_PER_FILE} of its findings, with progress
 * on stderr and a line for each skipped file (shown with --quiet too: a warning).
 */
async function reviewAll(
  files: readonly string[],
  options: {
    readonly now: Date;
    readonly quiet: boolean;
    readonly params?: ScenarioParams;
    readonly mapping?: ColumnMapping;
    readonly datamaps?: readonly Datamap[];
  },
): Promise<{ reviews: PlanReview[]; findings: FindingRow[] }> {
  const progress = options.quiet ? silentProgress : progressBar('consolidate', files.length);
  const reviews: PlanReview[] = [];
  const findings: FindingRow[] = [];
  for (const file of files) {
    const review = await reviewPlan(file, options);
    findings.push(...cappedRows(review));
    reviews.push({ ...review, findings: [] });
    progress.step(file);
    if (review.status === 'skipped') {
      const note = `bcf consolidate: skipped ${file}: ${oneLine(review.reason ?? '')}`;
      if (options.quiet) process.stderr.write(`${note}\n`);
      else progress.note(note);
    }
  }
  progress.finish();
  return { reviews, findings };
}

function cappedRows(review: PlanReview): FindingRow[] {
  const rows = findingRows(review);
  if (rows.length <= FINDINGS_PER_FILE) return rows;
  const more = rows.length - FINDINGS_PER_FILE;
  return [
    ...rows.slice(0, FINDINGS_PER_FILE),
    {
      file: review.file,
      code: 'CONSOLIDATE.MORE_FINDINGS',
      message: `${more} more finding${more === 1 ? '' : 's'} in this file: run bcf check ${review.file} to see them all.`,
    },
  ];
}

function report(
  out: string,
  reviews: readonly PlanReview[],
  findings: readonly FindingRow[],
  json: boolean,
): void {
  const done = reviews.filter((r) => r.status === 'consolidated');
  const income = roundPence(sum(done.flatMap((r) => r.income ?? [])));
  const expenditure = roundPence(sum(done.flatMap((r) => r.expenditure ?? [])));
  const skipped = reviews.length - done.length;
  if (!json) {
    printLine(
      `Wrote ${out}: ${reviews.length} workbooks, ${done.length} consolidated, ${skipped} skipped; ` +
        `income ${moneyText(income)}, planned expenditure ${moneyText(expenditure)}; ` +
        `${findings.length} rows on the Findings sheet.`,
    );
    return;
  }
  const files = reviews.map((r) => ({
    file: r.file,
    board: r.board,
    ...(r.sha256 === undefined ? {} : { sha256: r.sha256 }),
    ...(r.source === undefined ? {} : { source: r.source }),
    ...(r.sameBoardAs === undefined ? {} : { sameBoardAs: r.sameBoardAs }),
    status: r.status,
    ...(r.code === undefined ? {} : { code: r.code }),
    ...(r.reason === undefined ? {} : { reason: r.reason }),
    ...(r.income === undefined ? {} : { income: penceString(r.income) }),
    ...(r.expenditure === undefined ? {} : { expenditure: penceString(r.expenditure) }),
    findingCount: r.findingCount,
    checks: r.checks.map((c) => ({
      id: c.id,
      ...(c.subject === undefined ? {} : { subject: c.subject }),
      passed: c.passed,
    })),
  }));
  printLine(
    JSON.stringify(
      {
        output: out,
        files,
        totals: {
          files: reviews.length,
          consolidated: done.length,
          skipped,
          income: penceString(income),
          expenditure: penceString(expenditure),
          checksPassed: done.reduce((n, r) => n + r.checks.filter((c) => c.passed).length, 0),
          checksFailed: done.reduce((n, r) => n + r.checks.filter((c) => !c.passed).length, 0),
          findings: findings.length,
        },
        findings,
      },
      null,
      2,
    ),
  );
}

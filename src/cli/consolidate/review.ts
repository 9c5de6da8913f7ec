/**
 * Reviewing one completed planning template for `bcf consolidate`: open it, run the
 * BCF plan checks through the workbook layer exactly as the task pane does (same
 * tables, same findings), and keep only what the summary needs: the totals, each
 * check's outcome and the findings. The workbook itself is dropped before the next
 * file is opened, so memory stays bounded however many files there are.
 */
import { basename, extname } from 'path';
import { XlsxError, openXlsx } from '../../adapters/xlsx';
import { type Dec, roundPence, sum } from '../../engine/decimal';
import type { PlanCheck, PlanChecksResult } from '../../engine/planChecks/planChecks';
import { WorkbookError } from '../../workbook/errors';
import type { Finding } from '../../workbook/findings';
import type { ScenarioParams } from '../../workbook/params';
import { runMechanism } from '../../workbook/run';
import { savedParams } from '../../workbook/settingsStore';
import { upgradeTemplate } from '../../workbook/template';
import type { Workbook } from '../../ports/workbook';
import { BOARD_LABELS, findLabelled } from '../../workbook/labelCells';
import type { ColumnMapping } from '../../workbook/mapping';
import type { Datamap } from '../../workbook/datamap';
import { fileHash, readAs } from './provenance';

/** What the summary keeps of one file. */
export interface PlanReview {
  /** The file as the user named it (or as found in a folder). */
  readonly file: string;
  /**
   * The Health and Wellbeing Board: the value beside its label in the workbook ("Health
   * and Wellbeing Board:", or the mapping's `cells.board`), else the file's name.
   */
  readonly board: string;
  /** `consolidated`: checked and counted in the totals; `skipped`: unreadable or with findings. */
  readonly status: 'consolidated' | 'skipped';
  /** Why a file was skipped, in one sentence. */
  readonly reason?: string;
  /** The code of the error that made it skipped (`XLSX.DAMAGED`...), if one did. */
  readonly code?: string;
  /** Total income of the plan (all sources). */
  readonly income?: Dec;
  /** Total planned expenditure of the plan (all schemes). */
  readonly expenditure?: Dec;
  readonly checks: readonly PlanCheck[];
  /** Input findings, or the file's own problem (not a workbook, password...). */
  readonly findings: readonly Finding[];
  /** How many findings the file had (the list may be cut short for the summary). */
  readonly findingCount: number;
  /** The file's SHA-256 (hex), for provenance: which bytes were consolidated. */
  readonly sha256?: string;
  /** What the file was read as: the add-in's template, a datamap, plain ranges. */
  readonly source?: string;
  /** The other files naming the same Health and Wellbeing Board (see sameBoards). */
  readonly sameBoardAs?: readonly string[];
}

/** The board's name: the file's name without folder and extension. */
export function boardOf(file: string): string {
  return basename(file, extname(file));
}

function skipped(
  file: string,
  reason: string,
  findings: readonly Finding[],
  code?: string,
): PlanReview {
  return {
    file,
    board: boardOf(file),
    status: 'skipped',
    reason,
    ...(code === undefined ? {} : { code }),
    checks: [],
    findings,
    findingCount: findings.length,
  };
}

function isPlanChecksResult(value: unknown): value is PlanChecksResult {
  return (
    typeof value === 'object' && value !== null && Array.isArray((value as PlanChecksResult).checks)
  );
}

/**
 * Reviews one planning template.
 *
 * @param file - the workbook's path.
 * @param options - the run's time; plan-check parameters (minima) overriding the ones
 *   saved in each workbook.
 * @returns the review; a file that cannot be opened, lacks the plan's tables or has bad
 *   cells is `skipped` with its findings (never thrown).
 */
export async function reviewPlan(
  file: string,
  options: {
    readonly now: Date;
    readonly params?: ScenarioParams;
    /** A `--map` file's column mapping, for returns laid out by their owners. */
    readonly mapping?: ColumnMapping;
    /** The datamaps official-style returns are recognised by (see ../datamaps.ts). */
    readonly datamaps?: readonly Datamap[];
  },
): Promise<PlanReview> {
  const sha256 = await fileHash(file);
  const provenance = sha256 === undefined ? {} : { sha256 };
  try {
    const workbook = await openXlsx(file);
    // An older template is brought up to date in memory (the file is never written); one
    // made by a later add-in is refused (TEMPLATE.TOO_NEW) and skipped.
    await upgradeTemplate(workbook);
    const read = await readAs(workbook, options);
    const source = { ...provenance, source: read.source };
    if (read.refused !== undefined) {
      return {
        ...skipped(file, read.refused, [
          { code: 'DATAMAP.UNKNOWN_VERSION', message: `${file}: ${read.refused}` },
        ]),
        ...source,
      };
    }
    const mapping = read.mapping;
    const params = read.params ?? (await savedParams(workbook.settings, 'checks'));
    const outcome = await runMechanism(workbook, 'checks', params, {
      now: options.now,
      replaceUserSheets: true, // in memory only: the file is never written
      ...(mapping === undefined ? {} : { mapping }),
    });
    const board = await boardLabel(workbook, mapping);
    if (!outcome.ok) {
      const count = outcome.findings.length;
      const reason = `${count} finding${count === 1 ? '' : 's'} in the input; fix ${count === 1 ? 'it' : 'them'} and consolidate again.`;
      const findings = [...read.findings, ...outcome.findings];
      return {
        ...skipped(file, reason, findings),
        ...(board === undefined ? {} : { board }),
        ...source,
      };
    }
    if (!isPlanChecksResult(outcome.result)) {
      throw new Error('The plan checks gave a result of an unexpected shape.');
    }
    const review = { ...reviewed(file, outcome.result), ...source };
    return board === undefined ? review : { ...review, board };
  } catch (error) {
    if (error instanceof XlsxError || error instanceof WorkbookError) {
      return {
        ...skipped(file, error.message, [{ code: error.code, message: error.message }], error.code),
        ...provenance,
      };
    }
    // A fault in bcf on this one file: the file is skipped and named, the batch goes on.
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const message = `bcf failed on ${file} (${detail}); please report this, with the file if you can.`;
    return {
      ...skipped(file, message, [{ code: 'BCF.INTERNAL', message }], 'BCF.INTERNAL'),
      ...provenance,
    };
  }
}

/**
 * The board's name from its label, looked for only in a workbook that is not the
 * add-in's template (which has no such label: its file name names the board) or when
 * the mapping declares the label.
 */
async function boardLabel(
  workbook: Workbook,
  mapping: ColumnMapping | undefined,
): Promise<string | undefined> {
  const declared = mapping?.cells?.board;
  if (declared === undefined && (await isTemplate(workbook))) return undefined;
  const sheets = workbook.readSheets === undefined ? [] : await workbook.readSheets();
  const labels = declared === undefined ? BOARD_LABELS.map((label) => ({ label })) : [declared];
  const found = findLabelled(sheets, labels);
  if (found === undefined) return undefined;
  const text = typeof found.value === 'string' ? found.value.trim() : String(found.value);
  return text === '' ? undefined : text;
}

async function isTemplate(workbook: Workbook): Promise<boolean> {
  const names = new Set((await workbook.listTables()).map((t) => t.name.toLowerCase()));
  return names.has('income') && names.has('schemes');
}

function reviewed(file: string, result: PlanChecksResult): PlanReview {
  const balances = result.checks.filter((c) => c.id === 'source-balance');
  const total = (pick: (c: PlanCheck) => Dec | undefined): Dec =>
    roundPence(sum(balances.flatMap((c) => pick(c) ?? [])));
  return {
    file,
    board: boardOf(file),
    status: 'consolidated',
    income: total((c) => c.expected),
    expenditure: total((c) => c.actual),
    checks: result.checks,
    findings: [],
    findingCount: 0,
  };
}

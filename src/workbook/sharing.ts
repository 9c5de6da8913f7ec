import type { CellValue, FormulaCell, SheetWrite, Workbook } from '../ports/workbook';
import { cellAddress, parseBox, rangeAddress } from '../ports/a1';
import { WorkbookError, WorkbookErrorCode } from './errors';
import { TEXT, timestampText } from './results/layout';

/**
 * "Prepare for sharing" and "Restore formulas". A workbook shared with someone who has
 * not installed the add-in shows #NAME? wherever a =BCF.* formula is; preparing replaces
 * each with its current value and records what it converted on the sheet "BCF Shared
 * formulas" (kept visible on purpose: whoever opens the file can see which figures are
 * frozen and where they came from). Restoring puts the formulas back from that record.
 *
 * A function whose result spills (GAINSHARE, TIEREDSHARE, CAPITATIONSCHEDULE) is frozen
 * whole: the record's Address is then its block ("B2:C2", the formula's cell at the
 * top-left), and restoring clears the block and writes the one formula back. A formula
 * whose result is an error (#VALUE!, #BUSY! while it calculates, #SPILL!) is not frozen
 * as text: it is left as it is, and the caller is told which cells and why; so is a
 * spilling function on a host that cannot tell where its result spills.
 *
 * Both are safe to run twice: preparing again adds only formulas not yet recorded (the
 * record keeps earlier entries, a re-converted cell taking its newer formula and value);
 * restoring again writes the same formulas again. The record is written before any
 * formula is replaced, so an interrupted run can always be restored. Restoring writes
 * every recorded formula back, over anything typed into those cells since.
 */

/** The record sheet and its table. */
export const SHARED_SHEET = 'BCF Shared formulas';
export const SHARED_TABLE = 'BCF_SharedFormulas';
/** The prefix of the add-in's custom functions. */
export const FUNCTION_PREFIX = 'BCF.';

const HEADERS = ['Sheet', 'Address', 'Formula', 'Value when shared'];
const FIRST_ROW = 5;

/** The add-in's functions whose results spill over several cells. */
export const SPILLING_FUNCTIONS = ['BCF.GAINSHARE', 'BCF.TIEREDSHARE', 'BCF.CAPITATIONSCHEDULE'];

const key = (c: { sheet: string; address: string }): string =>
  `${c.sheet.toLowerCase()}!${anchorOf(c.address).toUpperCase()}`;

/** The top-left cell of an address ("B2:C3" → "B2"). */
function anchorOf(address: string): string {
  const box = parseBox(address);
  return box ? cellAddress(box.top, box.left) : address;
}

/** Whether a formula calls one of {@link SPILLING_FUNCTIONS} (outside string literals). */
export function callsSpillingFunction(formula: string): boolean {
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""').toUpperCase();
  return SPILLING_FUNCTIONS.some((name) =>
    new RegExp(`(^|[^A-Z0-9_.])${name.replace('.', '\\.')}\\s*\\(`).test(code),
  );
}

/** A formula prepare for sharing left as it is, and why. */
export interface UnconvertedFormula {
  readonly sheet: string;
  readonly address: string;
  readonly formula: string;
  /** Why, as a phrase: 'its result is #BUSY!'. */
  readonly reason: string;
}

/** Why a found formula cannot be frozen, or undefined when it can. */
function unconvertible(cell: FormulaCell): string | undefined {
  if (cell.errorValue !== undefined) return `its result is ${cell.errorValue}, not a figure`;
  if (cell.spillUnknown === true && callsSpillingFunction(cell.formula))
    return 'its result spills over several cells, and this version of Excel cannot say which (it needs ExcelApi 1.12)';
  return undefined;
}

/** The record's entries, or undefined when the workbook has no record. */
export async function sharedFormulaRecord(workbook: Workbook): Promise<FormulaCell[] | undefined> {
  const tables = await workbook.listTables();
  if (!tables.some((t) => t.name === SHARED_TABLE)) return undefined;
  const [record] = await workbook.readTables([SHARED_TABLE]);
  return (record?.rows ?? []).flatMap((row): FormulaCell[] => {
    const [sheet, address, formula, value] = row;
    if (typeof sheet !== 'string' || typeof address !== 'string' || typeof formula !== 'string')
      return [];
    const cell = { sheet, address: anchorOf(address), formula, value: value ?? null };
    return [address.includes(':') ? { ...cell, spill: { address } } : cell];
  });
}

/** The record sheet, pure: title, what was done and when, and the table of converted cells. */
export function sharedFormulasSheet(
  cells: readonly FormulaCell[],
  note: string,
  now: Date,
): SheetWrite {
  const head: CellValue[][] = [
    ['BCF formulas replaced by their values for sharing', null, null, null],
    [note, null, null, null],
    ['Recorded', timestampText(now), null, null],
    ['"Restore formulas" in the add-in puts every formula below back.', null, null, null],
    HEADERS,
  ];
  const body = cells.map((c): CellValue[] => [
    c.sheet,
    c.spill?.address ?? c.address,
    c.formula,
    c.value,
  ]);
  const values = [...head, ...(body.length > 0 ? body : [[null, null, null, null]])];
  return {
    sheet: SHARED_SHEET,
    values,
    numberFormats: values.map((_, i) =>
      i < FIRST_ROW ? [TEXT, TEXT, TEXT, TEXT] : [TEXT, TEXT, TEXT, 'General'],
    ),
    boldRows: [1, FIRST_ROW],
    columnWidths: [24, 10, 60, 20],
    tables: [{ name: SHARED_TABLE, range: rangeAddress(FIRST_ROW, 1, values.length, 4) }],
    charts: [],
  };
}

/**
 * Replaces every =BCF.* formula in the workbook with its current value, after recording
 * each (sheet, address, formula, value) on the "BCF Shared formulas" sheet.
 *
 * @returns how many formulas were converted now, how many the record holds in all, and
 *   the formulas left as they are, with why (in sheet order).
 * @throws WorkbookError `SHEET.USER_SHEET` when the user has a sheet of the record's name.
 */
export async function prepareForSharing(
  workbook: Workbook,
  options: { readonly now: Date },
): Promise<{
  readonly converted: number;
  readonly recorded: number;
  readonly notConverted: readonly UnconvertedFormula[];
}> {
  const all = (await workbook.formulas.findFormulas(FUNCTION_PREFIX)).filter(
    (c) => c.sheet !== SHARED_SHEET,
  );
  const notConverted = all.flatMap((cell): UnconvertedFormula[] => {
    const reason = unconvertible(cell);
    return reason === undefined
      ? []
      : [{ sheet: cell.sheet, address: cell.address, formula: cell.formula, reason }];
  });
  const found = all.filter((cell) => unconvertible(cell) === undefined);
  const earlier = (await sharedFormulaRecord(workbook)) ?? [];
  if (found.length === 0) return { converted: 0, recorded: earlier.length, notConverted };
  if ((await workbook.sheetOwner(SHARED_SHEET)) === 'user') {
    throw new WorkbookError(
      WorkbookErrorCode.USER_SHEET,
      `The sheet "${SHARED_SHEET}" was not made by the add-in; rename it first.`,
      SHARED_SHEET,
    );
  }
  const fresh = new Set(found.map(key));
  const merged = [...earlier.filter((c) => !fresh.has(key(c))), ...found];
  const note = `${found.length} formula(s) converted on ${timestampText(options.now)}; ${merged.length} recorded in all.`;
  await workbook.writeSheets([sharedFormulasSheet(merged, note, options.now)]);
  await workbook.formulas.setValues(found);
  return { converted: found.length, recorded: merged.length, notConverted };
}

/**
 * Puts back every formula recorded by {@link prepareForSharing}. The record stays, so
 * the workbook can be prepared and restored again.
 *
 * @returns how many formulas were put back.
 * @throws WorkbookError `SHARING.NO_RECORD` when the workbook has no record.
 */
export async function restoreFormulas(workbook: Workbook): Promise<{ readonly restored: number }> {
  const record = await sharedFormulaRecord(workbook);
  if (record === undefined) {
    throw new WorkbookError(
      WorkbookErrorCode.NO_RECORD,
      `This workbook has no "${SHARED_SHEET}" record; there are no formulas to restore.`,
    );
  }
  if (record.length > 0) await workbook.formulas.setFormulas(record);
  return { restored: record.length };
}

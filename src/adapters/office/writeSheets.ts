/**
 * Writing the add-in's sheets through Office.js: one or two syncs to inspect the
 * workbook (which target sheets exist, whose they are, what tables and names are taken;
 * the second only when some target sheets exist already), then
 * one request for all the writes, split only where the payload limit demands (one more
 * sync per ~4 MB of values). Everything is checked before the first write, so bad input
 * or a user's sheet in the way means nothing is written.
 */
import { sheetLayoutsFault, tableNamesFault } from '../../ports/sheetLayout';
import type { SheetWrite } from '../../ports/workbook';
import { OfficeErrorCode, officeFail } from './errors';
import type { IsSetSupported } from './excelRun';
import { inspectWorkbook, type WorkbookState } from './ownership';
import { packBatches } from './payload';
import { syncInPayloadBatches } from './payloadSyncs';
import { refuseLayout } from './sheetLayout';
import { hideShownMarks, queueStep, stepsFor, type SheetProxies } from './sheetWriter';

/** Options of {@link writeSheets}. */
export interface WriteOptions {
  /** Replace a sheet of the same name that the user made (otherwise that is refused). */
  readonly replaceUserSheets?: boolean;
}

function checkOwners(
  sheets: readonly SheetWrite[],
  state: WorkbookState,
  options: WriteOptions,
): void {
  if (options.replaceUserSheets) return;
  const foreign = sheets.filter(
    ({ sheet }) => state.sheets.get(sheet.toLowerCase())?.owner === 'user',
  );
  const [first] = foreign;
  if (!first) return;
  const names = foreign
    .map(({ sheet }) => `"${state.sheets.get(sheet.toLowerCase())?.name ?? sheet}"`)
    .join(', ');
  officeFail(
    OfficeErrorCode.SHEET_NOT_OURS,
    `The sheet ${names} was not made by the add-in, so it was left alone and nothing was written. Rename it, or choose to replace it.`,
    first.sheet,
  );
}

/**
 * Refuses, before anything is written, a write that protection would stop half-way:
 * a protected target sheet, or (the workbook's structure protected) a sheet to add or
 * rename, or no settings sheet for the run's parameters to be saved on afterwards.
 */
function checkProtection(sheets: readonly SheetWrite[], state: WorkbookState): void {
  const guarded = sheets.filter(({ sheet }) => state.sheets.get(sheet.toLowerCase())?.protected);
  const [first] = guarded;
  if (first) {
    const names = guarded.map(({ sheet }) => `"${sheet}"`).join(', ');
    officeFail(
      OfficeErrorCode.PROTECTED,
      `The sheet ${names} is protected, so nothing was written. Unprotect it (Review → Unprotect Sheet) and try again.`,
      first.sheet,
    );
  }
  if (!state.structureProtected) return;
  const structural = sheets.filter(({ sheet }) => {
    const existing = state.sheets.get(sheet.toLowerCase());
    return !existing || existing.name !== sheet;
  });
  const changes = [
    ...structural.map(({ sheet }) => `"${sheet}"`),
    ...(state.hasSettingsSheet ? [] : ['its settings sheet']),
  ];
  if (structural.length === 0 && state.hasSettingsSheet) return;
  officeFail(
    OfficeErrorCode.PROTECTED,
    `The workbook's structure is protected, so the add-in cannot add or rename ${changes.join(' and ')}; nothing was written. Unprotect it (Review → Protect Workbook) and try again.`,
    structural[0]?.sheet,
  );
}

function checkTableNamesFree(sheets: readonly SheetWrite[], state: WorkbookState): void {
  const rewritten = new Set(sheets.map(({ sheet }) => sheet.toLowerCase()));
  const kept = state.tables.filter((table) => !rewritten.has(table.sheet.toLowerCase()));
  refuseLayout(tableNamesFault(sheets, kept, state.definedNames));
}

/** Writes each sheet whole; see the module comment for the syncs it takes. */
export async function writeSheets(
  context: Excel.RequestContext,
  sheets: readonly SheetWrite[],
  options: WriteOptions = {},
  isSetSupported: IsSetSupported = () => false,
): Promise<void> {
  refuseLayout(sheetLayoutsFault(sheets));
  const state = await inspectWorkbook(
    context,
    sheets.map(({ sheet }) => sheet),
  );
  checkOwners(sheets, state, options);
  checkProtection(sheets, state);
  checkTableNamesFree(sheets, state);
  const canResize = isSetSupported('ExcelApi', '1.13');
  const steps = sheets.flatMap((layout) =>
    stepsFor(layout, state.sheets.get(layout.sheet.toLowerCase()), canResize),
  );
  // Every sheet is set up (added or cleared) before any is finished, so a drop-down may
  // read its items from a sheet later in the same write.
  steps.sort((a, b) => Number(b.item.kind === 'setup') - Number(a.item.kind === 'setup'));
  const proxies: SheetProxies = new Map();
  const marks: Excel.NamedItem[] = [];
  const batches = packBatches(steps);
  await syncInPayloadBatches(context, batches, (batch) => {
    for (const step of batch) queueStep(context, proxies, step, marks);
    if (batch === batches[batches.length - 1]) for (const mark of marks) mark.load('visible');
  });
  await hideShownMarks(context, marks);
}

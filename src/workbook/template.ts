import type { SheetWrite, Workbook } from '../ports/workbook';
import { WorkbookError, WorkbookErrorCode } from './errors';
import { MECHANISMS } from './mechanisms/index';
import type { ScenarioParams } from './params';
import { readParams } from './params';
import type { InputTables } from './readInputs';
import { readTable } from './readTable';
import { resultSheet } from './resultSheet';
import { TEMPLATE_INFO_SHEET, infoSheet } from './template/infoSheet';
import { exampleTableData, inputSheets, templatePlacements } from './template/inputSheets';
import { listsSheet } from './template/listsSheet';
import { TEMPLATE_VERSION, TEMPLATE_VERSION_KEY } from './template/version';

export {
  TEMPLATE_UPGRADES,
  TEMPLATE_VERSION,
  detectTemplateVersion,
  upgradeTemplate,
  type TemplateUpgrade,
} from './template/version';

/** The minima the template's Checks sheet uses until the user sets their own. */
export const TEMPLATE_CHECK_PARAMS: ScenarioParams = {
  socialCareMinimum: 0,
  nhsOutOfHospitalMinimum: 0,
};

/** The plan checks over the template's example rows, laid out as the Checks sheet. */
function checksSheet(now: Date): SheetWrite {
  const checks = MECHANISMS.checks;
  const tables: InputTables = {};
  for (const p of templatePlacements()) {
    if (checks.tables.some((t) => t.kind.id === p.kind.id)) {
      tables[p.kind.id] = readTable(exampleTableData(p), p.kind).table;
    }
  }
  const typed = readParams(checks.params, TEMPLATE_CHECK_PARAMS);
  const computed = checks.prepare(tables, typed.values, TEMPLATE_CHECK_PARAMS).compute();
  return resultSheet(checks, { tables, values: typed.values, computed, now });
}

/**
 * The planning template as sheets, pure: the "BCF Template" sheet (guide and format
 * version), one input sheet per table kind with example rows, the Checks sheet, and the
 * hidden "BCF Lists" sheet that long drop-down lists (Scheme type) read their options from.
 *
 * @param now - the creation time written on the template and the Checks sheet.
 */
export function planningTemplate(now: Date): SheetWrite[] {
  return [infoSheet(now), ...inputSheets(), checksSheet(now), listsSheet()];
}

/** Options of {@link newPlanningTemplate}. */
export interface TemplateOptions {
  readonly now: Date;
  /** Replace sheets of the same names that the user made. */
  readonly replaceUserSheets?: boolean;
  /** Replace an existing template (its input sheets, and whatever was typed into them). */
  readonly replaceExisting?: boolean;
}

/**
 * "New planning template": writes the template's sheets (one `writeSheets` call) and
 * records its format version in the workbook's settings.
 *
 * @returns the sheets written.
 * @throws WorkbookError `SHEET.USER_SHEET` when a sheet of the template's names was made
 *   by the user (without `replaceUserSheets`), `TEMPLATE.EXISTS` when the workbook
 *   already has the template's sheets (without `replaceExisting`); nothing is written.
 */
export async function newPlanningTemplate(
  workbook: Workbook,
  options: TemplateOptions,
): Promise<readonly string[]> {
  const sheets = planningTemplate(options.now);
  const owners = await Promise.all(
    sheets.map(async (s) => [s.sheet, await workbook.sheetOwner(s.sheet)] as const),
  );
  const users = owners.filter(([, o]) => o === 'user').map(([s]) => s);
  if (users.length > 0 && options.replaceUserSheets !== true) {
    throw new WorkbookError(
      WorkbookErrorCode.USER_SHEET,
      `The workbook already has sheets named ${users.map((s) => `"${s}"`).join(', ')} that the add-in did not make; rename them, or confirm that they may be replaced.`,
      users[0],
    );
  }
  const ours = owners.filter(([, o]) => o === 'addin').map(([s]) => s);
  if (ours.length > 0 && options.replaceExisting !== true) {
    throw new WorkbookError(
      WorkbookErrorCode.TEMPLATE_EXISTS,
      `This workbook already has a planning template (${ours.includes(TEMPLATE_INFO_SHEET) ? TEMPLATE_INFO_SHEET : (ours[0] ?? '')}); a new one would replace what was typed into it.`,
      ours[0],
    );
  }
  await workbook.writeSheets(sheets, { replaceUserSheets: options.replaceUserSheets === true });
  await workbook.settings.set({ [TEMPLATE_VERSION_KEY]: String(TEMPLATE_VERSION) });
  return sheets.map((s) => s.sheet);
}

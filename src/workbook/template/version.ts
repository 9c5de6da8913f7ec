import type { Workbook } from '../../ports/workbook';
import { WorkbookError, WorkbookErrorCode } from '../errors';

/**
 * The planning template's format version. A template records it twice: in the
 * workbook's settings (`bcf.templateVersion`) and in the `BCF_TemplateInfo` table on the
 * "BCF Template" sheet, so a later add-in recognises a template made by an earlier one
 * even when settings were lost (e.g. a copy made by another tool).
 */
export const TEMPLATE_VERSION = 1;
/** Settings key of the template version. */
export const TEMPLATE_VERSION_KEY = 'bcf.templateVersion';
/** The info table's name and its row label of the version. */
export const TEMPLATE_INFO_TABLE = 'BCF_TemplateInfo';
export const VERSION_LABEL = 'Template format version';

/**
 * Reads the template version of a workbook: the setting, else the info table; undefined
 * when the workbook holds no planning template.
 */
export async function detectTemplateVersion(workbook: Workbook): Promise<number | undefined> {
  const setting = Number(await workbook.settings.get(TEMPLATE_VERSION_KEY));
  if (Number.isInteger(setting) && setting > 0) return setting;
  const tables = await workbook.listTables();
  if (!tables.some((t) => t.name === TEMPLATE_INFO_TABLE)) return undefined;
  const [info] = await workbook.readTables([TEMPLATE_INFO_TABLE]);
  const row = info?.rows.find((r) => r[0] === VERSION_LABEL);
  const version = Number(row?.[1]);
  return Number.isInteger(version) && version > 0 ? version : undefined;
}

/** One upgrade step: brings a template from version `from` to `from + 1`. */
export interface TemplateUpgrade {
  readonly from: number;
  readonly describe: string;
  readonly apply: (workbook: Workbook) => Promise<void>;
}

/** The upgrades this add-in knows; none yet (version 1 is the first format). */
export const TEMPLATE_UPGRADES: readonly TemplateUpgrade[] = [];

/**
 * Brings a workbook's template up to {@link TEMPLATE_VERSION}, step by step, recording
 * the new version after each step.
 *
 * @returns the versions before and after, and what each step did.
 * @throws WorkbookError `TEMPLATE.TOO_NEW` when the template was made by a later add-in.
 */
export async function upgradeTemplate(
  workbook: Workbook,
  upgrades: readonly TemplateUpgrade[] = TEMPLATE_UPGRADES,
  target: number = TEMPLATE_VERSION,
): Promise<{ readonly from?: number; readonly to?: number; readonly steps: readonly string[] }> {
  const from = await detectTemplateVersion(workbook);
  if (from === undefined) return { steps: [] };
  if (from > target) {
    throw new WorkbookError(
      WorkbookErrorCode.TEMPLATE_TOO_NEW,
      `This workbook's planning template is format version ${from}, newer than this add-in understands (${target}); update the add-in.`,
    );
  }
  const steps: string[] = [];
  for (let version = from; version < target; version++) {
    const step = upgrades.find((u) => u.from === version);
    if (step === undefined) throw new Error(`No template upgrade from version ${version}.`);
    await step.apply(workbook);
    await workbook.settings.set({ [TEMPLATE_VERSION_KEY]: String(version + 1) });
    steps.push(step.describe);
  }
  return { from, to: target, steps };
}

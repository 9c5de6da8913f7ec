/**
 * Scenarios: runs kept under a name, with their parameters, in the workbook's settings, so
 * several proposals for the same terms can sit side by side and travel with the file. Each
 * kept run writes its own result sheet ("BCF Proposal B") instead of replacing the
 * mechanism's usual one.
 */
import type { WorkbookSettings } from '../ports/workbook';
import { WorkbookError, WorkbookErrorCode } from './errors';
import type { MechanismId } from './mechanisms/index';
import type { ScenarioParams } from './params';

/** Settings key of every kept scenario, by name. */
export const SCENARIOS_KEY = 'bcf.scenarios';

/** One kept scenario. */
export interface SavedScenario {
  readonly name: string;
  readonly mechanism: MechanismId;
  readonly params: ScenarioParams;
  /** Its result sheet. */
  readonly sheet: string;
  /** ISO time of the run that kept it. */
  readonly at: string;
}

/** Sheet names hold 31 characters; "BCF " takes 4. */
const MAX_NAME = 27;
const FORBIDDEN = /[[\]:*?/\\]/;

/**
 * The scenario's name, checked and trimmed: what a sheet name can hold.
 *
 * @throws WorkbookError `SCENARIO.BAD_NAME` naming the name and what is wrong.
 */
export function scenarioName(raw: string): string {
  const name = raw.trim();
  const problem =
    name === ''
      ? 'is empty; give the scenario a name, e.g. "Proposal B"'
      : name.length > MAX_NAME
        ? `has ${name.length} characters; a scenario name can have at most ${MAX_NAME} (its sheet is "BCF <name>", and Excel sheet names hold 31)`
        : FORBIDDEN.test(name)
          ? 'has a character a sheet name cannot: [ ] : * ? / \\'
          : name.startsWith("'") || name.endsWith("'")
            ? 'starts or ends with an apostrophe, which a sheet name cannot'
            : undefined;
  if (problem !== undefined) {
    throw new WorkbookError(
      WorkbookErrorCode.SCENARIO_BAD_NAME,
      `Scenario name "${raw}" ${problem}.`,
    );
  }
  return name;
}

/** The result sheet of a scenario: "BCF Proposal B". */
export function scenarioSheet(name: string): string {
  return `BCF ${name}`;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The kept scenarios from their settings text; unreadable entries are passed over. */
export function scenariosFrom(text: string | undefined): ReadonlyMap<string, SavedScenario> {
  let value: unknown;
  try {
    value = text === undefined ? undefined : JSON.parse(text);
  } catch {
    value = undefined;
  }
  const found = new Map<string, SavedScenario>();
  if (!isRecord(value)) return found;
  for (const [key, entry] of Object.entries(value)) {
    if (
      isRecord(entry) &&
      typeof entry.mechanism === 'string' &&
      isRecord(entry.params) &&
      typeof entry.sheet === 'string'
    ) {
      found.set(key.toLowerCase(), { ...(entry as unknown as SavedScenario), name: key });
    }
  }
  return found;
}

/** The workbook's kept scenarios, by name (lower case). */
export async function keptScenarios(
  settings: WorkbookSettings,
): Promise<ReadonlyMap<string, SavedScenario>> {
  return scenariosFrom(await settings.get(SCENARIOS_KEY));
}

/**
 * Refuses a name already kept unless `replace`.
 *
 * @throws WorkbookError `SCENARIO.EXISTS` naming the scenario and when it was kept.
 */
export function refuseKept(
  kept: ReadonlyMap<string, SavedScenario>,
  name: string,
  replace: boolean,
): void {
  const existing = kept.get(name.toLowerCase());
  if (existing === undefined || replace) return;
  throw new WorkbookError(
    WorkbookErrorCode.SCENARIO_EXISTS,
    `The workbook already keeps a scenario "${existing.name}" (run on ${existing.at.slice(0, 10)}); choose another name, or replace it (--force).`,
    existing.sheet,
  );
}

/** The settings text with `scenario` kept (replacing one of the same name). */
export function withScenario(
  kept: ReadonlyMap<string, SavedScenario>,
  scenario: SavedScenario,
): string {
  const all: Record<string, Omit<SavedScenario, 'name'>> = {};
  for (const entry of kept.values()) {
    if (entry.name.toLowerCase() === scenario.name.toLowerCase()) continue;
    const { name, ...rest } = entry;
    all[name] = rest;
  }
  const { name, ...rest } = scenario;
  all[name] = rest;
  return JSON.stringify(all);
}

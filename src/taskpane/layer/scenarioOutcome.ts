/**
 * Translating the workbook layer's scenarios for the pane: the refusals of a scenario name into outcomes the pane can ask about,
 * the kept scenarios into a list, and a comparison into figures side by side.
 */
import { Dec } from '../../engine/decimal';
import type { CompareOutcome } from '../../workbook/compare';
import { WorkbookError, WorkbookErrorCode } from '../../workbook/errors';
import type { SavedScenario } from '../../workbook/scenarios';
import { MECHANISM_CATALOG } from '../mechanismCatalog';
import type {
  ComparedFigure,
  ComparisonOutcome,
  KeepOutcome,
  ScenarioSummary,
} from '../operations';
import { isRecord, money, partyAmounts } from './curve';
import { isMechanismId } from '../../workbook/mechanisms/index';
import { paneFinding } from './runOutcome';

/** A scenario name the layer refused, as an outcome; undefined for any other error. */
export function keepRefusal(error: unknown): KeepOutcome | undefined {
  if (!(error instanceof WorkbookError)) return undefined;
  if (error.code === WorkbookErrorCode.SCENARIO_BAD_NAME) {
    return { ok: false, reason: 'scenarioName', message: error.message };
  }
  if (error.code === WorkbookErrorCode.SCENARIO_EXISTS) {
    const name = /scenario "([^"]*)"/.exec(error.message)?.[1] ?? '';
    // The pane asks before replacing; the CLI's --force is not the pane's word for it.
    const message = error.message.replace(/, or replace it \(--force\)\.$/, ', or replace it.');
    return { ok: false, reason: 'scenarioExists', name, message };
  }
  return undefined;
}

/** The kept scenarios for the pane's list. */
export function scenarioSummaries(
  kept: ReadonlyMap<string, SavedScenario>,
): readonly ScenarioSummary[] {
  return [...kept.values()].map((s) => {
    const mechanism = isMechanismId(s.mechanism) ? s.mechanism : undefined;
    return {
      name: s.name,
      ...(mechanism === undefined ? {} : { mechanism }),
      title: mechanism === undefined ? s.mechanism : MECHANISM_CATALOG[mechanism].title,
      sheet: s.sheet,
      at: new Date(s.at),
    };
  });
}

function moneyRow(label: string, values: readonly (Dec | undefined)[]): ComparedFigure {
  const first = values[0];
  return {
    label,
    kind: 'money',
    values: values.map((v) => (v === undefined ? '' : money(v))),
    differences: values
      .slice(1)
      .map((v) => (v === undefined || first === undefined ? '' : money(v.minus(first)))),
  };
}

/**
 * The comparison's figures as its sheet shows them: with a figure per party (a gain/loss
 * share of one contract), the variance and each party's amount under each scenario with
 * the differences from the first; otherwise each headline figure's text side by side.
 */
export function comparedFigures(
  outcome: Extract<CompareOutcome, { ok: true }>,
): readonly ComparedFigure[] {
  const results = outcome.scenarios.map((s) => s.result);
  const perParty = results.map((r) => (isRecord(r) ? partyAmounts(r.parties) : undefined));
  if (perParty.every((p) => p !== undefined)) {
    const all = perParty;
    const parties = [...new Set(all.flatMap((p) => p.map((a) => a.party)))];
    const variances = results.map((r) =>
      isRecord(r) && Dec.isDecimal(r.variance) ? r.variance : undefined,
    );
    return [
      ...(variances.every((v) => v !== undefined)
        ? [moneyRow('Variance (expected − actual)', variances)]
        : []),
      ...parties.map((party) =>
        moneyRow(
          party,
          all.map((p) => p.find((a) => a.party === party)?.amount),
        ),
      ),
    ];
  }
  const labels = [...new Set(outcome.scenarios.flatMap((s) => s.headline.map((h) => h.label)))];
  return labels.map((label) => ({
    label,
    kind: 'text',
    values: outcome.scenarios.map((s) => s.headline.find((h) => h.label === label)?.text ?? ''),
    differences: [],
  }));
}

/** The pane's outcome of a comparison. */
export function paneComparison(outcome: CompareOutcome): ComparisonOutcome {
  if (!outcome.ok) return { ok: false, findings: outcome.findings.map(paneFinding) };
  return {
    ok: true,
    names: outcome.scenarios.map((s) => s.scenario.name),
    figures: comparedFigures(outcome),
    sheet: { sheet: outcome.sheet, address: 'A1' },
  };
}

/** A comparison the layer refused outright (an unknown or mixed scenario, a user's sheet). */
export function comparisonRefusal(error: unknown): ComparisonOutcome {
  if (
    error instanceof WorkbookError &&
    (error.code === WorkbookErrorCode.SCENARIO_UNKNOWN ||
      error.code === WorkbookErrorCode.SCENARIO_MIXED ||
      error.code === WorkbookErrorCode.USER_SHEET)
  ) {
    return { ok: false, findings: [{ code: error.code, message: error.message }] };
  }
  throw error;
}

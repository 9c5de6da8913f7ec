/**
 * Scenarios side by side: each kept scenario run again from its saved parameters over the
 * workbook's tables as they are now, and one comparison sheet with their headline figures
 * per party, the differences from the first, and their outturn curves on one chart when
 * every scenario has one over the same outturns.
 */
import { Dec } from '../engine/decimal';
import type { Step } from '../engine/explain';
import { step } from '../engine/explain';
import type { CellValue, Workbook } from '../ports/workbook';
import { WorkbookError, WorkbookErrorCode } from './errors';
import type { Finding } from './findings';
import type { Computed, Headline } from './mechanism';
import { numberCell } from './results/cells';
import { MONEY, MONEY_AXIS, TEXT, layoutSheet, type ResultBlock } from './results/layout';
import { calculateRun, mechanismOf } from './run';
import { keptScenarios, type SavedScenario } from './scenarios';

/** The comparison sheet's name. */
export const COMPARISON_SHEET = 'BCF Scenario comparison';

/** A scenario as run again for the comparison. */
export interface ComparedScenario {
  readonly scenario: SavedScenario;
  readonly headline: readonly Headline[];
  readonly result: unknown;
}

export type CompareOutcome =
  | { readonly ok: true; readonly sheet: string; readonly scenarios: readonly ComparedScenario[] }
  | { readonly ok: false; readonly findings: readonly Finding[] };

interface PartyFigures {
  readonly variance?: Dec;
  readonly parties: readonly { readonly party: string; readonly amount: Dec }[];
  readonly curve?: readonly {
    readonly actual: Dec;
    readonly parties: readonly { readonly party: string; readonly amount: Dec }[];
  }[];
}

/** Results with a figure per party (gain/loss share): what can be compared figure by figure. */
function partyFigures(result: unknown): PartyFigures | undefined {
  if (typeof result !== 'object' || result === null) return undefined;
  const parties: unknown = (result as { parties?: unknown }).parties;
  if (!Array.isArray(parties)) return undefined;
  const ok = parties.every((p: unknown) => {
    const party = p as { party?: unknown; amount?: unknown } | null;
    return typeof party?.party === 'string' && Dec.isDecimal(party.amount);
  });
  return ok ? (result as PartyFigures) : undefined;
}

/**
 * Runs the named scenarios again and writes the comparison sheet (nothing else); with any
 * finding in any scenario, nothing is written.
 *
 * @param names - two or more kept scenarios, in the order to show them; the first is the
 *   base the differences are taken from.
 * @throws WorkbookError `SCENARIO.UNKNOWN` for a name the workbook does not keep (naming the
 *   ones it does), `SCENARIO.MIXED` for scenarios of different calculations,
 *   `SHEET.USER_SHEET` when a sheet of the comparison's name was made by the user.
 */
export async function compareScenarios(
  workbook: Workbook,
  names: readonly string[],
  options: { readonly now: Date },
): Promise<CompareOutcome> {
  const kept = await keptScenarios(workbook.settings);
  const scenarios = names.map((name) => {
    const found = kept.get(name.trim().toLowerCase());
    if (found === undefined) {
      const known = [...kept.values()].map((s) => `"${s.name}"`);
      throw new WorkbookError(
        WorkbookErrorCode.SCENARIO_UNKNOWN,
        `The workbook keeps no scenario "${name}"; ${known.length === 0 ? 'it keeps none (keep one with bcf run --scenario NAME)' : `it keeps ${known.join(', ')}`}.`,
      );
    }
    return found;
  });
  const mechanism = scenarios[0]?.mechanism;
  const other = scenarios.find((s) => s.mechanism !== mechanism);
  if (other !== undefined || mechanism === undefined) {
    throw new WorkbookError(
      WorkbookErrorCode.SCENARIO_MIXED,
      `Scenarios of different calculations cannot be compared: "${scenarios[0]?.name ?? ''}" is ${mechanism ?? 'none'}, "${other?.name ?? ''}" is ${other?.mechanism ?? 'none'}.`,
    );
  }
  const def = mechanismOf(mechanism);
  const findings: Finding[] = [];
  const compared: ComparedScenario[] = [];
  for (const scenario of scenarios) {
    const run = await calculateRun(workbook, def, scenario.params, {});
    if (run === undefined) continue;
    if (!run.ok) {
      findings.push(
        ...run.findings.map((f) => ({
          ...f,
          message: `Scenario "${scenario.name}": ${f.message}`,
        })),
      );
      continue;
    }
    compared.push(asCompared(scenario, run.computed));
  }
  if (findings.length > 0) return { ok: false, findings };
  if ((await workbook.sheetOwner(COMPARISON_SHEET)) === 'user') {
    throw new WorkbookError(
      WorkbookErrorCode.USER_SHEET,
      `The sheet "${COMPARISON_SHEET}" was not made by the add-in; rename it, or confirm that it may be replaced.`,
      COMPARISON_SHEET,
    );
  }
  const sheet = layoutSheet(COMPARISON_SHEET, [
    {
      kind: 'title',
      text: `BCF scenarios compared: ${def.title}`,
      subtitle: `Each scenario run again from its kept parameters over the workbook's tables as they are now. Differences are from "${compared[0]?.scenario.name ?? ''}".`,
    },
    {
      kind: 'parameters',
      rows: compared.map((c) => [
        c.scenario.name,
        `kept ${c.scenario.at.slice(0, 10)}; sheet "${c.scenario.sheet}"`,
        TEXT,
      ]),
    },
    ...comparisonBlocks(compared),
    { kind: 'steps', heading: 'What each scenario sets', steps: parameterSteps(compared) },
    { kind: 'timestamp', at: options.now },
  ]);
  await workbook.writeSheets([sheet], { replaceUserSheets: false });
  return { ok: true, sheet: COMPARISON_SHEET, scenarios: compared };
}

function asCompared(scenario: SavedScenario, computed: Computed): ComparedScenario {
  return { scenario, headline: computed.headline, result: computed.result };
}

function comparisonBlocks(compared: readonly ComparedScenario[]): ResultBlock[] {
  const figures = compared.map((c) => partyFigures(c.result));
  if (figures.some((f) => f === undefined)) return [headlineTable(compared)];
  const all = figures as PartyFigures[];
  const base = all[0];
  if (base === undefined) return [];
  const names = compared.map((c) => c.scenario.name);
  const parties = [...new Set(all.flatMap((f) => f.parties.map((p) => p.party)))];
  const amountOf = (f: PartyFigures, party: string) =>
    f.parties.find((p) => p.party === party)?.amount;
  const row = (label: string, values: readonly (Dec | undefined)[]): CellValue[] => {
    const first = values[0];
    return [
      label,
      ...values.map((v) => (v === undefined ? null : numberCell(v))),
      ...values
        .slice(1)
        .map((v) => (v === undefined || first === undefined ? null : numberCell(v.minus(first)))),
    ];
  };
  const blocks: ResultBlock[] = [
    {
      kind: 'table',
      heading: 'Headline figures side by side',
      name: 'BCF_Compare_Figures',
      columns: [
        { header: 'Figure', format: TEXT, width: 30 },
        ...names.map((n) => ({ header: n, format: MONEY, width: 18 })),
        ...names
          .slice(1)
          .map((n) => ({ header: `${n} − ${names[0] ?? ''}`, format: MONEY, width: 18 })),
      ],
      rows: [
        ...(all.every((f) => f.variance !== undefined)
          ? [
              row(
                'Variance (expected − actual)',
                all.map((f) => f.variance),
              ),
            ]
          : []),
        ...parties.map((party) =>
          row(
            party,
            all.map((f) => amountOf(f, party)),
          ),
        ),
      ],
      chart: {
        kind: 'columnClustered',
        title: 'Each party under each scenario',
        series: names.map((_, i) => i + 1),
        valueAxisFormat: MONEY_AXIS,
        valueAxisTitle: 'Amount (£)',
        categoryAxisTitle: 'Figure',
      },
    },
  ];
  const overlay = curveOverlay(all, names, parties);
  return overlay === undefined ? blocks : [...blocks, overlay];
}

/** The curves on one table and chart, when every scenario has one over the same outturns. */
function curveOverlay(
  all: readonly PartyFigures[],
  names: readonly string[],
  parties: readonly string[],
): ResultBlock | undefined {
  const curves = all.map((f) => f.curve);
  const first = curves[0];
  if (first === undefined || curves.some((c) => c === undefined || c.length !== first.length)) {
    return undefined;
  }
  const same = curves.every((c) =>
    c?.every((p, i) => p.actual.equals(first[i]?.actual ?? p.actual)),
  );
  if (!same) return undefined;
  const columns = parties.flatMap((party) => names.map((name) => ({ party, name })));
  return {
    kind: 'table',
    heading: 'Outturn curves side by side',
    name: 'BCF_Compare_Curves',
    columns: [
      { header: 'Actual spend', format: MONEY, width: 18 },
      ...columns.map((c) => ({ header: `${c.party} (${c.name})`, format: MONEY, width: 18 })),
    ],
    rows: first.map((point, i) => [
      numberCell(point.actual),
      ...columns.map((c) => {
        const s = names.indexOf(c.name);
        const amount = curves[s]?.[i]?.parties.find((p) => p.party === c.party)?.amount;
        return amount === undefined ? null : numberCell(amount);
      }),
    ]),
    chart: {
      kind: 'line',
      title: 'Each party against actual spend, by scenario',
      series: columns.map((_, i) => i + 1),
      valueAxisFormat: MONEY_AXIS,
      valueAxisTitle: 'Gain (+) or loss (−) (£)',
      categoryAxisTitle: 'Actual spend (£)',
    },
  };
}

/** For calculations without a figure per party: the headline text side by side. */
function headlineTable(compared: readonly ComparedScenario[]): ResultBlock {
  const labels = [...new Set(compared.flatMap((c) => c.headline.map((h) => h.label)))];
  return {
    kind: 'table',
    heading: 'Headline figures side by side',
    name: 'BCF_Compare_Figures',
    columns: [
      { header: 'Figure', format: TEXT, width: 30 },
      ...compared.map((c) => ({ header: c.scenario.name, format: TEXT, width: 22 })),
    ],
    rows: labels.map((label) => [
      label,
      ...compared.map((c) => c.headline.find((h) => h.label === label)?.text ?? null),
    ]),
  };
}

function parameterSteps(compared: readonly ComparedScenario[]): Step[] {
  return compared.map((c) => {
    const entries = Object.entries(c.scenario.params).map(
      ([key, value]) => `${key} ${JSON.stringify(value)}`,
    );
    return step(
      'scenario',
      `"${c.scenario.name}": ${entries.length === 0 ? 'the workbook\u2019s tables and every default' : entries.join('; ')}.`,
    );
  });
}

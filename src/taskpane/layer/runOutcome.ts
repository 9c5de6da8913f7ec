/**
 * Translating the workbook layer's run for the pane: its stages into progress, its
 * outcome (headline, steps, findings) into the pane's outcome, its "user sheet" refusal
 * into a question for the user.
 */
import type { Finding as LayerFinding } from '../../workbook/findings';
import { WorkbookError, WorkbookErrorCode } from '../../workbook/errors';
import type { RunOutcome as LayerOutcome, RunStage } from '../../workbook/run';
import type { Finding, OutturnCurve, Progress, RunOutcome, RunSuccess } from '../operations';
import { chartsOf, envelopeYearsOf, gateSentence, zeroMinimaOf } from './resultExtras';
import { STAND_IN_SHEET } from '../../workbook/standIns';
import { TERMS_PARAM } from '../../workbook/mechanisms/gainLossShare/gainLossShareTerms';
import { curveOf } from './curve';

function curveField(result: unknown): { readonly curve?: OutturnCurve } {
  const curve = curveOf(result);
  return curve === undefined ? {} : { curve };
}

const STAGES: Readonly<Record<RunStage, Progress>> = {
  reading: { step: 'Reading and checking the tables', done: 0, total: 3 },
  calculating: { step: 'Calculating', done: 1, total: 3 },
  writing: { step: 'Writing the result sheet', done: 2, total: 3, cancellable: false },
  done: { step: 'Done', done: 3, total: 3, cancellable: false },
};

export function progressOf(stage: RunStage): Progress {
  return STAGES[stage];
}

/** A layer finding for the pane: its message, and its cell when it names one. */
export function paneFinding(finding: LayerFinding): Finding {
  const { code, message, sheet, address } = finding;
  if (finding.parameter === TERMS_PARAM) {
    // The editor's terms go to the layer as its `terms` parameter: name the pane's terms.
    return {
      code,
      message: `Gain/loss terms set in the pane: ${message.replace(/^Scenario parameter "[^"]*"[,:]\s*/, '')}`,
    };
  }
  if (sheet === STAND_IN_SHEET) {
    // Tables given as parameters (a --params run) have no cells to select.
    return {
      code,
      message: `Gain/loss terms set in the pane: ${message.replace(/^[^:]*\)\s*:\s*/, '')}`,
    };
  }
  return sheet !== undefined && address !== undefined
    ? { code, message, cell: { sheet, address: address.split(':')[0] ?? address } }
    : { code, message };
}

/** The charts, envelope years, £0 minima and gate sentence of a run, where it has them. */
function extrasOf(
  outcome: Extract<LayerOutcome, { ok: true }>,
  gate: { readonly fraction: string; readonly holder?: string } | undefined,
): Partial<RunSuccess> {
  const charts = chartsOf(outcome.blocks);
  const envelopeYears =
    outcome.mechanism === 'envelope' ? envelopeYearsOf(outcome.result) : undefined;
  const zeroMinima = outcome.mechanism === 'checks' ? zeroMinimaOf(outcome.result) : undefined;
  const sentence =
    outcome.mechanism === 'gainshare' ? gateSentence(outcome.result, gate) : undefined;
  return {
    ...(charts.length === 0 ? {} : { charts }),
    ...(envelopeYears === undefined ? {} : { envelopeYears }),
    ...(zeroMinima === undefined ? {} : { zeroMinima }),
    ...(sentence === undefined ? {} : { gate: sentence }),
  };
}

/** The pane's outcome of a layer run; `title` is the mechanism's name in the pane. */
export function paneOutcome(
  outcome: LayerOutcome,
  title: string,
  completedAt: Date,
  /** The gate a gain/loss share asked for, to say what it did. */
  gate?: { readonly fraction: string; readonly holder?: string },
): RunOutcome {
  if (outcome.ok) {
    return {
      ok: true,
      title,
      headline: outcome.headline.map((h) => ({
        label: h.label,
        value: h.text,
        kind: 'text',
      })),
      explanation: outcome.steps.map((s) => s.text),
      resultSheet: { sheet: outcome.sheet, address: 'A1' },
      sheetsWritten: [outcome.sheet],
      completedAt,
      ...curveField(outcome.result),
      ...extrasOf(outcome, gate),
    };
  }
  if (outcome.status === 'cancelled') return { ok: false, reason: 'cancelled' };
  return { ok: false, reason: 'invalid', findings: outcome.findings.map(paneFinding) };
}

/** The refusal to replace a user's sheet, as an outcome the pane can ask about; rethrows anything else. */
export function blockedOrThrow(error: unknown): RunOutcome {
  if (error instanceof WorkbookError && error.code === WorkbookErrorCode.USER_SHEET) {
    return { ok: false, reason: 'userSheet', sheet: error.sheet ?? '', message: error.message };
  }
  throw error;
}

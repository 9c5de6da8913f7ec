import { Dec, moneyText } from '../decimal';
import { step, type Step } from '../explain';
import type { Baseline } from './envelopeBaseline';
import type { EnvelopeChange } from './envelopeChanges';
import type { PlannedComparison } from './envelopePlanned';

/** The explanation lines of a funding envelope, for a finance reviewer. */

interface Part {
  readonly partner?: string;
  readonly category?: string;
  readonly amount: Dec;
}

const partsText = (parts: readonly Part[]): string =>
  parts.map((p) => `${p.category ?? p.partner ?? ''} ${moneyText(p.amount)}`).join(', ');

const scopeText = (p: { category?: string; partner?: string }): string =>
  p.category === undefined && p.partner === undefined
    ? 'all lines'
    : [p.category ?? 'all categories', p.partner ?? 'all partners'].join(' / ');

const gapText = (gap: Dec): string =>
  gap.isNegative() && !gap.isZero()
    ? `gap ${moneyText(gap)}: the plan spends more than the envelope`
    : `gap ${moneyText(gap)}: the plan fits within the envelope`;

/** The baseline total and its lines. */
export function baselineSteps(base: Baseline, total: Dec): Step[] {
  const lines = base.lines.map((l) => ({
    category: `${l.category} / ${l.partner}`,
    amount: l.amount,
  }));
  return [step('baseline', `Baseline ${moneyText(total)}: ${partsText(lines)}.`)];
}

/** What each change does and to which lines. */
export function changeSteps(changes: readonly EnvelopeChange[]): Step[] {
  return changes.length === 0
    ? [step('change', 'No changes are given: the envelope stays at the baseline.')]
    : changes.map((c) => step('change', c.description));
}

/** One line in one year: baseline × cumulative factor, rounded. */
export function lineStep(
  year: number,
  line: { category: string; partner: string; baseline: Dec; changeFactor: Dec; envelope: Dec },
): Step {
  return step(
    'line',
    `Year ${year}, ${line.category} / ${line.partner}: ${moneyText(line.baseline)} × ${line.changeFactor.toDecimalPlaces(6).toString()} = ${moneyText(line.envelope)} (rounded to pence).`,
  );
}

/** A year's envelope as the sum of its rounded lines, by partner. */
export function yearStep(year: {
  year: number;
  envelope: Dec;
  changeFromBaseline: Dec;
  byPartner: readonly Part[];
  byCategory: readonly Part[];
}): Step {
  return step(
    'total',
    `Year ${year.year} envelope ${moneyText(year.envelope)} (${moneyText(year.changeFromBaseline)} on the baseline): by partner ${partsText(year.byPartner)}; by category ${partsText(year.byCategory)}.`,
  );
}

/** The year's planned spend against the envelope of the lines it covers. */
export function planSteps(year: {
  year: number;
  envelope: Dec;
  coveredEnvelope: Dec;
  planned: Dec;
  gap: Dec;
  plannedLines: readonly PlannedComparison[];
}): Step[] {
  const lines = year.plannedLines.map((p) =>
    step(
      'gap',
      `Year ${year.year}, ${scopeText(p)}: envelope ${moneyText(p.envelope)} − planned ${moneyText(p.planned)}, ${gapText(p.gap)}.`,
    ),
  );
  const partial = !year.coveredEnvelope.equals(year.envelope) || year.plannedLines.length > 1;
  return partial
    ? [
        ...lines,
        step(
          'gap',
          `Year ${year.year}: planned ${moneyText(year.planned)} against the ${moneyText(year.coveredEnvelope)} envelope of the lines it covers, ${gapText(year.gap)}.`,
        ),
      ]
    : lines;
}

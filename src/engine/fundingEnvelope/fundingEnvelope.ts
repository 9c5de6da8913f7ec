import { Dec, ONE, roundPence, sum, type Amount } from '../decimal';
import { ErrorKind, fail } from '../errors';
import type { Step } from '../explain';
import { baseline, isBlank, type Baseline, type BaselineLineInput } from './envelopeBaseline';
import { envelopeChange, type EnvelopeChange, type EnvelopeChangeInput } from './envelopeChanges';
import {
  compareToPlan,
  plannedSpend,
  type PlannedComparison,
  type PlannedSpendInput,
} from './envelopePlanned';
import { baselineSteps, changeSteps, lineStep, planSteps, yearStep } from './envelopeSteps';
import { integer } from '../validate';

export type { BaselineLineInput } from './envelopeBaseline';
export type { EnvelopeChangeInput, EnvelopePhasing } from './envelopeChanges';
export type { PlannedComparison, PlannedSpendInput } from './envelopePlanned';

const SCOPE = 'ENVELOPE';

/** A funding envelope: today's spend by category and partner, and how it must change. */
export interface FundingEnvelopeInput {
  readonly baseline: readonly BaselineLineInput[];
  /** Plan years after the baseline year; default 1. */
  readonly years?: Amount;
  readonly changes?: readonly EnvelopeChangeInput[];
  readonly planned?: readonly PlannedSpendInput[];
}

/** One envelope line in one year. */
export interface EnvelopeLine {
  readonly category: string;
  readonly partner: string;
  readonly baseline: Dec;
  /** The product of the changes that apply to the line by this year, exact. */
  readonly changeFactor: Dec;
  readonly envelope: Dec;
}

/** A partner's or category's part of the envelope. */
export interface EnvelopePart {
  readonly partner?: string;
  readonly category?: string;
  readonly amount: Dec;
}

/** One plan year: lines, totals (sums of the rounded lines) and the gap to planned spend. */
export interface EnvelopeYear {
  /** 1 for the first plan year. */
  readonly year: number;
  readonly lines: readonly EnvelopeLine[];
  readonly byPartner: readonly EnvelopePart[];
  readonly byCategory: readonly EnvelopePart[];
  readonly envelope: Dec;
  readonly changeFromBaseline: Dec;
  /** With planned spend: the envelope of the lines it covers, the plan, and the gap. */
  readonly coveredEnvelope?: Dec;
  readonly planned?: Dec;
  readonly gap?: Dec;
  readonly plannedLines: readonly PlannedComparison[];
}

/** The envelope per year, with the gap to planned spend where a plan is given. */
export interface FundingEnvelopeResult {
  readonly baseline: Dec;
  readonly baselineByPartner: readonly EnvelopePart[];
  readonly baselineByCategory: readonly EnvelopePart[];
  readonly years: readonly EnvelopeYear[];
  /** The sum of the years' gaps, when any planned spend is given. */
  readonly cumulativeGap?: Dec;
  readonly steps: readonly Step[];
}

function parts(
  base: Baseline,
  amounts: readonly Dec[],
): { byPartner: EnvelopePart[]; byCategory: EnvelopePart[] } {
  const total = (keep: (i: number) => boolean): Dec => sum(amounts.filter((_, i) => keep(i)));
  return {
    byPartner: base.partners.map((partner) => ({
      partner,
      amount: total((i) => base.lines[i]?.partner === partner),
    })),
    byCategory: base.categories.map((category) => ({
      category,
      amount: total((i) => base.lines[i]?.category === category),
    })),
  };
}

const applies = (c: EnvelopeChange, category: string, partner: string): boolean =>
  (c.category ?? category) === category && (c.partner ?? partner) === partner;

/** A validated change that applies to at least one baseline line. */
function matchedChange(
  base: Baseline,
  input: EnvelopeChangeInput,
  index: number,
  horizon: number,
): EnvelopeChange {
  const change = envelopeChange(input, index, base.partners, base.categories, horizon);
  if (!base.lines.some((l) => applies(change, l.category, l.partner))) {
    const where = `${change.category ?? ''} / ${change.partner ?? ''}`;
    fail(
      SCOPE,
      ErrorKind.INCONSISTENT,
      `changes[${index}]`,
      where,
      `changes[${index}] (${change.name}) applies to ${where}, which has no baseline line.`,
    );
  }
  return change;
}

function lineFactor(
  changes: readonly EnvelopeChange[],
  category: string,
  partner: string,
  year: number,
): Dec {
  return changes
    .filter((c) => applies(c, category, partner))
    .reduce<Dec>((factor, c) => factor.times(c.factor(year)), ONE);
}

/**
 * The funding envelope for each plan year: every baseline line (category × partner)
 * times the changes that apply to it, compounding year on year, rounded to pence; the
 * totals per partner, per category and overall are sums of the rounded lines. With
 * planned spend, each year's gap is `envelope − planned` over the lines the plan
 * covers (negative: the plan spends more than the envelope).
 *
 * Cumulative reductions are given explicitly: `annualRate` is a rate every year;
 * `totalOverYears` is the total reached after `overYears` years (see
 * {@link EnvelopeChangeInput}). Edge cases: no changes keeps the envelope at the
 * baseline; a baseline of £0 is allowed; a change matching no baseline line is an error.
 *
 * @param input - baseline lines, years, changes and planned spend (see {@link FundingEnvelopeInput}).
 * @returns the envelope per line, partner, category and year, gaps, and the steps.
 * @throws EngineError `ENVELOPE.*` for invalid input, naming the field and value.
 * @example
 * fundingEnvelope({ baseline: [{ category: 'Prevention', partner: 'Council', amount: 1000000 }],
 *   years: 4, changes: [{ name: 'Net budget reduction', totalOverYears: -0.07, overYears: 4 }] })
 *   .years[3].envelope // 930000.00
 */
export function fundingEnvelope(input: FundingEnvelopeInput): FundingEnvelopeResult {
  const base = baseline(input.baseline);
  const horizon = isBlank(input.years) ? 1 : integer(SCOPE, 'years', input.years, 1);
  const changes = (input.changes ?? []).map((c, i) => matchedChange(base, c, i, horizon));
  const planned = plannedSpend(input.planned, base.partners, base.categories, horizon);
  const baselineAmounts = base.lines.map((l) => roundPence(l.amount));
  const baselineTotal = sum(baselineAmounts);
  const steps: Step[] = [...baselineSteps(base, baselineTotal), ...changeSteps(changes)];
  const years = Array.from({ length: horizon }, (_, i): EnvelopeYear => {
    const year = i + 1;
    const lines = base.lines.map((l): EnvelopeLine => {
      const changeFactor = lineFactor(changes, l.category, l.partner, year);
      const line = {
        category: l.category,
        partner: l.partner,
        baseline: l.amount,
        changeFactor,
        envelope: roundPence(l.amount.times(changeFactor)),
      };
      steps.push(lineStep(year, line));
      return line;
    });
    const envelopes = lines.map((l) => l.envelope);
    const envelope = sum(envelopes);
    const plannedLines = compareToPlan(planned, year, base.lines, envelopes);
    const result: EnvelopeYear = {
      year,
      lines,
      ...parts(base, envelopes),
      envelope,
      changeFromBaseline: envelope.minus(baselineTotal),
      plannedLines,
    };
    steps.push(yearStep(result));
    if (plannedLines.length === 0) return result;
    const coveredEnvelope = sum(plannedLines.map((p) => p.envelope));
    const plannedTotal = sum(plannedLines.map((p) => p.planned));
    const withPlan = {
      ...result,
      coveredEnvelope,
      planned: plannedTotal,
      gap: coveredEnvelope.minus(plannedTotal),
    };
    steps.push(...planSteps(withPlan));
    return withPlan;
  });
  const gaps = years.flatMap((y) => (y.gap === undefined ? [] : [y.gap]));
  return {
    baseline: baselineTotal,
    baselineByPartner: parts(base, baselineAmounts).byPartner,
    baselineByCategory: parts(base, baselineAmounts).byCategory,
    years,
    cumulativeGap: gaps.length === 0 ? undefined : sum(gaps),
    steps,
  };
}

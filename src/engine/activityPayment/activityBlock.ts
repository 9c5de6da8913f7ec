import { type Amount, Dec, ONE, ZERO, moneyText, percentText, roundPence } from '../decimal';
import { ErrorKind, fail } from '../errors';
import { step, type Step } from '../explain';
import type { BlockPaymentInput, BlockYear } from './activityPaymentTypes';
import { SCOPE } from './activityVolume';
import { inRange, integer, nonNegative } from '../validate';

const MINUS_ONE = new Dec(-1);

/** A block contract year by year, with the steps that explain it. */
export interface BlockSchedule {
  readonly years: readonly BlockYear[];
  readonly steps: readonly Step[];
}

/**
 * Year 1 pays `value`; each later year pays the previous year's exact value × (1 +
 * inflator). Compounding runs on exact values; each year is rounded to pence at the
 * end, and the total is the sum of the rounded years (so the years reconcile to it).
 */
export function blockSchedule(input: BlockPaymentInput): BlockSchedule {
  const value = nonNegative(SCOPE, 'value', input.value);
  const years =
    input.years === undefined || input.years === null ? 1 : integer(SCOPE, 'years', input.years, 1);
  const inflators = yearInflators(input.inflator, years);
  const schedule: BlockYear[] = [];
  const steps: Step[] = [];
  let factor = ONE;
  for (let year = 1; year <= years; year += 1) {
    const inflator = inflators[year - 2];
    if (inflator !== undefined) factor = factor.times(ONE.plus(inflator));
    const payment = roundPence(value.times(factor));
    schedule.push({ year, upliftFactor: factor, payment });
    steps.push(
      inflator === undefined
        ? step('year', `Year 1: the block value ${moneyText(payment)}.`)
        : step(
            'year',
            `Year ${year}: year ${year - 1} × (1 ${inflator.isNegative() ? '−' : '+'} ${percentText(inflator.abs())}) = ${moneyText(payment)}.`,
          ),
    );
  }
  return { years: schedule, steps };
}

function yearInflators(raw: BlockPaymentInput['inflator'], years: number): Dec[] {
  const count = years - 1;
  if (raw === undefined || raw === null || raw === '') return new Array<Dec>(count).fill(ZERO);
  if (!Array.isArray(raw)) {
    const rate = inRange(
      SCOPE,
      'inflator',
      raw as Exclude<typeof raw, readonly unknown[]>,
      MINUS_ONE,
      ONE,
    );
    return new Array<Dec>(count).fill(rate);
  }
  const list = raw as readonly Amount[];
  if (list.length !== count) {
    fail(
      SCOPE,
      ErrorKind.INCONSISTENT,
      'inflator',
      list.length,
      `inflator lists ${list.length} rates for ${years} years; give ${count} (one for each year after the first).`,
    );
  }
  return list.map((r, i) => inRange(SCOPE, `inflator[${i}]`, r, MINUS_ONE, ONE));
}

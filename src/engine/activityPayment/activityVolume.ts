import { type Amount, Dec, ONE, ZERO, max, min, moneyText, percentText } from '../decimal';
import { step, type Step } from '../explain';
import type {
  AlignedPaymentInput,
  BlendedPaymentInput,
  CorridorPaymentInput,
  MarginalPaymentInput,
} from './activityPaymentTypes';
import { fraction, nonNegative } from '../validate';

export const SCOPE = 'ACTIVITY';

/** A model's exact components and how to explain them once rounded to pence. */
export interface Priced {
  readonly components: readonly { readonly component: string; readonly exact: Dec }[];
  readonly explain: (rounded: readonly Dec[]) => Step[];
}

/** Default rates where the source gives one (see each model's TSDoc). */
export const DEFAULT_MARGINAL_RATE = new Dec('0.70');
export const DEFAULT_BLENDED_RATE = new Dec('0.20');
export const DEFAULT_ALIGNED_RATE = new Dec('0.75');

/** Activity for people: digits grouped in thousands, decimals kept ("10,500", "12.5"). */
export function countText(value: Dec): string {
  const [whole = '0', decimals] = value.abs().toString().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value.isNegative() && !value.isZero() ? '−' : ''}${grouped}${decimals === undefined ? '' : `.${decimals}`}`;
}

function rate(field: string, value: Amount | null | undefined, fallback: Dec): Dec {
  return value === undefined || value === null || value === ''
    ? fallback
    : fraction(SCOPE, field, value);
}

/** `price × min(A, B) + marginalRate × price × max(A − B, 0)` (the former emergency marginal rate rule). */
export function marginalPriced(input: MarginalPaymentInput): Priced {
  const price = nonNegative(SCOPE, 'price', input.price);
  const baseline = nonNegative(SCOPE, 'baseline', input.baseline);
  const actual = nonNegative(SCOPE, 'actual', input.actual);
  const marginalRate = rate('marginalRate', input.marginalRate, DEFAULT_MARGINAL_RATE);
  const inBaseline = min(actual, baseline);
  const above = max(actual.minus(baseline), ZERO);
  return {
    components: [
      { component: 'base', exact: price.times(inBaseline) },
      { component: 'marginal', exact: marginalRate.times(price).times(above) },
    ],
    explain: ([base = ZERO, marginal = ZERO]) => [
      step(
        'base',
        `Full price ${moneyText(price)} × ${countText(inBaseline)} activities up to the baseline of ${countText(baseline)} = ${moneyText(base)}.`,
      ),
      above.isZero()
        ? step(
            'marginal',
            `Actual activity ${countText(actual)} is not above the baseline: nothing is paid at the marginal rate.`,
          )
        : step(
            'marginal',
            `Marginal rate ${percentText(marginalRate)} × ${moneyText(price)} × ${countText(above)} activities above the baseline = ${moneyText(marginal)}.`,
          ),
    ],
  };
}

interface Planned {
  readonly fixed: Dec;
  readonly planned: Dec;
  readonly price: Dec;
  readonly actual: Dec;
}

function planned(input: BlendedPaymentInput | AlignedPaymentInput | CorridorPaymentInput): Planned {
  return {
    fixed: nonNegative(SCOPE, 'fixed', input.fixed),
    planned: nonNegative(SCOPE, 'planned', input.planned),
    price: nonNegative(SCOPE, 'price', input.price),
    actual: nonNegative(SCOPE, 'actual', input.actual),
  };
}

function fixedStep(p: Planned, amount: Dec): Step {
  return step(
    'fixed',
    `Fixed element for the planned ${countText(p.planned)} activities: ${moneyText(amount)}.`,
  );
}

/** 2019/20 blended payment: `fixed + variableRate × price × (A − planned)`, negative below plan. */
export function blendedPriced(input: BlendedPaymentInput): Priced {
  const p = planned(input);
  const variableRate = rate('variableRate', input.variableRate, DEFAULT_BLENDED_RATE);
  const difference = p.actual.minus(p.planned);
  return {
    components: [
      { component: 'fixed', exact: p.fixed },
      { component: 'variable', exact: variableRate.times(p.price).times(difference) },
    ],
    explain: ([fixed = ZERO, variable = ZERO]) => [
      fixedStep(p, fixed),
      step(
        'variable',
        `Variable element ${percentText(variableRate)} × ${moneyText(p.price)} × (actual ${countText(p.actual)} − planned ${countText(p.planned)}) = ${moneyText(variable)}${difference.isNegative() ? ', a reduction for activity below plan' : ''}.`,
      ),
    ],
  };
}

/** 2022/23 aligned payment: `fixed + variableRate × price × max(A − planned, 0)`; no reduction below plan. */
export function alignedPriced(input: AlignedPaymentInput): Priced {
  const p = planned(input);
  const variableRate = rate('variableRate', input.variableRate, DEFAULT_ALIGNED_RATE);
  const above = max(p.actual.minus(p.planned), ZERO);
  return {
    components: [
      { component: 'fixed', exact: p.fixed },
      { component: 'variable', exact: variableRate.times(p.price).times(above) },
    ],
    explain: ([fixed = ZERO, variable = ZERO]) => [
      fixedStep(p, fixed),
      above.isZero()
        ? step(
            'variable',
            `Actual activity ${countText(p.actual)} is not above plan: no variable element (the aligned payment is not reduced below plan).`,
          )
        : step(
            'variable',
            `Variable element ${percentText(variableRate)} × ${moneyText(p.price)} × ${countText(above)} activities above plan = ${moneyText(variable)}.`,
          ),
    ],
  };
}

/**
 * A corridor around plan: the fixed amount within `planned × (1 ± band)`; activity
 * beyond the upper edge paid at `marginalRate` × price, activity short of the lower
 * edge refunded at `refundRate` × price. Excess is counted from the corridor's edge.
 */
export function corridorPriced(input: CorridorPaymentInput): Priced {
  const p = planned(input);
  const band = fraction(SCOPE, 'band', input.band);
  const marginalRate = rate('marginalRate', input.marginalRate, DEFAULT_MARGINAL_RATE);
  const refundRate = rate('refundRate', input.refundRate, ZERO);
  const upper = p.planned.times(ONE.plus(band));
  const lower = p.planned.times(ONE.minus(band));
  const above = max(p.actual.minus(upper), ZERO);
  const below = max(lower.minus(p.actual), ZERO);
  const corridor = `plan ${countText(p.planned)} ± ${percentText(band)} = ${countText(lower)} to ${countText(upper)}`;
  return {
    components: [
      { component: 'fixed', exact: p.fixed },
      { component: 'excess', exact: marginalRate.times(p.price).times(above) },
      { component: 'refund', exact: refundRate.times(p.price).times(below).negated() },
    ],
    explain: ([fixed = ZERO, excess = ZERO, refund = ZERO]) => [
      fixedStep(p, fixed),
      above.isZero() && below.isZero()
        ? step(
            'corridor',
            `Actual activity ${countText(p.actual)} is within the corridor (${corridor}): the fixed amount is paid.`,
          )
        : above.isZero()
          ? step(
              'refund',
              `Actual activity ${countText(p.actual)} is ${countText(below)} below the corridor (${corridor}): refund ${percentText(refundRate)} × ${moneyText(p.price)} × ${countText(below)} = ${moneyText(refund)}.`,
            )
          : step(
              'excess',
              `Actual activity ${countText(p.actual)} is ${countText(above)} above the corridor (${corridor}): ${percentText(marginalRate)} × ${moneyText(p.price)} × ${countText(above)} = ${moneyText(excess)}.`,
            ),
    ],
  };
}

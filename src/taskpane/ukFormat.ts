/**
 * UK formats for the pane: money as "£1,716,875.00", fractions as "5.94%", dates as
 * dd/mm/yyyy. Figures arrive as decimal strings and go through the engine's decimal
 * type; no money is ever a JavaScript float here.
 */
import { Dec, moneyText, percentText } from '../engine/decimal';
import type { HeadlineFigure } from './operations';

const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

const DATE = new Intl.DateTimeFormat('en-GB', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** "14/03/2025 10:42". */
export function ukDateTime(date: Date): string {
  return DATE_TIME.format(date).replace(',', '');
}

/** "14/03/2025". */
export function ukDate(date: Date): string {
  return DATE.format(date);
}

/** Groups the whole part of a plain decimal string in thousands: "135990076" → "135,990,076". */
export function groupedDecimal(value: string): string {
  const negative = value.startsWith('-');
  const [whole = '0', fraction] = value.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '−' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** A headline figure for people; a value that is not a decimal is shown as given. */
export function figureText(figure: HeadlineFigure): string {
  if (figure.kind === 'text') return figure.value;
  let value: Dec;
  try {
    value = new Dec(figure.value);
  } catch {
    return figure.value;
  }
  if (figure.kind === 'money') return moneyText(value);
  if (figure.kind === 'fraction') return percentText(value);
  return groupedDecimal(value.toString());
}

/** Money as the user may type it: optional minus and £, digits with or without commas, up to 2 decimals. */
const MONEY = /^(-|−)?\s*£?\s*(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/;

/** Percentages as typed: "5", "5.5", "-1.75", with or without a "%". */
const PERCENT = /^(-|−)?\d+(\.\d+)?\s*%?$/;

export type Parsed =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly message: string };

/** "£1,234.5" → "1234.5". Negative amounts only with `allowNegative`. */
export function parseMoney(text: string, allowNegative = false): Parsed {
  const trimmed = text.trim();
  const match = MONEY.exec(trimmed);
  if (!match)
    return { ok: false, message: `"${trimmed}" is not an amount in pounds, e.g. 1,250,000.00.` };
  const negative = match[1] !== undefined;
  if (negative && !allowNegative) return { ok: false, message: 'The amount cannot be negative.' };
  const digits = `${match[2] ?? ''}${match[4] ?? ''}`.replace(/,/g, '');
  return { ok: true, value: new Dec(digits).times(negative ? -1 : 1).toString() };
}

/** "5.5" or "5.5%" → the fraction "0.055", within [min, max] percent. */
export function parsePercent(text: string, min = 0, max = 100): Parsed {
  const trimmed = text.trim();
  if (!PERCENT.test(trimmed))
    return { ok: false, message: `"${trimmed}" is not a percentage, e.g. 5 or 2.5.` };
  const percent = new Dec(trimmed.replace('%', '').replace('−', '-').trim());
  if (percent.lessThan(min) || percent.greaterThan(max)) {
    return { ok: false, message: `Enter a percentage from ${min} to ${max}.` };
  }
  return { ok: true, value: percent.dividedBy(100).toString() };
}

/** A whole number within [min, max]. */
export function parseWhole(text: string, min: number, max: number): Parsed {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { ok: false, message: `"${trimmed}" is not a whole number.` };
  const value = Number(trimmed);
  if (value < min || value > max)
    return { ok: false, message: `Enter a whole number from ${min} to ${max}.` };
  return { ok: true, value: trimmed };
}

/** The fraction "0.055" as percentage text for an input box: "5.5". */
export function percentInput(fraction: string): string {
  return new Dec(fraction).times(100).toString();
}

/** The units money is shown in: pounds to the penny, thousands or millions of pounds. */
export type MoneyUnits = 'pounds' | 'thousands' | 'millions';

/**
 * How each unit is rounded: decimal places and suffix. Thousands to one decimal place and
 * millions to two, each rounded half away from zero (the engine's ROUND_HALF_UP), as board
 * papers usually show them.
 */
export const MONEY_UNITS: Readonly<
  Record<
    MoneyUnits,
    {
      readonly label: string;
      readonly divisor: number;
      readonly places: number;
      readonly suffix: string;
    }
  >
> = {
  pounds: { label: '£', divisor: 1, places: 2, suffix: '' },
  thousands: { label: '£k', divisor: 1000, places: 1, suffix: 'k' },
  millions: { label: '£m', divisor: 1_000_000, places: 2, suffix: 'm' },
};

/** Money exactly as {@link moneyText} writes it: "£1,716,875.00", "−£22,000,000.00". */
const MONEY_TEXT = /^(−|-)?£(\d{1,3}(?:,\d{3})*)\.(\d{2})$/;

/** The decimal string of a money text the pane was given ("−£1,234.50" → "-1234.50"); undefined for other text. */
export function moneyValueOf(text: string): string | undefined {
  const match = MONEY_TEXT.exec(text.trim());
  if (match === null) return undefined;
  const digits = `${(match[2] ?? '').replace(/,/g, '')}.${match[3] ?? '00'}`;
  return match[1] === undefined ? digits : `-${digits}`;
}

/**
 * Money in the chosen units, for display only (the sheets stay exact to the penny). The
 * division is exact decimal arithmetic; the rounding is {@link MONEY_UNITS}'s:
 * "1234567.89" → "£1,234,567.89", "£1,234.6k", "£1.23m".
 */
export function moneyInUnits(value: string, units: MoneyUnits): string {
  const unit = MONEY_UNITS[units];
  if (units === 'pounds') return moneyText(new Dec(value));
  const scaled = new Dec(value).dividedBy(unit.divisor).toFixed(unit.places, Dec.ROUND_HALF_UP);
  const zero = new Dec(scaled).isZero();
  const plain = groupedDecimal(zero ? scaled.replace('-', '') : scaled);
  const negative = plain.startsWith('−');
  return `${negative ? '−' : ''}£${plain.replace('−', '')}${unit.suffix}`;
}

/** A headline text in the chosen units when it is an amount of money; any other text as given. */
export function headlineInUnits(text: string, units: MoneyUnits): string {
  const value = moneyValueOf(text);
  return value === undefined ? text : moneyInUnits(value, units);
}

/** A headline figure in the chosen units: money (given as a decimal or as money text) scaled, the rest as {@link figureText}. */
export function figureInUnits(figure: HeadlineFigure, units: MoneyUnits): string {
  if (figure.kind === 'money' && moneyValueOf(figureText(figure)) !== undefined) {
    return moneyInUnits(new Dec(figure.value).toString(), units);
  }
  return figure.kind === 'text' ? headlineInUnits(figure.value, units) : figureText(figure);
}

/**
 * The gain/loss share editor's state: bands of shares for gains and for losses, an
 * optional gate, quality multipliers and caps, all as the user typed them (percentages
 * and pounds), with the checks and the conversion to {@link GainLossParams}.
 */
import { Dec, ZERO } from '../../engine/decimal';
import type { BandTerms, GainLossParams } from '../operations';
import { parseMoney, parsePercent } from '../ukFormat';
import { equalPercents, type FormErrors } from './fields';

/** One band as typed: `upTo` a percentage of expected or pounds; shares in percent by party. */
export interface BandRow {
  readonly upTo: string;
  readonly shares: Readonly<Record<string, string>>;
}

export type GateScope = 'both' | 'gains' | 'losses';

export interface GainLossForm {
  readonly bandLimits: 'fraction' | 'amount';
  readonly gainBands: readonly BandRow[];
  /** Losses shared like gains. */
  readonly symmetric: boolean;
  readonly lossBands: readonly BandRow[];
  readonly gate: {
    readonly on: boolean;
    readonly percent: string;
    readonly holder: string;
    readonly appliesTo: GateScope;
  };
  readonly quality: {
    readonly on: boolean;
    readonly multipliers: Readonly<Record<string, string>>;
    readonly unearnedTo: string;
  };
  readonly caps: {
    readonly on: boolean;
    readonly gain: Readonly<Record<string, string>>;
    readonly loss: Readonly<Record<string, string>>;
    readonly overflowTo: string;
  };
}

/** Shares by party from a list of percentages in party order (missing ones are 0). */
export function sharesOf(
  parties: readonly string[],
  percents: readonly string[],
): Record<string, string> {
  return Object.fromEntries(parties.map((p, i) => [p, percents[i] ?? '0']));
}

/** One open-ended band shared equally, symmetric, no gate, quality or caps. */
export function defaultGainLoss(parties: readonly string[]): GainLossForm {
  const equal = { upTo: '', shares: sharesOf(parties, equalPercents(parties)) };
  const full = Object.fromEntries(parties.map((p) => [p, '100']));
  const blank = Object.fromEntries(parties.map((p) => [p, '']));
  return {
    bandLimits: 'fraction',
    gainBands: [equal],
    symmetric: true,
    lossBands: [equal],
    gate: { on: false, percent: '1', holder: parties[1] ?? parties[0] ?? '', appliesTo: 'both' },
    quality: { on: false, multipliers: full, unearnedTo: parties[1] ?? parties[0] ?? '' },
    caps: { on: false, gain: blank, loss: blank, overflowTo: parties[1] ?? parties[0] ?? '' },
  };
}

/** Error keys: `gain.1.upTo`, `gain.1.share.CCG`, `gain.1.shares` (band total) and so on. */
export function bandKey(side: 'gain' | 'loss', index: number, part: string): string {
  return `${side}.${index}.${part}`;
}

function checkLimit(
  form: GainLossForm,
  text: string,
): { ok: true; value: Dec } | { ok: false; message: string } {
  const parsed = form.bandLimits === 'fraction' ? parsePercent(text) : parseMoney(text);
  if (!parsed.ok) return parsed;
  const value = new Dec(parsed.value);
  if (!value.greaterThan(0)) return { ok: false, message: 'A band must end above 0.' };
  return { ok: true, value };
}

function checkBands(
  form: GainLossForm,
  side: 'gain' | 'loss',
  bands: readonly BandRow[],
  parties: readonly string[],
  errors: Record<string, string>,
): void {
  let previous = ZERO;
  bands.forEach((band, i) => {
    if (i < bands.length - 1) {
      const limit = checkLimit(form, band.upTo);
      if (!limit.ok) errors[bandKey(side, i, 'upTo')] = limit.message;
      else if (!limit.value.greaterThan(previous)) {
        errors[bandKey(side, i, 'upTo')] = 'Each band must end above the one before.';
      } else previous = limit.value;
    }
    let total = ZERO;
    let valid = true;
    for (const party of parties) {
      const parsed = parsePercent(band.shares[party] ?? '');
      if (parsed.ok) total = total.plus(parsed.value);
      else {
        errors[bandKey(side, i, `share.${party}`)] = parsed.message;
        valid = false;
      }
    }
    if (valid && !total.equals(1)) {
      errors[bandKey(side, i, 'shares')] =
        `Band ${i + 1} shares add up to ${total.times(100).toString()}%, not 100%.`;
    }
  });
}

function checkParty(
  parties: readonly string[],
  value: string,
  key: string,
  errors: Record<string, string>,
): void {
  if (!parties.includes(value)) errors[key] = 'Choose a party.';
}

/** Every error in the editor; empty when it can run. */
export function checkGainLoss(form: GainLossForm, parties: readonly string[]): FormErrors {
  const errors: Record<string, string> = {};
  if (parties.length === 0) return { parties: 'The contracts table names no parties.' };
  checkBands(form, 'gain', form.gainBands, parties, errors);
  if (!form.symmetric) checkBands(form, 'loss', form.lossBands, parties, errors);
  if (form.gate.on) {
    const gate = parsePercent(form.gate.percent);
    if (!gate.ok) errors['gate.percent'] = gate.message;
    checkParty(parties, form.gate.holder, 'gate.holder', errors);
  }
  if (form.quality.on) {
    for (const party of parties) {
      const parsed = parsePercent(form.quality.multipliers[party] ?? '');
      if (!parsed.ok) errors[`quality.${party}`] = parsed.message;
    }
    checkParty(parties, form.quality.unearnedTo, 'quality.unearnedTo', errors);
  }
  if (form.caps.on) {
    for (const side of ['gain', 'loss'] as const) {
      for (const party of parties) {
        const text = (form.caps[side][party] ?? '').trim();
        const parsed = parseMoney(text);
        if (text !== '' && !parsed.ok) errors[`caps.${side}.${party}`] = parsed.message;
      }
    }
    checkParty(parties, form.caps.overflowTo, 'caps.overflowTo', errors);
  }
  return errors;
}

function must(parsed: { ok: true; value: string } | { ok: false; message: string }): string {
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

function bandTerms(
  form: GainLossForm,
  bands: readonly BandRow[],
  parties: readonly string[],
): BandTerms[] {
  return bands.map((band, i) => {
    const shares = Object.fromEntries(
      parties.map((p) => [p, must(parsePercent(band.shares[p] ?? ''))]),
    );
    if (i === bands.length - 1) return { shares };
    const upTo = must(
      form.bandLimits === 'fraction' ? parsePercent(band.upTo) : parseMoney(band.upTo),
    );
    return { upTo, shares };
  });
}

function capsOf(
  amounts: Readonly<Record<string, string>>,
  parties: readonly string[],
): Record<string, string> {
  const caps: Record<string, string> = {};
  for (const party of parties) {
    const text = (amounts[party] ?? '').trim();
    if (text !== '') caps[party] = must(parseMoney(text));
  }
  return caps;
}

/** Parameters from a form that passed {@link checkGainLoss}. */
export function gainLossParams(form: GainLossForm, parties: readonly string[]): GainLossParams {
  const multipliers = Object.fromEntries(
    parties.map((p) => [p, must(parsePercent(form.quality.multipliers[p] ?? ''))]),
  );
  return {
    parties,
    bandLimits: form.bandLimits,
    gainBands: bandTerms(form, form.gainBands, parties),
    ...(form.symmetric ? {} : { lossBands: bandTerms(form, form.lossBands, parties) }),
    ...(form.gate.on
      ? {
          gate: {
            fraction: must(parsePercent(form.gate.percent)),
            holder: form.gate.holder,
            appliesTo: form.gate.appliesTo,
          },
        }
      : {}),
    ...(form.quality.on ? { quality: { multipliers, unearnedTo: form.quality.unearnedTo } } : {}),
    ...(form.caps.on
      ? {
          caps: {
            gain: capsOf(form.caps.gain, parties),
            loss: capsOf(form.caps.loss, parties),
            overflowTo: form.caps.overflowTo,
          },
        }
      : {}),
  };
}

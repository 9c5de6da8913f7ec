import { type Dec, ZERO, moneyText, percentText } from '../decimal';
import { step, type Step } from '../explain';
import { varianceFraction, type BandShare, type Sharing } from './gainLossCore';
import type { GainLossTerms } from './gainLossTerms';

/** The explanation of a gain/loss share, in the order the figures were reached. */
export function gainLossSteps(terms: GainLossTerms, sharing: Sharing): Step[] {
  const steps = [varianceStep(terms, sharing)];
  if (sharing.direction === 'none') {
    steps.push(
      step(
        'result',
        'Actual spend equals expected spend: there is nothing to share, so every party gets £0.00.',
      ),
    );
    return steps;
  }
  const gate = gateStep(terms, sharing);
  if (gate) steps.push(gate);
  if (sharing.gateMet !== false) steps.push(...bandSteps(terms, sharing));
  steps.push(...qualitySteps(terms, sharing), ...capSteps(terms, sharing));
  steps.push(
    step(
      'rounding',
      `Rounding: band amounts and every split are rounded to pence half-up, with leftover pence going to the largest remainders (ties to the party listed first), so the party amounts add up exactly to ${moneyText(sharing.variance)}.`,
    ),
    step('result', `Result: ${partyList(terms, sharing.amounts)}.`),
  );
  return steps;
}

function varianceStep(terms: GainLossTerms, sharing: Sharing): Step {
  const perUnit =
    terms.units === undefined ? '' : ` (per-unit figures × ${terms.units.toString()} units)`;
  const kind =
    sharing.direction === 'gain'
      ? 'a gain'
      : sharing.direction === 'loss'
        ? 'a loss'
        : 'no variance';
  const fraction = varianceFraction(terms);
  const share =
    fraction === undefined || sharing.direction === 'none'
      ? ''
      : `, ${percentText(fraction)} of expected`;
  return step(
    'variance',
    `Variance = expected ${moneyText(terms.expected)} − actual ${moneyText(terms.actual)}${perUnit} = ${moneyText(sharing.variance)}: ${kind}${share}.`,
  );
}

function gateStep(terms: GainLossTerms, sharing: Sharing): Step | undefined {
  const gate = terms.gate;
  if (gate === undefined) return undefined;
  const what = sharing.direction === 'gain' ? 'gains' : 'losses';
  if (sharing.gateMet === undefined) {
    return step(
      'gate',
      `The gate applies to ${gate.gains ? 'gains' : 'losses'} only, so these ${what} are shared without it.`,
    );
  }
  const ratio = percentText(varianceFraction(terms) ?? ZERO);
  const threshold = percentText(gate.fraction);
  const holder = terms.parties[gate.holder] ?? '';
  return sharing.gateMet
    ? step(
        'gate',
        `Gate met: the variance is ${ratio} of expected, at least the gate of ${threshold}, so it is shared from the first pound.`,
      )
    : step(
        'gate',
        `Gate not met: the variance is ${ratio} of expected, below the gate of ${threshold}, so the whole ${moneyText(sharing.variance)} goes to ${holder}.`,
      );
}

function bandSteps(terms: GainLossTerms, sharing: Sharing): Step[] {
  const label = sharing.direction === 'gain' ? 'Gain' : 'Loss';
  const steps: Step[] = [];
  if (sharing.direction === 'loss' && terms.lossBandsMirrorGains) {
    steps.push(
      step(
        'band',
        'No separate loss bands are given, so the loss is shared on the gain bands (symmetric terms).',
      ),
    );
  }
  const defs = sharing.direction === 'gain' ? terms.gainBands : terms.lossBands;
  sharing.bands.forEach((band, b) => {
    const limit = defs[b]?.endFraction;
    const of = limit === undefined ? '' : `, up to ${percentText(limit)} of expected`;
    const name = `${label} band ${b + 1} (${range(band)}${of})`;
    if (band.amount.isZero()) {
      steps.push(step('band', `${name}: not reached.`));
      return;
    }
    const who = terms.parties
      .map((party, p) => {
        const share = percentText(defs[b]?.shares[p] ?? ZERO);
        return `${party} ${share} = ${moneyText(sharing.bandAmounts[p]?.[b] ?? ZERO)}`;
      })
      .join(', ');
    steps.push(step('band', `${name}: ${moneyText(band.amount)} falls in this band; ${who}.`));
  });
  return steps;
}

function range(band: BandShare): string {
  if (band.to === undefined) {
    return band.from.isZero() ? 'the whole variance' : `above ${moneyText(band.from)}`;
  }
  return `${moneyText(band.from)} to ${moneyText(band.to)}`;
}

function qualitySteps(terms: GainLossTerms, sharing: Sharing): Step[] {
  const quality = terms.quality;
  if (quality === undefined || sharing.direction !== 'gain') return [];
  const recipient = terms.parties[quality.unearnedTo] ?? '';
  return terms.parties.flatMap((party, p) => {
    const moved = sharing.quality[p];
    if (moved === undefined || !moved.isNegative()) return [];
    const multiplier = quality.multipliers[p];
    const kept = percentText(multiplier ?? ZERO);
    return [
      step(
        'quality',
        `Quality: ${party} earns ${kept} of its ${moneyText(sharing.shared[p] ?? ZERO)}; the ${moneyText(moved.negated())} not earned goes to ${recipient}.`,
      ),
    ];
  });
}

function capSteps(terms: GainLossTerms, sharing: Sharing): Step[] {
  const caps = terms.caps;
  if (caps === undefined) return [];
  const gain = sharing.direction === 'gain';
  const limits = gain ? caps.gain : caps.loss;
  const recipient = terms.parties[caps.overflowTo] ?? '';
  return terms.parties.flatMap((party, p) => {
    const moved = sharing.capped[p];
    const cap = limits[p];
    if (moved === undefined || cap === undefined || moved.isZero()) return [];
    const limit = gain ? 'receives at most' : 'bears at most';
    const what = gain ? 'a gain' : 'a loss';
    return [
      step(
        'cap',
        `Cap: ${party} ${limit} ${moneyText(cap)} of ${what}; the ${moneyText(moved.abs())} beyond its cap goes to ${recipient}.`,
      ),
    ];
  });
}

function partyList(terms: GainLossTerms, amounts: readonly Dec[]): string {
  return terms.parties.map((party, p) => `${party} ${moneyText(amounts[p] ?? ZERO)}`).join(', ');
}

/**
 * Published gain/loss share schemes as starting points for the editor. Each preset
 * names two roles; the first party of the contracts table takes the first role and the
 * second the second (the pane says which party took which, and everything stays
 * editable). Further parties get no share.
 */
import { defaultGainLoss, sharesOf, type GainLossForm } from './gainLossForm';

export interface GainLossPreset {
  readonly id: string;
  readonly title: string;
  /** What the scheme does, in a sentence or two. */
  readonly summary: string;
  /** Where it comes from. */
  readonly source: string;
  /** Role of the first and second party, e.g. ["Provider", "Commissioner"]. */
  readonly roles: readonly [string, string];
  apply(parties: readonly string[]): GainLossForm;
}

const bedfordshire: GainLossPreset = {
  id: 'bedfordshire',
  title: 'Bedfordshire tiered share',
  summary:
    'The provider keeps a gain up to 5% of expected spend; any gain above that is split 50:50. The provider bears all of a loss.',
  source: 'Bedfordshire MSK prime contract (King’s Fund 2014)',
  roles: ['Provider', 'Commissioner'],
  apply: (parties) => ({
    ...defaultGainLoss(parties),
    bandLimits: 'fraction',
    gainBands: [
      { upTo: '5', shares: sharesOf(parties, ['100', '0']) },
      { upTo: '', shares: sharesOf(parties, ['50', '50']) },
    ],
    symmetric: false,
    lossBands: [{ upTo: '', shares: sharesOf(parties, ['100', '0']) }],
  }),
};

const alliance: GainLossPreset = {
  id: 'alliance',
  title: 'Alliance 50:50 with cap',
  summary:
    'Gains and losses split 50:50 between the non-owner participants and the owner; the non-owners’ share of a loss is capped at their fee (edit the cap), the owner bearing the rest.',
  source: 'Australian alliance contracting, traditional risk or reward',
  roles: ['Non-owner participants', 'Owner'],
  apply: (parties) => {
    const base = defaultGainLoss(parties);
    const half = { upTo: '', shares: sharesOf(parties, ['50', '50']) };
    return {
      ...base,
      gainBands: [half],
      symmetric: true,
      lossBands: [half],
      caps: {
        on: true,
        gain: Object.fromEntries(parties.map((p) => [p, ''])),
        loss: Object.fromEntries(parties.map((p, i) => [p, i === 0 ? '8,000,000' : ''])),
        overflowTo: parties[1] ?? '',
      },
    };
  },
};

const sharedSavings: GainLossPreset = {
  id: 'shared-savings',
  title: 'Shared-savings gate',
  summary:
    'Savings are shared 50:50, scaled by the provider’s quality score, once they reach 3.3% of the benchmark (from the first pound); below it the commissioner keeps them. Losses stay with the commissioner.',
  source: 'Medicare Shared Savings Program',
  roles: ['Provider', 'Commissioner'],
  apply: (parties) => {
    const base = defaultGainLoss(parties);
    return {
      ...base,
      gainBands: [{ upTo: '', shares: sharesOf(parties, ['50', '50']) }],
      symmetric: false,
      lossBands: [{ upTo: '', shares: sharesOf(parties, ['0', '100']) }],
      gate: { on: true, percent: '3.3', holder: parties[1] ?? '', appliesTo: 'gains' },
      quality: {
        on: true,
        multipliers: Object.fromEntries(parties.map((p) => [p, '100'])),
        unearnedTo: parties[1] ?? '',
      },
    };
  },
};

export const GAIN_LOSS_PRESETS: readonly GainLossPreset[] = [bedfordshire, alliance, sharedSavings];

/** "Provider: Circle; Commissioner: Bedfordshire CCG". */
export function roleText(preset: GainLossPreset, parties: readonly string[]): string {
  return preset.roles.map((role, i) => `${role}: ${parties[i] ?? '(none)'}`).join('; ');
}

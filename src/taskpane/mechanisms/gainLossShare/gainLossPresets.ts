/**
 * Published gain/loss share schemes as starting points for the editor. Each preset
 * names two roles: the contract's provider takes the first and its commissioner the
 * second (or, failing those columns, its first two parties). The pane says who took
 * which role, and everything stays editable. Further parties get no share.
 */
import type { ContractSummary } from '../../operations';
import { defaultGainLoss, sharesFor, type GainLossForm } from './gainLossForm';

/** Who plays the preset's two roles. */
export interface PresetRoles {
  readonly first: string;
  readonly second: string;
}

export interface GainLossPreset {
  readonly id: string;
  readonly title: string;
  /** What the scheme does, in a sentence or two. */
  readonly summary: string;
  /** Where it comes from. */
  readonly source: string;
  /** Names of the two roles, e.g. ["Provider", "Commissioner"]. */
  readonly roles: readonly [string, string];
  /** The scheme's terms on top of `base` (the contract and where terms come from are kept). */
  apply(base: GainLossForm, parties: readonly string[], roles: PresetRoles): GainLossForm;
}

/** The provider and commissioner of a contract, or its first two parties. */
export function rolesOf(contract: ContractSummary): PresetRoles | undefined {
  const find = (name: string | undefined): string | undefined =>
    name === undefined
      ? undefined
      : contract.parties.find((p) => p.toLowerCase() === name.toLowerCase());
  const first = find(contract.provider) ?? contract.parties[0];
  const second = find(contract.commissioner) ?? contract.parties.find((p) => p !== first);
  return first === undefined || second === undefined || first === second
    ? undefined
    : { first, second };
}

const fresh = (base: GainLossForm, parties: readonly string[]): GainLossForm => ({
  ...defaultGainLoss([{ id: base.contract, parties, hasBands: false }], base.contract),
  contract: base.contract,
  terms: 'pane',
  units: base.units,
  // A scheme sets the terms; the curve and simulation asked for stay.
  explore: base.explore,
});

const bedfordshire: GainLossPreset = {
  id: 'bedfordshire',
  title: 'Bedfordshire tiered share',
  summary:
    'The provider keeps a gain up to 5% of expected spend; any gain above that is split 50:50. The provider bears all of a loss.',
  source: 'Bedfordshire MSK prime contract (King’s Fund 2014)',
  roles: ['Provider', 'Commissioner'],
  apply: (base, parties, { first, second }) => ({
    ...fresh(base, parties),
    gainBands: [
      { upTo: '5', shares: sharesFor(parties, { [first]: '100' }) },
      { upTo: '', shares: sharesFor(parties, { [first]: '50', [second]: '50' }) },
    ],
    symmetric: false,
    lossBands: [{ upTo: '', shares: sharesFor(parties, { [first]: '100' }) }],
  }),
};

const alliance: GainLossPreset = {
  id: 'alliance',
  title: 'Alliance 50:50 with cap',
  summary:
    'Gains and losses split 50:50 between the non-owner participants and the owner; the non-owners’ share of a loss is capped at their fee (edit the cap), the owner bearing the rest.',
  source: 'Australian alliance contracting, traditional risk or reward',
  roles: ['Non-owner participants', 'Owner'],
  apply: (base, parties, { first, second }) => {
    const start = fresh(base, parties);
    const half = { upTo: '', shares: sharesFor(parties, { [first]: '50', [second]: '50' }) };
    return {
      ...start,
      gainBands: [half],
      symmetric: true,
      lossBands: [half],
      caps: {
        on: true,
        gain: Object.fromEntries(parties.map((p) => [p, ''])),
        loss: Object.fromEntries(parties.map((p) => [p, p === first ? '8,000,000' : ''])),
      },
      overflowTo: second,
    };
  },
};

const sharedSavings: GainLossPreset = {
  id: 'shared-savings',
  title: 'Shared-savings gate',
  summary:
    'Savings are shared 50:50, scaled by the provider’s quality score, once they reach 3.3% of the benchmark (then from the first pound); below that the commissioner keeps them. Losses stay with the commissioner.',
  source: 'Medicare Shared Savings Program',
  roles: ['Provider', 'Commissioner'],
  apply: (base, parties, { first, second }) => ({
    ...fresh(base, parties),
    gainBands: [{ upTo: '', shares: sharesFor(parties, { [first]: '50', [second]: '50' }) }],
    symmetric: false,
    lossBands: [{ upTo: '', shares: sharesFor(parties, { [second]: '100' }) }],
    gate: { on: true, percent: '3.3', holder: second, appliesTo: 'gains' },
    quality: { on: true, multipliers: Object.fromEntries(parties.map((p) => [p, '100'])) },
    unearnedTo: second,
  }),
};

export const GAIN_LOSS_PRESETS: readonly GainLossPreset[] = [bedfordshire, alliance, sharedSavings];

/** "Provider: Circle; Commissioner: Bedfordshire CCG". */
export function roleText(preset: GainLossPreset, roles: PresetRoles): string {
  return `${preset.roles[0]}: ${roles.first}; ${preset.roles[1]}: ${roles.second}`;
}

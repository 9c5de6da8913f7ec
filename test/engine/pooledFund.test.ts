import fc from 'fast-check';
import { Dec, sum } from '../../src/engine/decimal';
import { pooledFund, type PooledFundInput } from '../../src/engine/pooledFund/pooledFund';
import { errorOf } from '../support/engineErrors';

const d = (v: string | number): Dec => new Dec(v);
const pence = (v: Dec | undefined): string => (v ?? d(NaN)).toFixed(2);

/** B&NES community services OBC (2015), Table 3, in pounds (the table is in £000). */
const bnes: PooledFundInput = {
  contributions: [
    { partner: 'CCG', scheme: 'Community services', amount: 28348000 },
    { partner: 'Council', scheme: 'Community services', amount: 40888000 },
  ],
};

describe('pooledFund: worked examples', () => {
  it('gives the B&NES OBC Table 3 shares: 28,348 + 40,888 = 69,236 → 40.94% / 59.06%', () => {
    const result = pooledFund(bnes);
    expect(pence(result.pool)).toBe('69236000.00');
    expect(result.partners.map((p) => pence(p.contribution))).toEqual([
      '28348000.00',
      '40888000.00',
    ]);
    expect(result.partners[0]?.contributionShare.equals(d(28348).div(69236))).toBe(true);
    expect(result.partners[1]?.contributionShare.toDecimalPlaces(4).toString()).toBe('0.5906');
    const texts = result.steps.map((s) => s.text);
    expect(texts).toContain('CCG contributes £28,348,000.00 of £69,236,000.00: 40.94%.');
    expect(texts).toContain('Council contributes £40,888,000.00 of £69,236,000.00: 59.06%.');
    expect(texts).toContain('No actual spend is given: contribution shares only.');
    expect(result.variance).toBeUndefined();
  });

  it('shares a B&NES overspend of £1,000 in proportion to contributions (OBC Table 3)', () => {
    const result = pooledFund({
      ...bnes,
      actualSpend: [{ scheme: 'Community services', amount: 69237000 }],
    });
    expect(pence(result.variance)).toBe('-1000.00');
    expect(result.partners.map((p) => pence(p.variance))).toEqual(['-409.44', '-590.56']);
    expect(result.sharingRule).toBe('proportional');
  });

  it('shares a variance 50/50 under fixed shares, as in Rotherham BCF risk fund', () => {
    const result = pooledFund({
      ...bnes,
      actualSpend: [{ scheme: 'Community services', amount: '69237000.01' }],
      sharing: {
        rule: 'fixed',
        shares: [
          { partner: 'CCG', share: 0.5 },
          { partner: 'Council', share: '0.5' },
        ],
      },
    });
    expect(result.partners.map((p) => pence(p.variance))).toEqual(['-500.01', '-500.00']);
  });
});

const twoSchemes: PooledFundInput = {
  contributions: [
    { partner: 'ICB', scheme: 'Reablement', amount: 600 },
    { partner: 'Council', scheme: 'Reablement', amount: 400 },
    { partner: 'ICB', scheme: 'Carers', amount: 100 },
    { partner: 'Council', scheme: 'Home adaptations', amount: 300 },
  ],
  actualSpend: [
    { scheme: 'Reablement', amount: 1100 },
    { scheme: 'Carers', amount: 90 },
    { scheme: 'Home adaptations', amount: '300.00' },
  ],
};

describe('pooledFund: variances and sharing rules', () => {
  it('gives the variance per scheme (budget − actual) and in total', () => {
    const result = pooledFund(twoSchemes);
    expect(result.schemes.map((s) => [s.scheme, pence(s.variance)])).toEqual([
      ['Reablement', '-100.00'],
      ['Carers', '10.00'],
      ['Home adaptations', '0.00'],
    ]);
    expect(pence(result.actual)).toBe('1490.00');
    expect(pence(result.variance)).toBe('-90.00');
    // ICB 700 / Council 700 of 1,400.
    expect(result.partners.map((p) => pence(p.variance))).toEqual(['-45.00', '-45.00']);
  });

  it('gives each scheme to its commissioner and splits joint schemes by % NHS / % LA', () => {
    const result = pooledFund({
      ...twoSchemes,
      sharing: {
        rule: 'commissioner',
        schemes: [
          {
            scheme: 'reablement',
            shares: [
              { partner: 'ICB', share: 0.6 },
              { partner: 'Council', share: 0.4 },
            ],
          },
          { scheme: 'Carers', commissioner: 'ICB' },
          { scheme: 'Home adaptations', commissioner: 'Council' },
        ],
      },
    });
    // Reablement −100 → ICB −60, Council −40; Carers +10 → ICB.
    expect(result.partners.map((p) => pence(p.variance))).toEqual(['-50.00', '-40.00']);
  });

  it('caps a partner at its overspend cap and moves the excess to the named partner', () => {
    const result = pooledFund({
      ...twoSchemes,
      sharing: { caps: [{ partner: 'Council', cap: 20, excessTo: 'ICB' }] },
    });
    expect(result.partners.map((p) => pence(p.varianceBeforeCap))).toEqual(['-45.00', '-45.00']);
    expect(result.partners.map((p) => pence(p.variance))).toEqual(['-70.00', '-20.00']);
    expect(result.capsApplied.map((c) => [c.partner, c.excessTo, pence(c.excess)])).toEqual([
      ['Council', 'ICB', '-25.00'],
    ]);
    expect(result.steps.map((s) => s.text)).toContain(
      "Council's part −£45.00 is an overspend beyond its cap of £20.00: Council bears −£20.00 and the excess −£25.00 goes to ICB.",
    );
  });

  it('with a cap of zero, the partner bears no overspend; a gain is never capped', () => {
    const loss = pooledFund({
      ...twoSchemes,
      sharing: { caps: [{ partner: 'ICB', cap: 0, excessTo: 'Council' }] },
    });
    expect(loss.partners.map((p) => pence(p.variance))).toEqual(['0.00', '-90.00']);
    const gain = pooledFund({
      ...twoSchemes,
      actualSpend: [{ scheme: 'Reablement', amount: 900 }],
      sharing: { caps: [{ partner: 'ICB', cap: 0, excessTo: 'Council' }] },
    });
    expect(gain.capsApplied).toEqual([]);
    expect(gain.partners.map((p) => pence(p.variance))).toEqual(['250.00', '250.00']);
  });

  it('reports zero variance when actual equals budget', () => {
    const result = pooledFund({
      ...bnes,
      actualSpend: [{ scheme: 'Community services', amount: 69236000 }],
    });
    expect(pence(result.variance)).toBe('0.00');
    expect(result.partners.map((p) => pence(p.variance))).toEqual(['0.00', '0.00']);
  });
});

describe('pooledFund: edge cases', () => {
  it('lets a listed partner contribute nothing: share 0, but it can take a capped excess', () => {
    const result = pooledFund({
      ...twoSchemes,
      partners: ['ICB', 'Council', 'Host trust'],
      sharing: { caps: [{ partner: 'ICB', cap: 0, excessTo: 'Host trust' }] },
    });
    expect(result.partners.map((p) => p.contributionShare.toString())).toEqual(['0.5', '0.5', '0']);
    expect(result.partners.map((p) => pence(p.variance))).toEqual(['0.00', '-45.00', '-45.00']);
  });

  it('takes a budgeted scheme with no spend line as spending nothing, and says so', () => {
    const result = pooledFund({
      ...twoSchemes,
      actualSpend: [{ scheme: 'Reablement', amount: 1000 }],
    });
    expect(pence(result.variance)).toBe('400.00');
    expect(result.steps.map((s) => s.text)).toContain(
      'No actual spend is given for Carers; it is taken as £0.00.',
    );
  });

  it('counts spend on an unbudgeted scheme as overspend only when asked to', () => {
    const input: PooledFundInput = {
      ...bnes,
      actualSpend: [
        { scheme: 'Community services', amount: 69236000 },
        { scheme: 'Winter pressures', amount: 5000 },
      ],
    };
    expect(errorOf(() => pooledFund(input))).toEqual({
      code: 'POOL.UNKNOWN_NAME',
      message:
        'actualSpend[1].scheme is "Winter pressures", which has no contribution; check the name, or set unbudgetedSpend to "overspend" to count its spend as an overspend.',
    });
    const result = pooledFund({ ...input, unbudgetedSpend: 'overspend' });
    expect(result.schemes[1]).toMatchObject({ scheme: 'Winter pressures' });
    expect(pence(result.schemes[1]?.budget)).toBe('0.00');
    expect(pence(result.variance)).toBe('-5000.00');
  });

  it('treats an empty actual spend list as no figures yet: shares only', () => {
    const result = pooledFund({ ...bnes, actualSpend: [] });
    expect(result.variance).toBeUndefined();
    expect(result.partners[0]?.variance).toBeUndefined();
  });

  it('adds up several lines for the same partner and scheme', () => {
    const result = pooledFund({
      contributions: [
        { partner: 'ICB', scheme: 'DFG', amount: '0.10' },
        { partner: 'icb', scheme: 'dfg', amount: '0.20' },
      ],
    });
    expect(result.partners).toHaveLength(1);
    expect(pence(result.schemes[0]?.budget)).toBe('0.30');
  });
});

describe('pooledFund: invalid input', () => {
  const cases: [string, PooledFundInput, string, string][] = [
    [
      'no contributions',
      { contributions: [] },
      'POOL.EMPTY',
      'contributions is empty; at least one is needed.',
    ],
    [
      'a negative contribution',
      { contributions: [{ partner: 'ICB', scheme: 'A', amount: -5 }] },
      'POOL.NEGATIVE',
      'contributions[0].amount is -5; it cannot be negative.',
    ],
    [
      'an amount that is not a number',
      { contributions: [{ partner: 'ICB', scheme: 'A', amount: 'tbc' }] },
      'POOL.NOT_A_NUMBER',
      'contributions[0].amount is "tbc", not a number.',
    ],
    [
      'a pool of zero',
      { contributions: [{ partner: 'ICB', scheme: 'A', amount: 0 }] },
      'POOL.ZERO_TOTAL',
      'The contributions total £0.00; a pool needs money in it to form shares.',
    ],
    [
      'a contributor missing from the partner list',
      { ...bnes, partners: ['CCG'] },
      'POOL.UNKNOWN_PARTY',
      'contributions[1].partner is "Council", which is not a partner of the pool (CCG).',
    ],
    [
      'fixed shares that do not sum to 1',
      {
        ...bnes,
        sharing: {
          rule: 'fixed',
          shares: [
            { partner: 'CCG', share: 0.5 },
            { partner: 'Council', share: 0.45 },
          ],
        },
      },
      'POOL.SHARES_NOT_ONE',
      'The shares in sharing.shares sum to 0.95, not 1.',
    ],
    [
      'fixed sharing without shares',
      { ...bnes, sharing: { rule: 'fixed' } },
      'POOL.MISSING',
      "sharing.shares is missing; give each partner's share.",
    ],
    [
      'a share for an unknown partner',
      { ...bnes, sharing: { rule: 'fixed', shares: [{ partner: 'Trust', share: 1 }] } },
      'POOL.UNKNOWN_PARTY',
      'sharing.shares[0].partner is "Trust", which is not a partner of the pool (CCG, Council).',
    ],
    [
      'an unknown rule',
      { ...bnes, sharing: { rule: 'equal' as 'fixed' } },
      'POOL.UNKNOWN_OPTION',
      'sharing.rule is "equal"; it must be one of proportional, fixed, commissioner.',
    ],
    [
      'a scheme with no commissioner',
      {
        ...twoSchemes,
        sharing: { rule: 'commissioner', schemes: [{ scheme: 'Carers', commissioner: 'ICB' }] },
      },
      'POOL.MISSING',
      'sharing.schemes has no commissioner for scheme "Reablement"; the commissioner rule needs one for every scheme.',
    ],
    [
      'a scheme with both a commissioner and shares',
      {
        ...bnes,
        sharing: {
          rule: 'commissioner',
          schemes: [{ scheme: 'Community services', commissioner: 'CCG', shares: [] }],
        },
      },
      'POOL.INCONSISTENT',
      'sharing.schemes[0] (Community services) must give either a commissioner or shares, not both.',
    ],
    [
      'a commissioner for an unknown scheme',
      {
        ...bnes,
        sharing: { rule: 'commissioner', schemes: [{ scheme: 'Dental', commissioner: 'CCG' }] },
      },
      'POOL.UNKNOWN_NAME',
      'sharing.schemes[0].scheme is "Dental", which is not a scheme of the pool.',
    ],
    [
      'excess sent to a capped partner',
      {
        ...bnes,
        sharing: {
          caps: [
            { partner: 'CCG', cap: 10, excessTo: 'Council' },
            { partner: 'Council', cap: 10, excessTo: 'CCG' },
          ],
        },
      },
      'POOL.INCONSISTENT',
      'sharing.caps[0].excessTo is "Council", which has a cap of its own; the excess must go to an uncapped partner.',
    ],
    [
      'a negative cap',
      { ...bnes, sharing: { caps: [{ partner: 'CCG', cap: -1, excessTo: 'Council' }] } },
      'POOL.NEGATIVE',
      'sharing.caps[0].cap is -1; it cannot be negative.',
    ],
    [
      'a scheme listed twice in actual spend',
      {
        ...bnes,
        actualSpend: [
          { scheme: 'Community services', amount: 1 },
          { scheme: 'community services', amount: 2 },
        ],
      },
      'POOL.DUPLICATE',
      'actualSpend lists "community services" twice.',
    ],
  ];
  it.each(cases)('refuses %s', (_, input, code, message) => {
    expect(errorOf(() => pooledFund(input))).toEqual({ code, message });
  });
});

describe('pooledFund: properties', () => {
  const money = fc.integer({ min: 0, max: 5_000_000_000 }).map((p) => d(p).div(100));
  const lines = fc.array(
    fc.record({
      partner: fc.constantFrom('ICB', 'Council', 'Trust'),
      scheme: fc.constantFrom('A', 'B', 'C'),
      amount: money,
    }),
    { minLength: 1, maxLength: 9 },
  );
  const spend = fc.record({ A: money, B: money, C: money });
  const rule = fc.constantFrom<'proportional' | 'commissioner'>('proportional', 'commissioner');

  it('partners bear exactly the total variance, caps never exceeded (property)', () => {
    fc.assert(
      fc.property(lines, spend, rule, money, (contributions, actual, sharingRule, cap) => {
        fc.pre(!sum(contributions.map((c) => c.amount)).isZero());
        const result = pooledFund({
          partners: ['ICB', 'Council', 'Trust'],
          contributions,
          actualSpend: (['A', 'B', 'C'] as const).map((scheme) => ({
            scheme,
            amount: actual[scheme],
          })),
          unbudgetedSpend: 'overspend',
          sharing: {
            rule: sharingRule,
            schemes: ['A', 'B', 'C'].map((scheme) => ({
              scheme,
              shares: [
                { partner: 'ICB', share: 0.3 },
                { partner: 'Council', share: 0.7 },
              ],
            })),
            caps: [{ partner: 'Council', cap, excessTo: 'Trust' }],
          },
        });
        const variance = result.variance ?? d(NaN);
        expect(sum(result.partners.map((p) => p.variance ?? d(NaN))).equals(variance)).toBe(true);
        expect(
          sum(result.partners.map((p) => p.varianceBeforeCap ?? d(NaN))).equals(variance),
        ).toBe(true);
        expect(sum(result.schemes.map((s) => s.variance ?? d(NaN))).equals(variance)).toBe(true);
        expect(sum(result.partners.map((p) => p.contribution)).equals(result.pool)).toBe(true);
        expect(result.partners[1]?.variance?.greaterThanOrEqualTo(cap.negated())).toBe(true);
      }),
    );
  });

  // Largest-remainder rounding is monotone only to the penny: when the pool grows, a
  // partner can lose the leftover penny it got before (another partner's remainder now
  // beats its own). So the property is "never better off by more than that penny".
  it('a bigger overspend never leaves a partner better off, beyond the leftover penny, under proportional sharing (property)', () => {
    fc.assert(
      fc.property(lines, money, money, (contributions, a, b) => {
        fc.pre(!sum(contributions.map((c) => c.amount)).isZero());
        const run = (extra: Dec) =>
          pooledFund({
            partners: ['ICB', 'Council', 'Trust'],
            contributions: [...contributions, { partner: 'ICB', scheme: 'Z', amount: 1 }],
            actualSpend: [{ scheme: 'Z', amount: extra }],
          }).partners.map((p) => p.variance ?? d(NaN));
        const [low, high] = a.lessThan(b) ? [a, b] : [b, a];
        const before = run(low);
        run(high).forEach((v, i) =>
          expect(v.lessThanOrEqualTo((before[i] ?? d(NaN)).plus('0.01'))).toBe(true),
        );
      }),
    );
  });
});

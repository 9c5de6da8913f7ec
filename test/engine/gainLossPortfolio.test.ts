/**
 * Portfolio totals of gain/loss shares: worked figures, and conservation (the parties'
 * totals add up to the total variance, exactly, whatever the spellings of their names).
 */
import fc from 'fast-check';
import { Dec, sum } from '../../src/engine/decimal';
import {
  portfolioTotals,
  type PortfolioContractFigures,
} from '../../src/engine/gainLossShare/gainLossPortfolio';

const d = (text: string): Dec => new Dec(text);

describe('portfolioTotals', () => {
  it('sums the contracts and totals each party, matching names ignoring case and spacing', () => {
    // Bedfordshire MSK (King's Fund 2014): a £2,175,000.00 gain, Circle £1,716,875.00 and
    // the CCG £458,125.00; with an illustrative second contract overspent by £100,000.00.
    const totals = portfolioTotals([
      {
        expected: d('25175000.00'),
        actual: d('23000000.00'),
        variance: d('2175000.00'),
        direction: 'gain',
        parties: [
          { party: 'Circle', amount: d('1716875.00') },
          { party: 'Bedfordshire CCG', amount: d('458125.00') },
        ],
      },
      {
        expected: d('1000000.00'),
        actual: d('1100000.00'),
        variance: d('-100000.00'),
        direction: 'loss',
        parties: [
          { party: 'circle', amount: d('-60000.00') },
          { party: 'Bedfordshire\u00a0 CCG ', amount: d('-40000.00') },
        ],
      },
      {
        expected: d('500.00'),
        actual: d('500.00'),
        variance: d('0.00'),
        direction: 'none',
        parties: [{ party: 'Circle', amount: d('0.00') }],
      },
    ]);
    expect({
      ...totals,
      expected: totals.expected.toFixed(2),
      actual: totals.actual.toFixed(2),
      variance: totals.variance.toFixed(2),
      parties: totals.parties.map((p) => ({
        ...p,
        amount: p.amount.toFixed(2),
        gains: p.gains.toFixed(2),
        losses: p.losses.toFixed(2),
      })),
    }).toEqual({
      contractCount: 3,
      expected: '26175500.00',
      actual: '24100500.00',
      variance: '2075000.00',
      gainCount: 1,
      lossCount: 1,
      noVarianceCount: 1,
      parties: [
        {
          party: 'Circle',
          amount: '1656875.00',
          gains: '1716875.00',
          losses: '-60000.00',
          contractCount: 3,
        },
        {
          party: 'Bedfordshire CCG',
          amount: '418125.00',
          gains: '458125.00',
          losses: '-40000.00',
          contractCount: 2,
        },
      ],
    });
  });

  it('gives zeros and no parties for no contracts', () => {
    const totals = portfolioTotals([]);
    expect([totals.contractCount, totals.variance.toString(), totals.parties]).toEqual([
      0,
      '0',
      [],
    ]);
  });

  it('conserves the variance: the parties’ totals sum to it exactly, gains ≥ 0 ≥ losses', () => {
    const spelling = fc.constantFrom('Provider', 'provider', ' PROVIDER ', 'CCG', 'ccg', 'Council');
    const pence = fc
      .integer({ min: -10_000_000_000, max: 10_000_000_000 })
      .map((p) => new Dec(p).div(100));
    const contract: fc.Arbitrary<PortfolioContractFigures> = fc
      .record({
        expected: fc.integer({ min: 0, max: 10_000_000_000 }).map((p) => new Dec(p).div(100)),
        parties: fc.array(fc.record({ party: spelling, amount: pence }), {
          minLength: 1,
          maxLength: 4,
        }),
      })
      .map(({ expected, parties }) => {
        const variance = sum(parties.map((p) => p.amount));
        return {
          expected,
          actual: expected.minus(variance),
          variance,
          direction: variance.isZero() ? 'none' : variance.isPositive() ? 'gain' : 'loss',
          parties,
        };
      });
    fc.assert(
      fc.property(fc.array(contract, { maxLength: 30 }), (contracts) => {
        const totals = portfolioTotals(contracts);
        expect(sum(totals.parties.map((p) => p.amount)).equals(totals.variance)).toBe(true);
        expect(totals.variance.equals(sum(contracts.map((c) => c.variance)))).toBe(true);
        expect(totals.expected.minus(totals.actual).equals(totals.variance)).toBe(true);
        for (const p of totals.parties) {
          expect(p.gains.lessThan(0) || p.losses.greaterThan(0)).toBe(false);
          expect(p.gains.plus(p.losses).equals(p.amount)).toBe(true);
        }
        expect(sum(totals.parties.map((p) => new Dec(p.contractCount))).toNumber()).toBe(
          contracts.reduce((n, c) => n + c.parties.length, 0),
        );
        expect(new Set(totals.parties.map((p) => p.party.trim().toLowerCase())).size).toBe(
          totals.parties.length,
        );
        expect(totals.gainCount + totals.lossCount + totals.noVarianceCount).toBe(contracts.length);
      }),
    );
  });
});

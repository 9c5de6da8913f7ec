import { ZERO, moneyText, type Dec } from '../../../engine/decimal';
import type { CellValue } from '../../../ports/workbook';
import { nameKey } from '../../cells';
import type { Headline } from '../../mechanism';
import { numberCell } from '../../results/cells';
import {
  COUNT,
  MONEY,
  MONEY_AXIS,
  TEXT,
  type ResultBlock,
  type ResultColumn,
} from '../../results/layout';
import type {
  GainLossSharePortfolioResult,
  PortfolioContractResult,
} from './gainLossSharePortfolio';
import { sameName } from '../rowsToInput';

/**
 * Most distinct parties given a column each in the per-contract table; with more, the
 * table shows the provider's, the commissioner's and the other parties' amounts.
 */
export const PARTY_COLUMNS_MAX = 10;

const directionText = { gain: 'Gain', loss: 'Loss', none: 'None' } as const;

const gateText = (met: boolean | undefined): string =>
  met === undefined ? 'no gate' : met ? 'yes' : 'no';

const gainOrLoss = (variance: Dec): string =>
  variance.isNegative() ? 'Loss' : variance.isZero() ? 'Variance' : 'Gain';

function summary(r: GainLossSharePortfolioResult): ResultBlock {
  const money = [TEXT, MONEY];
  const counted = [TEXT, COUNT];
  return {
    kind: 'table',
    heading: 'Expected and actual spend, all contracts',
    name: 'BCF_GainShare_Summary',
    columns: [
      { header: 'Measure', format: TEXT, width: 34 },
      { header: 'Value', format: MONEY },
    ],
    rows: [
      ['Contracts', r.contractCount],
      ['Total expected spend', numberCell(r.expected)],
      ['Total actual spend', numberCell(r.actual)],
      [`Total ${gainOrLoss(r.variance).toLowerCase()} (expected − actual)`, numberCell(r.variance)],
      ['Contracts with a gain', r.gainCount],
      ['Contracts with a loss', r.lossCount],
      ['Contracts with no variance', r.noVarianceCount],
    ],
    rowFormats: [counted, money, money, money, counted, counted, counted],
  };
}

function parties(r: GainLossSharePortfolioResult): ResultBlock {
  return {
    kind: 'table',
    heading: 'Totals by party',
    name: 'BCF_GainShare_Parties',
    columns: [
      { header: 'Party', format: TEXT, width: 28 },
      { header: 'Net amount', format: MONEY },
      { header: 'Gains received', format: MONEY },
      { header: 'Losses borne', format: MONEY },
      { header: 'Contracts', format: COUNT },
    ],
    rows: r.parties.map((p) => [
      p.party,
      numberCell(p.amount),
      numberCell(p.gains),
      numberCell(p.losses),
      p.contractCount,
    ]),
    chart: {
      kind: 'barClustered',
      title: 'Net gain or loss by party, all contracts',
      series: [1],
      valueAxisFormat: MONEY_AXIS,
      valueAxisTitle: 'Amount (£)',
      categoryAxisTitle: 'Party',
    },
  };
}

/**
 * The per-party amount columns: one per party ("Circle amount": a party may be called
 * "Provider", a fixed column's header), or provider, commissioner and other parties.
 */
function partyColumns(r: GainLossSharePortfolioResult): {
  readonly columns: readonly ResultColumn[];
  readonly cells: (c: PortfolioContractResult) => CellValue[];
} {
  if (r.parties.length <= PARTY_COLUMNS_MAX) {
    const index = new Map(r.parties.map((p, i) => [nameKey(p.party), i]));
    return {
      columns: r.parties.map((p) => ({ header: `${p.party} amount`, format: MONEY })),
      cells: (c) => {
        const cells: CellValue[] = r.parties.map(() => null);
        for (const p of c.parties) {
          const i = index.get(nameKey(p.party));
          if (i !== undefined) cells[i] = numberCell(p.amount);
        }
        return cells;
      },
    };
  }
  return {
    columns: [
      { header: 'Provider amount', format: MONEY },
      { header: 'Commissioner amount', format: MONEY },
      { header: 'Other parties amount', format: MONEY },
    ],
    cells: (c) => {
      const provider = c.parties.find((p) => sameName(p.party, c.provider));
      const commissioner = c.parties.find((p) => sameName(p.party, c.commissioner));
      const others = c.parties
        .filter((p) => p !== provider && p !== commissioner)
        .reduce((total, p) => total.plus(p.amount), ZERO);
      return [
        provider === undefined ? null : numberCell(provider.amount),
        commissioner === undefined ? null : numberCell(commissioner.amount),
        numberCell(others),
      ];
    },
  };
}

function contracts(r: GainLossSharePortfolioResult): ResultBlock {
  const amounts = partyColumns(r);
  return {
    kind: 'table',
    heading: 'Gain/loss share by contract',
    name: 'BCF_GainShare_Contracts',
    columns: [
      { header: 'Contract ID', format: TEXT, width: 16 },
      { header: 'Provider', format: TEXT, width: 24 },
      { header: 'Commissioner', format: TEXT, width: 24 },
      { header: 'Expected', format: MONEY },
      { header: 'Actual', format: MONEY },
      { header: 'Variance', format: MONEY },
      { header: 'Direction', format: TEXT },
      { header: 'Gate met', format: TEXT },
      ...amounts.columns,
    ],
    rows: r.contracts.map((c) => [
      c.contractId,
      c.provider,
      c.commissioner,
      numberCell(c.expected),
      numberCell(c.actual),
      numberCell(c.variance),
      directionText[c.direction],
      gateText(c.gateMet),
      ...amounts.cells(c),
    ]),
  };
}

/** The result tables of a portfolio run: summary, totals by party (with a chart), each contract. */
export function portfolioBlocks(r: GainLossSharePortfolioResult): ResultBlock[] {
  return [summary(r), parties(r), contracts(r)];
}

/** Headline figures: the total variance and each party's net amount (the first few). */
export function portfolioHeadline(r: GainLossSharePortfolioResult): Headline[] {
  return [
    { label: 'Contracts', text: r.contractCount.toLocaleString('en-GB') },
    { label: `Total ${gainOrLoss(r.variance).toLowerCase()}`, text: moneyText(r.variance) },
    ...r.parties
      .slice(0, PARTY_COLUMNS_MAX)
      .map((p) => ({ label: p.party, text: moneyText(p.amount) })),
  ];
}

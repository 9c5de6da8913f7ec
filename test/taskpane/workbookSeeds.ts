/**
 * Small workbooks for the pane's tests over the in-memory Excel: the B&NES pooled fund
 * (Bath & North East Somerset OBC 2015, Table 3, £000 as pounds) and the Bedfordshire MSK
 * prime contract (King's Fund 2014).
 */
import type { MemoryWorkbookSeed } from '../support/memory-excel';

export function pooledFundSeed(councilAmount: string | number = 40888000): MemoryWorkbookSeed {
  return {
    sheets: [
      {
        name: 'Pooled fund',
        rows: {
          values: [
            ['Partner', 'Scheme', 'Amount'],
            ['B&NES CCG', 'Community services', 28348000],
            ['B&NES Council', 'Community services', councilAmount],
          ],
        },
      },
      {
        name: 'Contracts',
        rows: {
          values: [
            [
              'Contract ID',
              'Contract model',
              'Commissioner',
              'Provider',
              'Parties',
              'Annual value',
              'Expected spend',
              'Actual spend',
            ],
            [
              'MSK1',
              'Prime contractor',
              'Bedfordshire CCG',
              'Circle',
              'Circle; Bedfordshire CCG',
              26500000,
              25175000,
              23000000,
            ],
          ],
        },
      },
    ],
    tables: [
      { name: 'Contributions', sheet: 'Pooled fund', range: 'A1:C3' },
      { name: 'Contracts', sheet: 'Contracts', range: 'A1:H2' },
    ],
  };
}

/** The same workbook with the Bedfordshire bands in a RiskShareBands table (King's Fund 2014). */
export function riskShareSeed(): MemoryWorkbookSeed {
  const base = pooledFundSeed();
  return {
    sheets: [
      ...(base.sheets ?? []),
      {
        name: 'Risk share',
        rows: {
          values: [
            ['Contract ID', 'Gain or loss', 'Band', 'Up to % of expected', 'Party', 'Share'],
            ['MSK1', 'Gain', 1, 0.05, 'Circle', 1],
            ['MSK1', 'Gain', 1, 0.05, 'Bedfordshire CCG', 0],
            ['MSK1', 'Gain', 2, '', 'Circle', 0.5],
            ['MSK1', 'Gain', 2, '', 'Bedfordshire CCG', 0.5],
            ['MSK1', 'Loss', 1, '', 'Circle', 1],
            ['MSK1', 'Loss', 1, '', 'Bedfordshire CCG', 0],
          ],
        },
      },
      {
        name: 'Risk terms',
        rows: {
          values: [
            ['Contract ID', 'Party', 'Quality multiplier'],
            ['MSK1', 'Circle', 1],
          ],
        },
      },
    ],
    tables: [
      ...(base.tables ?? []),
      { name: 'RiskShareBands', sheet: 'Risk share', range: 'A1:F7' },
      { name: 'RiskShareTerms', sheet: 'Risk terms', range: 'A1:C2' },
    ],
  };
}

/**
 * Two contracts: the Bedfordshire MSK prime contract under its own bands (King's Fund
 * 2014: a gain of £2,175,000.00) and an alliance contract with an overspend of
 * £400,000.00 under the bands with no Contract ID (a 60/40 split of gains and losses).
 */
export function twoContractSeed(): MemoryWorkbookSeed {
  const base = riskShareSeed();
  const sheets = (base.sheets ?? []).map((sheet) => {
    const values = sheet.rows?.values ?? [];
    if (sheet.name === 'Contracts') {
      return {
        ...sheet,
        rows: {
          values: [
            ...values,
            [
              'ALL2',
              'Alliance',
              'Luton CCG',
              'Luton Trust',
              'Luton Trust; Luton CCG',
              10000000,
              10000000,
              10400000,
            ],
          ],
        },
      };
    }
    if (sheet.name === 'Risk share') {
      return {
        ...sheet,
        rows: {
          values: [
            ...values,
            ['', 'Both', 1, '', 'Luton Trust', 0.6],
            ['', 'Both', 1, '', 'Luton CCG', 0.4],
          ],
        },
      };
    }
    return sheet;
  });
  const ranges: Readonly<Record<string, string>> = {
    Contracts: 'A1:H3',
    RiskShareBands: 'A1:F9',
  };
  return {
    sheets,
    tables: (base.tables ?? []).map((t) => ({ ...t, range: ranges[t.name] ?? t.range })),
  };
}

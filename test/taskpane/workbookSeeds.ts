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
            ],
            [
              'MSK1',
              'Prime contractor',
              'Bedfordshire CCG',
              'Circle',
              'Circle; Bedfordshire CCG',
              26500000,
            ],
          ],
        },
      },
    ],
    tables: [
      { name: 'Contributions', sheet: 'Pooled fund', range: 'A1:C3' },
      { name: 'Contracts', sheet: 'Contracts', range: 'A1:F2' },
    ],
  };
}

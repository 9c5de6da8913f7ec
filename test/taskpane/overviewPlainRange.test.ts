/**
 * The pane's overview finds a plain range with no action from the user: a workbook
 * with the pool's contributions under a title block (no Excel table) lists the range
 * as an input table, the pooled fund as ready, and its partners for the form.
 */
import { OfficeWorkbook } from '../../src/adapters/office';
import { workbookOverview } from '../../src/taskpane/layer/overview';
import { createMemoryExcel } from '../support/memory-excel';

describe('the overview of a workbook kept in plain ranges', () => {
  it('lists the range and makes the pooled fund ready', async () => {
    const excel = createMemoryExcel({
      sheets: [
        {
          name: 'Pool',
          rows: {
            values: [
              ['Pooled fund 2025-26'],
              [],
              ['Contributor', 'Scheme or category', 'Contribution (£000)'],
              ['B&NES CCG', 'Community services', 28348],
              ['B&NES Council', 'Community services', 40888],
              ['Total', '', 69236],
            ],
          },
        },
      ],
    });
    const overview = await workbookOverview(new OfficeWorkbook(excel.run));
    expect(overview.tables.map((t) => [t.name, t.range, t.rowCount])).toEqual([
      ['Pool!A3:C5', 'A3:C5', 2],
    ]);
    expect(overview.mechanisms.find((m) => m.mechanism === 'pool')).toMatchObject({
      ready: true,
      missing: [],
    });
    expect(overview.partners).toEqual(['B&NES CCG', 'B&NES Council']);
  });
});

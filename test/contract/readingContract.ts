/** The reading part of the workbook contract: listing and reading tables. */
import { contracts } from './contractFixtures';
import type { ContractCodes, ContractSubject } from './subject';
import type { WorkbookSeed } from './seed';

/** Registers the reading tests. */
export function describeReadingContract(
  make: (seed: WorkbookSeed) => Promise<ContractSubject>,
  codes: ContractCodes,
): void {
  describe('reading tables', () => {
    it('lists every table in sheet order with headers, size and position', async () => {
      const { workbook } = await make(contracts);
      expect(await workbook.listTables()).toEqual([
        {
          name: 'Contracts',
          sheet: 'Inputs',
          headers: [
            'Scheme name',
            ' Provider ',
            'Budget (£)',
            '2024/25 outturn',
            'Recurrent?',
            'Code',
          ],
          rowCount: 3,
          headerRow: 3,
          firstColumn: 2,
        },
        {
          name: 'Metrics',
          sheet: 'Metrics',
          headers: ['Metric', 'Target'],
          rowCount: 1,
          headerRow: 1,
          firstColumn: 1,
        },
      ]);
    });

    it('reads bodies with blanks as "", numbers, booleans and text that looks like numbers or formulas', async () => {
      const { workbook } = await make(contracts);
      const [table] = await workbook.readTables(['Contracts']);
      expect(table?.rows).toEqual([
        ['Falls prevention', 'Acme Community Trust', 12500.5, 11000, true, '0012'],
        ['Discharge to assess', '', 40000, '', false, '=not a formula'],
        ['Carers breaks', 'Borough Council', 0, -250.75, '', ''],
      ]);
    });

    it('reads several tables in the order asked, matching names without regard to case', async () => {
      const { workbook } = await make(contracts);
      const tables = await workbook.readTables(['metrics', 'Contracts']);
      expect(tables.map((t) => [t.name, t.rows.length])).toEqual([
        ['Metrics', 1],
        ['Contracts', 3],
      ]);
    });

    it('refuses a missing table, naming it', async () => {
      const { workbook } = await make(contracts);
      await expect(workbook.readTables(['Contracts', 'Schemes'])).rejects.toMatchObject({
        code: codes.tableNotFound,
        message: expect.stringContaining('Schemes') as unknown,
      });
    });
  });
}

/**
 * The workbook contract: every behaviour of the ports (src/ports/workbook.ts) that the
 * edges rely on, tested the same way against every adapter. An adapter's test calls
 * `describeWorkbookContract` with a factory that builds its workbook from a seed.
 */
import { describeSettingsAndFormulasContract } from './formulasContract';
import { describeReadingContract } from './readingContract';
import type { WorkbookSeed } from './seed';
import type { ContractCodes, ContractSubject } from './subject';
import { describeWritingContract } from './writingContract';

export type { ContractCodes, ContractSubject } from './subject';

/**
 * Registers the contract's tests for one adapter.
 *
 * @param name The adapter, for the test titles.
 * @param make Builds a fresh workbook from a seed.
 * @param codes The adapter's error codes for a missing table and a user's sheet in the way.
 */
export function describeWorkbookContract(
  name: string,
  make: (seed: WorkbookSeed) => Promise<ContractSubject>,
  codes: ContractCodes,
): void {
  describe(`workbook contract: ${name}`, () => {
    describeReadingContract(make, codes);
    describeWritingContract(make, codes);
    describeSettingsAndFormulasContract(make);
  });
}

/**
 * @jest-environment jsdom
 *
 * The workbook contract over the Office adapter running on Microsoft's own office.js,
 * with the in-memory Excel answering its requests (test/support/office-js/memoryHost.ts):
 * the real client's proxies, load and sync rules and serialisation instead of the fake's.
 */
import { OfficeErrorCode, OfficeWorkbook } from '../../src/adapters/office';
import { memorySeed, snapshotOf } from '../contract/officeHarness';
import type { ContractSubject } from '../contract/subject';
import type { WorkbookSeed } from '../contract/seed';
import { describeWorkbookContract } from '../contract/workbookContract';
import { createMemoryExcel } from '../support/memory-excel';
import { officeJsOverMemory } from '../support/office-js/memoryHost';

function officeJsSubject(seed: WorkbookSeed): Promise<ContractSubject> {
  const excel = createMemoryExcel(memorySeed(seed));
  return Promise.resolve({
    workbook: new OfficeWorkbook(officeJsOverMemory(excel).run, excel),
    inspect: () => Promise.resolve(snapshotOf(excel)),
  });
}

describeWorkbookContract('Office adapter over the real office.js', officeJsSubject, {
  tableNotFound: OfficeErrorCode.TABLE_NOT_FOUND,
  userSheet: OfficeErrorCode.SHEET_NOT_OURS,
  badLayout: OfficeErrorCode.BAD_LAYOUT,
});

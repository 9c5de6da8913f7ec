import { OfficeErrorCode } from '../../src/adapters/office';
import { officeSubject } from './officeHarness';
import { describeWorkbookContract } from './workbookContract';

describeWorkbookContract('Office adapter over the in-memory Excel', officeSubject, {
  tableNotFound: OfficeErrorCode.TABLE_NOT_FOUND,
  userSheet: OfficeErrorCode.SHEET_NOT_OURS,
  badLayout: OfficeErrorCode.BAD_LAYOUT,
});

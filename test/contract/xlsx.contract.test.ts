import { XlsxErrorCode } from '../../src/adapters/xlsx';
import { describeWorkbookContract } from './workbookContract';
import { xlsxSubject } from './xlsxHarness';

describeWorkbookContract('.xlsx adapter over files', xlsxSubject, {
  tableNotFound: XlsxErrorCode.TABLE_NOT_FOUND,
  userSheet: XlsxErrorCode.SHEET_NOT_OURS,
  badLayout: XlsxErrorCode.BAD_LAYOUT,
});

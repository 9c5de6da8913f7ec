/** The `WORKBOOK.*` codes both adapters refuse with are the ports' own, defined once. */
import { OfficeErrorCode } from '../../src/adapters/office/errors';
import { XlsxErrorCode } from '../../src/adapters/xlsx/errors';
import { PortErrorCode } from '../../src/ports/errors';

it('gives the Office and .xlsx adapters the ports’ codes, and no other shared WORKBOOK code', () => {
  const shared = (codes: Readonly<Record<string, string>>): Record<string, string> =>
    Object.fromEntries(Object.entries(codes).filter(([key]) => key in PortErrorCode));
  expect(shared(OfficeErrorCode)).toEqual(PortErrorCode);
  expect(shared(XlsxErrorCode)).toEqual(PortErrorCode);
  const workbookCodes = (codes: Readonly<Record<string, string>>): string[] =>
    Object.values(codes).filter((code) => code.startsWith('WORKBOOK.'));
  const inBoth = workbookCodes(OfficeErrorCode).filter((code) =>
    workbookCodes(XlsxErrorCode).includes(code),
  );
  expect(inBoth.sort()).toEqual(Object.values(PortErrorCode).sort());
});

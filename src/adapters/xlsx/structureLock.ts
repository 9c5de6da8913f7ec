/**
 * Workbook structure protection (Review > Protect Workbook): with `lockStructure` on,
 * Excel lets no one add, delete, rename, move, hide or unhide sheets, though the cells of
 * unprotected sheets can still be changed. File mode honours it as Excel would: the
 * add-in's sheets may be rewritten where they already are, but saving a workbook with a
 * sheet added (a result sheet, the settings sheet) is refused before anything is
 * written. The refusal is at save, not at the write in memory, so `bcf check` (which
 * runs the mechanisms in memory and saves nothing) still reads such a workbook.
 * Protected sheets (`sheetProtection`) are another matter: they are only read.
 */
import { XlsxErrorCode, xlsxFail } from './errors';
import { attribute } from './xmlText';

/** Whether a workbook part's `<workbookProtection>` locks the structure. */
export function structureLocked(workbookXml: string): boolean {
  const element = /<(?:\w+:)?workbookProtection\b[^>]*>/.exec(workbookXml)?.[0];
  const lock = element === undefined ? undefined : attribute(element, 'lockStructure');
  return lock === '1' || lock === 'true';
}

/**
 * Refuses to save sheets added to a workbook whose structure is locked.
 *
 * @param added - The sheets the write would add (none: nothing to refuse).
 * @throws XlsxError `WORKBOOK.STRUCTURE_PROTECTED` naming the sheets and how to unprotect.
 */
export function refuseAddedSheets(added: readonly string[]): void {
  if (added.length === 0) return;
  const names = added.map((name) => `"${name}"`).join(', ');
  const sheets = added.length === 1 ? `the sheet ${names}` : `the sheets ${names}`;
  xlsxFail(
    XlsxErrorCode.STRUCTURE_PROTECTED,
    `The workbook's structure is protected, so ${sheets} cannot be added and nothing was written. In Excel, turn off Review > Protect Workbook (it asks for the password if one was set), save, and try again.`,
  );
}

/**
 * `Excel.WorksheetProtection` and `Excel.WorkbookProtection` in memory: whether a sheet,
 * or the workbook's structure, is protected. A protected sheet refuses formatting and
 * any change to a locked cell (AccessDenied, see grid.ts); a protected structure refuses
 * adding, deleting, renaming or hiding sheets. Passwords are not modelled.
 */
import { MemoryClientObject, type LoadSpec, type ScalarGetters } from './clientObject';
import type { FaithfulTo } from './driftGuard';
import { ErrorCode, officeError } from './errors';
import type { SheetModel, WorkbookModel } from './model';

/** A sheet's protection. */
export class MemoryWorksheetProtection extends MemoryClientObject<SheetModel> {
  protected readonly scalars: ScalarGetters<SheetModel> = { protected: (s) => s.protected };

  get protected(): boolean {
    return this.get('protected');
  }

  /** Protects the sheet; fails if it is protected already (as the API reference says). */
  protect(_options?: Excel.WorksheetProtectionOptions, _password?: string): void {
    this.invoke('protect', [], (sheet) => {
      if (sheet.protected) officeError(ErrorCode.invalidOperation, 'WorksheetProtection.protect');
      sheet.protected = true;
    });
  }

  /** Unprotects the sheet. */
  unprotect(_password?: string): void {
    this.invoke('unprotect', [], (sheet) => {
      sheet.protected = false;
    });
  }

  load(spec?: LoadSpec): Excel.WorksheetProtection {
    this.queueLoad(spec);
    return this as unknown as Excel.WorksheetProtection;
  }
}

/** The workbook's structure protection. */
export class MemoryWorkbookProtection extends MemoryClientObject<WorkbookModel> {
  protected readonly scalars: ScalarGetters<WorkbookModel> = {
    protected: (w) => w.structureProtected,
  };

  get protected(): boolean {
    return this.get('protected');
  }

  /** Protects the workbook's structure; fails if it is protected already. */
  protect(_password?: string): void {
    this.invoke('protect', [], (workbook) => {
      if (workbook.structureProtected)
        officeError(ErrorCode.invalidOperation, 'WorkbookProtection.protect');
      workbook.structureProtected = true;
    });
  }

  /** Unprotects the workbook's structure. */
  unprotect(_password?: string): void {
    this.invoke('unprotect', [], (workbook) => {
      workbook.structureProtected = false;
    });
  }

  load(spec?: LoadSpec): Excel.WorkbookProtection {
    this.queueLoad(spec);
    return this as unknown as Excel.WorkbookProtection;
  }
}

/** Raises AccessDenied for a change of the workbook's structure while it is protected. */
export function refuseIfStructureProtected(workbook: WorkbookModel, location: string): void {
  if (workbook.structureProtected)
    officeError(ErrorCode.accessDenied, location, "The workbook's structure is protected.");
}

/** Drift guards. */
export type WorksheetProtectionIsFaithful = FaithfulTo<
  Excel.WorksheetProtection,
  MemoryWorksheetProtection
>;
export type WorkbookProtectionIsFaithful = FaithfulTo<
  Excel.WorkbookProtection,
  MemoryWorkbookProtection
>;

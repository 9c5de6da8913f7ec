/** What an adapter's harness gives the workbook contract. */
import type { Workbook } from '../../src/ports/workbook';
import type { WorkbookSnapshot } from './snapshot';

/** A workbook under test and a way to look at what it holds. */
export interface ContractSubject {
  readonly workbook: Workbook;
  /** A snapshot of the workbook now (after saving, for a file adapter). */
  inspect(): Promise<WorkbookSnapshot>;
}

/** The adapter's codes for the errors the contract provokes. */
export interface ContractCodes {
  readonly tableNotFound: string;
  readonly userSheet: string;
  /** A layout the ports' layout check refuses. */
  readonly badLayout: string;
}

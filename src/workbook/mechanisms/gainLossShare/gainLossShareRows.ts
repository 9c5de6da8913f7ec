import { nameKey } from '../../cells';
import { textOf, type InputRow, type InputTable } from '../../inputTable';
import { splitNames } from '../rowsToInput';

/** A contract's parties: its Parties cell, or provider then commissioner. */
export function partiesOf(contract: InputRow): string[] {
  const listed = textOf(contract, 'parties');
  if (listed !== undefined) return splitNames(listed);
  return [textOf(contract, 'provider') ?? '', textOf(contract, 'commissioner') ?? ''];
}

/**
 * The rows of a RiskShareBands or RiskShareTerms table by contract, indexed once so
 * that a run over many contracts looks each one up directly. A contract's rows are
 * those with its Contract ID; a contract without rows of its own takes the rows with
 * a blank Contract ID (the terms every other contract shares). Own and shared rows are
 * never mixed: a contract's own bands replace the shared bands whole. A table without
 * a Contract ID column applies whole to every contract.
 */
export class ContractRows {
  private readonly byId = new Map<string, InputRow[]>();
  private readonly shared: InputRow[] = [];

  constructor(table: InputTable | undefined) {
    if (table === undefined) return;
    if (!table.columns.has('contractId')) {
      this.shared.push(...table.rows);
      return;
    }
    for (const row of table.rows) {
      const id = textOf(row, 'contractId');
      if (id === undefined) {
        this.shared.push(row);
        continue;
      }
      const key = nameKey(id);
      const list = this.byId.get(key);
      if (list === undefined) this.byId.set(key, [row]);
      else list.push(row);
    }
  }

  /**
   * The contract's rows (the same array for every contract that shares them, so it can
   * be compared by identity).
   */
  of(contractId: string | undefined): readonly InputRow[] {
    if (contractId === undefined) return this.shared;
    return this.byId.get(nameKey(contractId)) ?? this.shared;
  }

  /** Whether the rows are the shared (blank Contract ID) rows. */
  isShared(rows: readonly InputRow[]): boolean {
    return rows === this.shared;
  }
}

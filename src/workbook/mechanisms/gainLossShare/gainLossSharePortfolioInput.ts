import type {
  GainLossRowInput,
  GainLossTermsInput,
} from '../../../engine/gainLossShare/gainLossShare';
import { FindingCode, type CellPlace, type Finding } from '../../findings';
import { placeOf, textOf, type InputRow, type InputTable } from '../../inputTable';
import type { Built } from '../../mechanism';
import { decParam, type TypedParams } from '../../params';
import type { InputTables } from '../../readInputs';
import { OriginRecorder, rowFinding } from '../rowsToInput';
import { contractTerms, defaultHolder, expectedColumn, spendOf } from './gainLossShareInput';
import { ContractRows, partiesOf } from './gainLossShareRows';

/** One contract of a portfolio run, in Contracts table order. */
export interface PortfolioContract {
  readonly contractId: string;
  readonly provider: string;
  readonly commissioner: string;
  /** The index of its terms group in {@link GainLossSharePortfolioInput.groups}. */
  readonly group: number;
}

/** Contracts that share the same terms (parties, band rows, terms rows, defaults): one engine batch. */
export interface PortfolioGroup {
  readonly terms: GainLossTermsInput;
  /** Its contracts, as indexes into {@link GainLossSharePortfolioInput.contracts}, in table order. */
  readonly members: readonly number[];
  /** Each member's spend, in the same order: the engine batch's rows. */
  readonly rows: readonly GainLossRowInput[];
  /** Whether its bands are the shared rows (blank Contract ID) rather than a contract's own. */
  readonly sharedBands: boolean;
  /** Whether its terms rows are the shared rows (or none) rather than a contract's own. */
  readonly sharedTerms: boolean;
}

/** The gain/loss share of every contract of a Contracts table, grouped by terms. */
export interface GainLossSharePortfolioInput {
  readonly contracts: readonly PortfolioContract[];
  readonly groups: readonly PortfolioGroup[];
}

/**
 * Where the fields of a portfolio run came from. Terms fields are recorded as the
 * groups are built, under `groups[g].` (`groups[0].gainBands[1].shares`); a contract's
 * own cells (`contracts[k].expected`, `contracts[k].actual`) are placed only when asked
 * for, so that a run over 100,000 contracts builds no per-row map.
 */
class PortfolioOrigins extends Map<string, CellPlace> {
  constructor(private readonly table: InputTable | undefined) {
    super();
  }

  override get(path: string): CellPlace | undefined {
    return super.get(path) ?? this.contractCell(path);
  }

  override has(path: string): boolean {
    return this.get(path) !== undefined;
  }

  private contractCell(path: string): CellPlace | undefined {
    const match = /^contracts\[(\d+)\]\.(expected|actual)$/.exec(path);
    const row = match === null ? undefined : this.table?.rows[Number(match[1])];
    if (row === undefined || this.table === undefined) return undefined;
    const column = match?.[2] === 'actual' ? 'actual' : expectedColumn(row);
    return placeOf(this.table, row.row, column);
  }
}

/** Records a group's terms origins under its `groups[g].` prefix. */
class GroupOrigins extends OriginRecorder {
  constructor(
    private readonly target: Map<string, CellPlace>,
    private readonly prefix: string,
  ) {
    super();
  }

  override add(path: string, table: InputTable, row: InputRow, columnId: string): void {
    const place = placeOf(table, row.row, columnId);
    if (place !== undefined) this.target.set(`${this.prefix}${path}`, place);
  }
}

/** Findings of several groups' terms, each once (groups sharing band rows find the same faults). */
function distinct(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.code}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Builds the gain/loss share of every contract of the Contracts table: each contract's
 * spend and parties, and its terms as a single-contract run would build them (its own
 * RiskShareBands and RiskShareTerms rows, else the rows with a blank Contract ID; the
 * gate, quality and cap parameters; defaults by contract model). Contracts whose terms
 * come out the same (same parties, same band rows, same terms rows, same defaults)
 * share one group, built and checked once, so the usual portfolio under one set of
 * shared bands is one engine batch. Findings name the contract's row (a blank actual
 * spend) or the band and terms rows, once each.
 */
export function buildPortfolio(
  tables: InputTables,
  values: TypedParams,
): Built<GainLossSharePortfolioInput> {
  const table = tables.contracts;
  const bands = tables.riskShareBands;
  const origins = new PortfolioOrigins(table);
  if (table === undefined || bands === undefined) {
    return { input: { contracts: [], groups: [] }, origins, findings: [] };
  }
  const bandRows = new ContractRows(bands);
  const termRows = new ContractRows(tables.riskShareTerms);
  const rowFindings: Finding[] = [];
  const termFindings: Finding[] = [];
  const gateGiven = decParam(values, 'gate') !== undefined;
  const units = decParam(values, 'units');
  const lists = new Map<readonly InputRow[], number>();
  const listId = (rows: readonly InputRow[]): number => {
    const known = lists.get(rows);
    if (known !== undefined) return known;
    lists.set(rows, lists.size);
    return lists.size - 1;
  };
  const byKey = new Map<string, number>();
  const groups: { members: number[]; rows: GainLossRowInput[]; group: PortfolioGroup }[] = [];
  const contracts = table.rows.map((row, k): PortfolioContract => {
    const id = textOf(row, 'contractId');
    const commissioner = textOf(row, 'commissioner') ?? '';
    const parties = partiesOf(row);
    const ownBands = bandRows.of(id);
    const ownTerms = termRows.of(id);
    if (ownBands.length === 0) {
      rowFindings.push(
        ...rowFinding(
          FindingCode.INCONSISTENT,
          table,
          row,
          'contractId',
          `contract ${id ?? `in row ${row.row}`} has no bands: the ${bands.info.name} table has no rows for it and none with a blank Contract ID for every contract; add its bands there.`,
        ),
      );
    }
    const key = [
      parties.join('\n'),
      listId(ownBands),
      listId(ownTerms),
      gateGiven ? defaultHolder(row) : '',
      ownTerms.length > 0 ? commissioner : '',
    ].join('\u0001');
    let g = byKey.get(key);
    if (g === undefined) {
      g = groups.length;
      byKey.set(key, g);
      const terms = contractTerms(
        row,
        {
          bands,
          bandRows: ownBands,
          terms: tables.riskShareTerms,
          termRows: ownTerms,
          partyOf: `a party to contract ${id ?? `in row ${row.row}`}`,
        },
        values,
        new GroupOrigins(origins, `groups[${g}].`),
        termFindings,
      );
      const members: number[] = [];
      const rows: GainLossRowInput[] = [];
      groups.push({
        members,
        rows,
        group: {
          terms,
          members,
          rows,
          sharedBands: bandRows.isShared(ownBands),
          sharedTerms: termRows.isShared(ownTerms),
        },
      });
    }
    const { expected, actual } = spendOf(table, row, rowFindings);
    const group = groups[g];
    group?.members.push(k);
    const contractId = id ?? `row ${row.row}`;
    group?.rows.push({
      expected,
      actual: actual ?? expected,
      ...(units === undefined ? {} : { units }),
      // The engine names a refused row by it: "Contract K2: …".
      label: `Contract ${contractId}`,
    });
    return {
      contractId,
      provider: textOf(row, 'provider') ?? '',
      commissioner,
      group: g,
    };
  });
  return {
    input: { contracts, groups: groups.map((g) => g.group) },
    origins,
    findings: [...rowFindings, ...distinct(termFindings)],
  };
}

import { ZERO, type Dec } from '../../engine/decimal';
import type { GainLossCapInput, GainLossShareInput } from '../../engine/gainLossShare';
import { FindingCode, tableFinding, type Finding } from '../findings';
import { decOf, textOf, type InputRow, type InputTable } from '../inputTable';
import type { Built } from '../mechanism';
import { decParam, textParam, type TypedParams } from '../params';
import type { InputTables } from '../readInputs';
import {
  OriginRecorder,
  chooseContract,
  rowFinding,
  rowsFor,
  sameName,
  splitNames,
  unknownName,
} from './build';
import { bandsOf } from './gainShareBands';

type GateAppliesTo = 'both' | 'gains' | 'losses';

/** Contract models under which the provider holds the risk by default (below the gate). */
const PROVIDER_HOLDS = ['Prime contractor', 'Prime provider', 'Single contractor'];

/** The contract's parties: its Parties cell, or provider then commissioner. */
function partiesOf(contract: InputRow): string[] {
  const listed = textOf(contract, 'parties');
  if (listed !== undefined) return splitNames(listed);
  return [textOf(contract, 'provider') ?? '', textOf(contract, 'commissioner') ?? ''];
}

function partyParam(
  values: TypedParams,
  id: string,
  parties: readonly string[],
  fallback: string,
): string {
  const given = values[id];
  if (typeof given !== 'string') return fallback;
  return parties.find((p) => sameName(p, given)) ?? given;
}

interface TermsRows {
  readonly table: InputTable | undefined;
  readonly rows: readonly InputRow[];
}

function partyTerms(
  terms: TermsRows,
  parties: readonly string[],
  origins: OriginRecorder,
  findings: Finding[],
) {
  const quality: Record<string, Dec> = {};
  const gain: Record<string, GainLossCapInput> = {};
  const loss: Record<string, GainLossCapInput> = {};
  const cap = (
    row: InputRow,
    amountId: string,
    fractionId: string,
  ): GainLossCapInput | undefined => {
    const amount = decOf(row, amountId);
    const fraction = decOf(row, fractionId);
    if (amount === undefined && fraction === undefined) return undefined;
    return amount === undefined ? { fraction } : { amount };
  };
  for (const row of terms.rows) {
    const written = textOf(row, 'party');
    if (written === undefined || terms.table === undefined) continue;
    const party = parties.find((p) => sameName(p, written));
    if (party === undefined) {
      findings.push(...unknownName(terms.table, row, 'party', 'a party to this contract', parties));
      continue;
    }
    const q = decOf(row, 'quality');
    if (q !== undefined) {
      quality[party] = q;
      origins.add(`quality.multipliers.${party}`, terms.table, row, 'quality');
    }
    const g = cap(row, 'gainCapAmount', 'gainCapFraction');
    const l = cap(row, 'lossCapAmount', 'lossCapFraction');
    if (g !== undefined) gain[party] = g;
    if (l !== undefined) loss[party] = l;
    origins.add(
      `caps.gain.${party}`,
      terms.table,
      row,
      g?.amount === undefined ? 'gainCapFraction' : 'gainCapAmount',
    );
    origins.add(
      `caps.loss.${party}`,
      terms.table,
      row,
      l?.amount === undefined ? 'lossCapFraction' : 'lossCapAmount',
    );
  }
  return { quality, gain, loss };
}

function spend(
  tables: InputTables,
  contract: InputRow,
  findings: Finding[],
): { expected: Dec; actual?: Dec } {
  const table = tables.contracts;
  const expected = decOf(contract, 'expected') ?? decOf(contract, 'annualValue');
  const actual = decOf(contract, 'actual');
  if (actual === undefined && table !== undefined) {
    const problem = 'the cell is blank; a gain/loss share needs the actual spend.';
    const found = rowFinding(FindingCode.BLANK, table, contract, 'actual', problem);
    findings.push(
      ...(found.length > 0
        ? found
        : [
            tableFinding(
              FindingCode.MISSING_COLUMN,
              { sheet: table.info.sheet, table: table.info.name },
              `The ${table.info.name} table has no "Actual spend" column; a gain/loss share needs it.`,
            ),
          ]),
    );
  }
  return { expected: expected ?? ZERO, actual };
}

/**
 * Builds a gain/loss share from the chosen contract (expected spend, else its annual
 * value; actual spend; parties), its RiskShareBands rows (blank Contract ID rows apply
 * to every contract) and RiskShareTerms rows, and the gate parameters. Defaults by
 * contract model: below the gate the provider holds the variance under a prime
 * contractor, prime provider or single contractor, the commissioner otherwise; what
 * quality does not earn and what caps pass on go to the commissioner.
 */
export function buildGainShare(
  tables: InputTables,
  values: TypedParams,
): Built<GainLossShareInput> {
  const origins = new OriginRecorder();
  const chosen = chooseContract(tables.contracts, textParam(values, 'contract'));
  const findings: Finding[] = [...chosen.findings];
  const contract = chosen.row;
  const bandsTable = tables.riskShareBands;
  if (contract === undefined || tables.contracts === undefined || bandsTable === undefined) {
    return {
      input: { expected: 0, actual: 0, parties: [], gainBands: [] },
      origins: origins.map,
      findings,
    };
  }
  const id = textOf(contract, 'contractId');
  const parties = partiesOf(contract);
  const { expected, actual } = spend(tables, contract, findings);
  origins.add(
    'expected',
    tables.contracts,
    contract,
    decOf(contract, 'expected') === undefined ? 'annualValue' : 'expected',
  );
  origins.add('actual', tables.contracts, contract, 'actual');
  origins.add('parties', tables.contracts, contract, 'parties');
  const bandRows = rowsFor(bandsTable, id);
  const gainBands = bandsOf(bandsTable, bandRows, 'Gain', parties, origins, findings);
  const lossBands = bandsOf(bandsTable, bandRows, 'Loss', parties, origins, findings);
  const terms = partyTerms(
    { table: tables.riskShareTerms, rows: rowsFor(tables.riskShareTerms, id) },
    parties,
    origins,
    findings,
  );
  const commissioner = textOf(contract, 'commissioner') ?? '';
  const provider = textOf(contract, 'provider') ?? '';
  const holder = PROVIDER_HOLDS.includes(textOf(contract, 'model') ?? '') ? provider : commissioner;
  const gate = decParam(values, 'gate');
  const units = decParam(values, 'units');
  const input: GainLossShareInput = {
    expected,
    actual: actual ?? expected,
    ...(units === undefined ? {} : { units }),
    parties,
    gainBands,
    ...(bandRows.some((r) => textOf(r, 'direction') === 'Loss') ? { lossBands } : {}),
    ...(gate === undefined
      ? {}
      : {
          gate: {
            fraction: gate,
            holder: partyParam(values, 'gateHolder', parties, holder),
            appliesTo: (values.gateAppliesTo ?? 'both') as GateAppliesTo,
          },
        }),
    ...(Object.keys(terms.quality).length === 0
      ? {}
      : {
          quality: {
            multipliers: terms.quality,
            unearnedTo: partyParam(values, 'unearnedTo', parties, commissioner),
          },
        }),
    ...(Object.keys(terms.gain).length + Object.keys(terms.loss).length === 0
      ? {}
      : {
          caps: {
            gain: terms.gain,
            loss: terms.loss,
            overflowTo: partyParam(values, 'overflowTo', parties, commissioner),
          },
        }),
  };
  return { input, origins: origins.map, findings };
}

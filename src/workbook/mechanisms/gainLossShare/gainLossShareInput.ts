import { ZERO, type Dec } from '../../../engine/decimal';
import type {
  GainLossCapInput,
  GainLossShareInput,
  GainLossTermsInput,
} from '../../../engine/gainLossShare/gainLossShare';
import { FindingCode, tableFinding, type Finding } from '../../findings';
import { decOf, textOf, type InputRow, type InputTable } from '../../inputTable';
import type { Built } from '../../mechanism';
import { decParam, textParam, type ScenarioParams, type TypedParams } from '../../params';
import type { InputTables } from '../../readInputs';
import { OriginRecorder, chooseContract, rowFinding, sameName, unknownName } from '../rowsToInput';
import { bandsOf } from './gainLossShareBands';
import { ContractRows, partiesOf } from './gainLossShareRows';
import {
  engineChecked,
  hasTermsParam,
  readTermsParam,
  termsFinding,
  type ParamTerms,
} from './gainLossShareTerms';

type GateAppliesTo = 'both' | 'gains' | 'losses';

/** Contract models under which the provider holds the risk by default (below the gate). */
const PROVIDER_HOLDS = ['Prime contractor', 'Prime provider', 'Single contractor'];

/** Who holds a variance below the gate unless the `gateHolder` parameter says: by contract model. */
export function defaultHolder(contract: InputRow): string {
  const provider = textOf(contract, 'provider') ?? '';
  const commissioner = textOf(contract, 'commissioner') ?? '';
  return PROVIDER_HOLDS.includes(textOf(contract, 'model') ?? '') ? provider : commissioner;
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
  partyOf: string,
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
      findings.push(...unknownName(terms.table, row, 'party', partyOf, parties));
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

/** A contract's spend: expected (else its annual value) and actual, blank actual a finding. */
export function spendOf(
  table: InputTable,
  contract: InputRow,
  findings: Finding[],
): { readonly expected: Dec; readonly actual?: Dec } {
  const expected = decOf(contract, 'expected') ?? decOf(contract, 'annualValue');
  const actual = decOf(contract, 'actual');
  if (actual === undefined) {
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

/** The column a contract's expected spend came from: Expected spend, else Annual value. */
export const expectedColumn = (contract: InputRow): string =>
  decOf(contract, 'expected') === undefined ? 'annualValue' : 'expected';

/** Where a contract's terms come from: its RiskShareBands and RiskShareTerms rows. */
export interface TermsSource {
  readonly bands: InputTable;
  readonly bandRows: readonly InputRow[];
  readonly terms: InputTable | undefined;
  readonly termRows: readonly InputRow[];
  /** What an unknown party is not, in a finding: "a party to contract MH1"; default "this contract". */
  readonly partyOf?: string;
}

/**
 * A contract's terms apart from its spend (parties, bands, gate, quality, caps) from its
 * Contracts row, its band and terms rows, and the run's parameters. Origins are
 * recorded under the engine's field names (`gainBands[1].shares`).
 */
export function contractTerms(
  contract: InputRow,
  source: TermsSource,
  values: TypedParams,
  origins: OriginRecorder,
  findings: Finding[],
): GainLossTermsInput {
  const parties = partiesOf(contract);
  const { bands, bandRows } = source;
  const partyOf = source.partyOf ?? 'a party to this contract';
  const gainBands = bandsOf(bands, bandRows, 'Gain', parties, origins, findings, partyOf);
  const lossBands = bandsOf(bands, bandRows, 'Loss', parties, origins, findings, partyOf);
  const terms = partyTerms(
    { table: source.terms, rows: source.termRows },
    parties,
    origins,
    findings,
    partyOf,
  );
  return withParamTerms(contract, values, {
    parties,
    gainBands,
    ...(bandRows.some((r) => textOf(r, 'direction') === 'Loss') ? { lossBands } : {}),
    ...(Object.keys(terms.quality).length === 0 ? {} : { quality: terms.quality }),
    ...(Object.keys(terms.gain).length + Object.keys(terms.loss).length === 0
      ? {}
      : { caps: { gain: terms.gain, loss: terms.loss } }),
  });
}

/** A contract's bands, quality multipliers and caps, from its tables or the `terms` parameter. */
interface BandsAndCaps extends ParamTerms {
  readonly parties: readonly string[];
}

/**
 * The contract's terms: its bands, quality multipliers and caps with the simple
 * parameters that go with them (the gate and its holder, who receives what quality does
 * not earn and what caps pass on, each with its default by contract model).
 */
function withParamTerms(
  contract: InputRow,
  values: TypedParams,
  { parties, gainBands, lossBands, quality, caps }: BandsAndCaps,
): GainLossTermsInput {
  const commissioner = textOf(contract, 'commissioner') ?? '';
  const gate = decParam(values, 'gate');
  return {
    parties,
    gainBands,
    ...(lossBands === undefined ? {} : { lossBands }),
    ...(gate === undefined
      ? {}
      : {
          gate: {
            fraction: gate,
            holder: partyParam(values, 'gateHolder', parties, defaultHolder(contract)),
            appliesTo: (values.gateAppliesTo ?? 'both') as GateAppliesTo,
          },
        }),
    ...(quality === undefined
      ? {}
      : {
          quality: {
            multipliers: quality,
            unearnedTo: partyParam(values, 'unearnedTo', parties, commissioner),
          },
        }),
    ...(caps === undefined
      ? {}
      : {
          caps: {
            ...caps,
            overflowTo: partyParam(values, 'overflowTo', parties, commissioner),
          },
        }),
  };
}

/**
 * A contract's terms from the `terms` parameter (its bands, quality multipliers and
 * caps) and the simple parameters, checked by the engine: findings when the parameter
 * is not a record of terms or the engine refuses them.
 */
function termsFromParam(
  contract: InputRow,
  raw: ScenarioParams,
  values: TypedParams,
  findings: Finding[],
): GainLossTermsInput {
  const parties = partiesOf(contract);
  const read = readTermsParam(raw);
  if (!('terms' in read)) {
    findings.push(...read.findings);
    return { parties, gainBands: [] };
  }
  const terms = withParamTerms(contract, values, { parties, ...read.terms });
  findings.push(...engineChecked(terms));
  return terms;
}

/** The finding for `terms` with several contracts and none chosen: the terms are one contract's. */
function severalContracts(count: number): Finding {
  return termsFinding(
    `these are one contract’s terms and the Contracts table has ${count.toLocaleString('en-GB')} contracts: choose the contract they are for (the "contract" parameter), or leave "terms" out to share every contract under its rows in the RiskShareBands table.`,
  );
}

/**
 * Builds a gain/loss share of one contract (the `contract` parameter, or the only row)
 * from its expected spend (else its annual value), actual spend and parties, its
 * RiskShareBands rows (its own rows, else the rows with a blank Contract ID, which
 * apply to every contract without rows of its own), likewise its RiskShareTerms rows,
 * and the gate parameters; or, when the `terms` parameter is given, its bands, caps and
 * quality multipliers instead of those tables' rows (see gainLossShareTerms.ts), for
 * the contract chosen (with several contracts, `contract` must name it). Defaults by contract model: below the gate the provider
 * holds the variance under a prime contractor, prime provider or single contractor,
 * the commissioner otherwise; what quality does not earn and what caps pass on go to
 * the commissioner.
 */
export function buildGainLossShare(
  tables: InputTables,
  values: TypedParams,
  raw: ScenarioParams = {},
): Built<GainLossShareInput> {
  const origins = new OriginRecorder();
  const fromParam = hasTermsParam(raw);
  const named = textParam(values, 'contract');
  const several = named === undefined && fromParam && (tables.contracts?.rows.length ?? 0) > 1;
  const chosen = several
    ? { findings: [severalContracts(tables.contracts?.rows.length ?? 0)] }
    : chooseContract(tables.contracts, named);
  const findings: Finding[] = [...chosen.findings];
  const contract = chosen.row;
  const bandsTable = tables.riskShareBands;
  if (
    contract === undefined ||
    tables.contracts === undefined ||
    (bandsTable === undefined && !fromParam)
  ) {
    return {
      input: { expected: 0, actual: 0, parties: [], gainBands: [] },
      origins: origins.map,
      findings,
    };
  }
  const id = textOf(contract, 'contractId');
  const { expected, actual } = spendOf(tables.contracts, contract, findings);
  origins.add('expected', tables.contracts, contract, expectedColumn(contract));
  origins.add('actual', tables.contracts, contract, 'actual');
  origins.add('parties', tables.contracts, contract, 'parties');
  const terms =
    bandsTable === undefined || fromParam
      ? termsFromParam(contract, raw, values, findings)
      : contractTerms(
          contract,
          {
            bands: bandsTable,
            bandRows: new ContractRows(bandsTable).of(id),
            terms: tables.riskShareTerms,
            termRows: new ContractRows(tables.riskShareTerms).of(id),
          },
          values,
          origins,
          findings,
        );
  const units = decParam(values, 'units');
  const input: GainLossShareInput = {
    expected,
    actual: actual ?? expected,
    ...(units === undefined ? {} : { units }),
    ...terms,
  };
  return { input, origins: origins.map, findings };
}

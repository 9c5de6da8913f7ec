/**
 * Tables given as scenario parameters. A parameter named for a table kind the mechanism
 * reads (`riskShareBands`, `riskShareTerms`, ...) and holding a list of rows, each a
 * record from column header to value, stands in for the workbook's table of that kind:
 * the run reads it instead, with the same header matching, cell checks and findings as
 * a table on a sheet. Since parameters are saved with a run, tables given in a
 * `--params` file travel with the file and a repeated `bcf run` gives the same figures.
 * (The task pane's gain/loss editor sends the gain share's `terms` parameter instead,
 * shaped like the engine's terms: see mechanisms/gainLossShare/gainLossShareTerms.ts;
 * runs an older add-in saved with these tables still repeat through them.)
 *
 * @example
 * { "riskShareBands": [
 *     { "Direction": "Gain", "Band": 1, "Up to % of expected": 0.05, "Party": "Circle", "Share": 1 },
 *     { "Direction": "Gain", "Band": 2, "Party": "Circle", "Share": 0.5 } ] }
 */
import type { CellValue, TableData } from '../ports/workbook';
import type { Finding } from './findings';
import type { WantedTable } from './locate';
import { paramFinding, type ParamRecord, type ScenarioParams } from './params';
import type { TableKindId } from './tableSchema';

/** The sheet findings about a stand-in table name (it has no cells in the workbook). */
export const STAND_IN_SHEET = 'Scenario parameters';

const isRecord = (value: unknown): value is ParamRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A list of row records as a table: headers in the order the records first use them. */
function tableOf(name: string, records: readonly ParamRecord[]): TableData {
  const headers: string[] = [];
  for (const record of records) {
    for (const key of Object.keys(record)) if (!headers.includes(key)) headers.push(key);
  }
  const rows: CellValue[][] = records.map((record) => headers.map((h) => record[h] ?? null));
  return {
    name,
    sheet: STAND_IN_SHEET,
    headers,
    rows,
    rowCount: rows.length,
    headerRow: 1,
    firstColumn: 1,
  };
}

/**
 * The stand-in tables among a run's parameters, by kind, with findings for a parameter
 * of a table kind's name that is not a list of row records.
 *
 * @param wanted - the tables the mechanism reads.
 * @param params - the run's scenario parameters.
 */
export function standInTables(
  wanted: readonly WantedTable[],
  params: ScenarioParams,
): { readonly tables: ReadonlyMap<TableKindId, TableData>; readonly findings: readonly Finding[] } {
  const tables = new Map<TableKindId, TableData>();
  const findings: Finding[] = [];
  for (const { kind } of wanted) {
    const value = params[kind.id];
    if (value === undefined || value === null) continue;
    if (!Array.isArray(value) || !value.every(isRecord)) {
      findings.push(
        paramFinding(
          kind.defaultName,
          `a list of rows is needed, each a record from column header to value (e.g. [{"${kind.columns[0]?.header ?? 'Name'}": "..."}]).`,
          kind.id,
        ),
      );
      continue;
    }
    tables.set(kind.id, tableOf(kind.defaultName, value));
  }
  return { tables, findings };
}

/**
 * A finding as the user should read it when it is about a stand-in table: a parameter
 * has no cell, so the made-up address is dropped and the message starts "Scenario
 * parameter (RiskShareBands table, row 3, column "Share"): ..." rather than a cell
 * reference. Other findings are returned as they are.
 */
export function standInFinding(finding: Finding): Finding {
  if (finding.sheet !== STAND_IN_SHEET) return finding;
  const { address, ...rest } = finding;
  const prefix = address === undefined ? undefined : `'${STAND_IN_SHEET}'!${address} (`;
  return prefix !== undefined && rest.message.startsWith(prefix)
    ? { ...rest, message: `Scenario parameter (${rest.message.slice(prefix.length)}` }
    : rest;
}

/**
 * Generated workbooks for the file benchmark (deterministic, so every run measures the
 * same data): a contracts table of many rows with Bedfordshire-style risk-share bands
 * (King's Fund 2014: the provider keeps the first 5% of a gain, then 50/50; it bears all
 * losses), and the same gain shares written as plain spreadsheet formulas for
 * LibreOffice to compute.
 */
import { Workbook } from '../../src/adapters/xlsx/excelts';
import type { CellValue, SheetWrite } from '../../src/ports/workbook';
import { newWorkbook } from '../../src/cli/newWorkbook';
import { rangeAddress } from '../../src/ports/a1';
import { TABLE_KINDS } from '../../src/workbook/tableKinds';

/** One contract's expected and actual spend, in pounds with pence. */
export interface ContractSpend {
  readonly id: string;
  readonly expected: number;
  readonly actual: number;
}

/** A deterministic pseudo-random sequence (the engine benchmark's). */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** `rows` contracts with expected spend £10,000–£510,000 and actual within ±15% of it. */
export function contractSpends(rows: number): ContractSpend[] {
  const random = sequence(42);
  return Array.from({ length: rows }, (_, i) => {
    const expected = Math.round(1_000_000 + random() * 50_000_000) / 100;
    const actual = Math.round(expected * (0.85 + random() * 0.3) * 100) / 100;
    return { id: `C${String(i + 1).padStart(6, '0')}`, expected, actual };
  });
}

function tableSheet(
  sheet: string,
  table: string,
  headers: readonly string[],
  rows: readonly (readonly CellValue[])[],
): SheetWrite {
  const values = [headers, ...rows];
  return {
    sheet,
    values,
    numberFormats: values.map((r) => r.map(() => 'General')),
    tables: [{ name: table, range: rangeAddress(1, 1, values.length, headers.length) }],
    charts: [],
  };
}

/**
 * Writes a workbook with a Contracts table of the given contracts (prime contracts
 * between "Provider" and "CCG") and the Bedfordshire bands in a RiskShareBands table
 * that applies to every contract.
 */
export async function writeContractsWorkbook(
  path: string,
  spends: readonly ContractSpend[],
): Promise<void> {
  const contracts = TABLE_KINDS.contracts.columns.map((c) => c.header);
  const bands = TABLE_KINDS.riskShareBands.columns.map((c) => c.header);
  const workbook = newWorkbook();
  await workbook.writeSheets([
    tableSheet(
      'Contracts',
      'Contracts',
      contracts,
      spends.map((s) => [
        s.id,
        `Contract ${s.id}`,
        'Prime contractor',
        'CCG',
        'Provider',
        'Provider; CCG',
        s.expected,
        s.expected,
        s.actual,
        null,
      ]),
    ),
    tableSheet('Risk share', 'RiskShareBands', bands, [
      [null, 'Gain', 1, 0.05, null, 'Provider', 1],
      [null, 'Gain', 1, 0.05, null, 'CCG', 0],
      [null, 'Gain', 2, null, null, 'Provider', 0.5],
      [null, 'Gain', 2, null, null, 'CCG', 0.5],
      [null, 'Loss', 1, null, null, 'Provider', 1],
      [null, 'Loss', 1, null, null, 'CCG', 0],
    ]),
  ]);
  await workbook.saveAs(path, { force: true });
}

/**
 * Writes the same gain shares as plain formulas, one contract a row, rounded as the
 * engine rounds: variance (expected − actual, to the penny); in pence, the provider's
 * first band (all of the first 5% of expected) and each party's half of the rest, cut to
 * whole pence; the pence left over go to the largest remainders, ties to the provider
 * (listed first), as `roundParts` does; a loss is all the provider's. The CCG has the
 * rest. No values are saved for the formulas: Calc must compute them. (Rounding the
 * provider's total once instead differs by a penny on about 6% of rows.)
 */
export async function writeFormulaWorkbook(
  path: string,
  spends: readonly ContractSpend[],
): Promise<void> {
  const book = new Workbook();
  const sheet = book.addWorksheet('Gain share');
  sheet.addRow([
    'Contract',
    'Expected',
    'Actual',
    'Variance',
    'Band 1 (pence)',
    'Provider',
    'CCG',
    'Half of band 2 (pence)',
    'Pence left over',
  ]);
  spends.forEach((s, i) => {
    const r = i + 2;
    const [d, e, h, pence] = [`D${r}`, `E${r}`, `H${r}`, `I${r}`];
    const whole = (x: string): string => `ROUNDDOWN(${x},0)`;
    sheet.addRow([
      s.id,
      s.expected,
      s.actual,
      { formula: `ROUND(B${r}-C${r},2)` },
      { formula: `ROUND(MIN(${d},0.05*B${r})*100,4)` },
      {
        formula: `IF(${d}>0,(${whole(e)}+${whole(h)}+IF(${pence}>=1,1,0)+IF(AND(${pence}=2,${e}-${whole(e)}>=${h}-${whole(h)}),1,0))/100,${d})`,
      },
      { formula: `ROUND(${d}-F${r},2)` },
      { formula: `ROUND((${d}*100-${e})/2,4)` },
      { formula: `ROUND(${d}*100,0)-${whole(e)}-2*${whole(h)}` },
    ]);
  });
  await book.xlsx.writeFile(path);
}
